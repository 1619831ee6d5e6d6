// The renderer's pure logic, without a browser: what a cell accepts, where the grid's cells sit for
// keyboard movement and paste, and the document store's undo steps and computed totals.
import { beforeEach, describe, expect, it } from 'vitest';
import { formatModel } from '../../shared/formats/index';
import { createReport } from '../../shared/model/document';
import { keepTypedTotals } from '../../renderer/src/app/actions';
import { gridLayout, neighbour, tabNeighbour } from '../../renderer/src/grid/grid-layout';
import { countPdfPages } from '../../renderer/src/components/export-step';
import { quotedPassages } from '../../renderer/src/components/findings-panel';
import { nextSubheadingNumber } from '../../renderer/src/components/narrative-step';
import {
  currentDoc,
  loadDoc,
  pastStepCount,
  redo,
  revertDoc,
  setCells,
  setSection,
  setTypedTotals,
  undo,
  useDocStore,
} from '../../renderer/src/store/document-store';

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

describe('document store', () => {
  beforeEach(() => loadDoc(createReport({ year: 2022, agencyName: '测试镇', now: '2023-01-05T09:00:00.000Z' })));

  it('computes the totals with every change, unless the table has typed totals', () => {
    setCells({ 't4.review.upheld': 2, 't4.review.corrected': 1 });
    expect(currentDoc()!.cells['t4.review.total']).toBe(3);
    setTypedTotals('t4', true);
    setCells({ 't4.review.total': 7 });
    expect(currentDoc()!.cells['t4.review.total']).toBe(7);
    setTypedTotals('t4', false);
    expect(currentDoc()!.cells['t4.review.total']).toBe(3);
    expect(currentDoc()!.settings?.typedTotals).toBeUndefined();
  });

  it('makes one undo step of a burst of typing in one field, and undoes and redoes it', () => {
    const before = currentDoc();
    setSection('overview', '一');
    setSection('overview', '一、');
    setSection('overview', '一、总体');
    expect(pastStepCount()).toBe(1);
    undo();
    expect(currentDoc()).toBe(before);
    redo();
    expect(currentDoc()!.sections.overview).toBe('一、总体');
  });

  it('puts the very document object back when an edit is cancelled, dropping its step', () => {
    const before = currentDoc()!;
    setCells({ 't3.received.natural': 5 }, { coalesce: 'cell:x:1', windowMs: Infinity });
    setCells({ 't3.received.natural': 52 }, { coalesce: 'cell:x:1', windowMs: Infinity });
    expect(pastStepCount()).toBe(1);
    revertDoc(before, 1);
    expect(currentDoc()).toBe(before);
    expect(pastStepCount()).toBe(0);
    expect(useDocStore.temporal.getState().futureStates).toHaveLength(0);
  });

  it('keeps totals that differ from their parts when a file is opened, switching the table to typed totals', () => {
    const doc = createReport({ year: 2022, agencyName: '测试镇' });
    doc.cells['t4.review.upheld'] = 1;
    doc.cells['t4.review.total'] = 5;
    const kept = keepTypedTotals(doc);
    expect(kept.switched).toEqual(['t4']);
    loadDoc(kept.doc);
    expect(currentDoc()!.cells['t4.review.total']).toBe(5);
    // A blank total is not a typed one: it is simply computed.
    const blank = createReport({ year: 2022, agencyName: '测试镇' });
    blank.cells['t4.review.upheld'] = 1;
    expect(keepTypedTotals(blank).switched).toEqual([]);
  });
});

describe('small helpers', () => {
  it('finds the sentence a text finding quotes, also when shortened with …', () => {
    // Longest first; the editor selects the first one its text contains.
    expect(quotedPassages('“五、存在的主要问题及改进情况”中写道：“…全年共收到政府信息公开申请100件”，其中')).toEqual([
      '全年共收到政府信息公开申请100件',
      '五、存在的主要问题及改进情况',
    ]);
  });

  it('numbers the optional sub-headings of section 六 after the ones already there', () => {
    expect(nextSubheadingNumber('')).toBe('（一）');
    expect(nextSubheadingNumber('（一）落实政务公开工作要点情况\n正文\n（二）其他')).toBe('（三）');
  });

  it('counts the pages of a pdfkit PDF', () => {
    const fake = new TextEncoder().encode('%PDF-1.7 1 0 obj <</Type /Pages /Count 2>> 2 0 obj <</Type /Page>> 3 0 obj <</Type/Page /Parent 1 0 R>>');
    expect(countPdfPages(fake)).toBe(2);
  });
});
