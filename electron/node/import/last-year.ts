// Last year's report for 从上年报告开始 and for the comparison checks: read from a file in any form the
// importer reads, with the SHA-256 of the file's bytes (kept in the new report's `previous` block).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportOptions, ImportProblem } from '../../../shared/import/types';
import type { ReportDocument } from '../../../shared/model/report';
import { FILE_LIMITS, FileReadError, readBoundedFile } from '../files/bounded-read';
import { fileKind, importReportBytes, MAX_IMPORT_BYTES, type ImportedKind } from './index';

export type LastYearResult =
  | { ok: true; doc: ReportDocument; kind: ImportedKind; problems: ImportProblem[]; fileName: string; sha256: string }
  /** needsYear: the text names no year — read it again with the year (and agency) the user gives. */
  | { ok: false; message: string; needsYear?: true };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Imports `bytes` (the file `fileName`) as last year's report; `opts`: the year and agency the user gave
 *  for a text that names none (the importer's own options). */
export async function readLastYearsBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<LastYearResult> {
  const result = await importReportBytes(bytes, fileName, opts);
  if (!result.ok) return result;
  return { ok: true, doc: result.doc, kind: result.kind, problems: result.problems, fileName, sha256: sha256Hex(bytes) };
}

/** Reads the file at `path` through the bounded reader and imports it as last year's report. */
export async function readLastYearsReport(path: string, opts: ImportOptions = {}): Promise<LastYearResult> {
  const name = basename(path);
  const kind = fileKind(name);
  let bytes: Uint8Array;
  try {
    ({ bytes } = await readBoundedFile(path, kind, { maxBytes: Math.min(MAX_IMPORT_BYTES, FILE_LIMITS[kind].maxBytes) }));
  } catch (e) {
    if (e instanceof FileReadError) return { ok: false, message: e.message };
    throw e;
  }
  return readLastYearsBytes(bytes, name, opts);
}
