// The 汇总 mode's store (merge-store.ts): a merge starts out empty, on the overview, sorted by unit name.
import { describe, expect, it } from 'vitest';
import { INITIAL_SORT, useMerge } from '../../../../renderer/src/merge/merge-store';
import { sortRows } from '../../../../renderer/src/merge/merge-sort';
import { mergeRow } from './merge-rows';

const row = (unitId: string, unit: string) => mergeRow(unitId, unit);

describe('useMerge', () => {
  it('starts with no merge, nothing decided, the overview (no unit open, no summary form) and the first sort', () => {
    const s = useMerge.getState();
    expect(s.view).toBeNull();
    expect(s.busy).toBeNull();
    expect(s.group).toBeNull();
    expect(s.include).toEqual({});
    expect(s.matches).toEqual({});
    expect(s.unit).toBeNull();
    expect(s.returnTo).toBeNull();
    expect(s.askingSummary).toBe(false);
    expect(s.sort).toBe(INITIAL_SORT);
  });
});

describe('INITIAL_SORT', () => {
  it('lists the units by name, A to Z in pinyin order', () => {
    const sorted = sortRows([row('u1', '乙镇'), row('u2', '甲镇'), row('u3', '丙镇')], INITIAL_SORT);
    expect(sorted.map((r) => r.unit)).toEqual(['丙镇', '甲镇', '乙镇']);
  });
});
