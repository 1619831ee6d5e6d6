// What the check engine reports. Rule ids and severities are those of the spec (§6), verbatim.
import { type ReportPlace, TABLE_NAMES } from '../formats/vocabulary';
import type { ReportDocument } from '../model/report';

export type Severity = 'error' | 'confirm' | 'hint';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', confirm: '须说明', hint: '提示' };

export type RuleId =
  | 'meta.required'
  | 'meta.formatYear'
  | 'cell.blank'
  | 'cell.invalid'
  | 'cell.implausible'
  | 't3.rowSum'
  | 't3.resultSum'
  | 't3.balance'
  | 't4.groupSum'
  | 'text.empty'
  | 'text.overviewLength'
  | 'text.feeStatement'
  | 'text.numbers'
  | 't2.regulationsPower'
  | 't3.otherShare'
  | 'prev.carryOver'
  | 'prev.inForce'
  | 'prev.identical'
  | 'prev.jump';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Stable id of what the finding is about within its rule (a row key, column key, table, section…).
   *  rule + target identify an explanation in the file. */
  target: string;
  /** Where in the wizard the finding belongs. */
  place: ReportPlace;
  /** Canonical cell keys involved (may be empty for text and meta findings). */
  cells: string[];
  /** The two sides compared, when the rule compares numbers (e.g. typed total vs. sum of parts). */
  expected?: number;
  actual?: number;
  /** For text findings about one sentence: its range in the section's text (start inclusive, end
   *  exclusive, UTF-16 offsets), so that the editor can select it. */
  range?: { start: number; end: number };
  /** Chinese message: names the cells, shows both numbers and the difference, says what to do. */
  message: string;
  /** For confirm findings: the user's explanation from the file, if any. */
  explanation?: string;
}

export interface CheckInput {
  report: ReportDocument;
  /** Last year's report, for the prev.* rules; absent: the report's own `previous` block, if it has one. */
  previous?: ReportDocument;
}

/** Short Chinese name of each rule, for lists, filters and tooltips. */
export const RULE_LABELS: Record<RuleId, string> = {
  'meta.required': '基本信息未填',
  'meta.formatYear': '格式与年度不符',
  'cell.blank': '空白单元格',
  'cell.invalid': '数字不合规',
  'cell.implausible': '数字异常大',
  't3.rowSum': `${TABLE_NAMES.t3}行合计不符`,
  't3.resultSum': `${TABLE_NAMES.t3}办理结果合计不符`,
  't3.balance': `${TABLE_NAMES.t3}勾稽关系不平`,
  't4.groupSum': `${TABLE_NAMES.t4}合计不符`,
  'text.empty': '正文为空',
  'text.overviewLength': '总体情况篇幅过长',
  'text.feeStatement': '未说明信息处理费',
  'text.numbers': '正文数字与表格不符',
  't2.regulationsPower': '无规章制定权却填报规章',
  't3.otherShare': '其他处理占比高',
  'prev.carryOver': '上年结转与上年报告不符',
  'prev.inForce': '现行有效件数与上年不衔接',
  'prev.identical': '与上年报告雷同',
  'prev.jump': '与上年相比变化过大',
};

export type SeverityCounts = Record<Severity, number>;
