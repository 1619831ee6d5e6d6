import { describe, expect, it } from 'vitest';
import { BLANK, checkPlan, KIND_AMOUNT, KIND_COUNT, KIND_SIGNED, NOT_FINITE, NUMBER, readCells, sharedCells, TABLES } from '../../../shared/checks/plan';
import { formatModel } from '../../../shared/formats/index';
import type { FormatId } from '../../../shared/formats/types';

const FORMATS: FormatId[] = ['2019', '2021'];

describe('checkPlan', () => {
  it('is built once per format', () => {
    expect(checkPlan('2021')).toBe(checkPlan('2021'));
    expect(checkPlan('2019')).not.toBe(checkPlan('2021'));
  });

  for (const id of FORMATS) {
    it(`indexes the cells of format ${id} with their kinds and tables`, () => {
      const plan = checkPlan(id);
      const model = formatModel(id);
      expect(plan.keys).toEqual(model.cells.map((c) => c.key));
      plan.keys.forEach((key, i) => {
        const def = model.cellByKey.get(key)!;
        expect(plan.index.get(key)).toBe(i);
        expect(plan.kinds[i]).toBe({ count: KIND_COUNT, signedCount: KIND_SIGNED, amount: KIND_AMOUNT }[def.kind]);
        expect(TABLES[plan.tableOf[i]!]).toBe(def.table);
      });
    });

    it(`turns every sum of format ${id} into indexes of the same cells`, () => {
      const plan = checkPlan(id);
      expect(plan.sums).toHaveLength(formatModel(id).sums.length);
      for (const sum of plan.sums) {
        expect(plan.keys[sum.total]).toBe(sum.relation.total);
        expect([...sum.parts].map((i) => plan.keys[i])).toEqual(sum.relation.parts);
      }
    });

    it(`indexes table 3's balance columns and the 规章 row of format ${id}`, () => {
      const plan = checkPlan(id);
      expect(plan.balance.map((b) => b.column)).toEqual(plan.t3Columns);
      for (const b of plan.balance) {
        expect(plan.keys[b.received]).toBe(`t3.received.${b.column}`);
        expect(plan.keys[b.carriedIn]).toBe(`t3.carriedIn.${b.column}`);
        expect(plan.keys[b.resultsTotal]).toBe(`t3.resultsTotal.${b.column}`);
        expect(plan.keys[b.carriedOver]).toBe(`t3.carriedOver.${b.column}`);
      }
      expect(plan.t3Columns).toContain('total');
      expect(plan.keys[plan.resultsTotalTotal]).toBe('t3.resultsTotal.total');
      const regulations = [...plan.regulations].map((i) => plan.keys[i]);
      expect(regulations.length).toBeGreaterThan(0);
      expect(regulations).toEqual(plan.keys.filter((k) => k.startsWith('t2.regulations.')));
    });
  }

  it('finds the （六）其他处理 rows: one in the 2019 format, three in the 2021 format', () => {
    expect(checkPlan('2019').otherShareParts).toHaveLength(1);
    expect(checkPlan('2021').otherShareParts).toHaveLength(3);
    for (const id of FORMATS) {
      const plan = checkPlan(id);
      for (const i of plan.otherShareParts) {
        const def = plan.defs[i]!;
        expect(def.key.endsWith('.total')).toBe(true);
        expect(def.rowLabels[1]).toBe('（六）其他处理');
      }
    }
  });
});

describe('sharedCells', () => {
  it('pairs the cells two formats share by key, and is cached', () => {
    const cur = checkPlan('2021');
    const prev = checkPlan('2019');
    const pairs = sharedCells(cur, prev);
    expect(pairs.cur.length).toBe(pairs.prev.length);
    expect(pairs.cur.length).toBeGreaterThan(0);
    const shared = cur.keys.filter((k) => prev.index.has(k));
    expect([...pairs.cur].map((i) => cur.keys[i])).toEqual(shared);
    expect([...pairs.prev].map((i) => prev.keys[i])).toEqual(shared);
    expect(sharedCells(cur, prev)).toBe(pairs);
    const same = sharedCells(cur, cur);
    expect(same.cur.length).toBe(cur.keys.length);
  });
});

describe('readCells', () => {
  it('reads blanks, numbers and what is not a number apart; never 0 for a blank', () => {
    const plan = checkPlan('2021');
    const [a, b, c, d, e] = plan.keys;
    const buffer = { values: new Float64Array(plan.keys.length), state: new Uint8Array(plan.keys.length) };
    readCells(plan, { [a!]: 3, [b!]: 0, [c!]: Number.NaN, [d!]: '5', [e!]: null, 'x.unknown': 9 }, buffer);
    expect([...buffer.state.slice(0, 5)]).toEqual([NUMBER, NUMBER, NOT_FINITE, NOT_FINITE, BLANK]);
    expect([...buffer.values.slice(0, 5)]).toEqual([3, 0, 0, 0, 0]);
    expect(buffer.state[5]).toBe(BLANK);
  });

  it('marks a refused entry as not a number even when the cell holds one, and resets a reused buffer', () => {
    const plan = checkPlan('2021');
    const [a, b] = plan.keys;
    const buffer = { values: new Float64Array(plan.keys.length), state: new Uint8Array(plan.keys.length) };
    readCells(plan, { [a!]: 7, [b!]: 8 }, buffer, { [b!]: '1.5件', 'x.unknown': 'y' });
    expect([buffer.state[0], buffer.state[1]]).toEqual([NUMBER, NOT_FINITE]);
    readCells(plan, {}, buffer);
    expect([buffer.state[0], buffer.state[1], buffer.values[0]]).toEqual([BLANK, BLANK, 0]);
  });

  it('never throws on a cells value that is not an object', () => {
    const plan = checkPlan('2019');
    const buffer = { values: new Float64Array(plan.keys.length).fill(1), state: new Uint8Array(plan.keys.length).fill(NUMBER) };
    for (const cells of [null, undefined, 'text' as unknown as Record<string, unknown>]) {
      readCells(plan, cells, buffer, null);
      expect(buffer.state.every((s) => s === BLANK)).toBe(true);
    }
  });
});
