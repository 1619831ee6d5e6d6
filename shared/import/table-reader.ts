// Reads one table's cells out of its token stream, through the printed grids of shared/formats: every
// grid body row that holds value cells is a row to find, named by its innermost label. Rows are found
// by their label (so a missing or extra row does not shift the others), values are taken only when
// their count matches the row; anything else is reported, never guessed.
import { cellName, formatModel, TABLE_NAMES } from '../formats/index';
import type { CellDef, FormatId, TableId } from '../formats/types';
import type { Token } from './table-tokens';
import { labelSimilarity, LABEL_MATCH_THRESHOLD } from '../formats/label-match';
import { MONEY_UNITS, normLabel, quote } from './text-normalize';
import type { ImportProblem } from './types';
import { parseCellValue } from '../model/cell-value';


export interface RowSpec {
  index: number;
  keys: string[];
  /** Normalised innermost row label; undefined for a row printed without a label (table 4). */
  label?: string;
  /** The label as printed, for messages. */
  display: string;
  /** Normalised outer labels (row spans to its left, e.g. “（六）其他处理”). */
  outer: string[];
}

interface TableSpec {
  format: FormatId;
  table: TableId;
  rows: RowSpec[];
  /** Normalised fixed texts of the table in both formats, longest first. */
  vocabulary: string[];
  cellByKey: Map<string, CellDef>;
  /** Label beginnings (at least half the label, at least 4 characters) → the rows they begin. */
  prefixes: Map<string, RowSpec[]>;
  longestPrefix: number;
  /** isKnown answers, by normalised text (the same header and label fragments recur in every paste). */
  known: Map<string, boolean>;
  /** Every character of the vocabulary, and its longest entry. */
  characters: Set<string>;
  longestWord: number;
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
    const outer = hasLabel ? def.rowLabels.slice(0, -1).map(normLabel) : [];
    rows.push({ index: rows.length, keys, ...(hasLabel ? { label: normLabel(display) } : {}), display, outer });
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
  const prefixes = new Map<string, RowSpec[]>();
  let longestPrefix = 0;
  for (const r of rows) {
    if (r.label === undefined) continue;
    for (let k = Math.max(4, Math.ceil(r.label.length / 2)); k < r.label.length; k++) {
      const head = r.label.slice(0, k);
      prefixes.set(head, [...(prefixes.get(head) ?? []), r]);
      longestPrefix = Math.max(longestPrefix, k);
    }
  }
  spec = {
    format,
    table,
    rows,
    vocabulary: [...words].filter(Boolean).sort((a, b) => b.length - a.length),
    characters: new Set([...words].flatMap((w) => [...w])),
    longestWord: Math.max(0, ...[...words].map((w) => w.length)),
    cellByKey: model.cellByKey,
    prefixes,
    longestPrefix,
    known: new Map(),
  };
  specCache.set(id, spec);
  return spec;
}

/** A fragment of the table's fixed text: a header, a label, a piece of a broken one, or pieces of
 *  neighbouring cells run together (“社会公益 法律服务” from a pdftotext header line). */
function isKnown(spec: TableSpec, n: string): boolean {
  let answer = spec.known.get(n);
  if (answer === undefined) {
    answer = segmentsIntoVocabulary(spec, n);
    if (spec.known.size < 10000) spec.known.set(n, answer);
  }
  return answer;
}

function segmentsIntoVocabulary(spec: TableSpec, n: string): boolean {
  const inVocabulary = (piece: string) => spec.vocabulary.some((v) => v.includes(piece));
  if (n === '' || inVocabulary(n)) return true;
  // A header run together on one line (a crawled page) is long; a character no fixed text of the table
  // has rules the rest out at once.
  if (n.length > 300 || [...n].some((ch) => !spec.characters.has(ch))) return false;
  // Segment n into pieces of at least two characters, each found in the vocabulary (no piece is longer
  // than the longest fixed text).
  const ok: boolean[] = [true];
  for (let i = 2; i <= n.length; i++) {
    ok[i] = false;
    for (let j = i - 2; j >= Math.max(0, i - spec.longestWord) && !ok[i]; j--) if (ok[j] && inVocabulary(n.slice(j, i))) ok[i] = true;
  }
  return ok[n.length] === true;
}

const onlyHeadersCache = new Map<string, string[]>();

/** Column headers printed only in this format (not part of any header of the other one). */
export function formatOnlyHeaders(format: FormatId, table: TableId): string[] {
  const id = `${format}/${table}`;
  const cached = onlyHeadersCache.get(id);
  if (cached) return cached;
  const other: FormatId = format === '2019' ? '2021' : '2019';
  const headers = (f: FormatId) =>
    formatModel(f)
      .grids[table].headerRows.concat(formatModel(f).grids[table].bodyRows)
      .flat()
      .filter((c) => c.role === 'header' && c.text)
      .map((c) => normLabel(c.text!));
  const theirs = headers(other);
  const only = [...new Set(headers(format))].filter((h) => !theirs.some((t) => t.includes(h)));
  onlyHeadersCache.set(id, only);
  return only;
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy' | 'unlabelled';

export interface TableReading {
  values: Map<string, number | null>;
  /** Rows found in the text, by row index. */
  found: Set<number>;
  /** Rows whose number of values matched the format (by row index). */
  complete: Set<number>;
  problems: ImportProblem[];
  /** Index of the last row whose label was found in the text (for truncation messages). */
  lastFound: number;
  /** Units written in amount cells whose unit the report chooses (2019 采购总金额: 元 or 万元). */
  units: Map<string, string>;
  /** Cells whose printed text the value rule refuses (“-3” in a count, “二十一”): kept as printed,
   *  to become the report's refused entries (invalidCells), never dropped or read as another number. */
  invalid: Map<string, string>;
  /** Total cells of columns cut off at the table's right edge (a table wider than the page, as a
   *  PDF prints it): not in the text, to be computed from their parts. */
  clippedTotals: string[];
  /** Rows left blank because their run of digits has several readings that fit the row's sums (at most
   *  AMBIGUOUS_KEEP): the table's column balances may still leave one (resolveDigitRuns). */
  ambiguousRuns?: { keys: string[]; readings: number[][] }[];
}

export interface ReadOptions {
  /** Accept rows whose label only resembles the printed one (reported). Off for format detection. */
  fuzzy: boolean;
}


export function readTable(tokens: Token[], format: FormatId, table: TableId, opts: ReadOptions): TableReading {
  const spec = tableSpec(format, table);
  const name = TABLE_NAMES[table];
  const reading: TableReading = { values: new Map(), found: new Set(), complete: new Set(), problems: [], lastFound: -1, units: new Map(), invalid: new Map(), clippedTotals: [] };
  const clipped = clippedTotalColumns(tokens, format, table);
  const problem = (p: Omit<ImportProblem, 'place'>) => reading.problems.push({ place: table, ...p });
  const strayText: string[] = [];
  /** Indices of the text tokens since the last row's values. */
  let run: number[] = [];
  let lastRow: RowSpec | undefined;

  const noteStray = (indices: number[]) => {
    for (const i of indices) {
      const t = tokens[i]!;
      if (t.kind === 'text' && !isKnown(spec, t.norm)) strayText.push(t.text);
    }
  };
  const labelled = spec.rows.filter((r) => r.label !== undefined);

  /** Exact (the text ends with the label; outer labels may precede it) or prefix (a label broken
   *  over lines with its numbers on the first line, as pdftotext -layout prints it). */
  const matchLabel = (text: string): { row: RowSpec; how: MatchKind } | undefined => {
    let best: RowSpec | undefined;
    for (const r of labelled) if (text.endsWith(r.label!) && (!best || r.label!.length > best.label!.length)) best = r;
    if (best) return { row: best, how: 'exact' };
    // The longest tail of the text that is the beginning of an unread row's label.
    for (let k = Math.min(text.length, spec.longestPrefix); k >= 4; k--) {
      const rows = spec.prefixes.get(text.slice(-k))?.filter((r) => !reading.found.has(r.index));
      if (rows && rows.length === 1) return { row: rows[0]!, how: 'prefix' };
      if (rows && rows.length > 1) return undefined;
    }
    return undefined;
  };

  type Match = { row: RowSpec; how: MatchKind; label: number[]; valuesFrom?: number };
  const resolve = (): Match | undefined => {
    const textOf = (indices: number[]) => indices.map((i) => tokens[i]!.norm).join('');
    // Trailing words that may be wrongly written values of the row (“二十一”, “0件”) rather than label.
    let tail = 0;
    while (tail < run.length && looksLikeValue(spec, tokens[run[run.length - 1 - tail]!]!)) tail++;
    for (let s = 0; s <= tail; s++) {
      const label = run.slice(0, run.length - s);
      const text = textOf(label);
      const m = text ? matchLabel(text) : undefined;
      if (m) return { ...m, label, ...(s > 0 ? { valuesFrom: run[run.length - s]! } : {}) };
    }
    // pdftotext -layout prints the merged outer labels between the lines of a wrapped label
    // (“2.申请人…缴 / 处理 / 纳费用…”): try again without the tokens that belong to a row's outer labels.
    // Such a piece may be only a single space from the label's own line (“处理 缴纳费用…”), and so the
    // first words of a token: those are left out too.
    {
      let best: { row: RowSpec; k: number } | undefined;
      for (const r of labelled) {
        if (reading.found.has(r.index) || r.outer.length === 0) continue;
        const inOuter = (norm: string) => norm !== '' && r.outer.some((o) => o.includes(norm));
        let removed = false;
        const keptText = run
          .map((i) => {
            const t = tokens[i]!;
            if (inOuter(t.norm)) {
              removed = true;
              return '';
            }
            if (!t.words) return t.norm;
            let w = 0;
            while (w < t.words.length - 1 && inOuter(t.words[w]!)) w++;
            if (w === 0) return t.norm;
            removed = true;
            return t.words.slice(w).join('');
          })
          .join('');
        if (!removed) continue;
        const m = matchLabel(keptText);
        if (m?.row === r) {
          const k = m.how === 'exact' ? r.label!.length + 1 : r.label!.length;
          if (!best || k > best.k) best = { row: r, k };
        }
      }
      if (best) return { row: best.row, how: 'prefix', label: run };
    }
    // Fuzzy: a misspelt label (“其他法律行政止公开”), only for the next rows expected in order — by the
    // label similarity the grid's paste uses too (shared/formats/label-match.ts).
    const text = textOf(run);
    if (opts.fuzzy && text) {
      const next = labelled.filter((r) => r.index > reading.lastFound && !reading.found.has(r.index)).slice(0, 2);
      let score = 0;
      let best: RowSpec | undefined;
      for (const r of next) {
        const label = r.label!;
        for (let m = Math.max(2, label.length - 3); m <= label.length + 3; m++) {
          const s = labelSimilarity(text.slice(-m), label);
          if (s > score) [score, best] = [s, r];
        }
      }
      if (best && score >= LABEL_MATCH_THRESHOLD) return { row: best, how: 'fuzzy', label: run };
    }
    const unlabelled = spec.rows.find((r) => r.label === undefined && !reading.found.has(r.index));
    if (!unlabelled) return undefined;
    const label = run.slice(0, run.length - tail);
    return { row: unlabelled, how: 'unlabelled', label, ...(tail > 0 ? { valuesFrom: run[run.length - tail]! } : {}) };
  };

  let memo: { run: number; match: Match | undefined } | undefined;
  let p = 0;
  while (p < tokens.length) {
    const t = tokens[p]!;
    if (t.kind === 'break') {
      p++;
      continue;
    }
    if (t.kind === 'text') {
      run.push(p);
      p++;
      continue;
    }
    const emptyCell = t.kind === 'blank' && t.text === '';
    // Runs of placeholders ask again with an unchanged run: answer from the last time.
    const match = memo && memo.run === run.length ? memo.match : resolve();
    memo = { run: run.length, match };
    // An empty cell not preceded by a row label is a merged label cell or a header placeholder.
    if (emptyCell && (!match || (match.how === 'unlabelled' && match.valuesFrom === undefined))) {
      p++;
      continue;
    }
    const { cells, end } = collectValues(tokens, match?.valuesFrom ?? p, spec);
    const numbers = cells.map(showCell).join('、');
    const labelText = (match?.label ?? run).map((i) => tokens[i]!.text).join('');
    if (!match) {
      if (run.length === 0 && lastRow) problem({ message: `${name}“${lastRow.display}”行之后多出数字 ${numbers}，未导入。` });
      else if (run.length === 0) problem({ message: `${name}开头有不属于任何行的数字 ${numbers}，未导入。` });
      else problem({ message: `${name}中有无法识别的行${quote(labelText)}（数字 ${numbers}），未导入。` });
    } else if (reading.found.has(match.row.index)) {
      problem({ message: `${name}“${match.row.display}”行出现了不止一次，只读入第一次。` });
    } else {
      const row = match.row;
      if (match.how === 'fuzzy') {
        problem({ key: row.keys[0], cells: row.keys, message: `${name}的行名${quote(labelText)}与格式中的“${row.display}”不完全一致，已按“${row.display}”行读入，请核对。` });
      } else {
        noteStray(match.label);
      }
      reading.found.add(row.index);
      reading.lastFound = Math.max(reading.lastFound, row.index);
      assignRow(spec, row, cells, reading, problem, clipped);
      lastRow = row;
    }
    run = [];
    memo = undefined;
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
  const n = t.norm;
  if (isKnown(spec, n)) return false;
  const length = [...n].length;
  return (/\d/.test(n) && length <= 6) || length <= 3;
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
  clipped = 0,
): void {
  const name = TABLE_NAMES[spec.table];
  let n = row.keys.length;
  // Empty cells after the last value (a merged cell copied as several) are not values.
  const values = [...cells];
  while (values.length > n && values[values.length - 1]!.kind === 'blank' && values[values.length - 1]!.text === '') values.pop();
  // Nor are empty cells between the label and the first value: the label's own merged cells, written
  // out one by one (a Markdown table cannot merge).
  while (values.length > n && values[0]!.kind === 'blank' && values[0]!.text === '') values.shift();
  // The row's last columns cut off at the page edge, as the header showed: only computed totals.
  if (clipped > 0 && values.length === n - clipped) {
    const cut = row.keys.slice(n - clipped);
    if (cut.every((k) => spec.cellByKey.get(k)!.computed)) {
      reading.clippedTotals.push(...cut);
      row = { ...row, keys: row.keys.slice(0, n - clipped) };
      n -= clipped;
    }
  }
  if (values.length < n && values.some(isDigitRun)) {
    const recovered = splitDigitRuns(spec, row, values);
    const run = values.filter(isDigitRun).map((t) => `“${t.text}”`).join('、');
    if (recovered.readings === 1) {
      problem({
        key: row.keys[0],
        cells: row.keys,
        message: `${rowName(spec, row)}的数字连在一起（${run}），${recovered.bySum ? '按行中的合计' : '按该行的格数'}只有一种拆法：${recovered.values!.map((t) => t.text).join('、')}，已按此读入，请对照原文核对。`,
      });
      values.splice(0, values.length, ...recovered.values!);
    } else if (recovered.readings > 1 && recovered.bySum) {
      for (const key of row.keys) reading.values.set(key, null);
      if (recovered.all && values.every((t) => t.kind === 'number')) (reading.ambiguousRuns ??= []).push({ keys: row.keys, readings: recovered.all });
      const ways = recovered.readings > RUN_READINGS_LIMIT ? '拆法太多' : `有 ${recovered.readings} 种拆法都符合行中的合计`;
      problem({
        key: row.keys[0],
        cells: row.keys,
        message: `${rowName(spec, row)}应有 ${n} 个数，读到 ${values.length} 个（${values.map(showCell).join('、')}）；若是数字连在一起（${run}），${ways}，无法确定各格，整行留空，请对照原文填写。`,
      });
      return;
    }
  }
  if (values.length !== n) {
    for (const key of row.keys) reading.values.set(key, null);
    problem({
      key: row.keys[0],
      cells: row.keys,
      message: `${rowName(spec, row)}应有 ${n} 个数，读到 ${values.length} 个（${values.map(showCell).join('、')}），无法确定各对应哪一格，整行留空，请对照原文填写。`,
    });
    return;
  }
  reading.complete.add(row.index);
  const blanks: string[] = [];
  values.forEach((t, i) => {
    const key = row.keys[i]!;
    const def = spec.cellByKey.get(key)!;
    if (t.kind === 'number') {
      const wrongUnit = t.unit ? unitProblem(def, t.unit) : undefined;
      if (wrongUnit) {
        reading.values.set(key, null);
        problem({ key, message: `${cellName(def)}：原文“${t.text}”${wrongUnit}，已留空，请对照原文填写。` });
        return;
      }
      if (t.unit && def.kind === 'amount') reading.units.set(key, t.unit);
      const numberText = t.unit ? t.text.slice(0, t.text.lastIndexOf(t.unit)) : t.text;
      const checked = parseCellValue(numberText.replace(/^([+-－−])\s+/, '$1'), def.kind);
      if (checked.ok) {
        reading.values.set(key, checked.value);
        return;
      }
      reading.values.set(key, null);
      reading.invalid.set(key, t.text);
      problem({ key, message: `${cellName(def)}：原文“${t.text}”不能照录：${checked.reason}。已照原文保留为待改正的填写，检查时会报错。` });
    } else if (t.kind === 'blank') {
      reading.values.set(key, null);
      blanks.push(key);
    } else {
      reading.values.set(key, null);
      reading.invalid.set(key, t.text);
      problem({ key, message: `${cellName(def)}：原文“${t.text}”不是数字，已照原文保留为待改正的填写，请对照原文改正。` });
    }
  });
  if (blanks.length === 1) {
    const key = blanks[0]!;
    const def = spec.cellByKey.get(key)!;
    const mark = values[row.keys.indexOf(key)]!.text;
    problem({ key, message: `${cellName(def)}：原文${mark ? `为“${mark}”` : '是空白'}，不当作 0，已留空。` });
  } else if (blanks.length > 1) {
    // Table 4's one row: its cells are named by column group (栏) and column.
    const cols = blanks.map((k) => (row.label === undefined ? cellName(spec.cellByKey.get(k)!).replace(/^表四/, '') : spec.cellByKey.get(k)!.columnLabels.at(-1))).join('、');
    problem({ key: blanks[0], cells: blanks, message: `${rowName(spec, row)}的 ${cols} 原文是空白或“/”，不当作 0，已留空。` });
  }
}

/** How many 总计 columns the table's header lacks compared with the format (the table was cut off at
 *  the right edge of the page): counted in the header, before the first number. 0 when the header has
 *  them all or no header is there at all. */
function clippedTotalColumns(tokens: Token[], format: FormatId, table: TableId): number {
  const expected = formatModel(format)
    .grids[table].headerRows.flat()
    .filter((c) => c.role === 'header' && c.text === '总计').length;
  let found = 0;
  let header = 0;
  for (const t of tokens) {
    if (t.kind === 'number') break;
    if (t.kind !== 'text') continue;
    header++;
    found += t.norm.split('总计').length - 1 - (t.norm.includes('(七)总计') ? 1 : 0);
  }
  return header >= 3 && found < expected ? expected - found : 0;
}

/** A unit that does not fit the cell: money in a count, a count in an amount, 元 where the header says 万元. */
function unitProblem(def: CellDef, unit: string): string | undefined {
  const money = (MONEY_UNITS as readonly string[]).includes(unit);
  if (def.kind !== 'amount') return money ? '带金额单位，不是件数' : undefined;
  if (!money) return `带单位“${unit}”，不是金额`;
  const headerUnit = /单位[:：]\s*(万元|元)/.exec(def.columnLabels.join(''))?.[1];
  if (headerUnit && headerUnit !== unit) return `的单位是${unit}，而表中金额以${headerUnit}计，没有换算`;
  return undefined;
}

/** “表三“（一）予以公开”行”; table 4, printed as one row of column groups (栏), is just “表四”. */
function rowName(spec: TableSpec, row: RowSpec): string {
  return row.label === undefined ? TABLE_NAMES[spec.table] : `${TABLE_NAMES[spec.table]}“${row.display}”行`;
}

/** A number cell that may be several numbers run together (“15130000154”): digits only, two or more. */
const isDigitRun = (t: Token) => t.kind === 'number' && !t.unit && /^\d{2,}$/.test(t.text);

/** Readings counted, and cuts tried, before giving up (the row then stays blank: too many readings). */
const RUN_READINGS_LIMIT = 100000;
const RUN_TRIES_LIMIT = 200000;
/** Readings of an ambiguous row kept for the column balances to decide between. */
const AMBIGUOUS_KEEP = 64;

/** The ways to cut the row's runs of digits into as many numbers as the row has cells (no number with a
 *  leading zero), kept only where every sum inside the row (表三 行合计, 表四 each group's 总计) holds.
 *  Exactly one reading is used; otherwise the row stays blank. */
function splitDigitRuns(spec: TableSpec, row: RowSpec, values: Token[]): { readings: number; values?: Token[]; bySum: boolean; all?: number[][] } {
  const n = row.keys.length;
  const sums = formatModel(spec.format).sums.filter((s) => row.keys.includes(s.total) && s.parts.every((k) => row.keys.includes(k)));
  // Without a sum in the row, a number missing from the text could pass for a cut: only a row written
  // as one run with one digit a cell (“000”) has a single reading.
  if (sums.length === 0) {
    const only = values.length === 1 && values[0]!.text.length === n;
    return only ? { readings: 1, values: [...values[0]!.text].map((d) => digits(d, values[0]!.line)), bySum: false } : { readings: 2, bySum: false };
  }
  let readings = 0;
  /** Cuts tried: a hostile run of hundreds of digits must not take the import down. */
  let tried = 0;
  let found: Token[] | undefined;
  const kept: number[][] = [];
  const holds = (cells: Token[]) => {
    const value = (key: string) => cells[row.keys.indexOf(key)]!.value ?? 0;
    return sums.every((s) => cells[row.keys.indexOf(s.total)]!.kind === 'number' && s.parts.reduce((a, k) => a + value(k), 0) === value(s.total));
  };
  const walk = (i: number, cells: Token[]) => {
    if (++tried > RUN_TRIES_LIMIT) readings = RUN_READINGS_LIMIT + 1;
    if (readings > RUN_READINGS_LIMIT) return;
    if (i === values.length) {
      if (cells.length === n && holds(cells)) {
        readings++;
        found = cells;
        if (kept.length < AMBIGUOUS_KEEP) kept.push(cells.map((t) => t.value ?? 0));
      }
      return;
    }
    const t = values[i]!;
    const left = values.length - i - 1;
    if (!isDigitRun(t)) return walk(i + 1, [...cells, t]);
    // Cut t.text into k pieces, leaving room for the tokens after it.
    const room = n - cells.length - left;
    const cut = (from: number, pieces: Token[]) => {
      if (readings > RUN_READINGS_LIMIT) return;
      const rest = t.text.slice(from);
      if (pieces.length + 1 <= room && !(rest.length > 1 && rest[0] === '0')) walk(i + 1, [...cells, ...pieces, digits(rest, t.line)]);
      if (pieces.length + 2 > room) return;
      for (let to = from + 1; to < t.text.length; to++) {
        const piece = t.text.slice(from, to);
        if (piece.length > 1 && piece[0] === '0') break;
        cut(to, [...pieces, digits(piece, t.line)]);
      }
    };
    cut(0, []);
  };
  walk(0, []);
  return { readings, ...(readings === 1 ? { values: found } : {}), bySum: sums.length > 0, ...(readings > 1 && readings <= AMBIGUOUS_KEEP ? { all: kept } : {}) };
}

const digits = (text: string, line: number): Token => ({ kind: 'number', text, norm: text, value: Number(text), line });

/** Table 3's rows left blank for their several readings, decided where the table's column relations —
 *  each column's 总计 of outcomes (三、本年度办理结果) and its balance (一 + 二 = 三 + 四) — leave one
 *  reading, every other cell of the relation having been read. Sets the row in `cells` and returns the
 *  rows decided, with the reading taken. */
export function resolveDigitRuns(cells: Record<string, number | null>, format: FormatId, reading: TableReading): { keys: string[]; values: number[]; before: number }[] {
  const model = formatModel(format);
  const decided: { keys: string[]; values: number[]; before: number }[] = [];
  const relations = model.sums
    .filter((s) => s.rule === 't3.resultSum')
    .map((s) => ({ total: [s.total], parts: s.parts }))
    .concat(
      formatModel(format).keysByTable.t3.filter((k) => k.startsWith('t3.received.')).map((k) => {
        const column = k.slice('t3.received.'.length);
        return { total: [`t3.received.${column}`, `t3.carriedIn.${column}`], parts: [`t3.resultsTotal.${column}`, `t3.carriedOver.${column}`] };
      }),
    );
  let pending = [...(reading.ambiguousRuns ?? [])];
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    for (const run of pending) {
      const fits = run.readings.filter((values) => {
        const at = (key: string) => {
          const i = run.keys.indexOf(key);
          return i >= 0 ? values[i]! : cells[key];
        };
        let checked = 0;
        for (const r of relations) {
          if (!r.total.concat(r.parts).some((k) => run.keys.includes(k))) continue;
          const all = [...r.total, ...r.parts].map(at);
          if (all.some((v) => typeof v !== 'number')) continue;
          checked++;
          const sum = (keys: string[]) => keys.reduce((a, k) => a + (at(k) as number), 0);
          if (sum(r.total) !== sum(r.parts)) return false;
        }
        return checked > 0;
      });
      if (fits.length !== 1) continue;
      run.keys.forEach((k, i) => (cells[k] = fits[0]![i]!));
      decided.push({ keys: run.keys, values: fits[0]!, before: run.readings.length });
      pending = pending.filter((p) => p !== run);
      progress = true;
      break;
    }
  }
  return decided;
}
