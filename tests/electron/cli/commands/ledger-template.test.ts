// nianbao ledger-template (ledgerTemplateCommand): the .xlsx application ledger of a year, in the format the
// year calls for or the one --format names, which nianbao ledger reads back; argument errors write nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { TEMPLATE_SHEET, templateHeadings } from '../../../../electron/node/ledger/ledger-template';
import { runCli, tempDir } from '../run-cli';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function headings(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const values = wb.getWorksheet(TEMPLATE_SHEET)!.getRow(1).values as unknown[];
  return values.slice(1).map(String);
}

describe('ledgerTemplateCommand', () => {
  const dir = tempDir();

  it('ledger-template writes an .xlsx the ledger command reads (no rows yet: an empty table 3)', async () => {
    const xlsx = join(dir, '模板.xlsx');
    const run = await runCli(['ledger-template', '--year', '2020', '-o', xlsx]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2019 年格式');
    expect(existsSync(xlsx)).toBe(true);
    const again = await runCli(['ledger-template', '--year', '2020', '-o', xlsx]);
    expect(again.code).toBe(2);
    const count = await runCli(['ledger', xlsx, '--year', '2020', '--json']);
    expect(count.code).toBe(0);
    const out = JSON.parse(count.stdout);
    expect(out.ledger).toMatchObject({ sheet: '申请台账', headerRow: 1, rows: 0 });
    expect(out.cells['t3.other.total']).toBe(0);
  });

  it('the format follows the year unless --format names one; the message gives the full path', async () => {
    const cwd = tempDir();
    expect(templateHeadings('2019')).not.toEqual(templateHeadings('2021'));
    const byYear = await run(['ledger-template', '--year', '2025', '-o', 'a.xlsx'], cwd);
    expect(byYear).toEqual({ code: 0, out: `已生成 2025 年度申请登记台账模板（2021 年格式）：${join(cwd, 'a.xlsx')}`, err: '' });
    expect(await headings(join(cwd, 'a.xlsx'))).toEqual(templateHeadings('2021'));

    const named = await run(['ledger-template', '--year', '2025', '--format', '2019', '-o', 'b.xlsx'], cwd);
    expect(named.code).toBe(0);
    expect(named.out).toContain('（2019 年格式）');
    expect(await headings(join(cwd, 'b.xlsx'))).toEqual(templateHeadings('2019'));
  });

  it('overwrites with --force', async () => {
    const cwd = tempDir();
    expect((await run(['ledger-template', '--year', '2020', '-o', 't.xlsx'], cwd)).code).toBe(0);
    const refused = await run(['ledger-template', '--year', '2021', '-o', 't.xlsx'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('文件“t.xlsx”已存在；要覆盖请加 --force');
    expect(await headings(join(cwd, 't.xlsx'))).toEqual(templateHeadings('2019'));
    expect((await run(['ledger-template', '--year', '2021', '-o', 't.xlsx', '--force'], cwd)).code).toBe(0);
    expect(await headings(join(cwd, 't.xlsx'))).toEqual(templateHeadings('2021'));
  });

  it.each([
    [['--year', '2025', '--format', '2020', '-o', 'x.xlsx'], '--format 应为 2019 或 2021，实际是“2020”'],
    [['--year', '2025'], '缺少 --output'],
    [['-o', 'x.xlsx'], '缺少 --year（台账年度）'],
    [['extra', '--year', '2025', '-o', 'x.xlsx'], '多余的参数“extra”'],
  ])('%j: exit 2, one line, nothing written', async (args, message) => {
    const cwd = tempDir();
    const r = await run(['ledger-template', ...args], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
