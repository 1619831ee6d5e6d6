// Reading ledgers from files: the template round trip, a LibreOffice-made .xlsx, CSV in UTF-8 and GBK.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLedgerTemplate, TEMPLATE_SHEET } from '../../../../electron/node/ledger/ledger-template';
import { LedgerFileError, parseLedgerBytes, pickLedgerSheet, readLedgerFile } from '../../../../electron/node/ledger/read-ledger';
import { countLedger } from '../../../../shared/ledger/count';
import { analyseLedger, applyMapping, unmappedValues } from '../../../../shared/ledger/mapping';
import type { RawSheet } from '../../../../shared/ledger/types';
import { EXPECTED_2021, expectTable, fixtureCsv, HEADINGS, LABEL_ROWS, TODAY } from '../../../shared/ledger/fixture';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function table3Of(sheet: RawSheet, format: '2019' | '2021' = '2021') {
  const analysis = analyseLedger(sheet, format);
  expect(analysis.missingFields).toEqual([]);
  expect(unmappedValues(analysis)).toEqual([]);
  return countLedger(applyMapping(sheet, analysis.mapping), { year: 2025, format, today: TODAY });
}

const isoOf = (d: string) => new Date(`${d}T00:00:00Z`);

describe('the ledger template', () => {
  it('round trip: template → rows filled (date cells, date text, Excel serials) → import → table 3', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildLedgerTemplate({ year: 2025 })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    LABEL_ROWS.forEach((values, i) => {
      const row = ws.getRow(i + 2);
      values.forEach((v, c) => {
        if (v === '') return;
        if (c === 0) row.getCell(1).value = Number(v);
        else if (c === 1 || c === 5) {
          // Mostly real date cells; row 3 as text, row 4 as a bare serial number.
          row.getCell(c + 1).value = i === 1 ? v.replace(/-0?/g, '/') : i === 2 ? Math.round(isoOf(v).getTime() / 86_400_000) + 25569 : isoOf(v);
        } else row.getCell(c + 1).value = v;
      });
    });
    const file = join(dir, '台账.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = await readLedgerFile(file);
    expect(sheet.name).toBe(TEMPLATE_SHEET);
    expect(sheet.rows[1]![1]).toEqual({ date: '2025-01-10' });
    const t3 = table3Of(sheet);
    expect(t3.excluded).toEqual([]);
    expectTable(t3.cells, '2021', EXPECTED_2021);
  });
});

describe('ledgers from elsewhere', () => {
  it('CSV in UTF-8 (with BOM) and in GBK read the same', async () => {
    const csv = fixtureCsv();
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, `\uFEFF${csv}`);
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: csv }));
    expect(readFileSync(gbk).length).toBeLessThan(Buffer.byteLength(csv));
    const a = await readLedgerFile(utf8);
    const b = await readLedgerFile(gbk);
    expect(b.encoding).toBe('gb18030');
    expect(b.rows).toEqual(a.rows);
    expect(a.rows[0]).toEqual(HEADINGS);
    expect(a.rows[4]![7]).toBe('1.本机关不掌握相关政府信息');
    expectTable(table3Of(a).cells, '2021', EXPECTED_2021);
  });

  it('an .xlsx made by LibreOffice from CSV reads back exact', async () => {
    const csv = join(dir, 'lo.csv');
    writeFileSync(csv, fixtureCsv());
    // Its own profile folder: another LibreOffice running on the machine would otherwise take the job.
    // A cold start on a busy two-core machine can take a minute.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--norestore', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], {
      stdio: 'ignore',
      timeout: 240_000,
      env: { ...process.env, HOME: dir },
    });
    const sheet = await readLedgerFile(join(dir, 'lo.xlsx'));
    // Every cell as written: dates became real date cells, 序号 numbers, the rest text.
    const asText = sheet.rows.map((r) => HEADINGS.map((_, c) => {
      const v = r[c];
      return v === null || v === undefined ? '' : typeof v === 'object' ? v.date : String(v);
    }));
    expect(asText).toEqual([HEADINGS, ...LABEL_ROWS]);
    expect(sheet.rows[1]![1]).toEqual({ date: '2025-01-10' });
    expect(sheet.rows[1]![0]).toBe(1);
    expectTable(table3Of(sheet).cells, '2021', EXPECTED_2021);
  }, 300_000);

  it('picks the ledger sheet among others; refuses what is not a ledger with a clear message', async () => {
    const other: RawSheet = { name: '封面', rows: [['登记表'], ['单位', '某局']] };
    const ledger: RawSheet = { name: '登记', rows: [HEADINGS, ...LABEL_ROWS] };
    expect(pickLedgerSheet([other, ledger]).name).toBe('登记');
    expect(() => pickLedgerSheet([other])).toThrow(/找不到台账的表头/);
    await expect(parseLedgerBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), '旧.xls')).rejects.toThrow(/另存为/);
    await expect(parseLedgerBytes(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), '坏.xlsx')).rejects.toBeInstanceOf(LedgerFileError);
    await expect(readLedgerFile(join(dir, '没有.xlsx'))).rejects.toThrow(/找不到文件/);
  });
});
