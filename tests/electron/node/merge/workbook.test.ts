// The receiving office's workbook, read back cell by cell with the library that wrote it, and opened by
// LibreOffice (as WPS and Excel users will open it): the sum row's formulas give the summed figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTotals } from '../../../../shared/checks/totals';
import { formatModel } from '../../../../shared/formats/index';
import type { ReadUnit } from '../../../../shared/merge/plan-merge';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { buildMergeWorkbook, columnLetter } from '../../../../electron/node/merge/workbook';
import { decideMerge } from '../../../../electron/node/merge/run-merge';

const NOW = '2026-01-15T09:00:00.000Z';

function unitReport(name: string, cells: Record<string, number | null>): ReportDocument {
  const doc = createReport({ year: 2025, agencyName: name, now: NOW });
  for (const key of Object.keys(doc.cells)) doc.cells[key] = 0;
  Object.assign(doc.cells, cells);
  doc.cells = computeTotals(doc);
  return doc;
}

const unit = (path: string, doc: ReportDocument): ReadUnit => ({ path, sha256: 'b'.repeat(64), source: 'file', doc, exportedAt: NOW });

let dir: string;
let xlsx: Buffer;
const cells = formatModel('2021').cells;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-'));
  const units = [
    unit('甲镇.nianbao', unitReport('甲镇人民政府', { 't3.received.natural': 12, 't3.granted.natural': 12, 't2.fees.amount': 1.25 })),
    unit('乙镇.nianbao', unitReport('乙镇人民政府', { 't3.received.natural': 3, 't3.granted.natural': 3, 't4.review.pending': 2, 't2.fees.amount': 0.5 })),
    unit('丙镇.nianbao', unitReport('丙镇人民政府', { 't3.received.natural': 6, 't3.granted.natural': null })),
  ];
  const run = decideMerge({ units, failed: [{ path: '坏.pdf', reason: 'PDF 文件已损坏' }], skipped: {} }, { roster: ['甲镇', '乙镇', '丙镇', '丁镇'] }, { agencyName: '某县', now: NOW });
  xlsx = await buildMergeWorkbook(run);
  writeFileSync(join(dir, '汇总.xlsx'), xlsx);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge workbook', () => {
  it('has three header rows (table / row / column), one row per unit and a sum row of formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const sheet = wb.getWorksheet('各单位数据')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 3 });
    const col = (key: string) => 5 + cells.findIndex((c) => c.key === key);
    const receivedNatural = col('t3.received.natural');
    expect(sheet.getCell(1, receivedNatural).value).toBe('表三 依申请公开');
    expect(sheet.getCell(2, receivedNatural).value).toBe('一、本年新收政府信息公开申请数量');
    expect(sheet.getCell(3, receivedNatural).value).toBe('自然人');
    expect(sheet.getCell(4, 1).value).toBe('甲镇人民政府');
    expect(sheet.getCell(4, receivedNatural).value).toBe(12);
    expect(sheet.getCell(5, receivedNatural).value).toBe(3);
    expect(sheet.getCell(6, receivedNatural).value).toBe(6);
    expect(sheet.getCell(6, col('t3.granted.natural')).value).toBeNull(); // blank stays blank
    const sum = sheet.getCell(7, receivedNatural).value as { formula: string; result: number };
    const letter = columnLetter(receivedNatural);
    expect(sum.formula).toBe(`SUM(${letter}4:${letter}6)`);
    expect(sum.result).toBe(21);
    expect(sheet.getCell(7, 1).value).toBe('合计');

    const findings = wb.getWorksheet('检查结果')!;
    const rows = findings.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.some((r) => r[1] === '丙镇人民政府' && r[4] === 'cell.blank')).toBe(true);

    const files = wb.getWorksheet('文件情况')!;
    const fileRows = (files.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(fileRows).toContainEqual(['坏.pdf', '', '读不了，未计入', 'PDF 文件已损坏']);
    expect(fileRows).toContainEqual(['', '丁镇', '名单中有、未收到报告', '']);
  });

  it('opens in LibreOffice, whose computed sum row gives the summed figures', () => {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1', '--outdir', dir, join(dir, '汇总.xlsx')], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const csvName = readdirSync(dir).find((f) => f.endsWith('.csv'))!;
    const lines = readFileSync(join(dir, csvName), 'utf8').trim().split(/\r?\n/);
    const sumLine = lines.find((l) => l.startsWith('合计'))!.split(',');
    const at = (key: string) => sumLine[4 + cells.findIndex((c) => c.key === key)];
    expect(at('t3.received.natural')).toBe('21');
    expect(at('t3.received.total')).toBe('21');
    expect(at('t4.review.pending')).toBe('2');
    expect(at('t2.fees.amount')).toBe('1.75');
  }, 150_000);
});
