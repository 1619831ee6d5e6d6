// One importer, several front ends: a file of any form last year's report exists in — a .nianbao
// file, a PDF exported by 年报助手 (its embedded data, exactly), a Word document (.docx), a web page
// (.html/.htm), any other PDF with a text layer, or plain text — becomes a report document. Every
// front end produces the same intermediate (shared/import/document.ts), read by one table reader.
// Refusals are one Chinese message naming the file and what to do; nothing is half-imported.
import { basename, extname } from 'node:path';
import { importReportDocument, textDocument, type ImportedDocument, type ImportedSource } from '../../../shared/import/document';
import type { ImportOptions, ImportProblem } from '../../../shared/import/types';
import { parseReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';
import { decodeText } from './text-decode';
import { FILE_LIMITS, FileReadError, readBoundedFile, type FileKind } from '../files/bounded-read';

/** Where the report came from: its own data (a report file, an app PDF) or one of the front ends. */
export type ImportedKind = 'report' | 'app-pdf' | ImportedSource;

export type FileImportResult =
  | { ok: true; kind: ImportedKind; doc: ReportDocument; problems: ImportProblem[] }
  | { ok: false; message: string; needsYear?: true };

/** Larger than any report (a 20-page report PDF with its fonts is well under 5 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const KIND_NAMES: Record<ImportedKind, string> = {
  report: '年报助手报告文件',
  'app-pdf': '年报助手导出的 PDF（内嵌数据）',
  docx: 'Word 文档',
  html: '网页',
  pdf: 'PDF（文字层）',
  text: '文本',
};

/** The bounded reader's kind for a file, by its name: each kind has its size cap and its words. */
export function fileKind(name: string): FileKind {
  const ext = extname(name).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx' || ext === '.doc' || ext === '.wps') return 'word';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.nianbao' || ext === '.json') return 'report';
  return 'text';
}

/** Reads a file from disk through the one bounded reader (at most MAX_IMPORT_BYTES) and imports it. */
export async function importReportFile(path: string, opts: ImportOptions = {}): Promise<FileImportResult> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    ({ bytes } = await readBoundedFile(path, fileKind(name), { maxBytes: Math.min(MAX_IMPORT_BYTES, FILE_LIMITS[fileKind(name)].maxBytes) }));
  } catch (e) {
    if (e instanceof FileReadError) return { ok: false, message: e.reason === 'too-big' ? tooLarge(name, MAX_IMPORT_BYTES + 1) : e.message };
    throw e;
  }
  return importReportBytes(bytes, name, opts);
}

const tooLarge = (name: string, size: number) =>
  `“${name}”超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB${size > MAX_IMPORT_BYTES + 1 ? `（${(size / 1024 / 1024).toFixed(1)} MB）` : ''}，不像一份年度报告，未导入。请确认选择的是报告本身（Word 文档、网页、PDF 或文本）。`;

export async function importReportBytes(bytes: Uint8Array, name: string, opts: ImportOptions = {}): Promise<FileImportResult> {
  const fail = (message: string): FileImportResult => ({ ok: false, message: `“${name}”：${message}` });
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLarge(name, bytes.length) };
  if (bytes.length === 0) return fail('文件是空的（0 字节），没有可导入的内容。请确认选择的是报告文件，或重新保存该文件后再导入。');
  const ext = extname(name).toLowerCase();
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);

  try {
    if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return await fromPdf(bytes, opts, fail);
    if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
      const { readDocx, DocxError } = await import('./docx');
      try {
        return fromDocument(readDocx(bytes), opts, fail);
      } catch (e) {
        if (e instanceof DocxError) return fail(e.message);
        throw e;
      }
    }
    if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return fail(compoundFileMessage(bytes, ext));
    if (ext === '.doc' || ext === '.wps' || ext === '.xls' || ext === '.et') {
      return fail('扩展名是旧版 Office/WPS 文档，但内容不是此类文档，可能已损坏。请在 Word 或 WPS 中打开后另存为 .docx 再导入。');
    }
    if (ext === '.docx') return fail('扩展名是 .docx，但文件不是 Word 文档（不是 zip 压缩包），可能已损坏或只下载了一部分。请在 Word 或 WPS 中打开后重新另存为 .docx 再导入。');
    if (ext === '.pdf') return fail('扩展名是 .pdf，但文件不是 PDF（缺少 %PDF 文件头），可能已损坏或只下载了一部分。请重新下载或导出该 PDF。');

    if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.mht' || looksLikeHtml(bytes)) {
      const { readHtml, HtmlError } = await import('./html');
      try {
        return fromDocument(readHtml(bytes), opts, fail, '网页');
      } catch (e) {
        if (e instanceof HtmlError) return fail(e.message);
        throw e;
      }
    }
    const { text, encoding } = decodeText(bytes);
    if (text.replace(/[\s\u3000\ufeff]+/g, '') === '') return fail('文件中只有空白，没有可导入的文字。');
    // Text that decoded with replacement characters is in an encoding this importer does not know.
    const broken = (text.match(/\uFFFD/g) ?? []).length;
    if (broken > 0 && broken >= text.length / 50) {
      return fail(`文件的字符编码无法识别（按 ${encoding} 读出的是乱码），未导入。请用记事本或 WPS 打开后另存为 UTF-8 编码的文本再导入。`);
    }
    const report = parseReport(text);
    if (report.ok) return { ok: true, kind: 'report', doc: report.doc, problems: [] };
    if (/^\s*\{/.test(text) && /"schemaVersion"\s*:/.test(text)) return fail(report.message);
    return fromDocument(textDocument(text), opts, fail, '文字');
  } catch (e) {
    // A front end failing on a file it could not understand is that file's problem, said as such.
    const detail = e instanceof Error ? e.message : String(e);
    return fail(`文件无法读取（${detail.slice(0, 200)}），可能已损坏。请在原程序中打开后重新保存再导入。`);
  }
}

function fromDocument(doc: ImportedDocument, opts: ImportOptions, fail: (m: string) => FileImportResult, what = '文档'): FileImportResult {
  const result = importReportDocument(doc, opts);
  if (!result.ok) {
    const failed = fail(`这份${what}${result.message.replace(/^这段文字/, '')}`);
    return result.needsYear && !failed.ok ? { ok: false, message: failed.message, needsYear: true } : failed;
  }
  return { ok: true, kind: doc.source, doc: result.doc, problems: result.problems };
}

async function fromPdf(bytes: Uint8Array, opts: ImportOptions, fail: (m: string) => FileImportResult): Promise<FileImportResult> {
  const { importPdf } = await import('../pdf/import-pdf');
  const own = await importPdf(bytes);
  if (own.ok) return { ok: true, kind: 'app-pdf', doc: own.doc, problems: [] };
  if (own.reason === 'refused') return fail(own.message);
  const { readPdfText, PdfTextError, MAX_PDF_TEXT_PAGES, tooManyPagesMessage } = await import('./pdf-text');
  // pdf.js would load the whole page tree (seconds for 10,000 pages) before the page count could refuse it.
  if (own.pages !== undefined && own.pages > MAX_PDF_TEXT_PAGES) return fail(tooManyPagesMessage(own.pages));
  try {
    return fromDocument(await readPdfText(bytes), opts, fail, ' PDF ');
  } catch (e) {
    if (e instanceof PdfTextError) return fail(e.message);
    throw e;
  }
}

/** An OLE compound file: a .doc/.wps/.xls, or a .docx with a password (Office encrypts the whole zip
 *  into such a file, with an EncryptedPackage stream). */
function compoundFileMessage(bytes: Uint8Array, ext: string): string {
  const has = (name: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    return '文档设有打开密码（已加密），无法读取。请在 Word 或 WPS 中输入密码打开，取消密码后另存为 .docx 再导入。';
  }
  if (has('Workbook') || has('Book') || ext === '.xls' || ext === '.et') return '这是旧版 Excel/WPS 表格，不是报告文档。请导入报告的 Word 文档、网页或 PDF。';
  if (has('WordDocument') || ext === '.doc' || ext === '.wps') {
    return '这是旧版 Word 97-2003（.doc）或 WPS 文档，无法直接读取。请在 Word 或 WPS 中打开，“另存为”Word 文档（.docx）后再导入。';
  }
  return '这是旧版 Office 文件，无法直接读取。请在 Word 或 WPS 中打开，“另存为”Word 文档（.docx）后再导入。';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'));
}
