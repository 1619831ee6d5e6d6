// A process killed with SIGKILL at random moments while it saves, many times: the report file must always
// parse and be exactly the old or the new version, never a mix or a truncated file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, parseReport, serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { isTempFile, isTempFileOf } from '../../../../electron/node/storage/atomic-write';
import { backupFolderId } from '../../../../electron/node/storage/backups';
import { createStorage } from '../../../../electron/node/storage/index';
import { removeDir, sampleReport, smallReport, tempDir } from './helpers';

const KILLS = 40;
/** Under a loaded machine (the whole suite on two cores) each child starts slowly: stop after this long,
 *  once at least MIN_KILLS kills were checked. */
const MIN_KILLS = 30;
const BUDGET_MS = 20_000;
let root: string;
let script: string;

beforeAll(async () => {
  root = tempDir('nianbao-kill-');
  // Bundled once so that each child starts in a few tens of milliseconds (tsx would take ~0.5 s).
  script = join(root, 'save-loop.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
  });
});

afterAll(() => removeDir(root));

function runUntilKilled(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`save loop exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('saving while the process is killed (SIGKILL)', () => {
  it(`leaves the old or the new version, never a broken file (${MIN_KILLS}–${KILLS} kills)`, async () => {
    // Version A is large (about 1 MB, so a write takes a while), version B small: a torn or
    // truncated write could not pass for either.
    const long = (c: string) => c.repeat(99_000);
    const big = sampleReport();
    const versions: ReportDocument[] = [
      { ...big, sections: { overview: long('甲'), problems: long('乙'), other: long('丙') } },
      smallReport('（第二版）'),
    ];
    const expected = versions.map((d) => serializeReport({ ...d, meta: { ...d.meta, appVersion: APP_VERSION } }));
    expect(Buffer.byteLength(expected[0]!)).toBeGreaterThan(800_000);
    const versionsFile = join(root, 'versions.json');
    writeFileSync(versionsFile, JSON.stringify(versions));
    const file = join(root, 'report.nianbao');
    const dataDir = join(root, 'data');
    const backupDir = join(dataDir, 'backups', backupFolderId(file));

    const seen = new Set<number>();
    const checkedBackups = new Set<string>();
    let interruptedWrites = 0;
    let kills = 0;
    const started = Date.now();
    for (let i = 0; i < KILLS && (i < MIN_KILLS || Date.now() - started < BUDGET_MS); i++) {
      kills++;
      await runUntilKilled([file, dataDir, versionsFile], Math.floor(Math.random() * 40));
      const text = readFileSync(file, 'utf8');
      const which = expected.indexOf(text);
      expect(which, `after kill ${i + 1} the file is neither version (${text.length} chars)`).toBeGreaterThanOrEqual(0);
      expect(parseReport(text).ok).toBe(true);
      seen.add(which);
      const backupNames = existsSync(backupDir) ? readdirSync(backupDir) : [];
      if (readdirSync(root).some(isTempFile) || backupNames.some(isTempFile)) interruptedWrites++;
      // Backups are written the same way: each one is a complete version too.
      if (backupNames.length > 0) {
        const backups = backupNames.filter((n) => n.endsWith('.nianbao'));
        expect(backups.length).toBeLessThanOrEqual(10);
        // Backup files are never rewritten: each new one is checked once.
        for (const name of backups.filter((n) => !checkedBackups.has(n))) {
          expect(expected).toContain(readFileSync(join(backupDir, name), 'utf8'));
          checkedBackups.add(name);
        }
      }
    }
    console.log(
      `save-killed: ${kills} kills in ${((Date.now() - started) / 1000).toFixed(1)} s, ${interruptedWrites} interrupted a write (temp file left), ${checkedBackups.size} backups checked`,
    );
    // The kills did land inside writes, and both versions were on disk at some point.
    expect(interruptedWrites).toBeGreaterThan(0);
    expect(seen.size).toBe(2);

    // The next save cleans up what a killed save left behind.
    await createStorage({ dataDir }).files.save(file, versions[1]!, { expected: null });
    expect(readdirSync(root).filter((n) => isTempFileOf(n, file))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(expected[1]);
  }, 180_000);
});
