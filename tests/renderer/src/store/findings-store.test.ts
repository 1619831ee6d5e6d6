// Live checks (findings-store.ts): counts per place and the most severe mark per cell from the findings,
// the checks run once per document object, and the store following the open document.
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/checks/types';
import { createReport } from '../../../../shared/model/document';
import { checkDocument, deriveFindings, useFindings } from '../../../../renderer/src/store/findings-store';
import { currentDoc, loadDoc, setCells } from '../../../../renderer/src/store/document-store';

function finding(over: Partial<Finding> & Pick<Finding, 'rule' | 'severity' | 'place'>): Finding {
  return { target: 'x', cells: [], message: '……', ...over };
}

afterEach(() => loadDoc(null));

describe('deriveFindings', () => {
  it('counts to-dos by what is left, errors, confirms to explain or explained, and hints, per place', () => {
    const { byPlace } = deriveFindings([
      finding({ rule: 'cell.blank', severity: 'error', place: 't3', cells: ['t3.a', 't3.b', 't3.c'] }),
      finding({ rule: 'text.empty', severity: 'error', place: 'problems' }),
      finding({ rule: 't3.balance', severity: 'error', place: 't3', cells: ['t3.a'] }),
      finding({ rule: 'cell.implausible', severity: 'confirm', place: 't3', cells: ['t3.b'] }),
      finding({ rule: 'cell.implausible', severity: 'confirm', place: 't3', cells: ['t3.c'], explanation: '确有其事' }),
      finding({ rule: 'cell.implausible', severity: 'confirm', place: 't4', cells: ['t4.a'], explanation: '   ' }),
      finding({ rule: 'cell.implausible', severity: 'hint', place: 't4', cells: ['t4.b'] }),
    ]);
    expect(byPlace.t3).toEqual({ todo: 3, errors: 1, toExplain: 1, explained: 1, hints: 0, toConfirm: 0 });
    expect(byPlace.problems).toEqual({ todo: 1, errors: 0, toExplain: 0, explained: 0, hints: 0, toConfirm: 0 });
    // Blank text is no explanation.
    expect(byPlace.t4).toEqual({ todo: 0, errors: 0, toExplain: 1, explained: 0, hints: 1, toConfirm: 0 });
    expect(byPlace.meta).toEqual({ todo: 0, errors: 0, toExplain: 0, explained: 0, hints: 0, toConfirm: 0 });
  });

  it('counts what 从上年报告开始 proposed and is not yet confirmed: cells in their table’s step, texts in their section’s', () => {
    const { byPlace } = deriveFindings([], { cells: ['t3.carriedIn.natural', 't3.carriedIn.total', 't2.regulations.inForce'], sections: ['overview', 'problems'] });
    expect([byPlace.t2.toConfirm, byPlace.t3.toConfirm, byPlace.t4.toConfirm]).toEqual([1, 2, 0]);
    expect([byPlace.overview.toConfirm, byPlace.problems.toConfirm, byPlace.other.toConfirm, byPlace.meta.toConfirm]).toEqual([1, 1, 0, 0]);
  });

  it('marks each cell with its most severe finding, leaving out blank cells and explained confirms', () => {
    const { marks } = deriveFindings([
      finding({ rule: 'cell.implausible', severity: 'hint', place: 't3', cells: ['t3.a', 't3.b'] }),
      finding({ rule: 'cell.implausible', severity: 'confirm', place: 't3', cells: ['t3.a'] }),
      finding({ rule: 't3.balance', severity: 'error', place: 't3', cells: ['t3.b'] }),
      finding({ rule: 'cell.implausible', severity: 'hint', place: 't3', cells: ['t3.b'] }),
      finding({ rule: 'cell.blank', severity: 'error', place: 't3', cells: ['t3.c'] }),
      finding({ rule: 'cell.implausible', severity: 'confirm', place: 't3', cells: ['t3.d'], explanation: '已说明' }),
    ]);
    expect(Object.fromEntries(marks)).toEqual({ 't3.a': 'confirm', 't3.b': 'error' });
  });
});

describe('checkDocument', () => {
  it('runs the checks on the document once, and again for a changed one', () => {
    const doc = createReport({ year: 2022, agencyName: '测试镇人民政府' });
    const first = checkDocument(doc);
    expect(checkDocument(doc)).toBe(first);
    // A new report is mostly blank: to fill in, not wrong.
    expect(first.byPlace.t3.todo).toBeGreaterThan(0);
    expect(first.findings.some((f) => f.rule === 'cell.blank')).toBe(true);
    const changed = { ...doc, cells: { ...doc.cells, 't3.received.natural': 1 } };
    const second = checkDocument(changed);
    expect(second).not.toBe(first);
    expect(second.byPlace.t3.todo).toBe(first.byPlace.t3.todo - 1);
  });
});

describe('useFindings', () => {
  it('follows the open document, and empties when it closes', () => {
    loadDoc(createReport({ year: 2022, agencyName: '测试镇人民政府' }));
    expect(useFindings.getState()).toBe(checkDocument(currentDoc()!));
    const todo = useFindings.getState().byPlace.t3.todo;
    // One cell the user fills is filled now (the totals computed from it were never counted).
    setCells({ 't3.received.natural': 1 });
    expect(useFindings.getState().byPlace.t3.todo).toBe(todo - 1);
    expect(useFindings.getState()).toBe(checkDocument(currentDoc()!));
    loadDoc(null);
    expect(useFindings.getState().findings).toEqual([]);
    expect(useFindings.getState().marks.size).toBe(0);
  });
});
