// The one implementation of typed totals: written totals are evidence.
import { describe, expect, it } from 'vitest';
import { applyEntries, differingTotals, isComputedCell, keepWrittenTotals, withTotalsMode } from '../../../shared/checks/typed-totals';
import { runChecks } from '../../../shared/checks/index';
import { createReport } from '../../../shared/model/document';

const fresh = () => createReport({ year: 2022, agencyName: '某区人民政府', now: '2023-01-05T09:00:00.000Z' });

describe('applyEntries', () => {
  it('computes totals from parts while the table is in computed mode', () => {
    const { doc, switched } = applyEntries(fresh(), { 't4.review.upheld': { value: 6 }, 't4.review.corrected': { value: 5 } });
    expect(doc.cells['t4.review.total']).toBe(11);
    expect(switched).toEqual([]);
  });

  it('keeps a written total that differs (a printed 总计 0 next to results of 11), switches the table, and the sum rule shows both numbers', () => {
    const base = applyEntries(fresh(), { 't4.review.upheld': { value: 6 }, 't4.review.corrected': { value: 5 } }).doc;
    const { doc, switched } = applyEntries(base, { 't4.review.total': { value: 0 } });
    expect(switched).toEqual(['t4']);
    expect(doc.cells['t4.review.total']).toBe(0);
    expect(doc.settings?.typedTotals).toEqual(['t4']);
    const sum = runChecks({ report: doc }).find((f) => f.rule === 't4.groupSum');
    expect(sum).toMatchObject({ actual: 0, expected: 11 });
    expect(sum!.message).toContain('表四“行政复议”栏“总计”为 0');
    expect(sum!.message).toContain('之和为 11');
  });

  it('a written total equal to the sum leaves the table computed', () => {
    const base = applyEntries(fresh(), { 't4.review.upheld': { value: 6 } }).doc;
    expect(applyEntries(base, { 't4.review.total': { value: 6 } }).switched).toEqual([]);
  });

  it('writes refused entries as typed and removes them when corrected', () => {
    const one = applyEntries(fresh(), { 't3.received.natural': { invalid: '1o' } }).doc;
    expect(one.invalidCells).toEqual({ 't3.received.natural': '1o' });
    expect(one.cells['t3.received.natural']).toBeNull();
    const two = applyEntries(one, { 't3.received.natural': { value: 10 } }).doc;
    expect(two.invalidCells).toBeUndefined();
    expect(two.cells['t3.received.total']).toBe(10);
  });
});

describe('keepWrittenTotals / differingTotals / withTotalsMode', () => {
  it('switches only tables whose written totals differ, and back again recomputes', () => {
    const doc = { ...fresh(), cells: { ...fresh().cells, 't4.review.upheld': 6, 't4.review.total': 0 } };
    expect(differingTotals(doc, 't4')).toEqual([{ key: 't4.review.total', typed: 0, computed: 6 }]);
    const kept = keepWrittenTotals(doc);
    expect(kept.switched).toEqual(['t4']);
    const back = withTotalsMode(kept.doc, 't4', false);
    expect(back.cells['t4.review.total']).toBe(6);
    expect(back.settings?.typedTotals).toBeUndefined();
  });
});

describe('isComputedCell', () => {
  it('a total is the tool’s while its table computes totals, the user’s once the table is typed; parts are always the user’s', () => {
    const doc = fresh();
    expect(isComputedCell(doc, 't3.received.total')).toBe(true);
    expect(isComputedCell(doc, 't3.resultsTotal.natural')).toBe(true);
    expect(isComputedCell(doc, 't4.review.total')).toBe(true);
    expect(isComputedCell(doc, 't3.received.natural')).toBe(false);
    expect(isComputedCell(doc, 't2.regulations.issued')).toBe(false);
    const typed = withTotalsMode(doc, 't3', true);
    expect(isComputedCell(typed, 't3.received.total')).toBe(false);
    expect(isComputedCell(typed, 't4.review.total')).toBe(true);
    expect(isComputedCell(doc, 'not.a.cell')).toBe(false);
  });
});
