// `nianbao merge` run for real: a folder of units' reports, a roster, the summary and the workbook, the
// office's own report compared with the sum, and the choices a user makes (another group, an included
// PDF, a confirmed roster match).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTotals } from '../../../../shared/checks/totals';
import { createReport, parseReport, serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { expectOneLineError, runCli, tempDir } from '../run-cli';

const NOW = '2026-01-15T09:00:00.000Z';

function unitReport(name: string, year: number, cells: Record<string, number | null>): ReportDocument {
  const doc = createReport({ year, agencyName: name, now: NOW });
  for (const key of Object.keys(doc.cells)) doc.cells[key] = 0;
  Object.assign(doc.cells, cells);
  doc.cells = computeTotals(doc);
  return doc;
}

let dir: string;

beforeAll(() => {
  dir = tempDir();
  mkdirSync(join(dir, '收到的年报'));
  const put = (name: string, doc: ReportDocument) => writeFileSync(join(dir, '收到的年报', name), serializeReport(doc));
  put('甲镇.nianbao', unitReport('甲镇人民政府', 2025, { 't3.received.natural': 12, 't3.granted.natural': 12, 't4.review.upheld': 1 }));
  put('乙镇.nianbao', unitReport('乙镇人民政府', 2025, { 't3.received.natural': 3, 't3.granted.natural': 3 }));
  put('卫健委.nianbao', unitReport('县卫生健康委员会', 2025, { 't3.received.natural': 5, 't3.granted.natural': 4, 't3.carriedOver.natural': 1 }));
  put('丙镇-2020.nianbao', unitReport('丙镇人民政府', 2020, { 't3.received.natural': 9, 't3.granted.natural': 9 }));
  writeFileSync(join(dir, '收到的年报', '~$说明.docx'), 'lock');
  writeFileSync(join(dir, '应报单位.txt'), '甲镇政府\n乙镇人民政府\n丁镇人民政府\n县卫生健康局\n');
  writeFileSync(join(dir, '县本级.nianbao'), serializeReport(unitReport('某县人民政府', 2025, { 't3.received.natural': 17, 't3.granted.natural': 16, 't3.carriedOver.natural': 1, 't4.review.upheld': 1 })));
});

const readDoc = (path: string) => {
  const parsed = parseReport(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.doc;
};

describe('nianbao merge', () => {
  it('prints the overview, names the other year and the missing units, writes the summary and the workbook', async () => {
    const run = await runCli(['merge', '收到的年报', '--roster', '应报单位.txt', '-o', '汇总.nianbao', '--agency', '某县人民政府办公室', '--xlsx', '汇总.xlsx'], { cwd: dir });
    expect(run.code).toBe(1); // done, but units are missing from the roster
    expect(run.stdout).toContain('汇总：2025 年（2021 年格式），读到 4 份报告，计入 3 份。');
    expect(run.stdout).toMatch(/甲镇人民政府 \| 乡镇 \| 2025 \| 2021 \| 报告文件 \| 计入 \| .* \| 12 \| 12 \| 0 \| 1 \| 0 \| 收到的年报\/甲镇.nianbao/);
    expect(run.stdout).toContain('丙镇人民政府 的报告是 2020 年（2019 年格式），与所汇总的 2025 年（2021 年格式）不同，未计入');
    expect(run.stdout).toContain('名单核对：缺 2 个单位：丁镇人民政府、县卫生健康局');
    expect(run.stdout).toContain('是否就是名单中的“县卫生健康局”？是的话加 --match "收到的年报/卫健委.nianbao=县卫生健康局"');
    expect(run.stdout).toContain('跳过（不是报告）：Word/WPS 临时文件 1 个');
    const summary = readDoc(join(dir, '汇总.nianbao'));
    expect(summary).toMatchObject({ year: 2025, format: '2021', agency: { name: '某县人民政府办公室', level: '县级' } });
    expect(summary.cells['t3.received.natural']).toBe(20); // 12 + 3 + 5
    expect(summary.cells['t3.carriedOver.total']).toBe(1);
    expect(summary.merged?.units.map((u) => u.name).sort()).toEqual(['乙镇人民政府', '县卫生健康委员会', '甲镇人民政府'].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '汇总.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['各单位数据', '检查结果', '文件情况']);
    expect(wb.getWorksheet('各单位数据')!.rowCount).toBe(3 + 3 + 1);
  });

  it('--json gives the same overview for scripts; --match confirms a fuzzy roster match', async () => {
    const run = await runCli(['merge', '收到的年报', '--roster', '应报单位.txt', '--match', '收到的年报/卫健委.nianbao=县卫生健康局', '--json'], { cwd: dir });
    const out = JSON.parse(run.stdout) as { group: unknown; units: { unit: string; status: { kind: string }; totals: { received: number }; rosterName?: string }[]; roster: { missing: string[]; unknown: unknown[] } };
    expect(out.group).toEqual({ year: 2025, format: '2021' });
    expect(out.units.find((u) => u.unit === '县卫生健康委员会')).toMatchObject({ rosterName: '县卫生健康局', totals: { received: 5 } });
    expect(out.roster).toEqual({ missing: ['丁镇人民政府'], unknown: [] });
  });

  it('--year/--format sums the other group; --parent lists every cell where the county’s own report differs', async () => {
    const other = await runCli(['merge', '收到的年报', '--year', '2020', '--json'], { cwd: dir });
    const parsed = JSON.parse(other.stdout) as { units: { unit: string; status: { kind: string } }[] };
    expect(parsed.units.filter((u) => u.status.kind === 'included').map((u) => u.unit)).toEqual(['丙镇人民政府']);

    const parent = await runCli(['merge', '收到的年报', '--parent', '县本级.nianbao'], { cwd: dir });
    expect(parent.code).toBe(1);
    expect(parent.stdout).toContain('本级报告与各单位合计不一致的单元格');
    expect(parent.stdout).toMatch(/表三“一、本年新收政府信息公开申请数量”行“自然人”列（t3\.received\.natural）：本级报告 17，各单位合计 20/);
  });

  it('bad arguments and an empty folder are one-line errors with exit code 2', async () => {
    const none = await runCli(['merge'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(expectOneLineError(none)).toContain('缺少参数');
    const noAgency = await runCli(['merge', '收到的年报', '-o', 'x.nianbao'], { cwd: dir });
    expect(noAgency.code).toBe(2);
    expect(expectOneLineError(noAgency)).toContain('--agency');
    mkdirSync(join(dir, '空文件夹'));
    const empty = await runCli(['merge', '空文件夹'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('没有可汇总的报告');
    const badInclude = await runCli(['merge', '收到的年报', '--include', '甲镇.pdf=both'], { cwd: dir });
    expect(badInclude.code).toBe(2);
    expect(expectOneLineError(badInclude)).toContain('printed 或 embedded');
  });
});
