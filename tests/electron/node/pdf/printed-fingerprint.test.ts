// The printed fingerprint (electron/node/pdf/printed-fingerprint.ts): an exported PDF's pages are
// recognised as the exporter drew them ('intact'); a page whose drawing another program changed, or data
// replaced under a matching hash, is 'changed'; a PDF without the fingerprint (older exports) is 'unknown'.
// The receiving office skips reading the printed tables back only in the first case.
import { deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { ReportDocument } from '../../../../shared/model/report';
import { PRINTED_INFO_KEY, importPdf } from '../../../../electron/node/pdf/index';
import { printedFingerprint } from '../../../../electron/node/pdf/printed-fingerprint';
import { exportOk, pdfText, pingtanReport, seedReport, withExplanations } from './helpers';

async function printedState(pdf: Uint8Array) {
  const result = await importPdf(pdf);
  if (!result.ok) throw new Error(result.message);
  return result.printed;
}

/** Rewrites the first page's drawing, as an editor would that changes one printed figure. */
async function editFirstPage(pdfBytes: Uint8Array, edit: (operators: string) => string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const page = pdf.getPages()[0]!;
  const ref = page.node.get(PDFName.of('Contents'));
  const stream = pdf.context.lookup(ref) as PDFRawStream;
  const operators = inflateSync(stream.contents).toString('latin1');
  const edited = edit(operators);
  expect(edited).not.toBe(operators);
  pdf.context.assign(ref as never, pdf.context.stream(deflateSync(Buffer.from(edited, 'latin1')), { Filter: 'FlateDecode' }));
  return pdf.save({ useObjectStreams: false });
}

async function withoutFingerprint(pdfBytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  info.delete(PDFName.of(PRINTED_INFO_KEY));
  return pdf.save({ useObjectStreams: false });
}

let seed: ReportDocument;
let seedPdf: Buffer;

beforeAll(async () => {
  seed = withExplanations(seedReport());
  seedPdf = await exportOk(seed, 'final');
});

describe('printed fingerprint', () => {
  it('an exported PDF, final or draft, in either format, is recognised as printed by the exporter', async () => {
    expect(await printedState(seedPdf)).toBe('intact');
    expect(await printedState(await exportOk(seed, 'draft'))).toBe('intact');
    expect(await printedState(await exportOk(withExplanations(pingtanReport()), 'final'))).toBe('intact');
  });

  it('depends on the data hash, the page count and every page', () => {
    const pages = [new Uint8Array([1, 2]), new Uint8Array([3])];
    const base = printedFingerprint('a'.repeat(64), pages);
    expect(printedFingerprint('b'.repeat(64), pages)).not.toBe(base);
    expect(printedFingerprint('a'.repeat(64), [pages[0]!])).not.toBe(base);
    expect(printedFingerprint('a'.repeat(64), [pages[0]!, new Uint8Array([4])])).not.toBe(base);
    expect(printedFingerprint('a'.repeat(64), pages.map((p) => Uint8Array.from(p)))).toBe(base);
  });

  it('a page whose drawing was changed after export is "changed", and still carries its data', async () => {
    // Moving the whole page by one point is invisible to a reader and still a different page.
    const moved = await editFirstPage(seedPdf, (ops) => ops.replace(/^1 0 0 -1 0 ([\d.]+) cm/, '1 0 0 -1 1 $1 cm'));
    expect(await printedState(moved)).toBe('changed');
    expect(pdfText(moved)).toBe(pdfText(seedPdf));
  });

  it('a PDF re-saved by another program without touching its pages stays "intact"', async () => {
    const pdf = await PDFDocument.load(seedPdf, { updateMetadata: false });
    expect(await printedState(await pdf.save({ useObjectStreams: true }))).toBe('intact');
  });

  it('an export without a fingerprint (older versions) is "unknown"', async () => {
    expect(await printedState(await withoutFingerprint(seedPdf))).toBe('unknown');
  });
});
