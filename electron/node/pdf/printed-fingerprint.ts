// The fingerprint of what a PDF prints. The exporter records, next to the hash of the embedded report,
// a hash over that hash and every page's content stream (the drawing operators, before compression);
// the receiving office recomputes it from the PDF. When it holds, the pages are the ones the exporter
// drew for exactly that data: the printed tables agree with it without reading them back as text
// (pdf.js, ~150 ms a PDF — a county's 1,000 reports in seconds instead of minutes). When it does not
// (the PDF was edited, or comes from an older version without it), the printed tables are read and
// compared cell by cell as before. It guards against later edits, not forgery: anyone who knows the
// scheme can recompute it — as they can the data hash.
import { createHash } from 'node:crypto';

/** SHA-256 (hex) over the embedded data's hash, the page count and each page's content hash. */
export function printedFingerprint(dataHash: string, pageContents: readonly Uint8Array[]): string {
  const hash = createHash('sha256').update(`nianbao-printed-v1\n${dataHash}\n${pageContents.length}\n`);
  for (const content of pageContents) hash.update(`${createHash('sha256').update(content).digest('hex')}\n`);
  return hash.digest('hex');
}

/** The part of a pdfkit content reference this module relies on: chunks buffered until `finalize`. */
interface ContentRef {
  buffer: Uint8Array[] | Uint8Array;
  finalize(): void;
}

/**
 * Records the content stream of every page pdfkit finishes, as written (uncompressed), in page order.
 * Hooked on 'pageAdded': at `finalize` (when the page is flushed) the reference still holds all its
 * chunks, including the operators pdfkit wrote before the event (the initial transform, marked content).
 */
export function recordPageContents(pdf: PDFKit.PDFDocument): Uint8Array[] {
  const pages: Uint8Array[] = [];
  pdf.on('pageAdded', () => {
    const content = (pdf as unknown as { page: { content: ContentRef } }).page.content;
    const index = pages.length;
    pages.push(new Uint8Array(0));
    const finalize = content.finalize.bind(content);
    content.finalize = () => {
      const chunks = content.buffer;
      pages[index] = Array.isArray(chunks) ? Buffer.concat(chunks) : Uint8Array.from(chunks);
      finalize();
    };
  });
  return pages;
}
