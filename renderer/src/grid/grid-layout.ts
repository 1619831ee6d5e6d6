// Where each value cell of a printed grid sits, for keyboard movement and block paste. Row spans of
// the label columns (table 3) shift the value cells to the right; shared/formats/grid-placement.ts finds
// the real column of every cell, as a browser lays out the same <table> (and as the PDF places it).
import { placeGridCells } from '../../../shared/formats/grid-placement';
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
  // The value cells of each body row, in print order, with the grid columns they cover.
  const placedByRow = grid.bodyRows.map(() => [] as { key: string; colStart: number; colSpan: number }[]);
  for (const { row, col, cell } of placeGridCells(grid.bodyRows, grid.columns)) {
    if (cell.role === 'value' && cell.key) placedByRow[row]!.push({ key: cell.key, colStart: col, colSpan: cell.colSpan });
  }
  const valueRows: string[][] = [];
  const position = new Map<string, CellPosition>();
  for (const placed of placedByRow) {
    if (placed.length === 0) continue;
    placed.forEach(({ key, colStart, colSpan }, col) => position.set(key, { row: valueRows.length, col, colStart, colSpan }));
    valueRows.push(placed.map((p) => p.key));
  }
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
