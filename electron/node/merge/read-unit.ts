// Reading one unit's report for the receiving office, in whatever form it was sent, and saying where its
// figures came from (see UnitSource). Our PDFs carry their data; their printed tables are read as well
// and compared with it, so a PDF changed after export is caught instead of summed.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { formatModel } from '../../../shared/formats/index';
import { importReportDocument } from '../../../shared/import/document';
import type { ReadUnit, FailedFile } from '../../../shared/merge/plan-merge';
import type { ReportDocument } from '../../../shared/model/report';
import { importPdf } from '../pdf/import-pdf';
import { parseReportBytes, StorageError } from '../storage/index';
import { computeTotals } from '../../../shared/checks/totals';
import { importReportBytes } from '../import/index';
import { PdfTextError, readPdfText } from '../import/pdf-text';

export type UnitRead = { ok: true; unit: ReadUnit } | { ok: false; failed: FailedFile };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fail = (path: string, reason: string): UnitRead => ({ ok: false, failed: { path, reason } });

/** Extensions a report can come in; anything else in a folder is skipped and counted. */
export const REPORT_EXTENSIONS = ['.nianbao', '.pdf', '.docx', '.html', '.htm', '.txt'] as const;

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
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) return fail(path, `不认识的文件类型“${ext || '（无扩展名）'}”，不是报告`);
  // A Word document, a web page or a text: the importer's front ends, read from the document's text.
  const imported = await importReportBytes(bytes, basename(path));
  if (!imported.ok) return fail(path, imported.message);
  const source = imported.kind === 'report' || imported.kind === 'app-pdf' ? 'file' : 'text';
  return { ok: true, unit: { path, sha256: hash, source, doc: imported.doc, ...(source === 'file' ? { exportedAt: imported.doc.meta.updated } : {}), notes: imported.problems.map((p) => p.message) } };
}

/** The figures a PDF prints, read from its text layer like any other PDF's. */
async function readPrinted(bytes: Uint8Array): Promise<{ ok: true; doc: ReportDocument; notes: string[] } | { ok: false; message: string }> {
  try {
    const result = importReportDocument(await readPdfText(bytes));
    return result.ok ? { ok: true, doc: result.doc, notes: result.problems.map((p) => p.message) } : { ok: false, message: result.message };
  } catch (e) {
    if (e instanceof PdfTextError) return { ok: false, message: e.message };
    throw e;
  }
}

async function readPdfUnit(path: string, bytes: Uint8Array, hash: string): Promise<UnitRead> {
  const embedded = await importPdf(bytes);
  if (!embedded.ok && embedded.kind !== 'no-data' && embedded.kind !== 'hash-mismatch' && embedded.kind !== 'damaged') return fail(path, embedded.message);
  // The pages are exactly those exported for this data (their fingerprint holds): they print its figures,
  // so reading them back as text would only confirm it. Otherwise the printed tables are read and compared.
  if (embedded.ok && embedded.printed === 'intact') {
    return { ok: true, unit: { path, sha256: hash, source: 'pdf-verified', doc: embedded.doc, exportedAt: embedded.doc.meta.updated } };
  }
  const printed = await readPrinted(bytes);

  if (embedded.ok) {
    const doc = embedded.doc;
    if (!printed.ok) {
      return { ok: true, unit: { path, sha256: hash, source: 'pdf-verified', doc, exportedAt: doc.meta.updated, notes: [`印出的表格无法核对：${printed.message}`] } };
    }
    const differs = differingCells(doc, printed.doc);
    return {
      ok: true,
      unit: {
        path,
        sha256: hash,
        source: differs.length > 0 ? 'pdf-edited' : 'pdf-verified',
        doc,
        printed: printed.doc,
        exportedAt: doc.meta.updated,
        ...(differs.length > 0 ? { printedDiffers: differs } : {}),
      },
    };
  }
  if (!printed.ok) return fail(path, embedded.kind === 'hash-mismatch' ? `${embedded.message}印出的文字也读不成报告（${printed.message}）` : printed.message);
  if (embedded.kind === 'hash-mismatch') {
    return { ok: true, unit: { path, sha256: hash, source: 'pdf-hash-failed', doc: printed.doc, printed: printed.doc, notes: printed.notes } };
  }
  return { ok: true, unit: { path, sha256: hash, source: 'text', doc: printed.doc, notes: printed.notes } };
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
