// nianbao import: a Word document, a web page or a PDF → a report file; refused files write nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import { parseReport } from '../../../../shared/model/document';
import { pingtan } from '../../../shared/import/fixtures';
import { repoRoot, runCli, tempDir } from '../run-cli';

const office = (name: string) => resolve(repoRoot, '..', 'shared', 'samples', 'office', name);

describe('nianbao import', () => {
  it('a .docx becomes a report file with every cell, and says what it read', async () => {
    const dir = tempDir();
    const out = join(dir, '2022.nianbao');
    const run = await runCli(['import', office('pingtan-2022.docx'), '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已从Word 文档导入“平潭综合实验区2022年度政府信息公开工作年度报告”（2021 年格式');
    expect(run.stdout).toContain('表三 175/175 格');
    const parsed = parseReport(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    for (const c of formatModel('2021').cells) expect(parsed.doc.cells[c.key], c.key).toBe(pingtan.cells[c.key]);
  });

  it('a PDF made by an office suite is read from its text layer', async () => {
    const dir = tempDir();
    const out = join(dir, '2019.nianbao');
    const run = await runCli(['import', office('huangjin-2019.pdf'), '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已从PDF（文字层）导入“2019年黄金镇政府信息公开工作年度报告”');
    expect(existsSync(out)).toBe(true);
  });

  it('a .doc is refused with what to do, and nothing is written', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.nianbao');
    const doc = resolve(repoRoot, 'tests', 'shared', 'import', 'fixtures', 'bad', 'word97.doc');
    const run = await runCli(['import', doc, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/word97\.doc”：这是旧版 Word 97-2003（\.doc）.*另存为”Word 文档（\.docx）/);
    expect(existsSync(out)).toBe(false);
  });

  it('a text without title or year (a crawled page in | cells): says to give --year and --agency; with them, every cell is read', async () => {
    const dir = tempDir();
    const input = join(dir, 'page.txt');
    const corpus = readFileSync(resolve(repoRoot, 'tests', 'fixtures', 'published-text', 'pingtan-2022.no-title.txt'), 'utf8');
    writeFileSync(input, corpus.replace(/2022年/g, '本年'));
    const out = join(dir, 'x.nianbao');
    const refused = await runCli(['import', input, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('请指定报告年度和机关名称后重新导入');
    expect(refused.stderr).toContain('--year 年度 --agency 机关名称');
    expect(existsSync(out)).toBe(false);
    const run = await runCli(['import', input, '-o', out, '--year', '2022', '--agency', '平潭综合实验区']);
    expect(run.code).toBe(0);
    const parsed = parseReport(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.doc.agency.name).toBe('平潭综合实验区');
    for (const c of formatModel('2021').cells) expect(parsed.doc.cells[c.key], c.key).toBe(pingtan.cells[c.key]);
  });
});
