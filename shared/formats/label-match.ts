// Matching a row label as it comes with pasted or imported data (“1、属于国家秘密”, “（二）部分公开”,
// “其他法律行政止公开” as a real report misspells it) to the official rows of a table. One decision shared
// by the grid's paste and the importers: normalised labels compared exactly first, then by their text
// without the outline numbering, then by edit distance — and an answer only when one row clearly wins.
import { formatModel } from './index';
import type { FormatId, TableId } from './types';

/** Comparable form: NFKC, no whitespace or quotes, brackets and numbering written one way. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/^(\d{1,2})[、.．,，]/, '$1.');
}

const NUMBERING = /^(\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\.)/;

/** “(三)不予公开” → { numbering: '(三)', body: '不予公开' }. */
export function splitNumbering(norm: string): { numbering: string; body: string } {
  const m = NUMBERING.exec(norm);
  return m ? { numbering: m[1]!, body: norm.slice(m[1]!.length) } : { numbering: '', body: norm };
}

/** Levenshtein distance (labels are short: at most a few dozen characters). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** How alike a written label is to an official one, 0…1 (1: the same after normalising). */
export function labelSimilarity(written: string, official: string): number {
  const a = normaliseLabel(written);
  const b = normaliseLabel(official);
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const x = splitNumbering(a);
  const y = splitNumbering(b);
  if (x.body === '' || y.body === '') return 0;
  // Numbering disagrees (“2.” against “3.”): a strong sign of another row.
  const numberingPenalty = x.numbering && y.numbering && x.numbering !== y.numbering ? 0.3 : 0;
  if (x.body === y.body) return 0.95 - numberingPenalty;
  // A label cut short or run on (“3.其他” / “（六）其他处理”) is not the same row: only close spellings count.
  const distance = editDistance(x.body, y.body);
  return Math.max(0, 1 - distance / Math.max(x.body.length, y.body.length) - numberingPenalty - 0.05);
}

export interface LabelCandidate<T> {
  item: T;
  label: string;
}

export interface LabelMatch<T> {
  item: T;
  score: number;
  /** True when the label is the official one (after normalising). */
  exact: boolean;
}

/** Below this, a label is not taken for an official one. */
export const LABEL_MATCH_THRESHOLD = 0.6;
/** The best candidate must lead the next one by this much; otherwise the label is ambiguous. */
const LEAD = 0.1;

/** The official label a written one stands for, or undefined when none or several fit. */
export function matchLabel<T>(written: string, candidates: readonly LabelCandidate<T>[]): LabelMatch<T> | undefined {
  let best: LabelMatch<T> | undefined;
  let second = 0;
  for (const c of candidates) {
    const score = labelSimilarity(written, c.label);
    if (!best || score > best.score) {
      if (best) second = Math.max(second, best.score);
      best = { item: c.item, score, exact: score === 1 };
    } else {
      second = Math.max(second, score);
    }
  }
  if (!best || best.score < LABEL_MATCH_THRESHOLD) return undefined;
  if (!best.exact && best.score - second < LEAD) return undefined;
  return best;
}

/** A data row of a table: its value cells in print order and its label path (outermost first). */
export interface TableRowLabels {
  /** Index among the table's data rows. */
  index: number;
  keys: string[];
  labels: string[];
}

const rowsCache = new Map<string, TableRowLabels[]>();

/** The data rows of a table with their label paths (table 4's single row has its group labels). */
export function tableRowLabels(format: FormatId, table: TableId): TableRowLabels[] {
  const id = `${format}/${table}`;
  const hit = rowsCache.get(id);
  if (hit) return hit;
  const model = formatModel(format);
  const rows: TableRowLabels[] = [];
  for (const gridRow of model.grids[table].bodyRows) {
    const keys = gridRow.filter((c) => c.role === 'value' && c.key).map((c) => c.key!);
    if (keys.length === 0) continue;
    const def = model.cellByKey.get(keys[0]!)!;
    rows.push({ index: rows.length, keys, labels: gridRow.some((c) => c.role === 'label') ? def.rowLabels : [] });
  }
  rowsCache.set(id, rows);
  return rows;
}
