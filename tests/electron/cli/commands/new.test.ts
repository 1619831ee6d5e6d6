// nianbao new: a blank report for a year and an agency, and (--from) a new report begun from last year's
// report in any form the importer reads.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import { parseReport } from '../../../../shared/model/document';
import { pingtan } from '../../../shared/import/fixtures';
import { expectOneLineError, repoRoot, runCli, tempDir } from '../run-cli';

const office = (name: string) => resolve(repoRoot, '..', 'shared', 'samples', 'office', name);

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
    expect(withAgency.stderr).toContain('--agency 不能与 --from 同用');
    const earlier = await runCli(['new', '--from', office('pingtan-2022.docx'), '--year', '2021', '-o', out]);
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toContain('应晚于上年报告的年度（2022）');
    const doc97 = await runCli(['new', '--from', resolve(repoRoot, 'tests', 'shared', 'import', 'fixtures', 'bad', 'word97.doc'), '-o', out]);
    expect(doc97.code).toBe(2);
    expect(doc97.stderr).toContain('另存为');
    expect(existsSync(out)).toBe(false);
  });
});
