// One merge run, as the CLI and the app do it: collect the files, read each (two at a time: two cores),
// decide with planMerge, and build the summary report. Reading is separated from deciding so the app
// can re-decide (another group, a confirmed roster match, an included marked file) without re-reading.
import { extname } from 'node:path';
import { planMerge, type FailedFile, type MergeOptions, type MergePlan, type ReadUnit } from '../../../shared/merge/plan-merge';
import { buildSummaryReport, type SummaryOptions } from '../../../shared/merge/summary-report';
import type { ReportDocument } from '../../../shared/model/report';
import { FileReadError, readBoundedFile, type FileKind } from '../files/bounded-read';
import { collectReportFiles, type CollectedFiles } from './collect-files';
import { readUnit } from './read-unit';

const PARALLEL_READS = 2;
const FILE_KIND_BY_EXTENSION: Record<string, FileKind> = { '.nianbao': 'report', '.pdf': 'pdf', '.docx': 'word', '.html': 'html', '.htm': 'html', '.txt': 'text' };

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
    // Bounded: only regular files, a size cap per kind, a time budget (a FIFO or /dev/zero is refused).
    ({ bytes } = await readBoundedFile(path, FILE_KIND_BY_EXTENSION[extname(path).toLowerCase()] ?? 'text'));
  } catch (e) {
    return { path, reason: e instanceof FileReadError ? e.message : `读不了此文件（${(e as NodeJS.ErrnoException).code ?? String(e)}）` };
  }
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
