// nianbao ledger through the real command line.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../../shared/model/document';
import { EXPECTED_2021, expectTable, fixtureCsv } from '../../../shared/ledger/fixture';
import { expectOneLineError, runCli, tempDir } from '../run-cli';

describe('nianbao ledger', () => {
  const dir = tempDir();
  const csv = join(dir, '台账.csv');
  // One bad row appended: an applicant type that is no category.
  writeFileSync(csv, `${fixtureCsv()}14,2025-09-09,某人,法人,x,2025-09-10,予以公开,,\r\n`);

  it('prints table 3, the unmapped value and the excluded row; --json gives the cells', async () => {
    const run = await runCli(['ledger', csv, '--year', '2025']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表三（2025 年度，2021 年格式）');
    expect(run.stdout).toMatch(/^\s+4\s+2\s+1\s+1\s+0\s+1\s+9\s+一、本年新收政府信息公开申请数量$/m);
    expect(run.stdout).toContain('申请人类型“法人”1 行');
    expect(run.stdout).toContain('第 15 行（序号 14）：申请人类型“法人”不是表三的申请人类别');
    expect(run.stdout).toContain('共 14 行：计入 11 行，属于其他年度 2 行，不能计入 1 行。');

    const json = await runCli(['ledger', csv, '--year', '2025', '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expectTable(out.cells, '2021', EXPECTED_2021);
    expect(out.excluded).toEqual([{ row: 15, serial: '14', kind: 'applicantUnknown', message: expect.stringContaining('法人') }]);
    expect(out.unmapped).toEqual([{ field: 'applicantType', value: '法人', count: 1 }]);
    expect(out.columns.received).toEqual({ column: 'B', heading: '收到日期' });
  });

  it('--explain lists the ledger rows a cell counts; a wrong key is a one-line error', async () => {
    const run = await runCli(['ledger', csv, '--year', '2025', '--explain', 't3.carriedOver.total']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^  第 \d+ 行  序号/.test(l));
    expect(rows.map((l) => l.trim().split('  ')[0])).toEqual(['第 6 行', '第 7 行', '第 11 行']);
    expect(run.stdout).toContain('第 7 行  序号 6  收到 2025-11-02  答复 未答复  某基金会  社会公益组织');
    expect(run.stdout).toContain('第 6 行  序号 5  收到 2025-12-22  答复 2026-01-06  某大学  科研机构');
    const bad = await runCli(['ledger', csv, '--year', '2025', '--explain', 't3.nothing.natural']);
    expect(bad.code).toBe(2);
    expect(expectOneLineError(bad)).toContain('t3.granted.natural');
  });

  it('--into refuses while rows are excluded, writes with --allow-excluded after a backup, and records the source', async () => {
    const report = join(dir, '2025.nianbao');
    expect((await runCli(['new', '--year', '2025', '--agency', '黄金镇人民政府', '-o', report])).code).toBe(0);
    const before = readFileSync(report);
    const refused = await runCli(['ledger', csv, '--year', '2025', '--into', report]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--allow-excluded');
    expect(readFileSync(report)).toEqual(before);

    const wrongYear = await runCli(['ledger', csv, '--year', '2024', '--into', report]);
    expect(wrongYear.code).toBe(2);
    expectOneLineError(wrongYear);

    const run = await runCli(['ledger', csv, '--year', '2025', '--into', report, '--allow-excluded']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/175 个单元格有变化/);
    const backups = readdirSync(dir).filter((n) => n.startsWith('2025.台账写入前备份-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!))).toEqual(before);
    const parsed = parseReport(readFileSync(report, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const t3 = Object.fromEntries(Object.entries(parsed.doc.cells).filter(([k]) => k.startsWith('t3.'))) as Record<string, number>;
    expectTable(t3, '2021', EXPECTED_2021);
    expect(parsed.doc.ledgerSource).toMatchObject({ fileName: '台账.csv', sheet: 'CSV', rows: 14, counted: 11, excluded: 1 });
    expect(parsed.doc.cells['t2.regulations.issued']).toBeNull();
  });

});
