// Runs the jobs of jobs.ts in a Node worker thread, so that a hostile or broken file costs at most its
// budget and the main process's event loop (the window, every other request) keeps answering.
//
//   const runner = createWorkerRunner({ entry: join(here, 'parse-worker.js') });
//   const result = await runner.run('importFile', [path], { what: '“去年年报.docx”' });
//
// Two lanes, one worker each, started on first use and kept (the export lane keeps its parsed fonts)
// until idle for a minute: imports (files from outside) and exports (PDF, website, Word). Jobs of a lane
// run one after another. Each worker has a heap limit (resourceLimits) and each job a time limit: a worker
// that exceeds either is ended, the job fails with a Chinese message naming the file and the reason, and
// the next job starts a fresh worker. From the source tree (tests, tsx) the entry is parse-worker.ts,
// loaded through tsx's tsImport; the app passes the bundled parse-worker.js.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/ipc/contract';
import type { Finding } from '../../../shared/checks/types';
import { UserError } from '../user-error';
import type { JobAnswer, JobArgs, JobName, JobProgress, JobRequest, JobResult } from './jobs';

export interface LaneLimits {
  /** V8 old-generation heap of the worker (resourceLimits.maxOldGenerationSizeMb). */
  maxOldGenerationSizeMb: number;
  /** Wall-clock time one job may take. */
  timeMs: number;
}

export type Lane = 'import' | 'export';

export const DEFAULT_LIMITS: Record<Lane, LaneLimits> = {
  // A file up to the size caps is read within 2 s of CPU and 300 MB on a developer machine (bench/
  // hostile-files-bench.ts); an office PC under load gets ten times the time.
  import: { maxOldGenerationSizeMb: 384, timeMs: 20_000 },
  // The first export parses the CJK fonts (about a second here) and pdfkit builds the whole document.
  export: { maxOldGenerationSizeMb: 1024, timeMs: 120_000 },
};

const EXPORT_JOBS: ReadonlySet<JobName> = new Set<JobName>(['renderPdf', 'publish', 'mergeWorkbook']);

export interface JobLabel {
  /** What the user is told the job was about: `“去年年报.pdf”`, `“某某年报”的 PDF`. */
  what: string;
  /** This job's time limit, when it is not the lane's (a merge reads hundreds of files in one job). */
  timeMs?: number;
  /** Progress the job reports (merge:add: files read, of all found). */
  onProgress?: (done: number, total: number) => void;
  /** The error code when the job is stopped (default: imports bad-file, exports internal). */
  code?: ErrorCode;
}

export interface WorkerRunnerOptions {
  /** The worker's entry: dist/electron/parse-worker.js in the app; default parse-worker.ts (source tree only). */
  entry?: string;
  limits?: { [L in Lane]?: Partial<LaneLimits> };
  /** An idle worker is ended after this long (default one minute). */
  idleMs?: number;
}

export interface JobRunner {
  run<J extends JobName>(job: J, args: JobArgs<J>, label: JobLabel): Promise<JobResult<J>>;
  /** Ends the workers (pending jobs fail). */
  close(): Promise<void>;
}

/** The source entry, when this module itself runs from the source tree. */
function defaultEntry(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? fileURLToPath(new URL('./parse-worker.ts', import.meta.url)) : undefined;
}

function startWorker(entry: string, limits: LaneLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb };
  if (!entry.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  // From the source tree: node cannot load .ts in a worker (and --import tsx in a worker's execArgv does
  // not apply to its entry), so a one-line module loads it through tsx's tsImport.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const boot = `import { tsImport } from ${JSON.stringify(tsxApi)}; import { workerData } from 'node:worker_threads'; await tsImport(workerData.entry, workerData.entry);`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { resourceLimits, workerData: { entry: pathToFileURL(entry).href } });
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} 毫秒`);

interface Pending {
  request: JobRequest;
  label: JobLabel;
  lane: Lane;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createWorkerRunner(options: WorkerRunnerOptions = {}): JobRunner {
  const entry = options.entry ?? defaultEntry();
  const idleMs = options.idleMs ?? 60_000;
  const limitsOf = (lane: Lane): LaneLimits => ({ ...DEFAULT_LIMITS[lane], ...options.limits?.[lane] });
  let nextId = 1;

  class LaneWorker {
    private worker: Worker | null = null;
    private readonly queue: Pending[] = [];
    private current: Pending | null = null;
    private timer: NodeJS.Timeout | null = null;
    private idleTimer: NodeJS.Timeout | null = null;
    /** The worker running `current`. */
    private currentWorker: Worker | null = null;
    /** Why a worker is being ended (set before terminate(), read in its exit handler). */
    private readonly endings = new WeakMap<Worker, string>();

    constructor(readonly lane: Lane) {}

    enqueue(job: Pending): void {
      this.queue.push(job);
      this.pump();
    }

    private pump(): void {
      if (this.current || this.queue.length === 0) return;
      const job = this.queue.shift()!;
      this.current = job;
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      const limits = limitsOf(this.lane);
      let worker: Worker;
      try {
        worker = this.worker ?? this.spawn(limits);
      } catch (e) {
        this.finish((p) => p.reject(new UserError('internal', `后台处理无法启动（${e instanceof Error ? e.message : String(e)}）。编辑中的内容没有丢失，请重启年报助手后再试。`)));
        return;
      }
      worker.ref();
      this.currentWorker = worker;
      const timeMs = job.label.timeMs ?? limits.timeMs;
      this.timer = setTimeout(() => {
        const what = job.label.what;
        this.end(
          worker,
          `${what}：处理超过 ${seconds(timeMs)}仍未完成，已停止。文件可能已损坏、过于复杂，或不是年度报告；请确认选择的文件是否正确，或把它在原程序中另存一份后再试。`,
        );
      }, timeMs);
      worker.postMessage(job.request);
    }

    private spawn(limits: LaneLimits): Worker {
      if (!entry) throw new Error('找不到后台处理模块 parse-worker');
      const worker = startWorker(entry, limits);
      this.worker = worker;
      worker.on('message', (answer: JobAnswer | JobProgress) => {
        const job = this.current;
        if (!job || answer.id !== job.request.id) return;
        if ('progress' in answer) {
          job.label.onProgress?.(...answer.progress);
          return;
        }
        this.finish((p) => {
          if (answer.ok) p.resolve(answer.value);
          else if (answer.user) p.reject(new UserError(answer.error.code as ErrorCode, answer.error.message, { problems: answer.error.problems, findings: answer.error.findings as Finding[] | undefined }));
          // Not a UserError: reported like any other internal failure of a handler.
          else p.reject(new Error(answer.error.message));
        });
      });
      worker.on('error', (e: Error & { code?: string }) => {
        const what = this.current?.label.what ?? '后台处理';
        if (this.endings.has(worker)) return;
        this.endings.set(
          worker,
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `${what}：处理需要的内存超过 ${limits.maxOldGenerationSizeMb} MB，已停止。文件可能已损坏或被刻意做得过大；请确认选择的文件是否正确。`
            : `${what}：后台处理意外出错（${e.message.slice(0, 200)}），已停止。编辑中的内容没有丢失，请重试。`,
        );
      });
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
        if (this.current && this.currentWorker === worker) {
          const reason = this.endings.get(worker) ?? `${this.current.label.what}：后台处理意外退出，已停止。编辑中的内容没有丢失，请重试。`;
          const code = this.current.label.code ?? (this.lane === 'import' ? 'bad-file' : 'internal');
          this.finish((p) => p.reject(new UserError(code, reason)));
        }
      });
      return worker;
    }

    /** Ends the worker (over its budget): its exit handler fails the job with `reason`. */
    private end(worker: Worker, reason: string): void {
      if (this.worker === worker) this.worker = null;
      this.endings.set(worker, reason);
      void worker.terminate();
    }

    private finish(settle: (p: Pending) => void): void {
      const job = this.current;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.current = null;
      this.currentWorker = null;
      if (job) settle(job);
      if (this.queue.length > 0) {
        this.pump();
        return;
      }
      // Idle: the worker no longer keeps the process alive, and is ended after a while.
      const worker = this.worker;
      if (worker) {
        worker.unref();
        this.idleTimer = setTimeout(() => {
          if (this.worker === worker && !this.current) {
            this.worker = null;
            void worker.terminate();
          }
        }, idleMs);
        this.idleTimer.unref();
      }
    }

    async close(): Promise<void> {
      for (const job of this.queue.splice(0)) job.reject(new UserError('internal', '后台处理已关闭。'));
      if (this.idleTimer) clearTimeout(this.idleTimer);
      const worker = this.worker;
      if (worker) {
        this.worker = null;
        this.endings.set(worker, '后台处理已关闭。');
        await worker.terminate();
      }
    }
  }

  const lanes: Record<Lane, LaneWorker> = { import: new LaneWorker('import'), export: new LaneWorker('export') };

  return {
    run(job, args, label) {
      const lane: Lane = EXPORT_JOBS.has(job) ? 'export' : 'import';
      return new Promise((resolve, reject) => {
        lanes[lane].enqueue({ request: { id: nextId++, job, args: args as unknown[] }, label, lane, resolve: resolve as (v: unknown) => void, reject });
      });
    },
    async close() {
      await Promise.all(Object.values(lanes).map((l) => l.close()));
    },
  };
}
