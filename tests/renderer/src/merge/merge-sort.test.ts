// The overview's order: every column sorts both ways, blank figures last either way, ties by unit name;
// a click on the same header turns the order round, on another starts ascending (figures: largest first).
import { describe, expect, it } from 'vitest';
import type { MergeRowView } from '../../../../shared/ipc/contract';
import { nextSort, sortRows, statusText } from '../../../../renderer/src/merge/merge-sort';
import { mergeRow } from './merge-rows';

const row = mergeRow;

const rows = [
  row('u1', '乙镇', { totals: { received: 5, handled: 5, carriedOver: 0, review: 0, suits: 0 } }),
  row('u2', '甲镇', { totals: { received: null, handled: null, carriedOver: null, review: null, suits: null }, status: 'marked', source: 'pdf-edited' }),
  row('u3', '丙镇', { totals: { received: 12, handled: 11, carriedOver: 1, review: 1, suits: 0 }, findings: { error: 2, confirm: 0, confirmExplained: 0, hint: 0 } }),
  row('u4', '丁镇', { totals: { received: 5, handled: 5, carriedOver: 0, review: 0, suits: 2 }, year: 2024, status: 'otherGroup' }),
];
const ids = (sorted: MergeRowView[]) => sorted.map((r) => r.unitId);

describe('sortRows', () => {
  it('by unit name in Chinese order (pinyin), both ways', () => {
    expect(ids(sortRows(rows, { column: 'unit', direction: 'ascending' }))).toEqual(['u3', 'u4', 'u2', 'u1']); // 丙 bing, 丁 ding, 甲 jia, 乙 yi
    expect(ids(sortRows(rows, { column: 'unit', direction: 'descending' }))).toEqual(['u1', 'u2', 'u4', 'u3']);
  });

  it('by a figure: blanks last either way, ties by name', () => {
    expect(ids(sortRows(rows, { column: 'received', direction: 'descending' }))).toEqual(['u3', 'u4', 'u1', 'u2']);
    expect(ids(sortRows(rows, { column: 'received', direction: 'ascending' }))).toEqual(['u4', 'u1', 'u3', 'u2']);
    expect(ids(sortRows(rows, { column: 'suits', direction: 'descending' }))).toEqual(['u4', 'u3', 'u1', 'u2']);
  });

  it('by findings, status and year', () => {
    expect(sortRows(rows, { column: 'findings', direction: 'descending' })[0]!.unitId).toBe('u3');
    expect(ids(sortRows(rows, { column: 'status', direction: 'ascending' }))).toEqual(['u2', 'u3', 'u1', 'u4']); // marked first
    expect(sortRows(rows, { column: 'year', direction: 'ascending' })[0]!.unitId).toBe('u4');
  });

  it('leaves the rows it was given alone', () => {
    const before = ids(rows);
    sortRows(rows, { column: 'received', direction: 'descending' });
    expect(ids(rows)).toEqual(before);
  });
});

describe('nextSort and statusText', () => {
  it('turns the order round on the same column; figures start largest first, words A→Z', () => {
    expect(nextSort({ column: 'unit', direction: 'ascending' }, 'unit')).toEqual({ column: 'unit', direction: 'descending' });
    expect(nextSort({ column: 'unit', direction: 'ascending' }, 'received')).toEqual({ column: 'received', direction: 'descending' });
    expect(nextSort({ column: 'received', direction: 'descending' }, 'file')).toEqual({ column: 'file', direction: 'ascending' });
  });

  it('names whose figures an included marked report counts with', () => {
    expect(statusText(row('x', 'x', { status: 'included', dataUsed: 'printed' }))).toBe('计入（印出的数字）');
    expect(statusText(row('x', 'x', { status: 'marked' }))).toBe('有疑问，未计入');
    expect(statusText(row('x', 'x', { status: 'superseded' }))).toBe('已被更正，不计入');
  });
});
