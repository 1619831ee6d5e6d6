// Reading a report back from a PDF that the exporter wrote: the embedded `report.nianbao`, checked
// against the SHA-256 stored in the document information, then parsed like a `.nianbao` file.
import { createHash } from 'node:crypto';
import type { PDFDict, PDFDocument, PDFObject, PDFRawStream } from 'pdf-lib';

/** pdf-lib is loaded on first use: it is needed only for imports, and costs ~100–200 ms to load. */
type PdfLib = typeof import('pdf-lib');
let pdfLib: Promise<PdfLib> | undefined;
const loadPdfLib = () => (pdfLib ??= import('pdf-lib'));
import { parseReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';
import { DecompressionLimitError, inflateBounded } from '../files/bounded-inflate';
import { checkPdfStreams } from './stream-bounds';
import { FILE_LIMITS } from '../files/bounded-read';
import { ATTACHMENT_NAME, HASH_INFO_KEY, PRINTED_INFO_KEY } from './constants';
import { printedFingerprint } from './printed-fingerprint';

/** The attachment is a report file: no bigger, decompressed, than a report file may be. */
const MAX_ATTACHMENT_BYTES = FILE_LIMITS.report.maxBytes;
/** The XMP metadata is a few KB. */
const MAX_METADATA_BYTES = 1024 * 1024;
/** Name-tree nodes visited at most (a real tree has a handful), and its depth. */
const MAX_NAME_TREE_NODES = 10_000;
const MAX_NAME_TREE_DEPTH = 32;
/** The printed fingerprint is recomputed for reports of up to this many pages, each page's drawing
 *  inflated up to PAGE_CONTENT_BYTES (a text page is some 20 KB); past that the pages are read as text. */
const MAX_FINGERPRINT_PAGES = 500;
const MAX_PAGE_CONTENT_BYTES = 8 * 1024 * 1024;


/** Why a PDF gave no report. reason: 'no-data' — a PDF without 年报助手's data (another program's, or
 *  encrypted so the data cannot be reached): its text layer may still be read; 'refused' — the data is
 *  there but damaged or altered, or the file is no PDF at all. kind: the finer cause, for the receiving
 *  office, which marks a PDF whose data was changed after export instead of summing it; 'over-limits' — a
 *  compressed stream inflates past the limits (stream-bounds.ts), so no reader is given the file. */
export type ImportPdfFailure = 'not-pdf' | 'damaged' | 'over-limits' | 'encrypted' | 'no-data' | 'hash-mismatch' | 'invalid-data';

/**
 * Whether the printed pages are the ones the exporter drew for this data (printed-fingerprint.ts):
 * 'intact' — the fingerprint holds; 'changed' — it does not (the pages were edited or re-saved);
 * 'unknown' — the PDF carries none (an older export, or a program dropped it) or it could not be computed.
 */
export type PrintedState = 'intact' | 'changed' | 'unknown';

export type ImportPdfResult =
  | { ok: true; doc: ReportDocument; printed: PrintedState }
  /** `pages`: the page count the PDF's page tree declares (/Count), when it could be read: the text
   *  reader refuses a PDF far longer than a report before pdf.js loads it. */
  | { ok: false; message: string; reason: 'no-data' | 'refused'; kind: ImportPdfFailure; pages?: number };

export async function importPdf(buffer: Uint8Array): Promise<ImportPdfResult> {
  if (buffer.length < 5 || Buffer.from(buffer.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    return { ok: false, reason: 'refused', kind: 'not-pdf', message: '这不是 PDF 文件，无法导入。' };
  }
  try {
    checkPdfStreams(buffer);
  } catch (e) {
    if (e instanceof DecompressionLimitError) return { ok: false, reason: 'refused', kind: 'over-limits', message: `${e.message}未导入。` };
    throw e;
  }
  const lib = await loadPdfLib();
  let pdf: PDFDocument;
  try {
    pdf = await lib.PDFDocument.load(buffer, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // pdf-lib gives up on damage pdf.js may still read around: the text layer gets its chance.
    return { ok: false, reason: 'no-data', kind: 'damaged', message: `PDF 文件已损坏，无法读取（${detail}）。` };
  }

  // The attachment of an encrypted PDF (a password or 'protection' added after export) is encrypted too.
  if (pdf.isEncrypted) {
    return {
      ok: false,
      reason: 'no-data',
      kind: 'encrypted',
      message: '此 PDF 已加密（导出后被加了密码或权限保护），其中的报告数据无法读取。请使用年报助手原始导出的 PDF 或 .nianbao 文件。',
    };
  }
  let found: { data: Uint8Array; expected: string | undefined } | undefined;
  try {
    const data = findAttachment(lib, pdf, ATTACHMENT_NAME);
    found = data ? { data, expected: storedHash(lib, pdf) } : undefined;
  } catch (e) {
    if (e instanceof DecompressionLimitError || e instanceof UnsupportedStreamError) {
      return { ok: false, reason: 'refused', kind: 'invalid-data', message: `PDF 中的报告数据无法读取：${e.message}未导入。` };
    }
    // pdf-lib accepts a file with no usable objects, then fails on the first lookup (no catalog).
    return { ok: false, reason: 'refused', kind: 'damaged', message: 'PDF 文件已损坏或不完整（找不到文档目录），无法读取。' };
  }
  if (!found) {
    const pages = declaredPageCount(pdf);
    return {
      ok: false,
      reason: 'no-data',
      kind: 'no-data',
      ...(pages === undefined ? {} : { pages }),
      message: `此 PDF 中没有年报助手的报告数据（附件 ${ATTACHMENT_NAME}），可能不是由年报助手导出的，无法导入。请打开对应的 .nianbao 报告文件，或用“从文本导入”。`,
    };
  }
  const { expected } = found;
  if (!expected) {
    return { ok: false, reason: 'refused', kind: 'hash-mismatch', message: 'PDF 中的报告数据缺少校验值（NianbaoSHA256），无法确认数据未被改动，未导入。' };
  }
  const data = verifiedData(found.data, expected.trim().toLowerCase());
  if (!data) {
    return { ok: false, reason: 'refused', kind: 'hash-mismatch', message: 'PDF 中的报告数据与其校验值不符：数据在导出后被改动过或已损坏，未导入。请使用原始导出的 PDF 或 .nianbao 文件。' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, reason: 'refused', kind: 'invalid-data', message: 'PDF 中的报告数据不是有效的 UTF-8 文本，无法导入。' };
  }
  const parsed = parseReport(text);
  if (!parsed.ok) return { ok: false, reason: 'refused', kind: 'invalid-data', message: `PDF 中的报告数据无法读取：${parsed.message}` };
  return { ok: true, doc: parsed.doc, printed: printedState(lib, pdf, expected.trim().toLowerCase()) };
}

/** The printed fingerprint recomputed from the pages' content streams and compared with the stored one. */
function printedState(lib: PdfLib, pdf: PDFDocument, dataHash: string): PrintedState {
  const stored = infoText(lib, pdf, PRINTED_INFO_KEY)?.trim().toLowerCase();
  if (!stored) return 'unknown';
  try {
    const pages = pdf.getPages();
    if (pages.length > MAX_FINGERPRINT_PAGES) return 'unknown';
    const contents: Uint8Array[] = [];
    for (const page of pages) {
      const content = page.node.lookup(lib.PDFName.of('Contents'));
      // pdfkit writes one stream a page; an array of streams means another program rewrote the page.
      if (!(content instanceof lib.PDFRawStream)) return 'changed';
      contents.push(streamBytes(lib, content, MAX_PAGE_CONTENT_BYTES, '页面内容'));
    }
    return printedFingerprint(dataHash, contents) === stored ? 'intact' : 'changed';
  } catch {
    // A page whose drawing cannot be decoded within the limits: the text reader decides instead.
    return 'unknown';
  }
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const LINE_ENDS = [[0x0a], [0x0d, 0x0a], [0x0d]].map((bytes) => Uint8Array.from(bytes));

/**
 * The attachment's bytes when they match the hash. An uncompressed stream whose /Length is an indirect
 * object (qpdf --qdf writes them so) is read by pdf-lib up to “endstream” without the line end before it,
 * which also drops the report file's own final newline: such bytes are tried with that line end restored.
 * The hash decides, so nothing unverified gets through.
 */
function verifiedData(data: Uint8Array, expected: string): Uint8Array | undefined {
  if (sha256(data) === expected) return data;
  for (const end of LINE_ENDS) {
    const longer = new Uint8Array(data.length + end.length);
    longer.set(data);
    longer.set(end, data.length);
    if (sha256(longer) === expected) return longer;
  }
  return undefined;
}

const text = (lib: PdfLib, obj: PDFObject | undefined): string | undefined =>
  obj instanceof lib.PDFString || obj instanceof lib.PDFHexString ? obj.decodeText() : undefined;

/**
 * The SHA-256 the exporter stored: its own entry of the document information; the same value is in
 * the Keywords (“NianbaoSHA256:…”) and in the XMP metadata, which remain when a program that saves the
 * PDF again drops unknown information entries.
 */
function storedHash(lib: PdfLib, pdf: PDFDocument): string | undefined {
  const own = infoText(lib, pdf, HASH_INFO_KEY);
  if (own) return own;
  const tagged = new RegExp(`${HASH_INFO_KEY}:\\s*([0-9a-fA-F]{64})`);
  const keywords = infoText(lib, pdf, 'Keywords');
  const fromKeywords = keywords ? tagged.exec(keywords)?.[1] : undefined;
  if (fromKeywords) return fromKeywords;
  const metadata = pdf.catalog.lookup(lib.PDFName.of('Metadata'));
  if (metadata instanceof lib.PDFRawStream) {
    let xml: string;
    try {
      xml = Buffer.from(streamBytes(lib, metadata, MAX_METADATA_BYTES, 'XMP 元数据')).toString('utf8');
    } catch {
      // Oversized, damaged or oddly encoded metadata holds no hash we can use.
      return undefined;
    }
    return tagged.exec(xml)?.[1];
  }
  return undefined;
}

/** A string entry of the document information dictionary. */
function infoText(lib: PdfLib, pdf: PDFDocument, key: string): string | undefined {
  const { PDFDict, PDFName } = lib;
  const ref = pdf.context.trailerInfo.Info;
  if (!ref) return undefined;
  const info = pdf.context.lookup(ref);
  return info instanceof PDFDict ? text(lib, info.lookup(PDFName.of(key))) : undefined;
}

/** The bytes of the embedded file called `name`: searched in the EmbeddedFiles name tree, then in /AF. */
function findAttachment(lib: PdfLib, pdf: PDFDocument, name: string): Uint8Array | undefined {
  const { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream } = lib;
  const specs: PDFDict[] = [];
  const names = pdf.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('EmbeddedFiles')) : undefined;
  if (tree instanceof PDFDict) collectNameTree(lib, tree, specs);
  const af = pdf.catalog.lookup(PDFName.of('AF'));
  if (af instanceof PDFArray) for (let i = 0; i < af.size(); i++) {
    const spec = af.lookup(i);
    if (spec instanceof PDFDict) specs.push(spec);
  }
  for (const spec of specs) {
    const fileName = text(lib, spec.lookup(PDFName.of('UF'))) ?? text(lib, spec.lookup(PDFName.of('F')));
    if (fileName !== name) continue;
    const ef = spec.lookup(PDFName.of('EF'));
    const stream = ef instanceof PDFDict ? (ef.lookup(PDFName.of('F')) ?? ef.lookup(PDFName.of('UF'))) : undefined;
    if (stream instanceof PDFRawStream) return streamBytes(lib, stream, MAX_ATTACHMENT_BYTES, `附件 ${name}`);
    if (stream instanceof PDFStream) return stream.getContents();
  }
  return undefined;
}

/**
 * The file specifications of an EmbeddedFiles name tree. A hostile PDF can make a node its own kid (or
 * share kids), which turns a naive walk into an exponential one: every node is visited once, and the walk
 * stops after MAX_NAME_TREE_NODES nodes or MAX_NAME_TREE_DEPTH levels.
 */
function collectNameTree(lib: PdfLib, root: PDFDict, out: PDFDict[]): void {
  const { PDFArray, PDFDict, PDFName } = lib;
  const visited = new Set<PDFDict>([root]);
  const pending: { node: PDFDict; depth: number }[] = [{ node: root, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    const entries = node.lookup(PDFName.of('Names'));
    if (entries instanceof PDFArray) {
      for (let i = 1; i < entries.size(); i += 2) {
        const spec = entries.lookup(i);
        if (spec instanceof PDFDict) out.push(spec);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (!(kids instanceof PDFArray) || depth >= MAX_NAME_TREE_DEPTH) continue;
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (!(kid instanceof PDFDict) || visited.has(kid)) continue;
      if (visited.size >= MAX_NAME_TREE_NODES) return;
      visited.add(kid);
      pending.push({ node: kid, depth: depth + 1 });
    }
  }
}

class UnsupportedStreamError extends Error {}

/**
 * The decoded bytes of a stream, within `maxBytes`: unfiltered, or FlateDecode (what pdfkit and every PDF
 * tool write for attachments) inflated with an output limit — pdf-lib's own decoder has none, and a
 * 500 KB stream can inflate to gigabytes before any hash is checked. Other filters are refused.
 */
function streamBytes(lib: PdfLib, stream: PDFRawStream, maxBytes: number, what: string): Uint8Array {
  const { PDFArray, PDFName } = lib;
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters: string[] = [];
  if (filter instanceof PDFName) filters.push(filter.asString());
  else if (filter instanceof PDFArray) for (let i = 0; i < filter.size(); i++) {
    const f = filter.lookup(i);
    filters.push(f instanceof PDFName ? f.asString() : '?');
  }
  // A predictor (PNG/TIFF row filters) is for images, never for an attached file.
  const params = stream.dict.lookup(PDFName.of('DecodeParms'));
  const predictor = params instanceof lib.PDFDict ? params.lookup(PDFName.of('Predictor')) : undefined;
  const hasPredictor = predictor instanceof lib.PDFNumber && predictor.asNumber() > 1;
  if (filters.some((f) => f !== '/FlateDecode' && f !== '/Fl') || hasPredictor) {
    throw new UnsupportedStreamError(`${what}使用了不支持的编码（${filters.join(' ') || '未知'}）。`);
  }
  let bytes = stream.getContents();
  if (filters.length === 0 && bytes.byteLength > maxBytes) {
    throw new DecompressionLimitError('size', `${what}超过 ${Math.round(maxBytes / 1048576)} MB。`, `${what} is too large`);
  }
  for (const _ of filters) bytes = inflateBounded(bytes, { format: 'zlib', maxBytes, what });
  return bytes;
}

/** The page count the page tree's root declares (/Count): one number, no walk of a tree that may loop. */
function declaredPageCount(pdf: PDFDocument): number | undefined {
  try {
    const count = pdf.catalog.Pages().Count().asNumber();
    return Number.isInteger(count) && count >= 0 ? count : undefined;
  } catch {
    return undefined;
  }
}
