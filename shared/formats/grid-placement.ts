// Where every cell of a printed grid sits: the HTML table algorithm (a cell takes the next column not
// covered by a row span from above). One definition for the editor's keyboard and paste layout, the PDF
// tables and the website/Word publications, so they cannot disagree about a merged layout.
import type { GridCell } from './types';

export interface PlacedGridCell {
  /** Index of the row in the rows given. */
  row: number;
  /** First grid column the cell covers. */
  col: number;
  cell: GridCell;
}

/** Places grid rows into columns; throws on a row wider than `columns` (a broken definition). */
export function placeGridCells(rows: readonly (readonly GridCell[])[], columns: number): PlacedGridCell[] {
  const taken: boolean[][] = [];
  const out: PlacedGridCell[] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      if (c + cell.colSpan > columns) throw new Error(`grid row ${r} is wider than ${columns} columns`);
      out.push({ row: r, col: c, cell });
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![c + dc] = true;
      }
      c += cell.colSpan;
    }
  });
  return out;
}
