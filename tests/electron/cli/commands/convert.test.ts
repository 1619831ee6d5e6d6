// nianbao convert: a 2020 report in the 2019 format to 2021 and back, through the real command line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReport, parseReport, serializeReport } from '../../../../shared/model/document';
import { expectOneLineError, runCli, tempDir } from '../run-cli';

function write2020(dir: string): string {
  const doc = createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇', now: '2026-01-05T09:30:00.000Z' });
  Object.assign(doc.cells, {
    't2.normativeDocs.made': 7,
    't2.procurement.amount': 88.5,
    't3.received.natural': 10,
    't3.other.natural': 3,
  });
  const path = join(dir, '2020.nianbao');
  writeFileSync(path, serializeReport(doc));
  return path;
}

describe('nianbao convert', () => {
  it('converts to 2021, lists moved / to fill / dropped in Chinese, and back to 2019', async () => {
    const dir = tempDir();
    const input = write2020(dir);
    const out = join(dir, '2021格式.nianbao');
    const run = await runCli(['convert', input, '--to', '2021', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('从 2019 年格式转换为 2021 年格式');
    expect(run.stdout).toContain('移入的数字（3 格）');
    expect(run.stdout).toContain('表二“规范性文件”行“本年新制作数量”列 → 表二“行政规范性文件”行“本年制发件数”列：7');
    expect(run.stdout).toContain('表三“（六）其他处理”行“自然人”列 → 表三“3.其他”行“自然人”列：3');
    expect(run.stdout).toContain('表三“一、本年新收政府信息公开申请数量”行“自然人”列：10');
    expect(run.stdout).toContain('待填写（17 格');
    expect(run.stdout).toContain('表二“行政规范性文件”行“现行有效件数”列');
    expect(run.stdout).toContain('表二“行政事业性收费”行“本年收费金额（单位：万元）”列');
    expect(run.stdout).toContain('未转入（1 格');
    expect(run.stdout).toContain('表二“政府集中采购”行“采购总金额”列：88.5');
    expect(run.stderr).toContain('2020 年度的报告应使用 2019 年格式');
    const converted = parseReport(readFileSync(out, 'utf8'));
    if (!converted.ok) throw new Error(converted.message);
    expect(converted.doc.format).toBe('2021');
    expect(converted.doc.cells['t2.normativeDocs.issued']).toBe(7);
    expect(converted.doc.cells['t3.other.misc.natural']).toBe(3);
    expect(converted.doc.history?.[0]?.dropped).toEqual({ 't2.procurement.amount': 88.5 });

    const back = join(dir, 'back.nianbao');
    const run2 = await runCli(['convert', out, '--to', '2019', '-o', back]);
    expect(run2.code, run2.stderr).toBe(0);
    expect(run2.stderr).toBe('');
    // 采购总金额, kept by the first conversion, is offered again (proposed, 待确认), not listed to be filled.
    expect(run2.stdout).toContain('按上次转换前的数值建议填入（1 格，待确认');
    expect(run2.stdout).toContain('表二“政府集中采购”行“采购总金额”列：88.5（待确认）');
    expect(run2.stdout).not.toContain('现有数值未改动');
    const toFill = run2.stdout.slice(run2.stdout.indexOf('待填写'));
    expect(toFill).not.toContain('采购总金额');
    expect(toFill).toContain('表二“政府集中采购”行“采购项目数量”列');
    const again = parseReport(readFileSync(back, 'utf8'));
    if (!again.ok) throw new Error(again.message);
    expect(again.doc.format).toBe('2019');
    expect(again.doc.cells['t2.normativeDocs.made']).toBe(7);
    expect(again.doc.cells['t3.other.natural']).toBe(3);
    expect(again.doc.cells['t3.received.natural']).toBe(10);
    expect(again.doc.cells['t2.procurement.amount']).toBe(88.5);
    expect(again.doc.proposed).toEqual({ cells: ['t2.procurement.amount'], sections: [] });
    expect(again.doc.history).toHaveLength(2);
  });

  it('converting back never overwrites a value the report has now, and says so', async () => {
    const dir = tempDir();
    const doc = createReport({ year: 2022, agencyName: '某局', now: '2026-01-05T09:30:00.000Z' });
    doc.cells['t3.other.misc.natural'] = 2;
    doc.invalidCells = { 't3.other.noCorrection.natural': '1o' };
    const input = join(dir, '2022.nianbao');
    writeFileSync(input, serializeReport(doc));
    const there = join(dir, '2019格式.nianbao');
    expect((await runCli(['convert', input, '--to', '2019', '-o', there])).code).toBe(0);
    // In the 2019 format the user corrects the refused entry of （六）其他处理 to 3.
    const opened = parseReport(readFileSync(there, 'utf8'));
    if (!opened.ok) throw new Error(opened.message);
    const corrected = { ...opened.doc, cells: { ...opened.doc.cells, 't3.other.natural': 3 } };
    delete corrected.invalidCells;
    writeFileSync(there, serializeReport(corrected));
    const back = join(dir, 'back.nianbao');
    const run = await runCli(['convert', there, '--to', '2021', '-o', back]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('现有数值未改动（1 格，上次转换前另有数值）');
    expect(run.stdout).toContain('表三“3.其他”行“自然人”列：现为 3，不改动（上次转换前为 2）');
    expect(run.stdout).not.toContain('按上次转换前的数值建议填入');
    const again = parseReport(readFileSync(back, 'utf8'));
    if (!again.ok) throw new Error(again.message);
    expect(again.doc.cells['t3.other.misc.natural']).toBe(3);
    expect(again.doc.proposed).toBeUndefined();
  });

  it('refuses to overwrite a file without --force, and overwrites with it', async () => {
    const dir = tempDir();
    const input = write2020(dir);
    const before = readFileSync(input, 'utf8');
    const run = await runCli(['convert', input, '--to', '2021', '-o', input]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run)).toContain('已存在；要覆盖请加 --force');
    expect(readFileSync(input, 'utf8')).toBe(before);
    const forced = await runCli(['convert', input, '--to', '2021', '-o', input, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const parsed = parseReport(readFileSync(input, 'utf8'));
    expect(parsed.ok && parsed.doc.format).toBe('2021');
  });

  it('refuses a wrong --to and a report already in that format', async () => {
    const dir = tempDir();
    const input = write2020(dir);
    const bad = await runCli(['convert', input, '--to', '2020', '-o', join(dir, 'x.nianbao')]);
    expect(bad.code).toBe(2);
    expect(expectOneLineError(bad)).toContain('--to 应为 2019 或 2021');
    const same = await runCli(['convert', input, '--to', '2019', '-o', join(dir, 'y.nianbao')]);
    expect(same.code).toBe(2);
    expect(expectOneLineError(same)).toContain('已经是 2019 年格式');
  });
});
