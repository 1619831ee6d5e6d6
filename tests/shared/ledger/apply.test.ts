// Table 3 from the ledger into a report: changes, applied cells, the ledger source kept in the file.
import { describe, expect, it } from 'vitest';
import { applyTable3, table3Changes } from '../../../shared/ledger/apply';
import { countLedger } from '../../../shared/ledger/count';
import { analyseLedger, applyMapping } from '../../../shared/ledger/mapping';
import { createReport, parseReport, parseReportData, serializeReport } from '../../../shared/model/document';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/report';
import { EXPECTED_2021, expectTable, HEADINGS, LABEL_ROWS, TODAY } from './fixture';

const sheet = { name: '台账', rows: [HEADINGS, ...LABEL_ROWS] };
const table = countLedger(applyMapping(sheet, analyseLedger(sheet, '2021').mapping), { year: 2025, format: '2021', today: TODAY });
const source = { fileName: '台账.xlsx', sheet: '台账', rows: 13, counted: 11, excluded: 0, derivedAt: '2026-01-20T08:00:00.000Z' };

describe('applying table 3 from the ledger', () => {
  const doc = createReport({ year: 2025, agencyName: '黄金镇人民政府', now: '2026-01-05T00:00:00.000Z' });

  it('lists the cells that would change and applies every t3 cell, leaving the rest', () => {
    const partly = { ...doc, cells: { ...doc.cells, 't3.received.natural': 4, 't3.granted.natural': 2, 't2.regulations.issued': 3 } };
    const changes = table3Changes(partly, table);
    expect(changes.find((c) => c.key === 't3.received.natural')).toBeUndefined();
    expect(changes.find((c) => c.key === 't3.granted.natural')).toEqual({ key: 't3.granted.natural', from: 2, to: 1 });
    expect(changes.find((c) => c.key === 't3.carriedIn.otherOrg')).toEqual({ key: 't3.carriedIn.otherOrg', from: null, to: 0 });
    expect(changes).toHaveLength(174);
    const applied = applyTable3({ ...partly, invalidCells: { 't3.granted.research': '1o', 't2.fees.amount': 'x' } }, table, source);
    expectTable(Object.fromEntries(Object.entries(applied.cells).filter(([k]) => k.startsWith('t3.'))) as Record<string, number>, '2021', EXPECTED_2021);
    expect(applied.cells['t2.regulations.issued']).toBe(3);
    expect(applied.invalidCells).toEqual({ 't2.fees.amount': 'x' });
    expect(table3Changes(applied, table)).toEqual([]);
    expect(() => applyTable3({ ...doc, year: 2024 }, table, source)).toThrow();
  });

  it('the ledger source is kept in the file (since schema version 3) and checked on load', () => {
    const text = serializeReport(applyTable3(doc, table, source));
    const back = parseReport(text);
    expect(back.ok && back.doc.ledgerSource).toEqual(source);
    expect(JSON.parse(text).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(JSON.parse(serializeReport(doc))).not.toHaveProperty('ledgerSource');
    const bad = parseReportData({ ...JSON.parse(text), ledgerSource: { ...source, excluded: -1 } });
    expect(bad.ok).toBe(false);
    const v2 = parseReportData({ ...JSON.parse(serializeReport(doc)), schemaVersion: 2 });
    expect(v2.ok && v2.migratedFrom).toBe(2);
  });
});
