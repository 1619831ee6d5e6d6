// What runs in the parse worker (parse-worker.ts): every job that reads a file from outside or builds an
// export — the very modules the main thread ran before (importers, PDF service, publication, ledger
// reader), called with the same arguments, so that results are identical. Arguments and results cross the
// thread boundary by structured clone: plain data only (documents, bytes, findings, messages).
import { basename } from 'node:path';
import type { ReportDocument } from '../../../shared/model/report';
import { importReportText } from '../../../shared/import/import-text';
import type { ImportOptions } from '../../../shared/import/types';
import type { PdfReadOutcome, PdfRenderOutcome, PdfService } from '../app-core/types';
import { createPdfService } from '../app-core/pdf-service';
import { readBoundedFile, type FileKind } from '../files/bounded-read';
import { importReportBytes, importReportFile } from '../import/index';
import { readLastYearsReport } from '../import/last-year';
import { decodeText } from '../import/text-decode';
import { readError, StorageError } from '../storage/errors';
import { UserError } from '../user-error';
import type { PublishKind, PublishOptions } from '../publish/index';
import type { MergeRun } from '../merge/run-merge';

/** Reads a file the user chose through the bounded reader; failures become StorageErrors (Chinese). */
async function readUserFile(path: string, kind: FileKind): Promise<Uint8Array> {
  try {
    return (await readBoundedFile(path, kind)).bytes;
  } catch (e) {
    throw readError(e, path);
  }
}

/** How far the running job is (merge:add: files read of all found), sent to main as a JobProgress. */
let reportProgress: (done: number, total: number) => void = () => undefined;

/** One PDF service per font folder: the exporter parses the CJK fonts once per worker. */
const pdfServices = new Map<string, PdfService>();
const pdfService = (fontDir: string | undefined): PdfService => {
  const key = fontDir ?? '';
  let service = pdfServices.get(key);
  if (!service) pdfServices.set(key, (service = createPdfService(fontDir ? { fontDir } : {})));
  return service;
};

export const JOBS = {
  /** import:file — any form of last year's report, read from disk. */
  importFile: (path: string, opts: ImportOptions = {}) => importReportFile(path, opts),
  /** import:dropped — the same from bytes the renderer sent. */
  importBytes: (bytes: Uint8Array, name: string, opts: ImportOptions = {}) => importReportBytes(bytes, name, opts),
  /** import:startFromPrevious / doc:openPrevious — last year's report in any form, with its file's hash
   *  (import:startFromPrevious again with the year and agency asked for, when the text names no year). */
  readLastYear: (path: string, opts: ImportOptions = {}) => readLastYearsReport(path, opts),
  /** import:text — pasted text. */
  importText: async (text: string, opts: ImportOptions = {}) => importReportText(text, opts),
  /** import:textFile — a text file (UTF-8, GB18030…), read, decoded and imported. */
  importTextFile: async (path: string, opts: ImportOptions = {}) => {
    const bytes = await readUserFile(path, 'text');
    const { text } = decodeText(bytes);
    if (text.trim() === '') throw new StorageError('bad-file', `“${basename(path)}”是空的。`);
    return importReportText(text, opts);
  },
  /** import:pdf — a PDF 年报助手 exported (its embedded data). */
  readPdf: (pdf: Uint8Array, fontDir?: string): Promise<PdfReadOutcome> => pdfService(fontDir).read(pdf),
  /** export:pdf / export:preview. */
  renderPdf: (doc: ReportDocument, opts: Parameters<PdfService['render']>[1], fontDir?: string): Promise<PdfRenderOutcome> => pdfService(fontDir).render(doc, opts),
  /** export:publish — the website or Word version. */
  publish: async (doc: ReportDocument, kind: PublishKind, opts: PublishOptions) => (await import('../publish/index')).publishReport(doc, kind, opts),
  /** merge:add — every unit's report in the files or folder chosen (the CLI's merge reader). */
  readMergeUnits: async (paths: string[]) => {
    const { readAllUnits } = await import('../merge/run-merge');
    const { TooManyFilesError } = await import('../merge/collect-files');
    try {
      return await readAllUnits(paths, (done, total) => reportProgress(done, total));
    } catch (e) {
      if (e instanceof TooManyFilesError) throw new UserError('bad-file', e.message);
      throw e;
    }
  },
  /** merge:roster — the list of units that must report (text or .xlsx). */
  readRoster: async (name: string, bytes: Uint8Array) => {
    const { readRoster } = await import('../merge/roster-file');
    try {
      return await readRoster(name, bytes, (b) => decodeText(b).text);
    } catch (e) {
      throw new UserError('bad-file', `“${name}”读不成名单（${e instanceof Error ? e.message : String(e)}）。请用每行一个单位名称的文本文件，或第一张工作表有“单位名称”一列的 Excel 文件。`);
    }
  },
  /** merge:workbook — the overview workbook (.xlsx). */
  mergeWorkbook: async (run: MergeRun) => new Uint8Array(await (await import('../merge/workbook')).buildMergeWorkbook(run)),
  /** ledger:open — an application ledger (.xlsx / .csv) read into its sheets. */
  readLedger: async (bytes: Uint8Array, name: string) => {
    const { parseLedgerBytes, LedgerFileError } = await import('../ledger/read-ledger');
    try {
      return await parseLedgerBytes(bytes, name);
    } catch (e) {
      if (e instanceof LedgerFileError) throw new UserError('bad-file', `${e.zh.replace(/。$/, '')}。`);
      throw e;
    }
  },
} satisfies Record<string, (...args: never[]) => Promise<unknown>>;

export type Jobs = typeof JOBS;
export type JobName = keyof Jobs;
export type JobArgs<J extends JobName> = Parameters<Jobs[J]>;
export type JobResult<J extends JobName> = Awaited<ReturnType<Jobs[J]>>;

/** A job's request and answer on the worker's port. */
export interface JobRequest {
  id: number;
  job: JobName;
  args: unknown[];
}
/** Sent while a job runs (before its answer). */
export interface JobProgress {
  id: number;
  progress: [done: number, total: number];
}
export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  /** `user`: a UserError (its code, message, problems, findings), rebuilt as one in main; else an internal error. */
  | { id: number; ok: false; user: boolean; error: { code: string; message: string; problems?: string[]; findings?: unknown[] } };

/** Runs one job and answers (never throws). */
export async function answerJob(request: JobRequest, onProgress: (done: number, total: number) => void = () => undefined): Promise<JobAnswer> {
  const run = JOBS[request.job] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  // A worker runs one job at a time: the job reports progress through this module's reporter.
  reportProgress = onProgress;
  try {
    if (!run) throw new Error(`unknown job ${String(request.job)}`);
    return { id: request.id, ok: true, value: await run(...request.args) };
  } catch (e) {
    if (e instanceof UserError) return { id: request.id, ok: false, user: true, error: e.toBridgeError() };
    return { id: request.id, ok: false, user: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    reportProgress = () => undefined;
  }
}
