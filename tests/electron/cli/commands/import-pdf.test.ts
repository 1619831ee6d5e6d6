// nianbao import-pdf (importPdfCommand): the report file carried by a PDF 年报助手 exported, written as a
// .nianbao file; a PDF without (intact) report data, a file that is no PDF and argument errors write nothing.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { serializeReport } from '../../../../shared/model/document';
import { reportTitle, type ReportDocument } from '../../../../shared/model/report';
import { exportOk, pingtanReport, withExplanations } from '../../node/pdf/helpers';
import { repoRoot, tempDir } from '../run-cli';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('importPdfCommand', () => {
  let dir: string;
  let good: ReportDocument;
  let pdf: Buffer;
  beforeAll(async () => {
    dir = tempDir();
    good = withExplanations(pingtanReport());
    pdf = await exportOk(good, 'final');
    writeFileSync(join(dir, 'good.pdf'), pdf);
  });

  it('exit 2 for a PDF without our data', async () => {
    // In process (same dispatcher, no child start-up): only the error paths.
    writeFileSync(join(dir, 'foreign.pdf'), '%PDF-1.4\n% not really a PDF\n');
    for (const args of [['import-pdf', 'foreign.pdf', '-o', 'x.nianbao']]) {
      const err: string[] = [];
      const code = await main(args, { out: () => {}, err: (t) => err.push(t), cwd: dir });
      expect(code, args.join(' ')).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^错误：.+（Error: .+）$/);
    }
    expect(existsSync(join(dir, 'x.nianbao'))).toBe(false);
  });

  it('writes the embedded report byte-equal to the one exported, and says what it read', async () => {
    const r = await run(['import-pdf', 'good.pdf', '-o', 'back.nianbao'], dir);
    expect(r).toEqual({ code: 0, out: `已从 PDF 读回“${reportTitle(good)}”（2021 年格式）→ back.nianbao`, err: '' });
    expect(readFileSync(join(dir, 'back.nianbao'), 'utf8')).toBe(serializeReport(good));
  });

  it('will not overwrite without --force (-f), and does with it', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'good.pdf'), pdf);
    writeFileSync(join(cwd, 'r.nianbao'), 'mine');
    const refused = await run(['import-pdf', 'good.pdf', '-o', 'r.nianbao'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('文件“r.nianbao”已存在；要覆盖请加 --force');
    expect(readFileSync(join(cwd, 'r.nianbao'), 'utf8')).toBe('mine');
    expect((await run(['import-pdf', 'good.pdf', '-o', 'r.nianbao', '-f'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, 'r.nianbao'), 'utf8')).toBe(serializeReport(good));
  });

  it('a PDF an office suite made (no report data): the reason, naming the file, and nothing written', async () => {
    const cwd = tempDir();
    copyFileSync(resolve(repoRoot, '..', 'shared', 'samples', 'office', 'huangjin-2019.pdf'), join(cwd, 'office.pdf'));
    const r = await run(['import-pdf', 'office.pdf', '-o', 'x.nianbao'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：“office\.pdf”：此 PDF 中没有年报助手的报告数据（附件 report\.nianbao）.*（Error: office\.pdf: no intact Nianbao report data in this PDF）$/);
    expect(readdirSync(cwd)).toEqual(['office.pdf']);
  });

  it.each([
    [['good.pdf'], '缺少 --output'],
    [['-o', 'x.nianbao'], '缺少参数：PDF文件'],
    [['missing.pdf', '-o', 'x.nianbao'], '找不到文件“missing.pdf”'],
  ])('%j: exit 2, one line, nothing written', async (args, message) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'good.pdf'), pdf);
    const r = await run(['import-pdf', ...args], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual(['good.pdf']);
  });
});
