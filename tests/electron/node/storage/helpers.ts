// Shared helpers of the storage and shell tests: temp folders, sample reports, a core with fake dialogs,
// fault-injecting file system layers and (when the machine allows it) small real tmpfs mounts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { EventChannel, EventMap, Result } from '../../../../shared/ipc/contract';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { createAppCore, type AppCore, type AppCoreOptions, type AppDialogs } from '../../../../electron/node/app-core';
import { createMemoryPrefsStore } from '../../../../electron/node/prefs/prefs-store';
import { nodeFs, type FsLayer } from '../../../../electron/node/storage/fs-layer';
import { pingtanReport } from '../../../fixtures/pingtan';

export function tempDir(prefix = 'nianbao-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A report with `marker` in its narrative, so versions are easy to tell apart. */
export function sampleReport(marker = '', base: ReportDocument = pingtanReport()): ReportDocument {
  return { ...base, sections: { ...base.sections, other: `${base.sections.other}${marker}` } };
}

export function smallReport(marker = ''): ReportDocument {
  const doc = createReport({ year: 2025, agencyName: '测试镇人民政府', level: '乡镇', now: '2026-01-05T09:30:00.000Z' });
  return { ...doc, sections: { overview: `总体情况${marker}`, problems: '问题', other: '其他' } };
}

/** What a dialog answers: a path, paths (openMergeFiles), or null (cancelled). */
type DialogAnswer<K extends keyof AppDialogs> = Awaited<ReturnType<NonNullable<AppDialogs[K]>>>;
type DialogAnswers = { [K in keyof AppDialogs]-?: DialogAnswer<K>[] };

/** Dialogs answering from queues the test fills: each call takes the next answer (null = cancel). */
export class FakeDialogs implements AppDialogs {
  readonly answers: DialogAnswers = { openReport: [], saveReport: [], openText: [], openPdf: [], openImport: [], savePdf: [], savePublication: [], openLedger: [], saveLedgerTemplate: [], openMergeFiles: [], openMergeFolder: [], openRoster: [], saveWorkbook: [] };
  readonly calls: { kind: keyof AppDialogs; arg: string }[] = [];
  private next<K extends keyof AppDialogs>(kind: K, arg: string): Promise<DialogAnswer<K>> {
    this.calls.push({ kind, arg });
    const queue = this.answers[kind];
    return Promise.resolve(queue.length > 0 ? (queue.shift() ?? null) : null) as Promise<DialogAnswer<K>>;
  }
  openReport = (folder: string) => this.next('openReport', folder);
  saveReport = (path: string) => this.next('saveReport', path);
  openText = (folder: string) => this.next('openText', folder);
  openPdf = (folder: string) => this.next('openPdf', folder);
  openImport = (folder: string) => this.next('openImport', folder);
  savePdf = (path: string) => this.next('savePdf', path);
  savePublication = (path: string) => this.next('savePublication', path);
  openLedger = (folder: string) => this.next('openLedger', folder);
  saveLedgerTemplate = (path: string) => this.next('saveLedgerTemplate', path);
  openMergeFiles = (folder: string) => this.next('openMergeFiles', folder);
  openMergeFolder = (folder: string) => this.next('openMergeFolder', folder);
  openRoster = (folder: string) => this.next('openRoster', folder);
  saveWorkbook = (path: string) => this.next('saveWorkbook', path);
}

export interface TestCore {
  core: AppCore;
  dialogs: FakeDialogs;
  events: { event: EventChannel; payload: unknown }[];
  dataDir: string;
  documentsDir: string;
  call<T = unknown>(channel: string, payload?: unknown): Promise<Result<T>>;
  /** Unwraps an ok result, failing the test with the error otherwise. */
  ok<T = unknown>(channel: string, payload?: unknown): Promise<T>;
}

export function makeCore(root: string, extra: Partial<AppCoreOptions> = {}): TestCore {
  const dataDir = join(root, 'data');
  const documentsDir = join(root, 'documents');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(documentsDir, { recursive: true });
  const dialogs = new FakeDialogs();
  const events: { event: EventChannel; payload: unknown }[] = [];
  const core = createAppCore({
    dataDir,
    documentsDir,
    dialogs,
    prefs: createMemoryPrefsStore(),
    emit: <E extends EventChannel>(event: E, payload: EventMap[E]) => events.push({ event, payload }),
    ...extra,
  });
  const call = <T,>(channel: string, payload: unknown = {}) => core.dispatch(channel, payload) as Promise<Result<T>>;
  return {
    core,
    dialogs,
    events,
    dataDir,
    documentsDir,
    call,
    async ok<T>(channel: string, payload: unknown = {}) {
      const result = await call<T>(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

/** An fs layer failing with errno `code` on the operations named for paths inside `under` (default: all),
 *  after `after` successful calls of them. 'write' fails after writing half the data, as a full disk does. */
export function faultyFs(code: string, ops: readonly string[], options: { under?: string; after?: number } = {}): { fs: FsLayer; failures: () => number } {
  let seen = 0;
  let failures = 0;
  let current = '';
  const inScope = (path: string) => !options.under || path.startsWith(options.under + sep);
  const shouldFail = (op: string) => ops.includes(op) && inScope(current) && seen++ >= (options.after ?? 0);
  const error = (op: string) => {
    failures++;
    return Object.assign(new Error(`${code}: simulated failure of ${op}`), { code });
  };
  const guard = (op: string) => {
    if (shouldFail(op)) throw error(op);
  };
  const fs: FsLayer = {
    ...nodeFs,
    async createExclusive(path, mode) {
      current = path;
      guard('createExclusive');
      const handle = await nodeFs.createExclusive(path, mode);
      return {
        async writeFile(data) {
          current = path;
          if (shouldFail('write')) {
            await handle.writeFile(data.subarray(0, Math.floor(data.byteLength / 2)));
            throw error('write');
          }
          await handle.writeFile(data);
        },
        async sync() {
          current = path;
          guard('sync');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async rename(from, to) {
      current = to;
      guard('rename');
      await nodeFs.rename(from, to);
    },
    async checkWritable(path) {
      current = path;
      guard('checkWritable');
      await nodeFs.checkWritable(path);
    },
    async mkdir(path) {
      current = path;
      guard('mkdir');
      await nodeFs.mkdir(path);
    },
  };
  return { fs, failures: () => failures };
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Mounts a tmpfs of `sizeKb` at a new folder; null when this machine does not allow it (not root, no
 *  mount permission in the container). */
export function mountTmpfs(sizeKb: number): { dir: string; remountReadOnly(): boolean; unmount(): void } | null {
  if (process.platform !== 'linux' || !isRoot) return null;
  const dir = tempDir('nianbao-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    removeDir(dir);
    return null;
  }
  return {
    dir,
    remountReadOnly: () => spawnSync('mount', ['-o', 'remount,ro', dir]).status === 0,
    unmount() {
      spawnSync('umount', [dir]);
      removeDir(dir);
    },
  };
}

export const CHINESE = /[\u4e00-\u9fff]/;
