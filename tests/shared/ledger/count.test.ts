// Table 3 from a ledger, hand-computed, in both formats; and every kind of row that cannot be counted.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { countLedger, resolveResult } from '../../../shared/ledger/count';
import type { ApplicantKey } from '../../../shared/ledger/categories';
import type { LedgerEntry, RawCell, ResultValue } from '../../../shared/ledger/types';
import { EXPECTED_2021, expectTable } from './fixture';

const ok = (...targets: string[]): ResultValue => ({ kind: 'ok', targets });
const EMPTY = { kind: 'empty' } as const;

function entry(row: number, received: RawCell, answered: RawCell, applicant: ApplicantKey | null, result: ResultValue = EMPTY, reason: ResultValue = EMPTY, serial = String(row - 1)): LedgerEntry {
  return { row, serial, received, answered, applicant: applicant ? { kind: 'ok', key: applicant } : EMPTY, result, reason };
}

// Sheet row 1 is the header; row n holds 序号 n−1.
const LEDGER: LedgerEntry[] = [
  entry(2, '2025-01-10', '2025-01-20', 'natural', ok('granted')),
  entry(3, '2025/3/1', '2025年3月15日', 'commercial', ok('partlyGranted')),
  entry(4, { date: '2025-04-01' }, { date: '2025-04-20' }, 'natural', ok('withheld'), ok('withheld.thirdPartyRights')),
  // received in December of the year before, answered in January: carried in, then a result
  entry(5, '2024-12-20', '2025-01-08', 'legalServices', ok('unavailable.notHeld')),
  // received in December, answered in January of the next year: received, carried over
  entry(6, '2025-12-22', '2026-01-06', 'research', ok('granted')),
  // still open at the end of the year
  entry(7, 45963, null, 'publicInterest'),
  // several results, part given: counts once, as 部分公开
  entry(8, '2025-05-05', '2025-05-30', 'natural', ok('granted', 'withheld.stateSecret')),
  entry(9, '2025-06-01', '2025-06-10', 'otherOrg', ok('other'), ok('other.unpaidFee')),
  // another year's business
  entry(10, '2024-03-01', '2024-03-20', 'natural', ok('granted')),
  // open for two years: carried in and carried over
  entry(11, '2023-11-01', '', 'natural'),
  entry(12, '2026-01-03', null, 'natural'),
  entry(13, '2025-07-07', '2025-07-20', 'natural', ok('notProcessed'), ok('notProcessed.duplicates')),
  entry(14, '2025-08-01', '2025-08-05', 'commercial', ok('other.misc')),
];

describe('table 3 from a ledger', () => {
  const today = '2026-02-01';

  it('2021 format: hand-computed table, December→January and still-open applications', () => {
    const t3 = countLedger(LEDGER, { year: 2025, format: '2021', today });
    expect(t3.excluded).toEqual([]);
    expectTable(t3.cells, '2021', EXPECTED_2021);
    expect(t3.rows).toBe(13);
    expect(t3.counted).toBe(11);
    expect(t3.otherYears).toBe(2);
  });

  it('2019 format: the 其他处理 reasons all count under its one row', () => {
    const expected: Record<string, number> = { ...EXPECTED_2021 };
    for (const k of Object.keys(expected)) if (k.startsWith('other.')) delete expected[k];
    Object.assign(expected, { 'other.otherOrg': 1, 'other.commercial': 1, 'other.total': 2 });
    const t3 = countLedger(LEDGER, { year: 2020, format: '2019', today }).cells;
    // Shift the whole ledger by five years so it lands in a 2019-format year.
    const shifted = LEDGER.map((e) => ({ ...e, received: shift(e.received), answered: shift(e.answered) }));
    const t3Shifted = countLedger(shifted, { year: 2020, format: '2019', today });
    expect(t3Shifted.excluded).toEqual([]);
    expectTable(t3Shifted.cells, '2019', expected);
    expect(t3['t3.received.total']).toBe(0);
  });

  it('balance holds per column by construction', () => {
    const { cells } = countLedger(LEDGER, { year: 2025, format: '2021', today });
    for (const col of ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg', 'total']) {
      expect(cells[`t3.received.${col}`]! + cells[`t3.carriedIn.${col}`]!).toBe(cells[`t3.resultsTotal.${col}`]! + cells[`t3.carriedOver.${col}`]!);
    }
  });

  it('each cell lists the ledger rows it counts (drill-down), totals the rows of their parts', () => {
    const { rowsByCell } = countLedger(LEDGER, { year: 2025, format: '2021', today });
    expect(rowsByCell['t3.received.natural']).toEqual([2, 4, 8, 13]);
    expect(rowsByCell['t3.partlyGranted.natural']).toEqual([8]);
    expect(rowsByCell['t3.carriedIn.total']).toEqual([5, 11]);
    expect(rowsByCell['t3.carriedOver.total']).toEqual([6, 7, 11]);
    expect(rowsByCell['t3.resultsTotal.commercial']).toEqual([3, 14]);
    expect(rowsByCell['t3.granted.research']).toEqual([]);
  });

  it('the year before: the December application is carried over, the two-year-old one too', () => {
    const t3 = countLedger(LEDGER, { year: 2024, format: '2021', today });
    expect(t3.excluded).toEqual([]);
    expect(t3.rowsByCell['t3.carriedOver.total']).toEqual([5, 11]);
    expect(t3.rowsByCell['t3.granted.total']).toEqual([10]);
    expect(t3.rowsByCell['t3.received.total']).toEqual([5, 10]);
    expect(t3.rowsByCell['t3.carriedIn.total']).toEqual([11]);
  });
});

function shift(cell: RawCell): RawCell {
  if (typeof cell === 'string') return cell.replace(/20(2\d)/, (_m, y: string) => `20${Number(y) - 5}`);
  if (typeof cell === 'number') return cell - 1826;
  if (cell && typeof cell === 'object') return { date: shift(cell.date) as string };
  return cell;
}

describe('rows that cannot be counted are listed, never dropped', () => {
  const today = '2026-02-01';
  const opts = { year: 2025, format: '2021' as const, today };
  const bad: LedgerEntry[] = [
    entry(2, '2025-01-10', '2025-01-20', 'natural', ok('granted')),
    entry(3, '2025-02-10', '2025-02-20', 'natural', ok('granted'), EMPTY, '1'), // same 序号 as row 2
    entry(4, '', '2025-02-20', 'natural', ok('granted')),
    entry(5, '去年', '2025-02-20', 'natural', ok('granted')),
    entry(6, '2025-02-10', '已答复', 'natural', ok('granted')),
    entry(7, '2025-03-10', '2025-03-01', 'natural', ok('granted')),
    entry(8, '2025-03-10', '2027-03-01', 'natural', ok('granted')),
    entry(9, '2025-03-10', '2025-03-11', null, ok('granted')),
    { ...entry(10, '2025-03-10', '2025-03-11', null, ok('granted')), applicant: { kind: 'unknown', text: '法人' } },
    entry(11, '2025-03-10', '2025-03-11', 'natural'),
    entry(12, '2025-03-10', '2025-03-11', 'natural', { kind: 'unknown', text: '已办结' }),
    entry(13, '2025-03-10', '2025-03-11', 'natural', ok('withheld')),
    entry(14, '2025-03-10', '2025-03-11', 'natural', ok('withheld'), { kind: 'unknown', text: '涉密' }),
    entry(15, '2025-03-10', '', 'natural', ok('granted')),
    entry(16, '2025-02-30', '2025-03-11', 'natural', ok('granted')),
    entry(17, '2025-03-10', '2025-03-11', 'natural', ok('withheld'), ok('unavailable.notHeld')),
  ];

  it('names every kind with its row number, and counts only the rest', () => {
    const t3 = countLedger(bad, opts);
    expect(t3.excluded.map((e) => [e.row, e.kind])).toEqual([
      [3, 'duplicateSerial'],
      [4, 'receivedMissing'],
      [5, 'receivedInvalid'],
      [6, 'answeredInvalid'],
      [7, 'answeredBeforeReceived'],
      [8, 'futureDate'],
      [9, 'applicantMissing'],
      [10, 'applicantUnknown'],
      [11, 'resultMissing'],
      [12, 'resultUnknown'],
      [13, 'reasonMissing'],
      [14, 'reasonUnknown'],
      [15, 'resultWithoutAnswer'],
      [16, 'receivedInvalid'],
      [17, 'reasonMissing'],
    ]);
    expect(t3.cells['t3.received.total']).toBe(1);
    expect(t3.cells['t3.granted.natural']).toBe(1);
    expect(t3.counted).toBe(1);
    for (const e of t3.excluded) expect(e.message).toMatch(/请/);
    expect(t3.excluded[0]!.message).toContain('第 2 行');
    expect(t3.excluded[1]!.message).toContain('收到日期');
    expect(t3.excluded[5]!.message).toContain('2027-03-01');
    expect(t3.excluded.find((e) => e.row === 16)!.message).toContain('日期不存在');
  });

  it('problems of rows that do not concern the year do not exclude them', () => {
    const other = [{ ...entry(2, '2023-03-10', '2023-03-11', null, { kind: 'unknown', text: '?' }) }];
    const t3 = countLedger(other, opts);
    expect(t3.excluded).toEqual([]);
    expect(t3.otherYears).toBe(1);
  });

  it('an open application answered after the year needs no result yet', () => {
    const t3 = countLedger([entry(2, '2025-12-30', '2026-01-05', 'natural', { kind: 'unknown', text: '待定' })], opts);
    expect(t3.excluded).toEqual([]);
    expect(t3.cells['t3.carriedOver.natural']).toBe(1);
  });
});

describe('resolveResult', () => {
  it('several results without anything given count under the first', () => {
    expect(resolveResult('2021', ok('unavailable.notHeld', 'withheld.stateSecret'), EMPTY)).toEqual({ key: 'unavailable.notHeld' });
    expect(resolveResult('2021', ok('granted', 'granted'), EMPTY)).toEqual({ key: 'granted' });
    expect(resolveResult('2021', ok('withheld', 'granted'), EMPTY)).toEqual({ key: 'partlyGranted' });
  });
  it('a 2019 其他处理 needs no reason, a 2021 one does', () => {
    expect(resolveResult('2019', ok('other'), EMPTY)).toEqual({ key: 'other' });
    expect(resolveResult('2021', ok('other'), EMPTY).problem?.kind).toBe('reasonMissing');
    expect(resolveResult('2019', ok('other.misc'), EMPTY)).toEqual({ key: 'other' });
  });
  it('a reason alone says the result', () => {
    expect(resolveResult('2021', EMPTY, ok('withheld.queryMatters'))).toEqual({ key: 'withheld.queryMatters' });
  });
});
