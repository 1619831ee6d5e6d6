// nianbao check (checkCommand, checkResultJson): findings for people, grouped by severity, or as JSON for
// scripts; exit 1 on an error-level finding, exit 2 for a report file it cannot read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand, checkResultJson } from '../../../../electron/cli/commands/check';
import { main } from '../../../../electron/cli/main';
import { runChecks, type Finding } from '../../../../shared/checks/index';
import { serializeReport } from '../../../../shared/model/document';
import { reportTitle, type ReportDocument } from '../../../../shared/model/report';
import { seedPath } from '../../../shared/import/fixtures';
import { pingtanReport, withExplanations } from '../../node/pdf/helpers';
import { expectOneLineError, runCli, tempDir } from '../run-cli';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function put(dir: string, name: string, doc: ReportDocument): string {
  writeFileSync(join(dir, name), serializeReport(doc));
  return name;
}

describe.concurrent('checkCommand', () => {
  it('check of the imported seed: only text.empty (hint) for section 六, nothing in tables 3 and 4; human and --json', async () => {
    const dir = tempDir();
    const file = join(dir, 'seed.nianbao');
    expect((await runCli(['import-text', seedPath, '-o', file])).code).toBe(0);
    const [human, json] = await Promise.all([runCli(['check', file]), runCli(['check', file, '--json'])]);
    expect(human.code).toBe(0);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(Object.keys(result)).toEqual(['format', 'year', 'findings']);
    expect(result.format).toBe('2019');
    expect(result.year).toBe(2019);
    for (const f of result.findings) {
      expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), cells: expect.any(Array), message: expect.any(String) }));
    }
    const empty = result.findings.find((f: { rule: string }) => f.rule === 'text.empty');
    expect(empty).toMatchObject({ severity: 'hint', target: 'other' });
    const inTables = result.findings.filter((f: { place: string; cells: string[] }) => f.place === 't3' || f.place === 't4' || f.cells.some((c) => /^t[34]\./.test(c)));
    expect(inTables).toEqual([]);
    expect(result.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(false);
    // Human output: grouped by severity, each finding with its rule id.
    expect(human.stdout).toMatch(/^提示（\d+）$/m);
    expect(human.stdout).toMatch(/^ {2}\[text\.empty\] .*六、其他需要报告的事项/m);
  });

  it('check exits 1 when a finding is an error (a blank new report), and reads --previous', async () => {
    const dir = tempDir();
    const file = join(dir, 'blank.nianbao');
    expect((await runCli(['new', '--year', '2023', '--agency', '某镇', '-o', file])).code).toBe(0);
    const [json, human, withPrevious] = await Promise.all([
      runCli(['check', file, '--json']),
      runCli(['check', file]),
      runCli(['check', file, '--previous', file, '--json']),
    ]);
    expect(json.code).toBe(1);
    expect(human.code).toBe(1);
    const findings = JSON.parse(json.stdout).findings as { rule: string; severity: string }[];
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'cell.blank', severity: 'error' }));
    expect(human.stdout).toMatch(/^错误（\d+）$/m);
    expect(human.stdout).toContain('[cell.blank]');
    expect(withPrevious.code).toBe(1);
    expect(JSON.parse(withPrevious.stdout).findings.length).toBeGreaterThanOrEqual(findings.length);
  });

  it('unreadable report files: exit 2 with one Chinese and English line, never a stack trace', async () => {
    const dir = tempDir();
    const seedFile = join(dir, 'seed.nianbao');
    expect((await runCli(['import-text', seedPath, '-o', seedFile])).code).toBe(0);
    const seedJson = JSON.parse(readFileSync(seedFile, 'utf8'));
    writeFileSync(join(dir, 'broken.nianbao'), readFileSync(seedFile, 'utf8').slice(0, 300));
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify({ name: 'nianbao', version: '1.0.0' }));
    writeFileSync(join(dir, 'newer.nianbao'), JSON.stringify({ ...seedJson, schemaVersion: 99 }));
    writeFileSync(join(dir, 'invalid.nianbao'), JSON.stringify({ ...seedJson, year: 'last year' }));
    mkdirSync(join(dir, 'folder.nianbao'));
    const cases: [string[], RegExp][] = [
      [['check', 'missing.nianbao'], /找不到文件“missing\.nianbao”/],
      [['check', 'folder.nianbao'], /是文件夹/],
      [['check', 'broken.nianbao'], /文件内容不完整或已损坏/],
      [['check', 'foreign.json'], /不是年报助手的报告文件/],
      [['check', 'newer.nianbao'], /较新版本的年报助手/],
      [['check', 'invalid.nianbao'], /报告年度/],
      [['check', 'seed.nianbao', '--previous', 'missing.nianbao'], /找不到文件/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: dir })));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]![0].join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(expectOneLineError(run)).toMatch(cases[i]![1]);
    });
  });

  it('human output: the title and format, errors before 须说明 before 提示, explanations shown, the count line', async () => {
    const dir = tempDir();
    // A county body reporting 规章 (t2.regulationsPower, confirm), explained; one blank cell (cell.blank, error).
    const base = pingtanReport();
    const explained = withExplanations({ ...base, agency: { ...base.agency, level: '县级' }, cells: { ...base.cells, 't2.regulations.issued': 2 } });
    const doc = { ...explained, cells: { ...explained.cells, 't4.review.upheld': null } };
    const findings = runChecks({ report: doc });
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    expect(count('error')).toBeGreaterThan(0);
    expect(findings.some((f) => f.severity === 'confirm' && f.explanation)).toBe(true);

    const r = await run(['check', put(dir, 'r.nianbao', doc)], dir);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`检查：${reportTitle(doc)}（2021 年格式）`);
    const headings = lines.filter((l) => /^(错误|须说明|提示)（\d+）$/.test(l));
    expect(headings).toEqual(
      (['error', 'confirm', 'hint'] as const).filter((s) => count(s) > 0).map((s) => `${{ error: '错误', confirm: '须说明', hint: '提示' }[s]}（${count(s)}）`),
    );
    for (const f of findings) expect(r.out).toContain(`  [${f.rule}] ${f.message}`);
    const regulations = findings.find((f) => f.rule === 't2.regulationsPower')!;
    expect(lines[lines.indexOf(`  [t2.regulationsPower] ${regulations.message}`) + 1]).toBe(`      已说明：${regulations.explanation}`);
    expect(r.out).toContain(`共 ${findings.length} 条：错误 ${count('error')}，须说明 ${count('confirm')}，提示 ${count('hint')}。`);
    expect(lines.at(-1)).toBe('有“错误”时不能导出正式版（草稿仍可导出）。');
  });

  it('a report without errors: exit 0 and no line about the final version; one without findings says so', async () => {
    const dir = tempDir();
    const doc = { ...withExplanations(pingtanReport()), issued: '2023-01-20' };
    const findings = runChecks({ report: doc });
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
    const r = await run(['check', put(dir, 'ok.nianbao', doc)], dir);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('不能导出正式版');

    // An overview within its 1000 characters: no finding at all.
    const clean = { ...doc, sections: { ...doc.sections, overview: doc.sections.overview.slice(0, 800) } };
    expect(runChecks({ report: clean })).toEqual([]);
    const c = await run(['check', put(dir, 'clean.nianbao', clean)], dir);
    expect(c).toEqual({ code: 0, out: `检查：${reportTitle(clean)}（2021 年格式）\n没有发现问题。`, err: '' });
  });

  it('--previous of a year that is not the one before: a warning on stderr, stdout stays JSON', async () => {
    const dir = tempDir();
    const current = put(dir, '2022.nianbao', pingtanReport());
    const older = put(dir, '2020.nianbao', { ...pingtanReport(), year: 2020 });
    const r = await run(['check', current, '--previous', older, '--json'], dir);
    expect(r.err).toContain(`作为上年报告给出的“${older}”是 2020 年的报告，而本报告是 2022 年的（上年应为 2021 年）`);
    expect(JSON.parse(r.out)).toMatchObject({ format: '2021', year: 2022 });
    const right = put(dir, '2021.nianbao', { ...pingtanReport(), year: 2021 });
    expect((await run(['check', current, '--previous', right, '--json'], dir)).err).toBe('');
  });

  it('names itself “check” and its help gives the usage line', () => {
    expect(checkCommand.name).toBe('check');
    expect(checkCommand.help.split('\n')[0]).toBe('用法：nianbao check 报告文件 [--previous 上年报告文件] [--json]');
  });
});

describe('checkResultJson', () => {
  const base: Finding = { rule: 'cell.blank', severity: 'error', target: 't3.received.natural', place: 't3', cells: ['t3.received.natural'], message: '空白' };

  it('gives format, year and per finding the named fields; expected, actual and explanation only when set', () => {
    const withAll: Finding = { ...base, rule: 'prev.carryOver', severity: 'confirm', expected: 2, actual: 0, explanation: '已核实' };
    const parsed = JSON.parse(checkResultJson('2021', 2024, [base, withAll]));
    expect(parsed).toEqual({
      format: '2021',
      year: 2024,
      findings: [
        { rule: 'cell.blank', severity: 'error', cells: ['t3.received.natural'], message: '空白', target: 't3.received.natural', place: 't3' },
        { rule: 'prev.carryOver', severity: 'confirm', cells: ['t3.received.natural'], message: '空白', target: 't3.received.natural', place: 't3', expected: 2, actual: 0, explanation: '已核实' },
      ],
    });
    expect(Object.keys(parsed.findings[0])).toEqual(['rule', 'severity', 'cells', 'message', 'target', 'place']);
  });

  it('keeps an expected or actual of 0 and ends with one newline', () => {
    const text = checkResultJson('2019', 2020, [{ ...base, expected: 0, actual: 0 }]);
    expect(JSON.parse(text).findings[0]).toMatchObject({ expected: 0, actual: 0 });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(checkResultJson('2019', 2020, []))).toEqual({ format: '2019', year: 2020, findings: [] });
  });
});
