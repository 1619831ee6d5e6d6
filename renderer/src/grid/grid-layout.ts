// Where each value cell of a printed grid sits, for keyboard movement and block paste. Row spans of
// the label columns (table 3) shift the value cells to the right; the occupancy walk below finds the
// real column of every cell, as a browser lays out the same <table>.
import type { GridTable } from '../../../shared/formats/types';

export interface CellPosition {
  /** Index into `valueRows`. */
  row: number;
  /** Index within its value row. */
  col: number;
  /** First grid column the cell covers, and how many. */
  colStart: number;
  colSpan: number;
}

export interface GridLayout {
  /** Keys of the value cells, one array per body row that has any, in print order. */
  valueRows: string[][];
  position: Map<string, CellPosition>;
  keys: string[];
}

const cache = new WeakMap<GridTable, GridLayout>();

export function gridLayout(grid: GridTable): GridLayout {
  const hit = cache.get(grid);
  if (hit) return hit;
  const valueRows: string[][] = [];
  const position = new Map<string, CellPosition>();
  // occupiedUntil[c]: first body row index at which column c is free again.
  const occupiedUntil: number[] = Array(grid.columns).fill(0);
  grid.bodyRows.forEach((cells, r) => {
    let c = 0;
    const rowKeys: string[] = [];
    for (const cell of cells) {
      while (c < grid.columns && occupiedUntil[c]! > r) c++;
      for (let k = c; k < c + cell.colSpan && k < grid.columns; k++) occupiedUntil[k] = r + cell.rowSpan;
      if (cell.role === 'value' && cell.key) {
        position.set(cell.key, { row: valueRows.length, col: rowKeys.length, colStart: c, colSpan: cell.colSpan });
        rowKeys.push(cell.key);
      }
      c += cell.colSpan;
    }
    if (rowKeys.length > 0) valueRows.push(rowKeys);
  });
  const layout = { valueRows, position, keys: valueRows.flat() };
  cache.set(grid, layout);
  return layout;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The cell an arrow key moves to, or null at the edge of the grid. */
export function neighbour(layout: GridLayout, key: string, dir: Direction): string | null {
  const pos = layout.position.get(key);
  if (!pos) return null;
  const row = layout.valueRows[pos.row]!;
  if (dir === 'left') return pos.col > 0 ? row[pos.col - 1]! : null;
  if (dir === 'right') return pos.col < row.length - 1 ? row[pos.col + 1]! : null;
  const target = layout.valueRows[pos.row + (dir === 'up' ? -1 : 1)];
  if (!target) return null;
  // The cell of the next row that covers the same grid column; failing that, the nearest one.
  let best = target[0]!;
  let bestDistance = Infinity;
  for (const k of target) {
    const p = layout.position.get(k)!;
    if (pos.colStart >= p.colStart && pos.colStart < p.colStart + p.colSpan) return k;
    const d = Math.abs(p.colStart - pos.colStart);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Tab order: along the row, then on to the next row; null past the last (or before the first) cell. */
export function tabNeighbour(layout: GridLayout, key: string, backwards: boolean): string | null {
  const i = layout.keys.indexOf(key);
  if (i < 0) return null;
  const j = i + (backwards ? -1 : 1);
  return j >= 0 && j < layout.keys.length ? layout.keys[j]! : null;
}

/** A block of text copied from Excel or WPS: rows of tab-separated cells. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Spreadsheets end the copied block with a line break.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => cell.replace(/^"(.*)"$/s, '$1').trim()));
}

/** Text copied along with the numbers: a header (结果维持, 自然人…) or a row name (行政许可, 1.属于国家秘密).
 *  “无” is not one: it stands in a number's place, and the paste is refused with the reason. */
function isLabel(text: string): boolean {
  return text !== '无' && /\p{L}/u.test(text);
}

export interface StrippedBlock {
  block: string[][];
  /** Rows of nothing but text (headers, sub-table titles) and leading row-name columns dropped. */
  headerRows: number;
  labelColumns: number;
}

/**
 * Drops what a user selected along with the numbers in Excel or WPS: rows that hold only text (the
 * header rows, and the sub-table titles and headers between the parts of table 2 — the grid has no
 * value row for them either), then leading columns that hold only text (row names). One row and one
 * column are always kept, and a block of nothing but text is left whole, to be refused with its reason.
 */
export function stripHeaders(block: string[][]): StrippedBlock {
  const onlyText = (cells: string[]) => cells.some(isLabel) && cells.every((c) => c === '' || isLabel(c));
  let rows = block.filter((r) => !onlyText(r));
  if (rows.length === 0) return { block, headerRows: 0, labelColumns: 0 };
  const headerRows = block.length - rows.length;
  let labelColumns = 0;
  while (rows.every((r) => r.length > 1) && onlyText(rows.map((r) => r[0]!))) {
    rows = rows.map((r) => r.slice(1));
    labelColumns++;
  }
  return { block: rows, headerRows, labelColumns };
}
