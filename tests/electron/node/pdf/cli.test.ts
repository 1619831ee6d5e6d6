// The two PDF commands of the real command line (node electron/cli/bin.mjs): export (final, refused,
// draft) and import-pdf (round trip, foreign PDF), with their exit codes 0/1/2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { main } from '../../../../electron/cli/main';
import { importPdf } from '../../../../electron/node/pdf/index';
import { pingtanReport, withExplanations } from './helpers';

const BIN = fileURLToPath(new URL('../../../../electron/cli/bin.mjs', import.meta.url));
const cli = (args: string[], cwd: string) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIANBAO_DEBUG: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

let dir: string;
let good: ReportDocument;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-cli-'));
  good = withExplanations(pingtanReport());
  writeFileSync(join(dir, 'good.nianbao'), serializeReport(good));
  const broken = structuredClone(good);
  broken.cells['t3.received.natural'] = 70;
  writeFileSync(join(dir, 'broken.nianbao'), serializeReport(broken));
});

describe('nianbao export', () => {
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

  it('exit 2 for an unreadable report, a missing -o, and a PDF without our data', async () => {
    // In process (same dispatcher, no child start-up): only the error paths.
    writeFileSync(join(dir, 'foreign.pdf'), '%PDF-1.4\n% not really a PDF\n');
    for (const args of [
      ['export', 'missing.nianbao', '-o', 'x.pdf'],
      ['export', 'good.nianbao'],
      ['import-pdf', 'foreign.pdf', '-o', 'x.nianbao'],
    ]) {
      const err: string[] = [];
      const code = await main(args, { out: () => {}, err: (t) => err.push(t), cwd: dir });
      expect(code, args.join(' ')).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^错误：.+（Error: .+）$/);
    }
    expect(existsSync(join(dir, 'x.nianbao'))).toBe(false);
  });
});
