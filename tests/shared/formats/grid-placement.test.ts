// shared/formats/grid-placement.ts: the one placement of merged grid cells used by the editor, the PDF and
// the publications.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { placeGridCells } from '../../../shared/formats/grid-placement';
import type { GridCell } from '../../../shared/formats/types';

const label = (text: string, rowSpan = 1, colSpan = 1): GridCell => ({ text, rowSpan, colSpan, role: 'label' }) as GridCell;
const value = (key: string): GridCell => ({ key, rowSpan: 1, colSpan: 1, role: 'value' }) as GridCell;

describe('placeGridCells', () => {
  it('a cell spanning rows pushes the cells of the rows below it to the right', () => {
    const rows = [
      [label('甲', 2), label('乙', 1, 2), value('a')],
      [label('丙'), value('b'), value('c')],
    ];
    expect(placeGridCells(rows, 4).map(({ row, col, cell }) => [row, col, cell.text ?? cell.key])).toEqual([
      [0, 0, '甲'],
      [0, 1, '乙'],
      [0, 3, 'a'],
      [1, 1, '丙'],
      [1, 2, 'b'],
      [1, 3, 'c'],
    ]);
  });

  it('refuses a row wider than the grid (a broken definition)', () => {
    expect(() => placeGridCells([[label('甲', 1, 3), value('a')]], 3)).toThrow(/wider than 3/);
  });

  it.each(['2019', '2021'] as const)('every table of the %s format covers each row exactly once, with no overlap', (id) => {
    for (const grid of Object.values(formatModel(id).grids)) {
      for (const rows of [grid.headerRows, grid.bodyRows]) {
        const covered = rows.map(() => Array<number>(grid.columns).fill(0));
        for (const { row, col, cell } of placeGridCells(rows, grid.columns)) {
          for (let r = row; r < row + cell.rowSpan; r++) for (let c = col; c < col + cell.colSpan; c++) covered[r]![c]!++;
        }
        expect(covered.every((line) => line.every((n) => n === 1)), `${id} ${grid.table}`).toBe(true);
      }
    }
  });
});
