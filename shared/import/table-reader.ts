// Reads one table's cells out of its token stream, through the printed grids of shared/formats: every
// grid body row that holds value cells is a row to find, named by its innermost label. Rows are found
// by their label (so a missing or extra row does not shift the others), values are taken only when
// their count matches the row; anything else is reported, never guessed.
import { cellName, formatModel } from '../formats/index';
import type { CellDef, FormatId, TableId } from '../formats/types';
import type { Token } from './table-tokens';
import { normLabel, quote, similarity } from './text-normalize';
import type { ImportProblem } from './types';

export const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

export interface RowSpec {
  index: number;
  keys: string[];
  /** Normalised innermost row label; undefined for a row printed without a label (table 4). */
  label?: string;
  /** The label as printed, for messages. */
  display: string;
}

interface TableSpec {
  table: TableId;
  rows: RowSpec[];
  /** Normalised fixed texts of the table in both formats, longest first. */
  vocabulary: string[];
  cellByKey: Map<string, CellDef>;
}

const specCache = new Map<string, TableSpec>();

export function tableSpec(format: FormatId, table: TableId): TableSpec {
  const id = `${format}/${table}`;
  let spec = specCache.get(id);
  if (spec) return spec;
  const model = formatModel(format);
  const rows: RowSpec[] = [];
  for (const gridRow of model.grids[table].bodyRows) {
    const keys = gridRow.filter((c) => c.role === 'value' && c.key).map((c) => c.key!);
    if (keys.length === 0) continue;
    const def = model.cellByKey.get(keys[0]!)!;
    const hasLabel = gridRow.some((c) => c.role === 'label');
    const display = hasLabel ? def.rowLabels[def.rowLabels.length - 1]! : TABLE_NAMES[table];
    rows.push({ index: rows.length, keys, ...(hasLabel ? { label: normLabel(display) } : {}), display });
  }
  const words = new Set<string>();
  for (const other of ['2019', '2021'] as FormatId[]) {
    const grid = formatModel(other).grids[table];
    for (const gridRow of [...grid.headerRows, ...grid.bodyRows]) {
      for (const c of gridRow) if (c.text) words.add(normLabel(c.text));
    }
    for (const c of formatModel(other).cells) {
      if (c.table === table) for (const l of [...c.rowLabels, ...c.columnLabels]) words.add(normLabel(l));
    }
  }
  spec = { table, rows, vocabulary: [...words].filter(Boolean).sort((a, b) => b.length - a.length), cellByKey: model.cellByKey };
  specCache.set(id, spec);
  return spec;
}

/** A fragment of the table's fixed text (a header, a label or a piece of a broken one). */
function isKnown(spec: TableSpec, n: string): boolean {
  if (n === '' || spec.vocabulary.some((v) => v.includes(n))) return true;
  let rest = n;
  for (const v of spec.vocabulary) if (v.length >= 2 && rest.includes(v)) rest = rest.split(v).join('');
  return rest.length <= 1 || spec.vocabulary.some((v) => v.includes(rest));
}

/** Column headers printed only in this format (not part of any header of the other one). */
export function formatOnlyHeaders(format: FormatId, table: TableId): string[] {
  const other: FormatId = format === '2019' ? '2021' : '2019';
  const headers = (f: FormatId) =>
    formatModel(f)
      .grids[table].headerRows.concat(formatModel(f).grids[table].bodyRows)
      .flat()
      .filter((c) => c.role === 'header' && c.text)
      .map((c) => normLabel(c.text!));
  const theirs = headers(other);
  return [...new Set(headers(format))].filter((h) => !theirs.some((t) => t.includes(h)));
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy' | 'unlabelled';

export interface TableReading {
  values: Map<string, number | null>;
  /** How each row read was found, by row index. */
  found: Map<number, MatchKind>;
  /** Rows whose number of values matched the format (by row index). */
  complete: Set<number>;
  problems: ImportProblem[];
  /** Index of the last row whose label was found in the text (for truncation messages). */
  lastFound: number;
}

export interface ReadOptions {
  /** Accept rows whose label only resembles the printed one (reported). Off for format detection. */
  fuzzy: boolean;
}

const FUZZY_THRESHOLD = 0.6;

export function readTable(tokens: Token[], format: FormatId, table: TableId, opts: ReadOptions): TableReading {
  const spec = tableSpec(format, table);
  const name = TABLE_NAMES[table];
  const reading: TableReading = { values: new Map(), found: new Map(), complete: new Set(), problems: [], lastFound: -1 };
  const problem = (p: Omit<ImportProblem, 'place'>) => reading.problems.push({ place: table, ...p });
  const strayText: string[] = [];
  let run: Token[] = [];
  let lastRow: RowSpec | undefined;

  const noteStray = (tokens: Token[]) => {
    for (const t of tokens) if (t.kind === 'text' && !isKnown(spec, normLabel(t.text))) strayText.push(t.text);
  };

  const resolve = (): { row: RowSpec; how: MatchKind } | undefined => {
    const text = run.map((t) => normLabel(t.text)).join('');
    const labelled = spec.rows.filter((r) => r.label !== undefined);
    if (text) {
      // Exact: the text before the numbers ends with the row's label (outer labels may precede it).
      let best: RowSpec | undefined;
      for (const r of labelled) if (text.endsWith(r.label!) && (!best || r.label!.length > best.label!.length)) best = r;
      if (best) return { row: best, how: 'exact' };
      // Prefix: a label broken over lines with the numbers on its first line (pdftotext -layout).
      let bestK = 0;
      let tie = false;
      for (const r of labelled) {
        if (reading.found.has(r.index)) continue;
        const label = r.label!;
        const minK = Math.max(4, Math.ceil(label.length / 2));
        for (let k = label.length - 1; k >= minK; k--) {
          if (!text.endsWith(label.slice(0, k))) continue;
          if (k > bestK) [best, bestK, tie] = [r, k, false];
          else if (k === bestK) tie = true;
          break;
        }
      }
      if (best && !tie) return { row: best, how: 'prefix' };
      // Fuzzy: a misspelt label (“其他法律行政止公开”), only for the next rows expected in order.
      if (opts.fuzzy) {
        const next = labelled.filter((r) => r.index > reading.lastFound && !reading.found.has(r.index)).slice(0, 2);
        let score = 0;
        for (const r of next) {
          const label = r.label!;
          for (let m = Math.max(2, label.length - 3); m <= label.length + 3; m++) {
            const s = similarity(text.slice(-m), label);
            if (s > score) [score, best] = [s, r];
          }
        }
        if (best && score >= FUZZY_THRESHOLD) return { row: best, how: 'fuzzy' };
      }
    }
    const unlabelled = spec.rows.find((r) => r.label === undefined && !reading.found.has(r.index));
    return unlabelled ? { row: unlabelled, how: 'unlabelled' } : undefined;
  };

  let p = 0;
  while (p < tokens.length) {
    const t = tokens[p]!;
    if (t.kind === 'break') {
      p++;
      continue;
    }
    if (t.kind === 'text') {
      run.push(t);
      p++;
      continue;
    }
    const emptyCell = t.kind === 'blank' && t.text === '';
    const match = resolve();
    // An empty cell not preceded by a row label is a merged label cell or a header placeholder.
    if (emptyCell && (!match || match.how === 'unlabelled')) {
      p++;
      continue;
    }
    const { cells, end } = collectValues(tokens, p, spec);
    const numbers = cells.map(showCell).join('、');
    const runText = run.map((r) => r.text).join('');
    if (!match) {
      if (run.length === 0 && lastRow) problem({ message: `${name}“${lastRow.display}”行之后多出数字 ${numbers}，未导入。` });
      else if (run.length === 0) problem({ message: `${name}开头有不属于任何行的数字 ${numbers}，未导入。` });
      else problem({ message: `${name}中有无法识别的行${quote(runText)}（数字 ${numbers}），未导入。` });
    } else if (reading.found.has(match.row.index)) {
      problem({ message: `${name}“${match.row.display}”行出现了不止一次，只读入第一次。` });
    } else {
      const row = match.row;
      if (match.how === 'fuzzy') {
        problem({ key: row.keys[0], cells: row.keys, message: `${name}的行名${quote(runText)}与格式中的“${row.display}”不完全一致，已按“${row.display}”行读入，请核对。` });
      } else {
        noteStray(run);
      }
      reading.found.set(row.index, match.how);
      reading.lastFound = Math.max(reading.lastFound, row.index);
      assignRow(spec, row, cells, reading, problem);
      lastRow = row;
    }
    run = [];
    p = end;
  }
  noteStray(run);
  if (strayText.length > 0) {
    problem({ message: `${name}中有文字不属于表格，未导入：${strayText.map((s) => quote(s, 40)).join('、')}。` });
  }
  return reading;
}

const showCell = (t: Token) => (t.kind === 'blank' ? (t.text ? `“${t.text}”` : '（空白）') : t.kind === 'text' ? `“${t.text}”` : t.text);

/** A token in a value position that is not a number: a cell written wrongly (“十”, “0件”, “O”),
 *  as opposed to the label of the next row. */
function looksLikeValue(spec: TableSpec, t: Token): boolean {
  const n = normLabel(t.text);
  if (n.length >= 2 && isKnown(spec, n)) return false;
  return /\d/.test(n) || [...n].length <= 3;
}

/** The value cells from tokens[p]: up to the next label, or the next empty line followed by one. */
function collectValues(tokens: Token[], p: number, spec: TableSpec): { cells: Token[]; end: number } {
  const cells: Token[] = [];
  let q = p;
  while (q < tokens.length) {
    const t = tokens[q]!;
    if (t.kind === 'break') {
      let r = q + 1;
      while (r < tokens.length && tokens[r]!.kind === 'break') r++;
      const u = tokens[r];
      if (u && (u.kind === 'number' || (u.kind === 'blank' && u.text !== ''))) {
        q = r;
        continue;
      }
      break;
    }
    if (t.kind === 'text' && !looksLikeValue(spec, t)) break;
    cells.push(t);
    q++;
  }
  return { cells, end: q };
}

function assignRow(
  spec: TableSpec,
  row: RowSpec,
  cells: Token[],
  reading: TableReading,
  problem: (p: Omit<ImportProblem, 'place'>) => void,
): void {
  const name = TABLE_NAMES[spec.table];
  const n = row.keys.length;
  // Empty cells after the last value (a merged cell copied as several) are not values.
  const values = [...cells];
  while (values.length > n && values[values.length - 1]!.kind === 'blank' && values[values.length - 1]!.text === '') values.pop();
  if (values.length !== n) {
    for (const key of row.keys) reading.values.set(key, null);
    problem({
      key: row.keys[0],
      cells: row.keys,
      message: `${name}“${row.display}”行应有 ${n} 个数，读到 ${values.length} 个（${values.map(showCell).join('、')}），无法确定各对应哪一格，整行留空，请对照原文填写。`,
    });
    return;
  }
  reading.complete.add(row.index);
  const blanks: string[] = [];
  values.forEach((t, i) => {
    const key = row.keys[i]!;
    const def = spec.cellByKey.get(key)!;
    if (t.kind === 'number') {
      reading.values.set(key, t.value!);
      const invalid = kindProblem(def, t.value!);
      if (invalid) problem({ key, message: `${cellName(def)}：原文“${t.text}”${invalid}，已照原文读入，检查时会报错。` });
    } else if (t.kind === 'blank') {
      reading.values.set(key, null);
      blanks.push(key);
    } else {
      reading.values.set(key, null);
      problem({ key, message: `${cellName(def)}：原文“${t.text}”不是数字，已留空，请对照原文填写。` });
    }
  });
  if (blanks.length === 1) {
    const key = blanks[0]!;
    const def = spec.cellByKey.get(key)!;
    const mark = values[row.keys.indexOf(key)]!.text;
    problem({ key, message: `${cellName(def)}：原文${mark ? `为“${mark}”` : '是空白'}，不当作 0，已留空。` });
  } else if (blanks.length > 1) {
    const cols = blanks.map((k) => spec.cellByKey.get(k)!.columnLabels.at(-1)).join('、');
    problem({ key: blanks[0], cells: blanks, message: `${name}“${row.display}”行的 ${cols} 原文是空白或“/”，不当作 0，已留空。` });
  }
}

function kindProblem(def: CellDef, value: number): string | undefined {
  if (def.kind === 'count' && (!Number.isInteger(value) || value < 0)) return '不是非负整数';
  if (def.kind === 'signedCount' && !Number.isInteger(value)) return '不是整数';
  if (def.kind === 'amount') {
    if (value < 0) return '是负数';
    if (Math.abs(value * 1e4 - Math.round(value * 1e4)) > 1e-6) return '超过 4 位小数';
  }
  return undefined;
}
