// text.numbers: a figure in the narrative that contradicts the table it describes (spec §6). The figures
// are read by text-figures.ts (conservatively: unsure means unread); here each is compared with its
// cell or cells. One finding per kind of figure (its first contradiction), with the sentence quoted, the
// cells named with both numbers and the difference, and the sentence's range for the editor.
//
// What each kind is compared with:
//   received      t3.received.total, or received + carriedIn (“收到申请75件” often counts last year's
//                 carried-in ones too: pingtan-2022 writes 75 for 74 received + 1 carried in)
//   resultsTotal / carriedIn / carriedOver   their t3 total cells
//   result groups the sum of the group's rows in the total column (granted + partlyGranted for the
//                 combined “予以公开和部分公开”)
//   review / suits  t4 review.total / suitDirect.total + suitAfterReview.total (or either one)
//   table 2       normativeDocs issued (2021) / made (2019); repealed and inForce (2021 only); licensing,
//                 penalties, enforcement decisions; fees (2021: 万元, the text's 元 converted, within the
//                 text's rounding)
//   outcomes      均获维持 / 均已审结 / 无被纠错 / 无败诉 against the corrected and pending columns
// Blank or non-numeric cells are not compared.
import type { ReportDocument } from '../model/report';
import type { FormatId, SectionKey } from '../formats/index';
import { getFormat, TABLE_NAMES } from '../formats/index';
import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
import { NUMBER } from './plan';
import { nameOf, num } from './format-text';
import { sectionText } from './text-rules';
import { extractMentions } from './text-figures';
import type { CaseScope, FigureKind, Mention } from './text-figures';

export { extractMentions } from './text-figures';
export type { FigureKind, Mention } from './text-figures';

/** What the finding calls each kind of figure. */
export const FIGURE_LABELS: Record<FigureKind, string> = {
  received: '收到的申请数',
  resultsTotal: '办结的申请数',
  carriedIn: '上年结转的申请数',
  carriedOver: '结转下年度的申请数',
  granted: '“予以公开”的件数',
  partlyGranted: '“部分公开”的件数',
  grantedOrPartly: '“予以公开和部分公开”的件数',
  withheld: '“不予公开”的件数',
  unavailable: '“无法提供”的件数',
  notProcessed: '“不予处理”的件数',
  otherResult: '“其他处理”的件数',
  review: '行政复议案件数',
  suits: '行政诉讼案件数',
  reviewAndSuits: '行政复议和行政诉讼案件合计数',
  normativeDocs: '制发的规范性文件数',
  normativeDocsRepealed: '废止的规范性文件数',
  normativeDocsInForce: '现行有效的规范性文件数',
  licensing: '行政许可决定数',
  penalties: '行政处罚决定数',
  enforcement: '行政强制决定数',
  fees: '行政事业性收费金额',
  casesUpheld: '“均获维持”',
  casesClosed: '“均已审结”',
  notCorrected: '“未被纠错”',
  noLostSuit: '“无败诉”',
};

const KINDS = Object.keys(FIGURE_LABELS) as FigureKind[];
const KIND_BIT = new Map(KINDS.map((k, i) => [k, 2 ** i]));

interface Target {
  /** Cells whose values add up to the figure. */
  cells: string[];
  /** What the message calls them. */
  name: string;
  /** Another reading the text may mean (received + carriedIn; one suit group). */
  alternatives?: string[][];
}

/** Per format: the cells each kind of count is compared with (undefined: the format has none). */
function targetsFor(id: FormatId): Partial<Record<FigureKind, Target>> {
  const format = getFormat(id);
  const groupRows = (group: string) => format.t3.rows.filter((r) => r.resultPart && r.key.split('.')[0] === group).map((r) => `t3.${r.key}.total`);
  const groupLabel = (group: string) => format.t3.rows.find((r) => r.key.split('.')[0] === group)!.labels[1]!;
  const group = (key: string): Target => {
    const cells = groupRows(key);
    return { cells, name: cells.length === 1 ? '' : `${TABLE_NAMES.t3}“${groupLabel(key)}”各行“总计”列之和` };
  };
  const t2 = (row: string, column: string): Target | undefined =>
    format.t2.subTables.some((s) => s.rows.some((r) => r.key === row) && s.columns.some((c) => c.key === column))
      ? { cells: [`t2.${row}.${column}`], name: '' }
      : undefined;
  const suitCells = ['t4.suitDirect.total', 't4.suitAfterReview.total'];
  return {
    received: { cells: ['t3.received.total'], name: '', alternatives: [['t3.received.total', 't3.carriedIn.total']] },
    resultsTotal: { cells: ['t3.resultsTotal.total'], name: '' },
    carriedIn: { cells: ['t3.carriedIn.total'], name: '' },
    carriedOver: { cells: ['t3.carriedOver.total'], name: '' },
    granted: group('granted'),
    partlyGranted: group('partlyGranted'),
    grantedOrPartly: { cells: [...groupRows('granted'), ...groupRows('partlyGranted')], name: `${TABLE_NAMES.t3}“（一）予以公开”与“（二）部分公开”行“总计”列之和` },
    withheld: group('withheld'),
    unavailable: group('unavailable'),
    notProcessed: group('notProcessed'),
    otherResult: group('other'),
    review: { cells: ['t4.review.total'], name: '' },
    suits: { cells: suitCells, name: `${TABLE_NAMES.t4}“未经复议直接起诉”与“复议后起诉”的“总计”之和`, alternatives: [[suitCells[0]!], [suitCells[1]!]] },
    reviewAndSuits: { cells: ['t4.review.total', ...suitCells], name: `${TABLE_NAMES.t4}“行政复议”“未经复议直接起诉”“复议后起诉”三栏“总计”之和` },
    normativeDocs: t2('normativeDocs', id === '2019' ? 'made' : 'issued'),
    normativeDocsRepealed: t2('normativeDocs', 'repealed'),
    normativeDocsInForce: t2('normativeDocs', 'inForce'),
    licensing: t2('licensing', 'decisions'),
    penalties: t2('penalties', 'decisions'),
    enforcement: t2('enforcement', 'decisions'),
    fees: t2('fees', 'amount'),
  };
}

const targetCache = new Map<FormatId, Partial<Record<FigureKind, Target>>>();
function targets(id: FormatId): Partial<Record<FigureKind, Target>> {
  let t = targetCache.get(id);
  if (!t) targetCache.set(id, (t = targetsFor(id)));
  return t;
}

/** Sum of cells, or undefined when one of them is blank or not a number. */
function sum(plan: CheckPlan, cur: CellBuffer, keys: readonly string[]): number | undefined {
  let s = 0;
  for (const key of keys) {
    const i = plan.index.get(key);
    if (i === undefined || cur.state[i] !== NUMBER) return undefined;
    s += cur.values[i]!;
  }
  return s;
}

const SCOPE_GROUPS: Record<CaseScope, string[]> = {
  review: ['review'],
  suits: ['suitDirect', 'suitAfterReview'],
  both: ['review', 'suitDirect', 'suitAfterReview'],
};
const GROUP_NAMES: Record<string, string> = { review: '行政复议', suitDirect: '行政诉讼“未经复议直接起诉”', suitAfterReview: '行政诉讼“复议后起诉”' };
const COLUMN_NAMES: Record<string, string> = { corrected: '结果纠正', pending: '尚未审结', other: '其他结果' };

/** The table-4 columns an outcome in words says are empty. */
const OUTCOME_COLUMNS: Partial<Record<FigureKind, string[]>> = {
  casesUpheld: ['corrected', 'pending'],
  casesClosed: ['pending'],
  notCorrected: ['corrected'],
  noLostSuit: ['corrected'],
};

const SECTIONS: readonly SectionKey[] = ['overview', 'problems', 'other'];
/** A narrative section's heading, from the format definitions. */
function heading(plan: CheckPlan, section: SectionKey): string {
  return getFormat(plan.id).sections.find((s) => s.key === section)?.heading ?? section;
}

// One-entry cache per section: extraction is the costly part and the texts rarely change between runs.
const cache: Record<SectionKey, { text: string; year: number; agency: string; mentions: Mention[] } | undefined> = {
  overview: undefined,
  problems: undefined,
  other: undefined,
};

function mentionsOf(section: SectionKey, text: string, year: number, agency: string): Mention[] {
  const hit = cache[section];
  if (hit && hit.text === text && hit.year === year && hit.agency === agency) return hit.mentions;
  const mentions = extractMentions(text, { year, agencyName: agency });
  cache[section] = { text, year, agency, mentions };
  return mentions;
}

/** At most 80 characters of the sentence around the figure. */
export function excerpt(sentence: string, at: number): string {
  const max = 80;
  if (sentence.length <= max) return sentence;
  const start = Math.max(0, Math.min(at - 40, sentence.length - max));
  return `${start > 0 ? '……' : ''}${sentence.slice(start, start + max)}${start + max < sentence.length ? '……' : ''}`;
}

interface Verdict {
  cells: string[];
  expected: number;
  actual: number;
  detail: string;
}

function cellName(plan: CheckPlan, key: string): string {
  const def = plan.model.cellByKey.get(key);
  return def ? nameOf(def) : key;
}

/** A contradiction between a counted mention and the table, or undefined (agrees, or nothing to compare). */
function countVerdict(m: Mention, plan: CheckPlan, cur: CellBuffer): Verdict | undefined {
  const target = targets(plan.id)[m.kind];
  if (!target) return undefined;
  const expected = sum(plan, cur, target.cells);
  if (expected === undefined) return undefined;
  const close = (v: number) => (m.kind === 'fees' ? Math.abs(v - m.value) <= m.tolerance + 1e-9 : v === m.value);
  if (close(expected)) return undefined;
  // “未发生…行政诉讼” is about both suit groups: the one-group reading is for a count (“行政诉讼1件”).
  for (const alt of m.value === 0 && m.kind === 'suits' ? [] : (target.alternatives ?? [])) {
    const v = sum(plan, cur, alt);
    if (v !== undefined && close(v)) return undefined;
  }
  const name = target.name || cellName(plan, target.cells[0]!);
  let note = '';
  if (m.kind === 'received') {
    const carriedIn = sum(plan, cur, ['t3.carriedIn.total']);
    if (carriedIn) note = `加上年结转 ${num(carriedIn)} 件为 ${num(expected + carriedIn)}；`;
  }
  const unit = m.kind === 'fees' ? ' 万元' : '';
  // “75 件”, “9116 万元”, “91163600元（即 9116.36 万元）”; a zero said in words (未收到…申请): “为 0”.
  const inWords = m.value === 0 && !/\d|[零〇一二两三四五六七八九十]/.test(m.said);
  const said = m.kind === 'fees' ? ` ${m.said}${m.said.endsWith('万元') ? '' : `（即 ${num(m.value)} 万元）`}` : inWords ? '为 0，' : ` ${num(m.value)} ${m.said.slice(-1)}`;
  return {
    cells: m.kind === 'received' ? ['t3.received.total', 't3.carriedIn.total'] : target.cells,
    expected,
    actual: m.value,
    detail: `其中${FIGURE_LABELS[m.kind]}${said}与${name}的 ${num(expected)}${unit} 不符（${note}相差 ${num(Math.abs(m.value - expected))}${unit}）`,
  };
}

function outcomeVerdict(m: Mention, plan: CheckPlan, cur: CellBuffer): Verdict | undefined {
  const columns = OUTCOME_COLUMNS[m.kind];
  if (!columns || !m.scope) return undefined;
  const groups = SCOPE_GROUPS[m.scope];
  // No case at all in the groups the sentence is about: nothing to contradict.
  const total = sum(plan, cur, groups.map((g) => `t4.${g}.total`));
  if (!total) return undefined;
  const cells: string[] = [];
  const parts: string[] = [];
  let count = 0;
  for (const g of groups) {
    for (const c of columns) {
      const key = `t4.${g}.${c}`;
      const v = sum(plan, cur, [key]);
      if (v === undefined || v === 0) continue;
      cells.push(key);
      count += v;
      parts.push(`${GROUP_NAMES[g]}“${COLUMN_NAMES[c]}”为 ${num(v)}`);
    }
  }
  if (count === 0) return undefined;
  return { cells, expected: count, actual: 0, detail: `而${TABLE_NAMES.t4}中${parts.join('、')}，与“${m.said}”不符（相差 ${num(count)} 件）` };
}

export function checkTextNumbers(report: ReportDocument, plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const year = typeof report.year === 'number' ? report.year : NaN;
  const agency = typeof report.agency?.name === 'string' ? report.agency.name : '';
  let reported = 0; // bit per kind: one finding per kind of figure, for its first contradiction
  for (const section of SECTIONS) {
    const text = sectionText(report, section);
    if (text === '') continue;
    const mentions = mentionsOf(section, text, year, agency);
    for (let k = 0; k < mentions.length; k++) {
      const mention = mentions[k]!;
      const bit = KIND_BIT.get(mention.kind)!;
      if (reported & bit) continue;
      const verdict = Number.isNaN(mention.value) ? outcomeVerdict(mention, plan, cur) : countVerdict(mention, plan, cur);
      if (!verdict) continue;
      reported |= bit;
      out.push({
        rule: 'text.numbers',
        severity: 'confirm',
        target: mention.kind,
        place: section,
        cells: verdict.cells,
        expected: verdict.expected,
        actual: verdict.actual,
        range: { start: mention.start, end: mention.end },
        message: `“${heading(plan, section)}”中写道：“${excerpt(mention.sentence, mention.at)}”，${verdict.detail}。请核对正文或表格，或说明原因。`,
      });
    }
  }
}
