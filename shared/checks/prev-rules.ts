// Rules comparing with last year's report: prev.carryOver, prev.inForce, prev.identical, prev.jump.
// Blank or non-numeric cells on either side are not compared (cell.blank / cell.invalid report them).
import { type ReportPlace, SECTION_HEADINGS, TABLE_NAMES } from '../formats/vocabulary';
import type { Finding } from './types';
import type { ReportDocument } from '../model/report';
import type { CellBuffer, CheckPlan } from './plan';
import { NUMBER, sharedCells } from './plan';
import { columnLabel, difference, nameOf, num, rowLabel } from './format-text';
import { isBlankText, sectionText } from './text-rules';
import { textSimilarity } from './similarity';

/** prev.identical: section 五 at least this similar (bigram Dice) to last year's. */
export const IDENTICAL_TEXT_SIMILARITY = 0.8;
/** prev.jump: a change by more than this factor either way… */
export const JUMP_FACTOR = 5;
/** …counts only when the larger of the two years is at least this. Small figures swing freely
 * (1 → 6 applications is no sign of a typo), and it decides the zero case: 0 → 12 is a jump,
 * 0 → 9 is not, 0 → 0 never is. */
export const JUMP_MIN = 10;

export function checkCarryOver(plan: CheckPlan, cur: CellBuffer, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void {
  const columns = plan.t3Columns;
  for (let c = 0; c < columns.length; c++) {
    const i = plan.carriedIn[c]!;
    // Both formats share table 3's columns; look the column up by key in last year's plan all the same.
    const j = prevPlan.carriedOver[c]!;
    if (cur.state[i] !== NUMBER || prev.state[j] !== NUMBER) continue;
    const now = cur.values[i]!;
    const before = prev.values[j]!;
    if (now === before) continue;
    const def = plan.defs[i]!;
    const prevDef = prevPlan.defs[j]!;
    out.push({
      rule: 'prev.carryOver',
      severity: 'confirm',
      target: columns[c]!,
      place: 't3',
      cells: [def.key],
      expected: before,
      actual: now,
      message:
        `${nameOf(def)}为 ${num(now)}，但上年报告“${rowLabel(prevDef)}”行“${columnLabel(prevDef)}”列为 ${num(before)}${difference(now, before)}。` +
        '上年结转的申请应等于上年报告中结转下年度继续办理的数量；请核对，或说明原因（如上年报告有误）。',
    });
  }
}

const IN_FORCE_ROWS = ['regulations', 'normativeDocs'] as const;

export function checkInForce(plan: CheckPlan, cur: CellBuffer, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void {
  // Only 2021 → 2021: the 2019 format counts 对外公开总数量, not 现行有效件数.
  if (plan.id !== '2021' || prevPlan.id !== '2021') return;
  for (const row of IN_FORCE_ROWS) {
    const issued = plan.index.get(`t2.${row}.issued`)!;
    const repealed = plan.index.get(`t2.${row}.repealed`)!;
    const inForce = plan.index.get(`t2.${row}.inForce`)!;
    const prevInForce = prevPlan.index.get(`t2.${row}.inForce`)!;
    const s = cur.state;
    if (s[issued] !== NUMBER || s[repealed] !== NUMBER || s[inForce] !== NUMBER || prev.state[prevInForce] !== NUMBER) continue;
    const v = cur.values;
    const before = prev.values[prevInForce]!;
    const expected = before + v[issued]! - v[repealed]!;
    const actual = v[inForce]!;
    if (expected === actual) continue;
    const def = plan.defs[inForce]!;
    out.push({
      rule: 'prev.inForce',
      severity: 'hint',
      target: row,
      place: 't2',
      cells: [plan.keys[inForce]!, plan.keys[issued]!, plan.keys[repealed]!],
      expected,
      actual,
      message:
        `${nameOf(def)}为 ${num(actual)}，但上年现行有效 ${num(before)} 件加本年制发 ${num(v[issued]!)} 件、减本年废止 ${num(v[repealed]!)} 件应为 ${num(expected)}${difference(actual, expected)}。` +
        '如本年集中清理过文件或上年数字有误，可忽略；否则请核对这三项。',
    });
  }
}

interface JumpMetric {
  target: string;
  place: ReportPlace;
  keys: string[];
  /** Name for messages when the metric adds up several cells. */
  label?: string;
}

const JUMP_METRICS: JumpMetric[] = [
  { target: 'received', place: 't3', keys: ['t3.received.total'] },
  { target: 'resultsTotal', place: 't3', keys: ['t3.resultsTotal.total'] },
  { target: 'review', place: 't4', keys: ['t4.review.total'] },
  {
    target: 'suits',
    place: 't4',
    keys: ['t4.suitDirect.total', 't4.suitAfterReview.total'],
    label: `${TABLE_NAMES.t4}行政诉讼总计（未经复议直接起诉与复议后起诉之和）`,
  },
  { target: 'licensing', place: 't2', keys: ['t2.licensing.decisions'] },
  { target: 'penalties', place: 't2', keys: ['t2.penalties.decisions'] },
];

const jumpIndexes = new Map<string, Int32Array[]>();

function metricIndexes(plan: CheckPlan): Int32Array[] {
  let found = jumpIndexes.get(plan.id);
  if (!found) {
    found = JUMP_METRICS.map((m) => Int32Array.from(m.keys.map((k) => plan.index.get(k) ?? -1)));
    jumpIndexes.set(plan.id, found);
  }
  return found;
}

/** Sum of a metric's cells, or NaN when one of them is blank, not a number or not in the format. */
function metricValue(indexes: Int32Array, buffer: CellBuffer): number {
  let sum = 0;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    if (i < 0 || buffer.state[i] !== NUMBER) return NaN;
    sum += buffer.values[i]!;
  }
  return sum;
}

export function checkJumps(plan: CheckPlan, cur: CellBuffer, prevPlan: CheckPlan, prev: CellBuffer, out: Finding[]): void {
  const curIdx = metricIndexes(plan);
  const prevIdx = metricIndexes(prevPlan);
  for (let m = 0; m < JUMP_METRICS.length; m++) {
    const now = metricValue(curIdx[m]!, cur);
    const before = metricValue(prevIdx[m]!, prev);
    if (Number.isNaN(now) || Number.isNaN(before)) continue;
    const hi = now > before ? now : before;
    const lo = now > before ? before : now;
    if (hi < JUMP_MIN || hi <= JUMP_FACTOR * lo) continue;
    const metric = JUMP_METRICS[m]!;
    const name = metric.label ?? nameOf(plan.model.cellByKey.get(metric.keys[0]!)!);
    const change =
      lo === 0
        ? `从上年的 ${num(before)} 变为 ${num(now)}`
        : now > before
          ? `是上年（${num(before)}）的 ${num(Math.round((now / before) * 10) / 10)} 倍`
          : `只有上年（${num(before)}）的 ${num(Math.round((now / before) * 1000) / 10)}%`;
    out.push({
      rule: 'prev.jump',
      severity: 'hint',
      target: metric.target,
      place: metric.place,
      cells: metric.keys,
      expected: before,
      actual: now,
      message:
        `${name}本年为 ${num(now)}，${change}，变化超过 ${JUMP_FACTOR} 倍${difference(now, before)}。` +
        '请核对是否填错（如多写或少写了一位数）；如属实，可在总体情况中说明原因。',
    });
  }
}

export function checkIdentical(
  report: ReportDocument,
  plan: CheckPlan,
  cur: CellBuffer,
  previous: ReportDocument,
  prevPlan: CheckPlan,
  prev: CellBuffer,
  out: Finding[],
): void {
  // Tables: every cell both formats have is equal (blank = blank), and at least one is a non-zero
  // number — a body with no applications, suits or documents legitimately repeats all zeros.
  const pairs = sharedCells(plan, prevPlan);
  const a = pairs.cur;
  const b = pairs.prev;
  let equal = a.length > 0;
  let nonZero = false;
  for (let k = 0; k < a.length; k++) {
    const i = a[k]!;
    const j = b[k]!;
    const s = cur.state[i];
    if (s !== prev.state[j] || cur.values[i] !== prev.values[j]) {
      equal = false;
      break;
    }
    if (s === NUMBER && cur.values[i] !== 0) nonZero = true;
  }
  if (equal && nonZero) {
    out.push({
      rule: 'prev.identical',
      severity: 'confirm',
      target: 'tables',
      place: 't3',
      cells: Array.from(a, (i) => plan.keys[i]!),
      message:
        `本年报告表格中的 ${a.length} 个单元格与上年报告完全相同。格式要求不得年年雷同；` +
        '请核对是否误用了上年的数据，如确实如此，请说明。',
    });
  }

  const text = sectionText(report, 'problems');
  const before = sectionText(previous, 'problems');
  if (isBlankText(text) || isBlankText(before)) return;
  const similarity = textSimilarity(text, before);
  if (similarity < IDENTICAL_TEXT_SIMILARITY) return;
  const percent = Math.floor(similarity * 100);
  out.push({
    rule: 'prev.identical',
    severity: 'confirm',
    target: 'problems',
    place: 'problems',
    cells: [],
    expected: IDENTICAL_TEXT_SIMILARITY * 100,
    actual: percent,
    message:
      `“${SECTION_HEADINGS.problems}”与上年报告的相似度为 ${percent}%（达到 ${IDENTICAL_TEXT_SIMILARITY * 100}% 即提示）。` +
      '格式要求写明具体问题，不得年年雷同；请结合本年情况改写，或说明原因。',
  });
}
