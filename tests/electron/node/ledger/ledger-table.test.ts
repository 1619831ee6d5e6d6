// electron/node/ledger/ledger-table.ts: table 3 counted from a ledger sheet and its mapping, and the drill-down
// a person checks it with — each counted row in one line (describeEntry), the rows of one cell (explainCell).
import { describe, expect, it } from 'vitest';
import { countSheet, describeEntry, explainCell, todayIso } from '../../../../electron/node/ledger/ledger-table';
import { analyseLedger } from '../../../../shared/ledger/mapping';
import type { RawCell, RawSheet } from '../../../../shared/ledger/types';
import { EXPECTED_2021, expectTable, HEADINGS, LABEL_ROWS, TODAY } from '../../../shared/ledger/fixture';

const sheetOf = (rows: RawCell[][]): RawSheet => ({ name: '申请台账', rows: [HEADINGS, ...rows] });
const FIXTURE = sheetOf(LABEL_ROWS);

function counted(sheet: RawSheet = FIXTURE, format: '2019' | '2021' = '2021') {
  return countSheet(sheet, analyseLedger(sheet, format).mapping, { year: 2025, format, today: TODAY });
}

describe('todayIso', () => {
  it('is the local calendar day, zero-padded', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayIso(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });
});

describe('countSheet', () => {
  it('counts table 3 of the ledger as worked out by hand, with one entry per ledger row', () => {
    const { table, entries } = counted();
    expectTable(table.cells, '2021', EXPECTED_2021);
    expect(entries.map((e) => e.row)).toEqual(LABEL_ROWS.map((_, i) => i + 2));
    expect(entries.map((e) => e.serial)).toEqual(LABEL_ROWS.map((r) => r[0]));
  });

  it('counts the year asked for: 2024 sees other applications than 2025', () => {
    const sheet = FIXTURE;
    const { table } = countSheet(sheet, analyseLedger(sheet, '2021').mapping, { year: 2024, format: '2021', today: TODAY });
    // Received in 2024: 序号 4 (2024-12-20) and 9 (2024-03-01).
    expect(table.cells['t3.received.total']).toBe(2);
    expect(table.cells['t3.received.natural']).toBe(1);
    expect(table.cells['t3.received.legalServices']).toBe(1);
  });

  it('an application received after `today` is not counted as received yet', () => {
    const sheet = sheetOf([['1', '2025-12-30', '张三', '自然人', '事项', '', '', '', '']]);
    const mapping = analyseLedger(sheet, '2021').mapping;
    expect(countSheet(sheet, mapping, { year: 2025, format: '2021', today: '2026-01-10' }).table.cells['t3.received.natural']).toBe(1);
    expect(countSheet(sheet, mapping, { year: 2025, format: '2021', today: '2025-12-01' }).table.excluded.length).toBeGreaterThan(0);
  });
});

describe('describeEntry', () => {
  it('describes a counted row: its dates, applicant, the applicant type as listed, the result with its reason', () => {
    const { entries } = counted();
    const row = entries.find((e) => e.serial === '3')!;
    expect(describeEntry(row, '2021')).toEqual({
      row: 4,
      serial: '3',
      received: '2025-04-01',
      answered: '2025-04-20',
      applicant: '李四',
      applicantType: '自然人',
      result: '不予公开／4.保护第三方合法权益',
      content: '会议记录',
    });
    expect(describeEntry(entries.find((e) => e.serial === '1')!, '2021').result).toBe('予以公开');
  });

  it('a row not answered yet has no result; unknown types and dates that are no dates are shown as written', () => {
    const { entries } = counted(sheetOf([
      ['1', '2025-11-02', '某基金会', '社会公益组织', '资金使用', '', '予以公开', '', ''],
      ['2', '去年冬天', '赵六', '外星来客', '', '2025-13-45', '都给了', '', ''],
    ]));
    const pending = describeEntry(entries[0]!, '2021');
    expect(pending.answered).toBe('');
    expect(pending.result).toBe(''); // 予以公开 written in, but no answer date: not a result yet
    const odd = describeEntry(entries[1]!, '2021');
    expect(odd).toMatchObject({ received: '去年冬天', answered: '2025-13-45', applicantType: '外星来客', result: '都给了', content: '' });
  });

  it('names the result in the format\'s words: 2019 has no reasons under 其他处理', () => {
    const in2019 = counted(FIXTURE, '2019').entries.find((e) => e.serial === '8')!;
    expect(describeEntry(in2019, '2019').result).toBe('其他处理');
    const in2021 = counted(FIXTURE, '2021').entries.find((e) => e.serial === '8')!;
    expect(describeEntry(in2021, '2021').result).toMatch(/^其他处理／2\.申请人逾期未按收费通知要求缴纳费用/);
  });
});

describe('explainCell', () => {
  it('lists the rows one cell counts, described, in ledger order', () => {
    const count = counted();
    const rows = explainCell(count, 't3.received.natural', '2021');
    expect(rows.map((r) => r.serial)).toEqual(['1', '3', '7', '12']);
    expect(rows.map((r) => r.applicant)).toEqual(['张三', '李四', '王五', '周九']);
    expect(explainCell(count, 't3.carriedOver.total', '2021').map((r) => r.serial)).toEqual(['5', '6', '10']);
  });

  it('a cell no row counts, or a key that is no cell, lists nothing', () => {
    const count = counted();
    expect(explainCell(count, 't3.granted.research', '2021')).toEqual([]);
    expect(explainCell(count, 'no.such.cell', '2021')).toEqual([]);
  });
});
