// nianbao import-text (importTextCommand): a published report's text (a file or standard input) → a report
// file with every cell it could read; a text that is no report, or has no year, writes nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { formatModel } from '../../../../shared/formats/index';
import { parseReport } from '../../../../shared/model/document';
import { pingtan, seedPath } from '../../../shared/import/fixtures';
import { expectOneLineError, repoRoot, runCli, tempDir } from '../run-cli';

const readDoc = (path: string) => {
  const parsed = parseReport(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.doc;
};

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.concurrent('importTextCommand', () => {
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
      input: readFileSync(join(repoRoot, 'tests', 'shared', 'import', 'fixtures', 'pingtan-2022.pdftotext.txt'), 'utf8'),
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

  it('a text without a year: exit 2 naming --year and --agency; with them (and --level) every cell is read', async () => {
    const dir = tempDir();
    const corpus = readFileSync(resolve(repoRoot, 'tests', 'fixtures', 'published-text', 'pingtan-2022.no-title.txt'), 'utf8');
    writeFileSync(join(dir, 'page.txt'), corpus.replace(/2022年/g, '本年'));
    const refused = await run(['import-text', 'page.txt', '-o', 'x.nianbao'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('命令行中用 --year 年度 --agency 机关名称 指定。');
    expect(refused.err).toContain('（Error: page.txt: no report year in the text (use --year)）');
    expect(readdirSync(dir)).toEqual(['page.txt']);

    const done = await run(['import-text', 'page.txt', '-o', 'x.nianbao', '--year', '2022', '--agency', '某县人民政府', '--level', '县级'], dir);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('→ x.nianbao');
    const doc = readDoc(join(dir, 'x.nianbao'));
    expect(doc).toMatchObject({ year: 2022, format: '2021', agency: { name: '某县人民政府', level: '县级' } });
    for (const c of formatModel('2021').cells) expect(doc.cells[c.key], c.key).toBe(pingtan.cells[c.key]);
  });

  it('will not overwrite without --force, and does with it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.nianbao'), 'mine');
    const refused = await run(['import-text', seedPath, '-o', 'x.nianbao'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('文件“x.nianbao”已存在；要覆盖请加 --force');
    expect(readFileSync(join(dir, 'x.nianbao'), 'utf8')).toBe('mine');
    expect((await run(['import-text', seedPath, '-o', 'x.nianbao', '--force'], dir)).code).toBe(0);
    expect(readDoc(join(dir, 'x.nianbao')).year).toBe(2019);
  });

  it('empty standard input: exit 2, named as such', async () => {
    const dir = tempDir();
    const empty = await runCli(['import-text', '-', '-o', 'x.nianbao'], { cwd: dir, input: '\n  \u3000\n' });
    expect(empty.code).toBe(2);
    expect(expectOneLineError(empty)).toContain('标准输入是空的，没有可导入的文字（Error: standard input is empty）');
    expect(readdirSync(dir)).toEqual([]);
  });
});
