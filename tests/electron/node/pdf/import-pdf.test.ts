// electron/node/pdf/import-pdf.ts: importPdf on PDFs that left the app and came back changed — written out
// again by a PDF tool (qpdf --qdf stores the attachment uncompressed with an indirect /Length), protected with
// a password or permissions, tampered with, another program's, or a file that starts like a PDF and holds
// nothing. Each gets the report back or a clear Chinese reason.
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument as LibDocument, PDFName, PDFString } from 'pdf-lib';
import { serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { ATTACHMENT_NAME, HASH_INFO_KEY, importPdf, sha256Hex } from '../../../../electron/node/pdf/index';
import { exportOk, pingtanReport, withExplanations } from './helpers';

/** A minimal PDF whose only content is the attachment, written the way qpdf --qdf writes streams:
 *  uncompressed, /Length an indirect object, and no line end of its own before “endstream” when the data
 *  already ends with one (the report file does), so a reader that ignores /Length takes that one off. */
function qdfStylePdf(data: Buffer, hash: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    `<< /Names [ (${ATTACHMENT_NAME}) 4 0 R ] >>`,
    `<< /Type /Filespec /F (${ATTACHMENT_NAME}) /UF (${ATTACHMENT_NAME}) /EF << /F 5 0 R >> >>`,
    null, // the stream, below
    String(data.length),
    `<< /${HASH_INFO_KEY} (${hash}) >>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xbf\xf7\xa2\xfe\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk =
      body === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Type /EmbeddedFile /Length 6 0 R >>\nstream\n`), data, Buffer.from('endstream\nendobj\n')])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

let doc: ReportDocument;
let exported: Buffer;
beforeAll(async () => {
  doc = withExplanations(pingtanReport());
  exported = await exportOk(doc, 'final');
});

describe('importPdf on PDFs changed after export', () => {
  it('an attachment stored uncompressed with an indirect length (qpdf --qdf) still imports, byte-equal', async () => {
    const data = Buffer.from(serializeReport(doc), 'utf8');
    expect(data.at(-1)).toBe(0x0a); // the final newline, which pdf-lib takes for the stream's line end
    const result = await importPdf(qdfStylePdf(data, sha256Hex(data)));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(serializeReport(result.doc)).toBe(serializeReport(doc));
  });

  it('the restored line end is only accepted when the hash says so', async () => {
    const data = Buffer.from(serializeReport(doc), 'utf8');
    const other = Buffer.from(serializeReport({ ...doc, year: doc.year + 1 }), 'utf8');
    const result = await importPdf(qdfStylePdf(other, sha256Hex(data)));
    expect(result).toMatchObject({ ok: false, kind: 'hash-mismatch', message: expect.stringContaining('与其校验值不符') });
  });

  it('an encrypted PDF (password or permissions added) is named as such, not as a foreign PDF', async () => {
    const lib = await LibDocument.load(exported, { updateMetadata: false });
    // The trailer's /Encrypt entry is what makes a PDF encrypted; its attachment would be ciphertext.
    lib.context.trailerInfo.Encrypt = lib.context.obj({ Filter: PDFName.of('Standard'), V: 5, R: 6 });
    const encrypted = await lib.save({ useObjectStreams: false });
    const result = await importPdf(encrypted);
    expect(result).toMatchObject({ ok: false, kind: 'encrypted', message: expect.stringContaining('此 PDF 已加密') });
  });

  /** The exported PDF saved again by a program that keeps only the standard information entries. */
  async function withoutOwnInfoEntry(keywords: boolean, metadata: boolean): Promise<Uint8Array> {
    const lib = await LibDocument.load(exported, { updateMetadata: false });
    const info = lib.context.lookup(lib.context.trailerInfo.Info, PDFDict);
    info.delete(PDFName.of(HASH_INFO_KEY));
    if (!keywords) info.set(PDFName.of('Keywords'), PDFString.of('report'));
    if (!metadata) lib.catalog.delete(PDFName.of('Metadata'));
    return lib.save({ useObjectStreams: false });
  }

  it('the hash entry dropped by a program that saved the PDF again: the copy in Keywords or XMP is used', async () => {
    for (const [keywords, metadata] of [
      [true, false],
      [false, true],
    ]) {
      const result = await importPdf(await withoutOwnInfoEntry(keywords!, metadata!));
      expect(result, `keywords ${keywords}, metadata ${metadata}`).toMatchObject({ ok: true });
    }
    const none = await importPdf(await withoutOwnInfoEntry(false, false));
    expect(none).toMatchObject({ ok: false, kind: 'hash-mismatch', message: expect.stringContaining('缺少校验值') });
  });

  it('a file that only starts like a PDF: damaged, in Chinese, not an internal error', async () => {
    const result = await importPdf(Buffer.from('%PDF-1.4\n% not really a PDF\n'));
    expect(result).toMatchObject({ ok: false, kind: 'damaged', message: expect.stringMatching(/^PDF 文件已损坏或不完整/) });
    expect(result.ok ? '' : result.message).not.toMatch(/[A-Za-z]{4,}/);
  });
});

describe('importPdf refuses what it cannot trust', () => {
  async function replaceAttachment(pdf: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
    const lib = await LibDocument.load(pdf, { updateMetadata: false });
    const names = lib.catalog.lookup(PDFName.of('Names'), PDFDict);
    const tree = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const entries = tree.lookup(PDFName.of('Names')) as unknown as { lookup(i: number, t: typeof PDFDict): PDFDict };
    const spec = entries.lookup(1, PDFDict);
    const ef = spec.lookup(PDFName.of('EF'), PDFDict);
    ef.set(PDFName.of('F'), lib.context.register(lib.context.flateStream(data, { Type: 'EmbeddedFile' })));
    return lib.save({ useObjectStreams: false });
  }

  it('a tampered attachment: the hash does not match', async () => {
    const changed = serializeReport(doc).replace('"t3.received.natural": 71', '"t3.received.natural": 17');
    const tampered = await replaceAttachment(exported, Buffer.from(changed, 'utf8'));
    const result = await importPdf(tampered);
    expect(result).toMatchObject({ ok: false, kind: 'hash-mismatch', message: expect.stringContaining('与其校验值不符') });
  });

  it('the untouched PDF saved again by another program still imports', async () => {
    const resaved = await replaceAttachment(exported, Buffer.from(serializeReport(doc), 'utf8'));
    expect((await importPdf(resaved)).ok).toBe(true);
  });

  async function pdfkitPdf(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
    const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    build(doc);
    doc.end();
    return done;
  }

  it('a foreign PDF: no report data', async () => {
    const foreign = await pdfkitPdf((doc) => doc.text('Some other document'));
    const result = await importPdf(foreign);
    expect(result).toMatchObject({ ok: false, kind: 'no-data', message: expect.stringContaining('没有年报助手的报告数据') });
  });

  it('report data that is not a report, with a matching hash: the parse message', async () => {
    const data = Buffer.from('{"hello": "world"}', 'utf8');
    const pdf = await pdfkitPdf((doc) => {
      (doc.info as Record<string, unknown>)[HASH_INFO_KEY] = sha256Hex(data);
      doc.file(data, { name: ATTACHMENT_NAME, type: 'application/json' });
    });
    const result = await importPdf(pdf);
    expect(result).toMatchObject({ ok: false, kind: 'invalid-data', message: expect.stringContaining('PDF 中的报告数据无法读取：这不是年报助手的报告文件') });
  });

  it('not a PDF at all, and a truncated PDF', async () => {
    expect(await importPdf(Buffer.from('hello'))).toMatchObject({ ok: false, kind: 'not-pdf', message: '这不是 PDF 文件，无法导入。' });
    const truncated = await importPdf(exported.subarray(0, 2000));
    expect(truncated.ok).toBe(false);
  });
});
