// importPdf on PDFs that left the app and came back changed: written out again by a PDF tool (qpdf --qdf
// stores the attachment uncompressed with an indirect /Length), protected with a password or permissions,
// or a file that starts like a PDF and holds nothing. Each gets the report back or a clear Chinese reason.
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
