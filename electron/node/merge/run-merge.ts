// One merge run, as the CLI and the app do it: collect the files, read each (two at a time: two cores),
// decide with planMerge, and build the summary report. Reading is separated from deciding so the app
// can re-decide (another group, a confirmed roster match, an included marked file) without re-reading.
import { readFile } from 'node:fs/promises';
import { planMerge, type FailedFile, type MergeOptions, type MergePlan, type ReadUnit } from '../../../shared/merge/plan-merge';
import { buildSummaryReport, type SummaryOptions } from '../../../shared/merge/summary-report';
import type { ReportDocument } from '../../../shared/model/report';
import { collectReportFiles, type CollectedFiles } from './collect-files';
import { readUnit } from './read-unit';

/** Report files are small; a file over this is not a unit's report (and is not read into memory). */
export const MAX_UNIT_FILE_BYTES = 50 * 1024 * 1024;
const PARALLEL_READS = 2;

export interface ReadAll {
  units: ReadUnit[];
  failed: FailedFile[];
  skipped: CollectedFiles['skipped'];
}

export async function readAllUnits(paths: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ReadAll> {
  const collected = await collectReportFiles(paths);
  const failed: FailedFile[] = collected.missing.map((m) => ({ path: m.path, reason: m.reason }));
  const results: (ReadUnit | FailedFile)[] = new Array(collected.files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < collected.files.length) {
      const i = next++;
      const path = collected.files[i]!;
      results[i] = await readOne(path);
      onProgress?.(++done, collected.files.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  const units: ReadUnit[] = [];
  for (const r of results) {
    if ('source' in r) units.push(r);
    else failed.push(r);
  }
  return { units, failed, skipped: collected.skipped };
}

async function readOne(path: string): Promise<ReadUnit | FailedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, reason: code === 'ENOENT' ? '文件不见了（读取时已被移走或删除）' : `读不了此文件（${code ?? String(e)}）` };
  }
  if (bytes.byteLength > MAX_UNIT_FILE_BYTES) return { path, reason: `文件太大（${(bytes.byteLength / 1048576).toFixed(0)} MB），不像一份年度报告` };
  try {
    const read = await readUnit(path, bytes);
    return read.ok ? read.unit : read.failed;
  } catch (e) {
    // A reader bug must not end the run: the file is listed with the reason, the rest is merged.
    return { path, reason: `读取时出错：${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface MergeRun extends ReadAll {
  plan: MergePlan;
  summary?: ReportDocument;
}

export function decideMerge(read: ReadAll, options: MergeOptions, summary: SummaryOptions): MergeRun {
  const plan = planMerge(read.units, read.failed, options);
  const doc = buildSummaryReport(plan, summary);
  return { ...read, plan, ...(doc ? { summary: doc } : {}) };
}
