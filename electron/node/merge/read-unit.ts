// Reading one unit's report for the receiving office, in whatever form it was sent, and saying where its
// figures came from (see UnitSource). Our PDFs carry their data; their printed tables are read as well
// and compared with it, so a PDF changed after export is caught instead of summed.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { formatModel } from '../../../shared/formats/index';
import { importReportText } from '../../../shared/import/index';
import type { ReadUnit, FailedFile } from '../../../shared/merge/plan-merge';
import type { ReportDocument } from '../../../shared/model/report';
import { importPdf } from '../pdf/import-pdf';
import { parseReportBytes, StorageError } from '../storage/index';
import { decodeText } from '../../cli/cli-kit';
import { computeTotals } from '../../../shared/checks/totals';
import { readPrintedText } from './printed-text';

export type UnitRead = { ok: true; unit: ReadUnit } | { ok: false; failed: FailedFile };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fail = (path: string, reason: string): UnitRead => ({ ok: false, failed: { path, reason } });

/** Extensions a report can come in; anything else in a folder is skipped and counted. */
export const REPORT_EXTENSIONS = ['.nianbao', '.pdf', '.txt'] as const;

export async function readUnit(path: string, bytes: Uint8Array): Promise<UnitRead> {
  const ext = extname(path).toLowerCase();
  const hash = sha256(bytes);
  if (ext === '.nianbao') {
    try {
      const { doc } = parseReportBytes(bytes, basename(path));
      return { ok: true, unit: { path, sha256: hash, source: 'file', doc, exportedAt: doc.meta.updated } };
    } catch (e) {
      return fail(path, e instanceof StorageError ? e.message : String(e));
    }
  }
  if (ext === '.pdf') return readPdfUnit(path, bytes, hash);
  if (ext === '.txt') {
    const { text } = decodeText(bytes);
    return fromText(path, hash, text, 'text');
  }
  return fail(path, `不认识的文件类型“${ext || '（无扩展名）'}”，不是报告`);
}

async function readPdfUnit(path: string, bytes: Uint8Array, hash: string): Promise<UnitRead> {
  const embedded = await importPdf(bytes);
  if (!embedded.ok && embedded.kind !== 'no-data' && embedded.kind !== 'hash-mismatch') return fail(path, embedded.message);
  const printedText = await readPrintedText(bytes);
  const printed = printedText.ok ? importReportText(printedText.text) : undefined;
  const printedDoc = printed?.ok ? printed.doc : undefined;
  const printedNotes = printed?.ok ? printed.problems.map((p) => p.message) : [];

  if (embedded.ok) {
    const doc = embedded.doc;
    if (!printedText.ok) {
      return { ok: true, unit: { path, sha256: hash, source: 'pdf-verified', doc, exportedAt: doc.meta.updated, notes: [`印出的表格无法核对：${printedText.message}`] } };
    }
    if (!printedDoc) {
      return { ok: true, unit: { path, sha256: hash, source: 'pdf-verified', doc, exportedAt: doc.meta.updated, notes: ['印出的表格无法核对：读不出其中的报告文字'] } };
    }
    const differs = differingCells(doc, printedDoc);
    return {
      ok: true,
      unit: {
        path,
        sha256: hash,
        source: differs.length > 0 ? 'pdf-edited' : 'pdf-verified',
        doc,
        printed: printedDoc,
        exportedAt: doc.meta.updated,
        ...(differs.length > 0 ? { printedDiffers: differs } : {}),
      },
    };
  }
  if (!printedText.ok) return fail(path, printedText.message);
  if (embedded.kind === 'hash-mismatch') {
    if (!printedDoc) return fail(path, `${embedded.message}印出的文字也读不成报告。`);
    return { ok: true, unit: { path, sha256: hash, source: 'pdf-hash-failed', doc: printedDoc, printed: printedDoc, notes: printedNotes } };
  }
  return fromText(path, hash, printedText.text, 'text');
}

function fromText(path: string, hash: string, text: string, source: 'text'): UnitRead {
  const result = importReportText(text);
  if (!result.ok) return fail(path, result.message);
  return { ok: true, unit: { path, sha256: hash, source, doc: result.doc, notes: result.problems.map((p) => p.message) } };
}

/**
 * Table cells where the printed figures differ from the embedded data. A cell the text reader could not
 * read (blank in `printed`) is not a difference: only a number printed differently is.
 */
export function differingCells(embedded: ReportDocument, printed: ReportDocument): string[] {
  if (embedded.format !== printed.format) return ['format'];
  const out: string[] = [];
  const own = computeTotals(embedded);
  for (const cell of formatModel(embedded.format).cells) {
    const p = printed.cells[cell.key];
    if (p === null || p === undefined) continue;
    if (p !== own[cell.key]) out.push(cell.key);
  }
  return out;
}
