import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
/** Number of decimals a number is written with in its shortest form (1.25 → 2, 1e-7 → 7). */
export declare function decimalsOf(v: number): number;
export declare function checkBlankCells(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void;
export declare function checkInvalidCells(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void;
