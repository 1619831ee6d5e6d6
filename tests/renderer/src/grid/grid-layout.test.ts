// renderer/src/grid/grid-layout.ts: where each value cell of a printed grid sits (through the one
// placement of shared/formats/grid-placement.ts), and where the arrow keys and Tab move.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import { gridLayout, neighbour, tabNeighbour } from '../../../../renderer/src/grid/grid-layout';

describe.each(['2019', '2021'] as const)('table 3 of the %s format', (format) => {
  const model = formatModel(format);
  const layout = gridLayout(model.grids.t3);
  const rows = model.format.t3.rows.map((r) => r.key);
  const columns = model.format.t3.columns.map((c) => c.key);

  it('has one value row per table row, in print order, each cell in its column whatever labels span beside it', () => {
    expect(layout.valueRows.map((r) => r[0]!.slice('t3.'.length, r[0]!.lastIndexOf('.')))).toEqual(rows);
    const firstColumn = layout.position.get(`t3.${rows[0]}.${columns[0]}`)!.colStart;
    for (const row of rows) {
      columns.forEach((column, i) => {
        expect(layout.position.get(`t3.${row}.${column}`), `${row}.${column}`).toMatchObject({ colStart: firstColumn + i, colSpan: 1 });
      });
    }
  });

  it('↓ and ↑ stay in the column through the rows under a merged group label; the edges answer null', () => {
    for (let r = 0; r + 1 < rows.length; r++) {
      for (const column of columns) {
        expect(neighbour(layout, `t3.${rows[r]}.${column}`, 'down')).toBe(`t3.${rows[r + 1]}.${column}`);
        expect(neighbour(layout, `t3.${rows[r + 1]}.${column}`, 'up')).toBe(`t3.${rows[r]}.${column}`);
      }
    }
    expect(neighbour(layout, `t3.${rows[0]}.${columns[0]}`, 'up')).toBeNull();
    expect(neighbour(layout, `t3.${rows[0]}.${columns[0]}`, 'left')).toBeNull();
    expect(neighbour(layout, `t3.${rows[0]}.${columns.at(-1)}`, 'right')).toBeNull();
    expect(neighbour(layout, `t3.${rows.at(-1)}.${columns[0]}`, 'down')).toBeNull();
  });

  it('Tab runs along the row and on to the next; Shift+Tab back; nothing past either end', () => {
    expect(tabNeighbour(layout, `t3.${rows[0]}.${columns.at(-1)}`, false)).toBe(`t3.${rows[1]}.${columns[0]}`);
    expect(tabNeighbour(layout, `t3.${rows[1]}.${columns[0]}`, true)).toBe(`t3.${rows[0]}.${columns.at(-1)}`);
    expect(tabNeighbour(layout, layout.keys[0]!, true)).toBeNull();
    expect(tabNeighbour(layout, layout.keys.at(-1)!, false)).toBeNull();
    expect(tabNeighbour(layout, 'not.a.cell', false)).toBeNull();
  });
});

describe('table 4 (one row of three 栏)', () => {
  const layout = gridLayout(formatModel('2021').grids.t4);
  it('is one value row: ← and → cross from one 栏 to the next, ↑ and ↓ have nowhere to go', () => {
    expect(layout.valueRows).toHaveLength(1);
    expect(neighbour(layout, 't4.review.total', 'right')).toBe('t4.suitDirect.upheld');
    expect(neighbour(layout, 't4.suitDirect.upheld', 'left')).toBe('t4.review.total');
    expect(neighbour(layout, 't4.review.upheld', 'down')).toBeNull();
    expect(neighbour(layout, 't4.review.upheld', 'up')).toBeNull();
  });
});
