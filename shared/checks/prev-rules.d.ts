import type { Finding } from './types';
import type { ReportDocument } from '../model/report';
import type { CellBuffer, CheckPlan } from './plan';
/** prev.identical: section 五 at least this similar (bigram Dice) to last year's. */
export declare const IDENTICAL_TEXT_SIMILARITY = 0.8;
/** prev.jump: a change by more than this factor either way… */
export declare const JUMP_FACTOR = 5;
/** …counts only when the larger of the two years is at least this. Small figures swing freely
 * (1 → 6 applications is no sign of a typo), and it decides the zero case: 0 → 12 is a jump,
 * 0 → 9 is not, 0 → 0 never is. */
export declare const JUMP_MIN = 10;
export declare function checkCarryOver(plan: CheckPlan, cur: CellBuffer, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void;
export declare function checkInForce(plan: CheckPlan, cur: CellBuffer, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void;
export declare function checkJumps(plan: CheckPlan, cur: CellBuffer, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void;
export declare function checkIdentical(report: ReportDocument, plan: CheckPlan, cur: CellBuffer, previous: ReportDocument, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void;
