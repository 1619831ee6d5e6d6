// The `nianbao` command line, run for real as a child process on temporary files.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { parseReport } from '../../../shared/model/document';
import { seedPath } from '../../shared/import/fixtures';
import { expectOneLineError, repoRoot, runCli, tempDir } from './run-cli';

const readDoc = (path: string) => {
  const parsed = parseReport(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.doc;
};

describe.concurrent('nianbao', () => {
  it('--help lists the commands; <cmd> --help shows its usage; no command is an error', async () => {
    const [general, check, none] = await Promise.all([runCli(['--help']), runCli(['check', '--help']), runCli([])]);
    expect(general.code).toBe(0);
    for (const name of ['new', 'import-text', 'check']) expect(general.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('用法：nianbao check 报告文件 [--previous 上年报告文件] [--json]');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('用法：nianbao <命令>');
  });

  it('new writes a blank report in the format of its year and will not overwrite without --force', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.nianbao');
    const made = await runCli(['new', '--year', '2024', '--agency', '黄金镇人民政府', '--region', '四川省', '-o', file]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('黄金镇人民政府2024年政府信息公开工作年度报告');
    const doc = readDoc(file);
    expect(doc).toMatchObject({ year: 2024, format: '2021', agency: { name: '黄金镇人民政府', level: '乡镇', region: '四川省' } });
    expect(Object.keys(doc.cells)).toHaveLength(formatModel('2021').cells.length);
    expect(Object.values(doc.cells).every((v) => v === null)).toBe(true);

    const before = readFileSync(file, 'utf8');
    const again = await runCli(['new', '--year', '2020', '--agency', '某县教育局', '-o', file]);
    expect(again.code).toBe(2);
    expect(expectOneLineError(again)).toContain('已存在；要覆盖请加 --force');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const forced = await runCli(['new', '--year', '2020', '--agency', '某县教育局', '-o', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readDoc(file)).toMatchObject({ year: 2020, format: '2019', agency: { name: '某县教育局', level: '县级' } });
    expect(readdirSync(dir)).toEqual(['a.nianbao']); // no temporary file left behind
  });

  it('import-text reads the seed completely and reports section 六 missing', async () => {
    const dir = tempDir();
    const file = join(dir, 'seed.nianbao');
    const run = await runCli(['import-text', seedPath, '-o', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表二 22/22 格，表三 161/161 格，表四 15/15 格');
    expect(run.stdout).toContain('[六、其他需要报告的事项] 没有找到“六、其他需要报告的事项”');
    const doc = readDoc(file);
    expect(doc.format).toBe('2019');
    expect(doc.cells['t2.normativeDocs.made']).toBe(211);
    expect(formatModel('2019').keysByTable.t3.every((k) => doc.cells[k] === 0)).toBe(true);
    expect(doc.sections.other).toBe('');
  });

  it('import-text reads text from standard input with “-”', async () => {
    const dir = tempDir();
    const run = await runCli(['import-text', '-', '-o', 'p.nianbao'], {
      cwd: dir,
      input: readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'import', 'fixtures', 'pingtan-2022.pdftotext.txt'), 'utf8'),
    });
    expect(run.code).toBe(0);
    expect(readDoc(join(dir, 'p.nianbao')).cells['t3.unavailable.notHeld.natural']).toBe(37);
  });

  it('import-text of a text that is not a report: exit 2, one line, nothing written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'en.txt'), 'Annual Report on Government Information Disclosure\n\nThis year we received 21 requests.\n');
    const run = await runCli(['import-text', 'en.txt', '-o', 'x.nianbao'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(expectOneLineError(run)).toContain('不像政府信息公开工作年度报告');
    expect(readdirSync(dir)).toEqual(['en.txt']);
  });

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

  it('wrong arguments: exit 2 with one line naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /未知命令“frobnicate”/],
      [['check', '--bogus', 'x'], /未知选项 --bogus/],
      [['check'], /缺少参数：报告文件/],
      [['new', '--year', '二〇二四', '--agency', '某镇', '-o', 'x'], /年度应为/],
      [['new', '--year', '2024', '--agency', '某镇'], /缺少 --output/],
      [['new', '--year', '2024', '--agency', '某镇', '--level', '市级', '-o', 'x'], /机关层级应为/],
      [['import-text', 'a.txt', 'b.txt', '-o', 'x'], /多余的参数“b\.txt”/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: tempDir() })));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]![0].join(' ')).toBe(2);
      expect(expectOneLineError(run)).toMatch(cases[i]![1]);
    });
  });

  it('npx nianbao runs the package’s own bin (package.json "bin"), also from a subfolder, without the network', async () => {
    const version = await new Promise<string>((ok, fail) =>
      execFile('npx', ['--offline', 'nianbao', '--version'], { cwd: join(repoRoot, 'tests') }, (error, stdout) => (error ? fail(error) : ok(stdout))),
    );
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
