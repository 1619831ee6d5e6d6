// The open report with undo/redo (document-store.ts): computed totals on every change, one undo step per
// burst of typing, Esc putting the very object back, loading, proposals, explanations and last year's report.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { previousBlock } from '../../../../shared/model/previous';
import type { ReportDocument } from '../../../../shared/model/report';
import {
  breakUndoGroup,
  confirmProposed,
  currentDoc,
  loadDoc,
  pastStepCount,
  redo,
  replaceFormat,
  revertDoc,
  setCellEntries,
  setCells,
  setExplanation,
  setPrevious,
  setSection,
  setTypedTotals,
  typedTotalsReplaced,
  undo,
  updateDoc,
  useDocStore,
  withTotals,
} from '../../../../renderer/src/store/document-store';

const base = createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇', now: '2021-01-05T08:00:00.000Z' });

describe('document store: setCells, setSection, undo, redo, revertDoc', () => {
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
});

describe('withTotals', () => {
  it('fills the computed totals, and answers the same object when they are already right', () => {
    const doc: ReportDocument = { ...base, cells: { ...base.cells, 't4.review.upheld': 2, 't4.review.other': 4 } };
    const filled = withTotals(doc);
    expect(filled.cells['t4.review.total']).toBe(6);
    expect(doc.cells['t4.review.total']).toBeNull();
    expect(withTotals(filled)).toBe(filled);
  });
});

describe('loadDoc', () => {
  it('loads with the totals filled and a fresh history; null closes', () => {
    loadDoc(base);
    setCells({ 't3.received.natural': 4 });
    expect(pastStepCount()).toBe(1);
    loadDoc({ ...base, cells: { ...base.cells, 't4.review.upheld': 1 } });
    expect(currentDoc()!.cells['t4.review.total']).toBe(1);
    expect(pastStepCount()).toBe(0);
    undo();
    expect(currentDoc()!.cells['t4.review.upheld']).toBe(1);
    loadDoc(null);
    expect(currentDoc()).toBeNull();
    // Without a document a change does nothing.
    setCells({ 't3.received.natural': 4 });
    expect(currentDoc()).toBeNull();
    expect(pastStepCount()).toBe(0);
  });
});

describe('updateDoc', () => {
  beforeEach(() => loadDoc(base));
  afterEach(() => vi.restoreAllMocks());

  it('records no step for a change that answers the same document', () => {
    updateDoc((doc) => doc);
    setSection('overview', '');
    expect(pastStepCount()).toBe(0);
    expect(currentDoc()).toBe(base);
  });

  it('merges changes of one key within the window, and starts a new step after it or after breakUndoGroup', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const type = (text: string) => updateDoc((doc) => ({ ...doc, sections: { ...doc.sections, other: text } }), { coalesce: 'other', windowMs: 500 });
    type('a');
    now += 400;
    type('ab');
    expect(pastStepCount()).toBe(1);
    now += 501;
    type('abc');
    expect(pastStepCount()).toBe(2);
    breakUndoGroup();
    now += 1;
    type('abcd');
    expect(pastStepCount()).toBe(3);
    // Another key is another step, however soon.
    now += 1;
    updateDoc((doc) => ({ ...doc, sections: { ...doc.sections, problems: 'x' } }), { coalesce: 'problems', windowMs: 500 });
    expect(pastStepCount()).toBe(4);
    undo();
    undo();
    expect(currentDoc()!.sections.other).toBe('abc');
    undo();
    expect(currentDoc()!.sections.other).toBe('ab');
  });

  it('drops the mark of a proposed cell or section the change edits, and keeps the others', () => {
    loadDoc({ ...base, proposed: { cells: ['t3.carriedIn.natural', 't3.carriedIn.legal'], sections: ['overview'] } });
    updateDoc((doc) => ({ ...doc, cells: { ...doc.cells, 't3.carriedIn.natural': 3 } }));
    expect(currentDoc()!.proposed).toEqual({ cells: ['t3.carriedIn.legal'], sections: ['overview'] });
    setSection('overview', '新写的概述');
    expect(currentDoc()!.proposed).toEqual({ cells: ['t3.carriedIn.legal'], sections: [] });
  });
});

describe('setCellEntries', () => {
  beforeEach(() => loadDoc(base));

  it('writes refused entries as typed, and answers the tables a written total switched to typed totals', () => {
    expect(setCellEntries({ 't3.received.natural': { invalid: '1o' } })).toEqual([]);
    expect(currentDoc()!.invalidCells).toEqual({ 't3.received.natural': '1o' });
    expect(currentDoc()!.cells['t3.received.natural']).toBeNull();
    expect(setCellEntries({ 't4.review.upheld': { value: 1 }, 't4.review.total': { value: 5 } })).toEqual(['t4']);
    expect(currentDoc()!.settings?.typedTotals).toEqual(['t4']);
    expect(currentDoc()!.cells['t4.review.total']).toBe(5);
    expect(pastStepCount()).toBe(2);
  });

  it('takes a proposed cell as the user’s answer even when the same value is written again', () => {
    loadDoc({ ...base, cells: { ...base.cells, 't3.carriedIn.natural': 2 }, proposed: { cells: ['t3.carriedIn.natural'], sections: [] } });
    setCells({ 't3.carriedIn.natural': 2 });
    expect(currentDoc()!.proposed).toBeUndefined();
  });
});

describe('confirmProposed', () => {
  it('removes the marks of the cells confirmed, keeping their values, as one undo step', () => {
    loadDoc({ ...base, cells: { ...base.cells, 't3.carriedIn.natural': 2 }, proposed: { cells: ['t3.carriedIn.natural', 't3.carriedIn.legal'], sections: ['problems'] } });
    confirmProposed(['t3.carriedIn.natural']);
    expect(currentDoc()!.proposed).toEqual({ cells: ['t3.carriedIn.legal'], sections: ['problems'] });
    expect(currentDoc()!.cells['t3.carriedIn.natural']).toBe(2);
    expect(pastStepCount()).toBe(1);
    undo();
    expect(currentDoc()!.proposed?.cells).toEqual(['t3.carriedIn.natural', 't3.carriedIn.legal']);
  });
});

describe('setExplanation', () => {
  beforeEach(() => loadDoc({ ...base, explanations: [{ rule: 'a', target: '1', text: '甲' }, { rule: 'b', target: '2', text: '乙' }] }));

  it('edits an explanation in its place, adds a new one at the end and removes an emptied one', () => {
    setExplanation('a', '1', '甲改');
    expect(currentDoc()!.explanations).toEqual([{ rule: 'a', target: '1', text: '甲改' }, { rule: 'b', target: '2', text: '乙' }]);
    setExplanation('c', '3', '丙');
    expect(currentDoc()!.explanations.map((e) => e.rule)).toEqual(['a', 'b', 'c']);
    setExplanation('b', '2', '');
    expect(currentDoc()!.explanations.map((e) => e.rule)).toEqual(['a', 'c']);
  });

  it('changes nothing when the text is what it was, or an absent one is emptied', () => {
    const before = currentDoc();
    setExplanation('a', '1', '甲');
    setExplanation('z', '9', '');
    expect(currentDoc()).toBe(before);
    expect(pastStepCount()).toBe(0);
  });
});

describe('setPrevious', () => {
  const lastYear = previousBlock(createReport({ year: 2019, agencyName: '黄金镇人民政府' }), { fileName: '黄金镇-2019.nianbao', kind: 'report' }, 'ab'.repeat(32));

  it('keeps last year’s report in the document, and removes it again, each as one undo step', () => {
    loadDoc(base);
    setPrevious(lastYear);
    expect(currentDoc()!.previous).toBe(lastYear);
    setPrevious(null);
    expect(currentDoc()).not.toHaveProperty('previous');
    expect(pastStepCount()).toBe(2);
    // Removing when there is none changes nothing.
    const before = currentDoc();
    setPrevious(null);
    expect(currentDoc()).toBe(before);
    undo();
    expect(currentDoc()!.previous).toBe(lastYear);
  });
});

describe('replaceFormat', () => {
  it('replaces the document by the converted one with its totals filled, one undo step', () => {
    loadDoc(base);
    const converted: ReportDocument = { ...base, format: '2021', cells: { ...base.cells, 't4.review.upheld': 3 } };
    replaceFormat(converted);
    expect(currentDoc()!.format).toBe('2021');
    expect(currentDoc()!.cells['t4.review.total']).toBe(3);
    undo();
    expect(currentDoc()).toBe(base);
  });
});

describe('typedTotalsReplaced', () => {
  it('lists the typed totals that computed totals would replace, with both numbers', () => {
    const doc = {
      ...base,
      settings: { typedTotals: ['t4' as const] },
      cells: { ...base.cells, 't4.review.upheld': 1, 't4.review.corrected': 2, 't4.review.other': 0, 't4.review.pending': 0, 't4.review.total': 9, 't4.suitDirect.total': null },
    };
    expect(typedTotalsReplaced(doc, 't4')).toEqual([{ key: 't4.review.total', typed: 9, computed: 3 }]);
    // A table whose totals are computed already has nothing to replace.
    expect(typedTotalsReplaced(doc, 't3')).toEqual([]);
    expect(typedTotalsReplaced({ ...doc, cells: { ...doc.cells, 't4.review.total': 3 } }, 't4')).toEqual([]);
  });
});
