import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseLedgerDate } from '../../../shared/ledger/dates';

describe('ledger dates', () => {
  it('reads the ways ledgers write a day', () => {
    for (const text of ['2025-01-05', '2025/1/5', '2025.1.5', '2025年1月5日', '2025年01月05日', '20250105', '２０２５－０１－０５', '2025-01-05 14:30', '2025/1/5 9:05:00']) {
      expect(parseLedgerDate(text), text).toEqual({ kind: 'date', iso: '2025-01-05' });
    }
    expect(parseLedgerDate({ date: '2025-01-05' })).toEqual({ kind: 'date', iso: '2025-01-05' });
    expect(parseLedgerDate(45662)).toEqual({ kind: 'date', iso: '2025-01-05' });
    expect(parseLedgerDate('45662')).toEqual({ kind: 'date', iso: '2025-01-05' });
    expect(parseLedgerDate(20250105)).toEqual({ kind: 'date', iso: '2025-01-05' });
    expect(excelSerialToIso(44197)).toBe('2021-01-01');
  });
  it('empty is empty, text and impossible days are invalid', () => {
    expect(parseLedgerDate(null)).toEqual({ kind: 'empty' });
    expect(parseLedgerDate('  ')).toEqual({ kind: 'empty' });
    expect(parseLedgerDate('待定')).toMatchObject({ kind: 'invalid', why: '不是日期' });
    expect(parseLedgerDate('2025-02-29')).toMatchObject({ kind: 'invalid', why: '日期不存在' });
    expect(parseLedgerDate('1925-02-02')).toMatchObject({ kind: 'invalid' });
    expect(parseLedgerDate(12)).toMatchObject({ kind: 'invalid' });
    expect(parseLedgerDate(true)).toMatchObject({ kind: 'invalid' });
  });
});
