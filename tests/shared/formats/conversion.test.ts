// The cells the two formats name differently: where a renamed row or column of one format takes its value
// from in the other (表二 本年新制作数量 ↔ 本年制发件数, 表三 （六）其他处理 ↔ its three 2021 rows).
import { describe, expect, it } from 'vitest';
import { RENAMED_PARTS, renamedSources, splitCellKey } from '../../../shared/formats/conversion';
import { formatModel } from '../../../shared/formats/index';

describe('splitCellKey', () => {
  it('splits table, row (dotted rows kept whole) and column', () => {
    expect(splitCellKey('t3.withheld.stateSecret.natural')).toEqual({ table: 't3', row: 'withheld.stateSecret', column: 'natural' });
    expect(splitCellKey('t2.fees.amount')).toEqual({ table: 't2', row: 'fees', column: 'amount' });
    expect(splitCellKey('t4')).toEqual({ table: 't4', row: '', column: 't4' });
  });
});

describe('renamedSources', () => {
  it('2019 → 2021: 本年制发件数 comes from 本年新制作数量, 3.其他 from （六）其他处理; 1. and 2. from nothing', () => {
    expect(renamedSources('t2.normativeDocs.issued', '2019', '2021')).toEqual(['t2.normativeDocs.made']);
    expect(renamedSources('t3.other.misc.natural', '2019', '2021')).toEqual(['t3.other.natural']);
    expect(renamedSources('t3.other.noCorrection.natural', '2019', '2021')).toEqual([]);
    expect(renamedSources('t3.other.unpaidFee.total', '2019', '2021')).toEqual([]);
  });

  it('2021 → 2019: （六）其他处理 is the three 2021 rows added up, per column', () => {
    expect(renamedSources('t3.other.commercial', '2021', '2019')).toEqual(['t3.other.misc.commercial', 't3.other.noCorrection.commercial', 't3.other.unpaidFee.commercial']);
    expect(renamedSources('t2.regulations.made', '2021', '2019')).toEqual(['t2.regulations.issued']);
  });

  it('names nothing for a key that is not renamed', () => {
    expect(renamedSources('t3.received.natural', '2019', '2021')).toEqual([]);
    expect(renamedSources('t4.review.upheld', '2021', '2019')).toEqual([]);
    expect(renamedSources('t2.normativeDocs.made', '2019', '2021')).toEqual([]);
  });

  it('every source it names for a cell of one format is a cell of the other', () => {
    for (const [from, to] of [['2019', '2021'], ['2021', '2019']] as const) {
      const fromKeys = new Set(formatModel(from).cells.map((c) => c.key));
      for (const cell of formatModel(to).cells) for (const source of renamedSources(cell.key, from, to)) expect(fromKeys.has(source), `${cell.key} ← ${source}`).toBe(true);
    }
  });
});

describe('RENAMED_PARTS', () => {
  it('each renamed part names a row or column of its format, and only there', () => {
    for (const r of RENAMED_PARTS) {
      const parts = (format: '2019' | '2021') => new Set(formatModel(format).cells.filter((c) => c.key.startsWith(`${r.table}.`)).map((c) => (r.part === 'row' ? splitCellKey(c.key).row : splitCellKey(c.key).column)));
      expect(parts('2019').has(r['2019']), r['2019']).toBe(true);
      expect(parts('2021').has(r['2019']), r['2019']).toBe(false);
      for (const name of r['2021']) {
        expect(parts('2021').has(name), name).toBe(true);
        expect(parts('2019').has(name), name).toBe(false);
      }
    }
  });
});
