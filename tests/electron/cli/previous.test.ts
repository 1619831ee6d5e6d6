// check --previous across the format change: in 2022 last year's report (2021) is in the 2021 format, but
// a 2021 report's previous (2020) is in the 2019 format. Table 3's carriedIn/carriedOver keys are shared,
// so prev.carryOver compares them; a previous report of the wrong year is named on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../../shared/import/index';
import { serializeReport } from '../../../shared/model/document';
import { previousBlock } from '../../../shared/model/previous';
import type { ReportDocument } from '../../../shared/model/report';
import { pingtanReport } from '../../fixtures/pingtan';
import { seedText } from '../../shared/import/fixtures';
import { runCli, tempDir } from './run-cli';

function files() {
  const dir = tempDir();
  // 2021 report: pingtan's figures (carriedIn: 1 自然人), a year earlier.
  const current = { ...pingtanReport(), year: 2021 };
  // 2020 report in the 2019 format: the seed, a year later, with 2 自然人 carried over.
  const imported = importReportText(seedText);
  if (!imported.ok) throw new Error(imported.message);
  const previous = { ...imported.doc, year: 2020 };
  previous.cells = { ...previous.cells, 't3.carriedOver.natural': 2, 't3.carriedOver.total': 2, 't3.resultsTotal.natural': 0 };
  writeFileSync(join(dir, '2021.nianbao'), serializeReport(current));
  writeFileSync(join(dir, '2020.nianbao'), serializeReport(previous));
  return dir;
}

interface JsonFinding {
  rule: string;
  severity: string;
  cells: string[];
  message: string;
  expected?: number;
  actual?: number;
}

describe('check --previous with last year in the other format', () => {
  it('a 2020 report (2019 format) as previous of a 2021 report: prev.carryOver per column, no warning', async () => {
    const dir = files();
    const run = await runCli(['check', '2021.nianbao', '--previous', '2020.nianbao', '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { format: string; year: number; findings: JsonFinding[] };
    expect(result).toMatchObject({ format: '2021', year: 2021 });
    const carry = result.findings.filter((f) => f.rule === 'prev.carryOver');
    expect(carry.map((f) => f.cells)).toEqual([['t3.carriedIn.natural'], ['t3.carriedIn.total']]);
    expect(carry[0]).toMatchObject({ severity: 'confirm', expected: 2, actual: 1 });
    expect(carry[0]!.message).toContain('表三“二、上年结转政府信息公开申请数量”行“自然人”列为 1，但上年报告“四、结转下年度继续办理”行“自然人”列为 2');
    // prev.inForce compares 现行有效件数, which the 2019 format does not have.
    expect(result.findings.some((f) => f.rule === 'prev.inForce')).toBe(false);
    expect(run.code).toBe(0);
  });

  it('a previous report that is not of the year before is named on stderr; stdout stays JSON', async () => {
    const dir = files();
    const swapped = await runCli(['check', '2020.nianbao', '--previous', '2021.nianbao', '--json'], { cwd: dir });
    expect(swapped.stderr).toContain('作为上年报告给出的“2021.nianbao”是 2021 年的报告，而本报告是 2020 年的（上年应为 2019 年）');
    expect(JSON.parse(swapped.stdout)).toMatchObject({ format: '2019', year: 2020 });

    const same = await runCli(['export', '2021.nianbao', '--previous', '2021.nianbao', '-o', 'x.pdf', '--draft'], { cwd: dir });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('是 2021 年的报告，而本报告是 2021 年的');
  });
});

describe('last year kept in the report file (previous block)', () => {
  it('check without --previous uses the block and names it; the exported PDF carries it', async () => {
    const dir = files();
    const imported = importReportText(seedText);
    if (!imported.ok) throw new Error(imported.message);
    const last = { ...imported.doc, year: 2020 };
    last.cells = { ...last.cells, 't3.carriedOver.natural': 5, 't3.carriedOver.total': 5 };
    const current = { ...pingtanReport(), year: 2021, previous: previousBlock(last, { fileName: '2020年报.docx', kind: 'docx' as const }, 'd'.repeat(64)) };
    writeFileSync(join(dir, 'with-block.nianbao'), serializeReport(current));

    const json = await runCli(['check', 'with-block.nianbao', '--json'], { cwd: dir });
    const carry = (JSON.parse(json.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.rule === 'prev.carryOver');
    expect(carry.map((f) => [f.cells, f.expected, f.actual])).toEqual([
      [['t3.carriedIn.natural'], 5, 1],
      [['t3.carriedIn.total'], 5, 1],
    ]);
    const human = await runCli(['check', 'with-block.nianbao'], { cwd: dir });
    expect(human.stdout).toContain('对照上年：文件中保存的 2020 年报告（2020年报.docx）');
    expect(human.stdout).toContain('[prev.carryOver]');
    // --previous wins over the block (2020.nianbao carried over 2, the block 5).
    const given = await runCli(['check', 'with-block.nianbao', '--previous', '2020.nianbao', '--json'], { cwd: dir });
    expect((JSON.parse(given.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.rule === 'prev.carryOver')[0]).toMatchObject({ expected: 2 });

    expect(json.stderr).toBe('');
    // A block of a year that is not the one before is named on stderr.
    writeFileSync(join(dir, 'later.nianbao'), serializeReport({ ...current, year: 2023 }));
    const later = await runCli(['check', 'later.nianbao', '--json'], { cwd: dir });
    expect(later.stderr).toContain('作为上年报告给出的“文件中保存的 2020 年报告（2020年报.docx）”是 2020 年的报告，而本报告是 2023 年的');

    const exported = await runCli(['export', 'with-block.nianbao', '-o', 'with-block.pdf', '--draft'], { cwd: dir });
    expect(exported.code, exported.stderr).toBe(0);
    const back = await runCli(['import', 'with-block.pdf', '-o', 'back.nianbao'], { cwd: dir });
    expect(back.code, back.stderr).toBe(0);
    const reread = JSON.parse(readFileSync(join(dir, 'back.nianbao'), 'utf8')) as ReportDocument;
    expect(reread.previous).toEqual(current.previous);
  });
});
