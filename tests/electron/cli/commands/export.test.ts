// nianbao export: the PDF (final, refused, draft) through the real command line, and the website and Word
// versions (--html / --docx) written where -o says, refused like the final PDF while the checks block it,
// exported anyway with --draft.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { importPdf } from '../../../../electron/node/pdf/index';
import { serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { pingtanReport } from '../../../fixtures/pingtan';
import { withExplanations } from '../../node/pdf/helpers';
import { binPath, tempDir } from '../run-cli';

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nianbao export --html / --docx', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'ok.nianbao'), serializeReport({ ...withExplanations(pingtanReport()), issued: '2023-01-20' }));
  const blocked = pingtanReport();
  blocked.cells['t4.review.upheld'] = null; // cell.blank: an error
  writeFileSync(join(dir, 'blocked.nianbao'), serializeReport(blocked));

  it('writes one self-contained HTML file', async () => {
    const r = await run(['export', 'ok.nianbao', '--html', '-o', 'web.html'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导出网页版');
    const html = readFileSync(join(dir, 'web.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>2022年平潭综合实验区政府信息公开工作年度报告</h1>');
    expect(html).toContain('2023年1月20日');
  });

  it('writes a .docx', async () => {
    const r = await run(['export', 'ok.nianbao', '--docx', '-o', 'word.docx'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'word.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses while an error or an unexplained confirm finding remains (exit 1), exports with --draft', async () => {
    const refused = await run(['export', 'blocked.nianbao', '--html', '-o', 'b.html'], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('不能导出网页版');
    const draft = await run(['export', 'blocked.nianbao', '--docx', '--draft', '-o', 'b.docx'], dir);
    expect(draft.code).toBe(0);
    expect(draft.out).toContain('Word 版（草稿）');
  });

  it('--draft marks the website and Word versions 草稿 — 未定稿，不得公开发布; the final versions carry no mark', async () => {
    expect((await run(['export', 'ok.nianbao', '--html', '--draft', '-o', 'draft.html'], dir)).code).toBe(0);
    expect((await run(['export', 'ok.nianbao', '--docx', '--draft', '-o', 'draft.docx'], dir)).code).toBe(0);
    expect((await run(['export', 'ok.nianbao', '--docx', '-o', 'final.docx'], dir)).code).toBe(0);
    const html = readFileSync(join(dir, 'draft.html'), 'utf8');
    expect(html).toContain('<p class="draft-mark"><strong>草稿</strong> — 未定稿，不得公开发布</p>');
    expect(readFileSync(join(dir, 'web.html'), 'utf8')).not.toContain('草稿');
    const headerText = (file: string) => {
      const parts = unzipSync(new Uint8Array(readFileSync(join(dir, file))));
      return Object.keys(parts)
        .filter((n) => /^word\/header\d*\.xml$/.test(n))
        .map((n) => [...strFromU8(parts[n]!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
        .join('');
    };
    expect(headerText('draft.docx')).toBe('草稿 — 未定稿，不得公开发布');
    expect(headerText('final.docx')).toBe('');
  });

  it('takes one of --html and --docx, and will not overwrite without --force', async () => {
    const both = await run(['export', 'ok.nianbao', '--html', '--docx', '-o', 'x'], dir);
    expect(both.code).toBe(2);
    const again = await run(['export', 'ok.nianbao', '--html', '-o', 'web.html'], dir);
    expect(again.code).toBe(2);
    const forced = await run(['export', 'ok.nianbao', '--html', '-o', 'web.html', '--force'], dir);
    expect(forced.code).toBe(0);
  });
});

const cli = (args: string[], cwd: string) => {
  const run = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIANBAO_DEBUG: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe('nianbao export', () => {
  let dir: string;
  let good: ReportDocument;
  beforeAll(() => {
    dir = tempDir();
    good = withExplanations(pingtanReport());
    writeFileSync(join(dir, 'good.nianbao'), serializeReport(good));
    const broken = structuredClone(good);
    broken.cells['t3.received.natural'] = 70;
    writeFileSync(join(dir, 'broken.nianbao'), serializeReport(broken));
  });

  it('writes the final PDF (exit 0), which import-pdf reads back byte-equal (exit 0)', async () => {
    const exported = cli(['export', 'good.nianbao', '-o', 'good.pdf'], dir);
    expect(exported, exported.stderr).toMatchObject({ code: 0 });
    expect(exported.stdout).toContain('已导出正式版');
    const pdf = readFileSync(join(dir, 'good.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await importPdf(pdf)).ok).toBe(true);

    const imported = cli(['import-pdf', 'good.pdf', '-o', 'back.nianbao'], dir);
    expect(imported, imported.stderr).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'back.nianbao'), 'utf8')).toBe(serializeReport(good));
  });

  it('refuses the final PDF while errors remain (exit 1), printing them; --draft exports anyway', () => {
    const refused = cli(['export', 'broken.nianbao', '-o', 'broken.pdf'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不能导出正式版');
    expect(refused.stderr).toMatch(/错误 \[t3\.rowSum\] .+/);
    expect(existsSync(join(dir, 'broken.pdf'))).toBe(false);

    const draft = cli(['export', 'broken.nianbao', '-o', 'broken.pdf', '--draft'], dir);
    expect(draft, draft.stderr).toMatchObject({ code: 0 });
    expect(draft.stdout).toContain('已导出草稿');
  });

  it('exit 2 for an unreadable report and a missing -o', async () => {
    // In process (same dispatcher, no child start-up): only the error paths.
    for (const args of [
      ['export', 'missing.nianbao', '-o', 'x.pdf'],
      ['export', 'good.nianbao'],
    ]) {
      const err: string[] = [];
      const code = await main(args, { out: () => {}, err: (t) => err.push(t), cwd: dir });
      expect(code, args.join(' ')).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^错误：.+（Error: .+）$/);
    }
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
