import PDFDocument from 'pdfkit';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PdfTextError, readPdfText } from '../../../../electron/node/import/pdf-text';

const FONT = fileURLToPath(new URL('../../../../assets/fonts/NotoSerifSC-Regular.ttf', import.meta.url));

/** A one-page A4 PDF drawn by `draw` in 16 pt Noto Serif SC, text placed at exact positions. */
function pdf(draw: (d: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const d = new PDFDocument({ size: 'A4', margin: 72, ...options });
    const chunks: Buffer[] = [];
    d.on('data', (c: Buffer) => chunks.push(c));
    d.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    d.on('error', reject);
    d.font(FONT).fontSize(16);
    draw(d);
    d.end();
  });
}

const at = (d: PDFKit.PDFDocument, text: string, x: number, y: number) => d.text(text, x, y, { lineBreak: false });
const texts = async (bytes: Uint8Array) => (await readPdfText(bytes)).blocks.map((b) => (b.kind === 'paragraph' ? b.text : `<${b.kind}>`));

describe('readPdfText', () => {
  it('rebuilds lines from positions, joins table cells with tabs, marks gaps and drops page numbers', async () => {
    const bytes = await pdf((d) => {
      at(d, '一、总体情况', 72, 72);
      at(d, '本机关依法公开政府信息。', 72, 100);
      at(d, '规章', 72, 200);
      at(d, '5', 300, 200);
      // A number a point off the label's baseline is on the same row.
      at(d, '0', 400, 201);
      at(d, '- 1 -', 280, 760);
    });
    const result = await readPdfText(bytes);
    expect(result.source).toBe('pdf');
    expect(result.blocks).toEqual([
      { kind: 'paragraph', text: '一、总体情况' },
      { kind: 'paragraph', text: '本机关依法公开政府信息。' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: '规章\t5\t0' },
    ]);
  });

  it('joins runs that split a word, by position rather than run boundaries', async () => {
    const bytes = await pdf((d) => {
      const first = '（三）政府信息管';
      at(d, first, 72, 72);
      at(d, '理', 72 + d.widthOfString(first), 72);
    });
    expect(await texts(bytes)).toEqual(['（三）政府信息管理']);
  });

  it('joins the lines of a paragraph that reach the right edge, and starts a new one at an indent or outline number', async () => {
    const full = '本机关认真贯彻落实政府信息公开条例主动公开政府信息依法办理'; // 28 characters
    const bytes = await pdf((d) => {
      at(d, full, 72, 72);
      at(d, full, 72, 92);
      at(d, '申请共十二件。', 72, 112);
      at(d, '另有一段首行缩进的文字，它是新的段落。', 104, 132);
      at(d, full, 72, 152);
      at(d, '（一）主动公开情况', 72, 172);
    });
    expect(await texts(bytes)).toEqual([`${full}${full}申请共十二件。`, '另有一段首行缩进的文字，它是新的段落。', full, '（一）主动公开情况']);
  });

  it('names a PDF without a text layer as a scan that needs OCR', async () => {
    const bytes = await pdf((d) => {
      d.rect(72, 72, 200, 100).fill('#333333');
    });
    const error = await readPdfText(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfTextError);
    expect((error as Error).message).toContain('此 PDF 共 1 页，没有文字层');
    expect((error as Error).message).toContain('OCR');
  });

  it('says a password-protected PDF needs its password removed', async () => {
    const bytes = await pdf((d) => at(d, '机密', 72, 72), { userPassword: '1234', pdfVersion: '1.7' });
    const error = await readPdfText(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfTextError);
    expect((error as Error).message).toContain('设有打开密码');
  });

  it('says a damaged file is damaged, and leaves the caller’s bytes intact', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n这不是完整的 PDF');
    const copy = bytes.slice();
    const error = await readPdfText(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfTextError);
    expect((error as Error).message).toContain('已损坏或不完整');
    expect(bytes).toEqual(copy);
  });
});
