import type { ReportDocument } from '../model/report';
export type Severity = 'error' | 'confirm' | 'hint';
export declare const SEVERITY_LABELS: Record<Severity, string>;
export type RuleId = 'meta.required' | 'meta.formatYear' | 'cell.blank' | 'cell.invalid' | 't3.rowSum' | 't3.resultSum' | 't3.balance' | 't4.groupSum' | 'text.empty' | 'text.overviewLength' | 'text.feeStatement' | 'text.numbers' | 't2.regulationsPower' | 't3.otherShare' | 'prev.carryOver' | 'prev.inForce' | 'prev.identical' | 'prev.jump';
/** Where in the wizard a finding belongs: a table, a narrative section, or the basic information. */
export type FindingPlace = 'meta' | 't2' | 't3' | 't4' | 'overview' | 'problems' | 'other';
export interface Finding {
    rule: RuleId;
    severity: Severity;
    /** Stable id of what the finding is about within its rule (a row key, column key, table, section…).
     *  rule + target identify an explanation in the file. */
    target: string;
    place: FindingPlace;
    /** Canonical cell keys involved (may be empty for text and meta findings). */
    cells: string[];
    /** The two sides compared, when the rule compares numbers (e.g. typed total vs. sum of parts). */
    expected?: number;
    actual?: number;
    /** Chinese message: names the cells, shows both numbers and the difference, says what to do. */
    message: string;
    /** For confirm findings: the user's explanation from the file, if any. */
    explanation?: string;
}
export interface CheckInput {
    report: ReportDocument;
    /** Last year's report, for the prev.* rules. */
    previous?: ReportDocument;
}
/** Short Chinese name of each rule, for lists, filters and tooltips. */
export declare const RULE_LABELS: Record<RuleId, string>;
export type SeverityCounts = Record<Severity, number>;
