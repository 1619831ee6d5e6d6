import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
export declare function checkSums(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void;
export declare function checkBalance(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void;
