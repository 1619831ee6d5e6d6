// The parse worker (electron/node/worker): the same importers give the same results in the worker as in
// this thread; a job over its time or memory limit ends its worker with a Chinese message naming the file
// and the reason, and the next job gets a fresh worker.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importReportFile } from '../../../../electron/node/import/index';
import { UserError } from '../../../../electron/node/user-error';
import { createWorkerRunner, type JobRunner } from '../../../../electron/node/worker/worker-runner';
import { importReportText } from '../../../../shared/import/import-text';

const samples = fileURLToPath(new URL('../../../../../shared/samples/office/', import.meta.url));
const SEED = fileURLToPath(new URL('../../../../../shared/seed/huangjin-2019.txt', import.meta.url));

const runners: JobRunner[] = [];
const runner = (options: Parameters<typeof createWorkerRunner>[0] = {}) => {
  const r = createWorkerRunner(options);
  runners.push(r);
  return r;
};
/** The result without the import's clock (meta.created/updated: the moment of each import). */
const untimed = (result: unknown) => JSON.parse(JSON.stringify(result, (key, value) => (key === 'created' || key === 'updated' ? 'T' : value)));

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
});

describe('parse worker', () => {
  it('imports a .docx, a web page and text exactly as the importer does in this thread', async () => {
    const r = runner();
    for (const name of ['pingtan-2022.docx', 'huangjin-2019.html']) {
      const inWorker = await r.run('importFile', [samples + name], { what: name });
      expect(untimed(inWorker)).toEqual(untimed(await importReportFile(samples + name)));
      expect(inWorker.ok).toBe(true);
    }
    const text = readFileSync(SEED, 'utf8');
    expect(untimed(await r.run('importText', [text], { what: 'text' }))).toEqual(untimed(importReportText(text)));
  });

  it('a job over its time limit ends the worker: a Chinese message naming the file and the time; the next job runs', async () => {
    const r = runner({ limits: { import: { timeMs: 30 } } });
    const slow = r.run('importFile', [samples + 'pingtan-2022.pdf'], { what: '“pingtan-2022.pdf”' });
    await expect(slow).rejects.toBeInstanceOf(UserError);
    await expect(slow).rejects.toMatchObject({ code: 'bad-file', message: expect.stringMatching(/^“pingtan-2022\.pdf”：处理超过 30 毫秒仍未完成，已停止。/) });
    const ok = runner();
    expect((await ok.run('importFile', [samples + 'huangjin-2019.html'], { what: 'x' })).ok).toBe(true);
  });

  it('a worker over its memory limit is ended: the message names the file and the limit', async () => {
    const r = runner({ limits: { import: { maxOldGenerationSizeMb: 4, timeMs: 60_000 } } });
    // 40 MB of text, split into lines by the importer: far over a 4 MB heap.
    const big = `${'第一条 政府信息公开申请情况\n'.repeat(1_500_000)}`;
    const job = r.run('importText', [big], { what: '“大文件.txt”' });
    await expect(job).rejects.toMatchObject({ code: 'bad-file', message: expect.stringMatching(/^“大文件\.txt”：处理需要的内存超过 4 MB，已停止。/) });
    // The runner lives on: the next job starts a fresh worker (within the same tiny limit it fails again, but answers).
    await expect(r.run('importText', ['短'], { what: '“短.txt”' })).rejects.toMatchObject({ message: expect.stringContaining('“短.txt”') });
  });

  it('a UserError thrown in the worker arrives as the same UserError (code and message)', async () => {
    const r = runner();
    await expect(r.run('importTextFile', [samples], { what: 'folder' })).rejects.toMatchObject({ code: 'bad-file', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
