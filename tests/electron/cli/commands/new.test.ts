// nianbao new: a blank report for a year and an agency, and (--from) a new report begun from last year's
// report in any form the importer reads.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import { FIRST_SUPPORTED_YEAR } from '../../../../shared/formats/vocabulary';
import { parseReport } from '../../../../shared/model/document';
import { pingtan } from '../../../shared/import/fixtures';
import { expectOneLineError, repoRoot, runCli, tempDir } from '../run-cli';

const office = (name: string) => resolve(repoRoot, '..', 'shared', 'samples', 'office', name);
/** The published 黄金镇 2019 report with its title and every year taken out: a text naming no year. */
const NO_YEAR = readFileSync(resolve(repoRoot, '..', 'shared', 'seed', 'huangjin-2019.txt'), 'utf8')
  .replace('2019年黄金镇政府信息公开工作年度报告', '')
  .replace(/2019年/g, '本年');

const readDoc = (path: string) => {
  const parsed = parseReport(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.doc;
};

describe('nianbao new', () => {
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
});

describe('nianbao new --from', () => {
  it('from last year’s .docx: next year, carriedIn proposed, previous block with the file’s SHA-256; check uses it', async () => {
    const dir = tempDir();
    const out = join(dir, '2023.nianbao');
    const run = await runCli(['new', '--from', office('pingtan-2022.docx'), '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('已从Word 文档“pingtan-2022.docx”（2022 年度）新建“平潭综合实验区2023年度政府信息公开工作年度报告”（2021 年格式');
    expect(run.stdout).toContain('上年结转 6 格（待确认）');
    const parsed = parseReport(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const doc = parsed.doc;
    expect(doc.year).toBe(2023);
    expect(doc.previous?.sha256).toBe(createHash('sha256').update(readFileSync(office('pingtan-2022.docx'))).digest('hex'));
    expect(doc.previous?.source).toEqual({ fileName: 'pingtan-2022.docx', kind: 'docx' });
    for (const col of ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg', 'total']) {
      expect(doc.cells[`t3.carriedIn.${col}`], col).toBe(pingtan.cells[`t3.carriedOver.${col}`]);
    }
    expect(doc.previous?.cells['t2.normativeDocs.inForce']).toBe(pingtan.cells['t2.normativeDocs.inForce']);
    expect(doc.proposed?.cells).toHaveLength(6);

    const check = await runCli(['check', out, '--json']);
    const rules = (JSON.parse(check.stdout) as { findings: { rule: string; target: string }[] }).findings.map((f) => `${f.rule}:${f.target}`);
    expect(rules).toContain('prev.identical:problems');
    expect(rules.some((r) => r.startsWith('prev.carryOver'))).toBe(false);
  });

  it('from last year’s 2019-format web page, --year 2020: 上一年项目数量 proposed', async () => {
    const dir = tempDir();
    const out = join(dir, '2020.nianbao');
    const run = await runCli(['new', '--from', office('huangjin-2019.html'), '-o', out, '--year', '2020']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('上一年项目数量 5 格（待确认）');
    const parsed = parseReport(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.doc.format).toBe('2019');
    expect(parsed.doc.previous?.source.kind).toBe('html');
  });

  it('refuses --agency with --from, an earlier --year and an unreadable file, writing nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.nianbao');
    const withAgency = await runCli(['new', '--from', office('pingtan-2022.docx'), '--agency', '某镇', '-o', out]);
    expect(withAgency.code).toBe(2);
    expect(expectOneLineError(withAgency)).toContain('--agency 不能与 --from 同用：上年报告写明了机关名称“平潭综合实验区');
    const earlier = await runCli(['new', '--from', office('pingtan-2022.docx'), '--year', '2021', '-o', out]);
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toContain('应晚于上年报告的年度（2022）');
    const doc97 = await runCli(['new', '--from', resolve(repoRoot, 'tests', 'shared', 'import', 'fixtures', 'bad', 'word97.doc'), '-o', out]);
    expect(doc97.code).toBe(2);
    expect(doc97.stderr).toContain('另存为');
    expect(existsSync(out)).toBe(false);
  });
});

describe('nianbao new --from, last year’s text naming no year', () => {
  it('without --year (or --agency) says to give them, and writes nothing', async () => {
    const dir = tempDir();
    const from = join(dir, '上年年报.txt');
    writeFileSync(from, NO_YEAR);
    const out = join(dir, 'x.nianbao');
    const bare = await runCli(['new', '--from', from, '-o', out]);
    expect(bare.code).toBe(2);
    const line = expectOneLineError(bare);
    expect(line).toContain('“上年年报.txt”');
    expect(line).toContain('读不出报告年度');
    expect(line).toContain('请用 --year 新报告的年度（上年报告按其前一年读） 和 --agency 机关名称 指定');
    expect(line).not.toContain('请指定报告年度和机关名称后重新导入');
    const yearOnly = await runCli(['new', '--from', from, '--year', '2020', '-o', out]);
    expect(yearOnly.code).toBe(2);
    expect(expectOneLineError(yearOnly)).toMatch(/请用 --agency 机关名称 指定(?!.*--year 新报告)/);
    const agencyOnly = await runCli(['new', '--from', from, '--agency', '黄金镇人民政府', '-o', out]);
    expect(agencyOnly.code).toBe(2);
    expect(expectOneLineError(agencyOnly)).toContain('请用 --year 新报告的年度（上年报告按其前一年读） 指定');
    expect(existsSync(out)).toBe(false);
  });

  it('with --year 2020 --agency: last year’s report read as 2019 of that agency, the new report 2020 begun from it', async () => {
    const dir = tempDir();
    const from = join(dir, '上年年报.txt');
    writeFileSync(from, NO_YEAR);
    const out = join(dir, '2020.nianbao');
    const run = await runCli(['new', '--from', from, '--year', '2020', '--agency', '黄金镇人民政府', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('已从文本“上年年报.txt”（2019 年度）新建“黄金镇人民政府2020年政府信息公开工作年度报告”');
    expect(run.stdout).toContain('上年报告中没有年度和机关名称，按 --year 读作 2019 年度，机关名称按 --agency 为“黄金镇人民政府”。');
    const doc = readDoc(out);
    expect(doc).toMatchObject({ year: 2020, format: '2019', agency: { name: '黄金镇人民政府', level: '乡镇' } });
    expect(doc.previous).toMatchObject({ year: 2019, agency: { name: '黄金镇人民政府' }, source: { fileName: '上年年报.txt', kind: 'text' } });
    expect(doc.previous?.sha256).toBe(createHash('sha256').update(readFileSync(from)).digest('hex'));
    expect(doc.previous?.cells['t2.normativeDocs.made']).toBe(211);
    expect(doc.proposed?.cells.length).toBeGreaterThan(0);
  });

  it('refuses a --year whose year before is not a supported report year', async () => {
    const dir = tempDir();
    const from = join(dir, '上年年报.txt');
    writeFileSync(from, NO_YEAR);
    const run = await runCli(['new', '--from', from, '--year', String(FIRST_SUPPORTED_YEAR), '--agency', '黄金镇人民政府', '-o', join(dir, 'x.nianbao')]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run)).toContain(`按 --year 的前一年（${FIRST_SUPPORTED_YEAR - 1}）读`);
  });

  it('a text with a year but no agency name: --agency is taken; without it the new report’s agency is empty and said so', async () => {
    const dir = tempDir();
    const from = join(dir, '无标题.txt');
    writeFileSync(from, `本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n${NO_YEAR}`);
    const named = join(dir, 'named.nianbao');
    const run = await runCli(['new', '--from', from, '--agency', '黄金镇人民政府', '-o', named]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('上年报告中没有机关名称，按 --agency 为“黄金镇人民政府”。');
    expect(readDoc(named)).toMatchObject({ year: 2020, agency: { name: '黄金镇人民政府' }, previous: { year: 2019 } });
    const unnamed = join(dir, 'unnamed.nianbao');
    const bare = await runCli(['new', '--from', from, '-o', unnamed]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toContain('新报告的机关名称为空');
    expect(readDoc(unnamed).agency.name).toBe('');
  });
});
