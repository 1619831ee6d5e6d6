// Entry of the parse worker (Node worker_threads): runs the jobs of jobs.ts one request at a time and
// answers on its port. Bundled to dist/electron/parse-worker.js next to main.js (electron/build.mjs);
// from the source tree it is loaded through tsx (worker-runner.ts).
import { parentPort } from 'node:worker_threads';
import { answerJob, type JobRequest } from './jobs';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');
port.on('message', (request: JobRequest) => {
  void answerJob(request, (done, total) => port.postMessage({ id: request.id, progress: [done, total] })).then((answer) => {
    try {
      port.postMessage(answer);
    } catch (e) {
      // A result that cannot be cloned (a bug, not a file): say so instead of leaving main waiting.
      port.postMessage({ id: request.id, ok: false, user: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } });
    }
  });
});
