// The renderer's pure logic, without a browser: where the grid's cells sit for keyboard movement and
// paste. (The components' helpers are tested beside them in tests/renderer/src/components/, the document
// store's undo steps and computed totals in tests/renderer/src/store/document-store.test.ts.)
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../shared/formats/index';
import { gridLayout, neighbour, tabNeighbour } from '../../renderer/src/grid/grid-layout';

describe('grid layout', () => {
  const m2021 = formatModel('2021');

  it('places every value cell of table 3 in rows of seven, label spans notwithstanding', () => {
    const layout = gridLayout(m2021.grids.t3);
    expect(layout.valueRows).toHaveLength(25);
    expect(layout.valueRows.every((r) => r.length === 7)).toBe(true);
    expect(new Set(layout.keys)).toEqual(new Set(m2021.keysByTable.t3));
    // Value cells start after the three label columns in every row, whatever the row spans above.
    for (const key of layout.keys) expect(layout.position.get(key)!.colStart).toBeGreaterThanOrEqual(3);
    expect(layout.position.get('t3.withheld.queryMatters.natural')!.colStart).toBe(3);
  });

  it('moves like a spreadsheet: arrows stop at the edges, Tab wraps rows', () => {
    const layout = gridLayout(m2021.grids.t3);
    expect(neighbour(layout, 't3.received.natural', 'down')).toBe('t3.carriedIn.natural');
    expect(neighbour(layout, 't3.granted.total', 'down')).toBe('t3.partlyGranted.total');
    expect(neighbour(layout, 't3.received.natural', 'left')).toBeNull();
    expect(neighbour(layout, 't3.carriedOver.otherOrg', 'down')).toBeNull();
    expect(tabNeighbour(layout, 't3.received.total', false)).toBe('t3.carriedIn.natural');
    expect(tabNeighbour(layout, 't3.carriedIn.natural', true)).toBe('t3.received.total');
    expect(tabNeighbour(layout, 't3.carriedOver.total', false)).toBeNull();
  });

  it('moves between table 2 sub-tables to the cell under the same column', () => {
    const layout = gridLayout(m2021.grids.t2);
    expect(neighbour(layout, 't2.normativeDocs.inForce', 'down')).toBe('t2.licensing.decisions');
    expect(neighbour(layout, 't2.licensing.decisions', 'up')).toBe('t2.normativeDocs.issued');
    expect(neighbour(layout, 't2.penalties.decisions', 'down')).toBe('t2.enforcement.decisions');
  });
});
