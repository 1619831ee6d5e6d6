// What a paste into a table grid writes, decided before anything is written (pure: no DOM, no store).
// - Cells are separated by a tab, a run of spaces (ASCII or full-width), or — in a copied web table —
//   a line break inside a row; a thousands separator inside a number (1,234 / 1，234) is part of it.
// - Row labels that come with the block (a web page, PDF text, Excel with the label column) are matched
//   to the official rows (shared/formats/label-match.ts, tolerating typos) and put each row where it
//   belongs; without labels the block goes to the cursor, keeping its shape.
// - A block whose rows do not map one to one (the one-row （六）其他处理 of older reports into the three
//   2021 rows, a missing row, a row that cannot be placed) yields a mapping for the user to confirm.
// - Every value goes through the one value rule; a refused one is written as a refused entry (kept as
//   pasted, marked), never dropped or turned into another number. Totals are written like any cell:
//   the document store keeps them as evidence when they differ from the sums.
import type { FormatModel } from '../../../shared/formats/index';
import { matchLabel, normaliseLabel, tableRowLabels, type LabelCandidate, type TableRowLabels } from '../../../shared/formats/label-match';
import type { FormatId, TableId } from '../../../shared/formats/types';
import { parseCellValue } from '../../../shared/model/cell-value';
import type { CellEntry } from '../../../shared/checks/typed-totals';
import type { GridLayout } from './grid-layout';

/** One cell of the pasted text: its text, and whether it reads as a row label. */
export interface PastedCell {
  text: string;
  label: boolean;
}

const HAN = /\p{Script=Han}/u;
const BLANK_WORDS = new Set(['/', '／', '\\', '-', '－', '—', '——', '无', '空', '*']);

/** Text that stands in a number's place (a number, a blank mark, a mistyped number such as “1o”),
 *  as opposed to a row label or a header. */
export function isValueText(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (t === '' || BLANK_WORDS.has(t)) return true;
  if (HAN.test(t)) return false;
  return /\d/.test(t) && [...t].length <= 20;
}

/** Outline numbering cut off from its label by a space (“1. 属于国家秘密”, “（一） 予以公开”). */
const NUMBERING_GAP = /(^|[\t ])((?:\d{1,2}|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3})[.．、]?)[ \u3000]+(?=\p{Script=Han})/gu;

/** The cells of one pasted line. Empty cells between tabs are kept (a blank cell in a spreadsheet). */
export function splitPastedLine(line: string): PastedCell[] {
  const cells: PastedCell[] = [];
  const joined = line.replace(NUMBERING_GAP, '$1$2');
  for (const piece of joined.split('\t')) {
    const text = piece.replace(/^"(.*)"$/s, '$1').trim();
    if (text === '') {
      cells.push({ text: '', label: false });
      continue;
    }
    // Within a piece, runs of spaces separate cells; words of a label stay together.
    let words: string[] = [];
    const flush = () => {
      if (words.length > 0) cells.push({ text: words.join(''), label: true });
      words = [];
    };
    for (const word of text.split(/[ \u3000\u00a0]+/)) {
      if (isValueText(word)) {
        flush();
        cells.push({ text: word, label: false });
      } else {
        words.push(word);
      }
    }
    flush();
  }
  return cells;
}

/** The pasted text as lines of cells; the line break that ends a spreadsheet copy is dropped. */
export function splitPastedText(text: string): PastedCell[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map(splitPastedLine);
}

// --- Planning ---------------------------------------------------------------------------------------

export interface PasteContext {
  format: FormatId;
  table: TableId;
  model: FormatModel;
  layout: GridLayout;
  /** The cell the paste starts at (the cursor). */
  start: string;
}

export interface PastePlan {
  entries: Record<string, CellEntry>;
  /** Lines describing how labelled rows were placed, when they do not map one to one: the user
   *  confirms (确定) or cancels (取消) before anything is written. Null when no confirmation is needed. */
  mapping: string[] | null;
  /** Labelled rows placed by label (0 for a paste by position). */
  rowsByLabel: number;
  /** Labels read as another spelling of an official one (“其他法律行政止公开” → “2.其他法律行政法规禁止公开”). */
  respelt: string[];
  /** Header rows and label columns left out of a paste by position. */
  droppedHeaderRows: number;
  droppedLabelColumns: number;
}

export type PasteOutcome = { ok: true; plan: PastePlan } | { ok: false; message: string };

function entryFor(text: string, model: FormatModel, key: string): CellEntry {
  const kind = model.cellByKey.get(key)?.kind ?? 'count';
  const res = parseCellValue(text, kind);
  if (res.ok) return { value: res.value };
  return { invalid: text };
}

/** The whole paste. */
export function planPaste(text: string, ctx: PasteContext): PasteOutcome {
  const lines = splitPastedText(text);
  if (lines.length === 0 || lines.every((l) => l.every((c) => c.text === ''))) return { ok: false, message: '剪贴板里没有可粘贴的内容。' };
  const byLabel = planByLabels(lines, ctx);
  if (byLabel) return { ok: true, plan: byLabel };
  return planByPosition(lines, ctx);
}

// --- By labels ---------------------------------------------------------------------------------------

interface RowTarget {
  rows: TableRowLabels[];
  /** How the values go into several rows: 'last' (into the last row, the others 0). */
  spread?: 'last';
  display: string;
}

/** Candidates for a table's row labels: each row by its innermost label; in the 2021 table 3 also the
 *  one-row （六）其他处理 of the 2019 format, which maps to its three rows. */
function candidates(format: FormatId, table: TableId): LabelCandidate<RowTarget>[] {
  const rows = tableRowLabels(format, table).filter((r) => r.labels.length > 0);
  const list: LabelCandidate<RowTarget>[] = rows.map((r) => ({ item: { rows: [r], display: r.labels[r.labels.length - 1]! }, label: r.labels[r.labels.length - 1]! }));
  // Group labels that another format prints as a single row (（六）其他处理: one row in 2019, three in 2021).
  const groups = new Map<string, TableRowLabels[]>();
  for (const r of rows) if (r.labels.length === 3) groups.set(r.labels[1]!, [...(groups.get(r.labels[1]!) ?? []), r]);
  for (const [label, members] of groups) {
    if (!/^（六）/.test(label)) continue;
    list.push({ item: { rows: members, spread: 'last', display: label }, label });
  }
  return list;
}

interface Segment {
  /** The label pieces since the last values (headers, outer labels, the row label). */
  labels: string[];
  values: string[];
  line: number;
}

/** The text as label runs each followed by its values, across line breaks (a web table copied with
 *  a line break inside a row puts a row's label and its numbers on different lines). */
function segments(lines: PastedCell[][]): Segment[] {
  const out: Segment[] = [];
  let current: Segment | null = null;
  lines.forEach((line, i) => {
    for (const cell of line) {
      if (cell.label) {
        if (!current || current.values.some((v) => v !== '')) {
          current = { labels: [], values: [], line: i };
          out.push(current);
        }
        current.labels.push(cell.text);
      } else if (current) {
        current.values.push(cell.text);
      }
    }
  });
  return out;
}

/** The row a run of label pieces names: the last piece (or the last two or three joined, for a label
 *  broken over lines) that matches. */
function resolveLabels(labels: string[], list: LabelCandidate<RowTarget>[]): { target: RowTarget; written: string; exact: boolean } | undefined {
  let best: { target: RowTarget; written: string; exact: boolean; score: number } | undefined;
  for (let end = labels.length; end >= 1 && !best; end--) {
    for (let k = 1; k <= Math.min(3, end); k++) {
      const written = labels.slice(end - k, end).join('');
      const m = matchLabel(written, list);
      if (m && (!best || m.score > best.score)) best = { target: m.item, written, exact: m.exact, score: m.score };
    }
  }
  return best;
}

function planByLabels(lines: PastedCell[][], ctx: PasteContext): PastePlan | null {
  const list = candidates(ctx.format, ctx.table);
  if (list.length === 0) return null;
  const segs = segments(lines);
  const resolved = segs.map((s) => ({ seg: s, match: resolveLabels(s.labels, list) }));
  if (!resolved.some((r) => r.match && r.seg.values.length > 0)) return null;

  const entries: Record<string, CellEntry> = {};
  const mapping: string[] = [];
  let confirm = false;
  const respelt: string[] = [];
  const placed = new Set<number>();
  let rowsByLabel = 0;
  for (const { seg, match } of resolved) {
    const values = seg.values.filter((v, i, all) => v !== '' || all.slice(i).some((w) => w !== ''));
    if (values.length === 0) continue; // a header line, or a label printed above its row
    const labelText = seg.labels.join('');
    if (!match) {
      confirm = true;
      mapping.push(`“${labelText}”（${values.join(' ')}）：行名无法对应，不粘贴`);
      continue;
    }
    const { target } = match;
    const row = target.spread === 'last' ? target.rows[target.rows.length - 1]! : target.rows[0]!;
    const keys = row.keys;
    // Empty cells before the values (merged label cells copied as empty) are not values.
    let vals = values;
    while (vals.length > keys.length && vals[0] === '') vals = vals.slice(1);
    const lastComputed = ctx.model.cellByKey.get(keys[keys.length - 1]!)?.computed === true;
    if (vals.length !== keys.length && !(lastComputed && vals.length === keys.length - 1)) {
      confirm = true;
      mapping.push(`“${match.written}”：有 ${vals.length} 个数（${vals.join(' ')}），此行应有 ${keys.length} 个，不粘贴`);
      continue;
    }
    if (target.rows.some((r) => placed.has(r.index))) {
      confirm = true;
      mapping.push(`“${match.written}”：此行已粘贴过一次，重复的不粘贴`);
      continue;
    }
    vals.forEach((v, i) => (entries[keys[i]!] = entryFor(v, ctx.model, keys[i]!)));
    for (const r of target.rows) placed.add(r.index);
    rowsByLabel++;
    if (target.spread === 'last') {
      confirm = true;
      const others = target.rows.slice(0, -1);
      for (const r of others) for (const key of r.keys) entries[key] = { value: 0 };
      const name = (r: TableRowLabels) => r.labels[r.labels.length - 1]!;
      mapping.push(`${target.display} → ${name(row)}；${others.map((r) => name(r).replace(/^(\d+\.).*/, '$1')).join(' 和 ')} 填 0`);
    } else if (!match.exact) {
      const official = row.labels[row.labels.length - 1]!;
      if (normaliseLabel(match.written).replace(/^\d+\.|^\([一二三四五六七八九十]+\)/, '') !== normaliseLabel(official).replace(/^\d+\.|^\([一二三四五六七八九十]+\)/, '')) {
        respelt.push(`“${match.written}”按“${official}”`);
      }
    }
  }
  // Rows between the first and the last one pasted that the block does not have.
  const rows = tableRowLabels(ctx.format, ctx.table).filter((r) => r.labels.length > 0);
  const indices = [...placed];
  if (indices.length > 0) {
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const missing = rows.filter((r) => r.index > first && r.index < last && !placed.has(r.index));
    if (missing.length > 0) {
      confirm = true;
      mapping.push(`复制的表格中没有：${missing.map((r) => `“${r.labels[r.labels.length - 1]}”`).join('、')}（这些行不变）`);
    }
  }
  if (rowsByLabel === 0 && !confirm) return null;
  return { entries, mapping: confirm ? mapping : null, rowsByLabel, respelt, droppedHeaderRows: 0, droppedLabelColumns: 0 };
}

// --- By position ---------------------------------------------------------------------------------------

function planByPosition(lines: PastedCell[][], ctx: PasteContext): PasteOutcome {
  // Rows of nothing but labels (headers, sub-table titles) and leading label columns are left out.
  let block = lines.filter((l) => !(l.some((c) => c.label) && l.every((c) => c.label || c.text === '')));
  if (block.length === 0) return { ok: false, message: '复制的内容里没有数字：请复制表格中的数字（可连同行名一起复制）。' };
  const droppedHeaderRows = lines.length - block.length;
  let droppedLabelColumns = 0;
  while (block.every((r) => r.length > 1 && (r[0]!.label || r[0]!.text === '')) && block.some((r) => r[0]!.label)) {
    block = block.map((r) => r.slice(1));
    droppedLabelColumns++;
  }
  const texts = block.map((r) => r.map((c) => c.text));
  const { layout } = ctx;
  const start = layout.position.get(ctx.start);
  if (!start) return { ok: false, message: '请先选中要粘贴到的单元格。' };
  const rows = layout.valueRows;
  // A merged cell (本年增/减 of （八）) copies from a spreadsheet as its value plus empty cells: empty
  // cells past the end of their row are not data.
  const shaped = texts.map((line, i) => {
    const room = (rows[start.row + i]?.length ?? 0) - start.col;
    let end = line.length;
    while (end > Math.max(room, 1) && line[end - 1] === '') end--;
    return line.slice(0, end);
  });
  const width = Math.max(...shaped.map((r) => r.length));
  const fits = start.row + shaped.length <= rows.length && shaped.every((r, i) => start.col + r.length <= rows[start.row + i]!.length);
  if (!fits) {
    const room = rows.length - start.row;
    return {
      ok: false,
      message:
        `未粘贴：复制的数据有 ${shaped.length} 行 × ${width} 列，从此格起放不下（下面还有 ${room} 行、本行右侧还有 ${rows[start.row]!.length - start.col} 列）。` +
        '连同行名一起复制，可按行名对应粘贴；或少复制几行几列，从对应的单元格粘贴。',
    };
  }
  const entries: Record<string, CellEntry> = {};
  shaped.forEach((line, i) => line.forEach((t, j) => {
    const key = rows[start.row + i]![start.col + j]!;
    entries[key] = entryFor(t, ctx.model, key);
  }));
  return { ok: true, plan: { entries, mapping: null, rowsByLabel: 0, respelt: [], droppedHeaderRows, droppedLabelColumns } };
}
