// electron/node/worker/parse-worker.ts: the worker thread's entry — started as a real worker (from the source
// tree through tsx, as worker-runner does), it answers each request on its port, sends a job's progress
// before its answer, keeps answering after a failed job, and refuses to run outside a worker thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReportText } from '../../../../shared/import/import-text';
import { serializeReport } from '../../../../shared/model/document';
import type { JobAnswer, JobProgress, JobRequest } from '../../../../electron/node/worker/jobs';
import { seedText } from '../../../shared/import/fixtures';
import { smallReport } from '../storage/helpers';

const ENTRY = fileURLToPath(new URL('../../../../electron/node/worker/parse-worker.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-parse-worker-'));

/** The worker on parse-worker.ts, loaded through tsx's tsImport (node cannot load .ts in a worker). */
function startWorker(): Worker {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const boot = `import { tsImport } from ${JSON.stringify(tsxApi)}; import { workerData } from 'node:worker_threads'; await tsImport(workerData.entry, workerData.entry);`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: { entry: pathToFileURL(ENTRY).href } });
}

let worker: Worker;
const messages: (JobAnswer | JobProgress)[] = [];
beforeAll(() => {
  worker = startWorker();
  worker.on('message', (m: JobAnswer | JobProgress) => messages.push(m));
});
afterAll(async () => {
  await worker.terminate();
  rmSync(dir, { recursive: true, force: true });
});

/** Posts a request and resolves with every message for its id, up to and including its answer. */
function ask(request: JobRequest): Promise<(JobAnswer | JobProgress)[]> {
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const mine = messages.filter((m) => m.id === request.id);
      if (mine.some((m) => !('progress' in m))) {
        clearInterval(poll);
        resolve(mine);
      }
    }, 20);
    worker.once('error', (e) => {
      clearInterval(poll);
      reject(e);
    });
    worker.postMessage(request);
  });
}

describe('parse-worker', () => {
  it('answers a request on its port with the job\'s value, under the request\'s id', async () => {
    const opts = { now: '2020-01-20T10:00:00+08:00' };
    const [answer] = await ask({ id: 1, job: 'importText', args: [seedText, opts] });
    expect(answer).toEqual({ id: 1, ok: true, value: importReportText(seedText, opts) });
  });

  it('sends the progress of a job before its answer', async () => {
    const folder = mkdtempSync(join(dir, 'units-'));
    writeFileSync(join(folder, '甲.nianbao'), serializeReport(smallReport('甲')));
    writeFileSync(join(folder, '乙.nianbao'), serializeReport(smallReport('乙')));
    const all = await ask({ id: 2, job: 'readMergeUnits', args: [[folder]] });
    const answer = all.at(-1)!;
    expect('progress' in answer).toBe(false);
    expect(answer).toMatchObject({ id: 2, ok: true });
    const progress = all.slice(0, -1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ id: 2, progress: [2, 2] });
  });

  it('answers a failed or unknown job with its error, and goes on answering', async () => {
    const [unknown] = await ask({ id: 3, job: 'nothing' as never, args: [] });
    expect(unknown).toEqual({ id: 3, ok: false, user: false, error: { code: 'internal', message: 'unknown job nothing' } });
    const [user] = await ask({ id: 4, job: 'importTextFile', args: [join(dir, '没有.txt')] });
    expect(user).toMatchObject({ id: 4, ok: false, user: true, error: { message: expect.stringContaining('没有.txt') } });
    const [again] = await ask({ id: 5, job: 'importText', args: ['短'] });
    expect(again).toMatchObject({ id: 5, ok: true });
  });

  it.runIf(isMainThread)('refuses to run outside a worker thread', async () => {
    await expect(import('../../../../electron/node/worker/parse-worker')).rejects.toThrow('parse-worker.ts runs only as a worker thread');
  });
});
