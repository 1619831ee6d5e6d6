// electron/node/pdf/stream-bounds.ts: every compressed stream of an outside PDF inflated within limits
// before pdf-lib or pdf.js reads it (both inflate without an output limit).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { DecompressionLimitError } from '../../../../electron/node/files/bounded-inflate';
import { importPdf } from '../../../../electron/node/pdf/import-pdf';
import { checkPdfStreams, MAX_PDF_STREAM_BYTES } from '../../../../electron/node/pdf/stream-bounds';
import { readPdfText } from '../../../../electron/node/import/pdf-text';
import { readAllUnits } from '../../../../electron/node/merge/run-merge';
import { exportOk, seedReport, withExplanations } from './helpers';

const MB = 1024 * 1024;

/** A one-page PDF whose page drawing is `contents` (each a stream of that many zero bytes, deflated). */
async function pdfWithStreams(sizes: number[], raw?: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  const refs = sizes.map((size) => pdf.context.register(pdf.context.stream(deflateSync(new Uint8Array(size), { level: 1 }), { Filter: 'FlateDecode' })));
  if (raw) refs.push(pdf.context.register(pdf.context.stream(raw, { Filter: 'FlateDecode' })));
  page.node.set(PDFName.of('Contents'), pdf.context.obj(refs));
  return pdf.save({ useObjectStreams: false });
}

const refusal = (f: () => void): DecompressionLimitError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DecompressionLimitError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('checkPdfStreams', () => {
  let exported: Uint8Array;
  beforeAll(async () => {
    exported = await exportOk(withExplanations(seedReport()), 'final');
  });

  it('passes an exported report, and streams within the limits', async () => {
    expect(() => checkPdfStreams(exported)).not.toThrow();
    expect(() => checkPdfStreams(pdfWithStreamsSync)).not.toThrow();
  });

  it('refuses one stream past the per-stream limit, and streams that together pass the total', async () => {
    const one = await pdfWithStreams([2 * MB]);
    expect(refusal(() => checkPdfStreams(one, { perStream: 1 * MB, total: 8 * MB })).message).toContain('PDF 中的一段压缩数据');
    const many = await pdfWithStreams([MB, MB, MB, MB, MB]);
    expect(() => checkPdfStreams(many, { perStream: 2 * MB, total: 8 * MB })).not.toThrow();
    expect(refusal(() => checkPdfStreams(many, { perStream: 2 * MB, total: 4 * MB })).message).toContain('PDF 的全部压缩数据');
  });

  it('leaves a stream that is not valid compressed data to the readers', async () => {
    expect(() => checkPdfStreams(pdfWithStreamsBroken)).not.toThrow();
  });

  it(`a page drawing that inflates past ${MAX_PDF_STREAM_BYTES / MB} MB: importPdf and the text reader refuse it, in Chinese`, async () => {
    const bomb = await pdfWithStreams([MAX_PDF_STREAM_BYTES + MB]);
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    const imported = await importPdf(bomb);
    expect(imported).toMatchObject({ ok: false, reason: 'refused', kind: 'over-limits' });
    expect(!imported.ok && imported.message).toMatch(/解压后超过 64 MB.*未导入/);
    await expect(readPdfText(bomb)).rejects.toThrow(/解压后超过 64 MB.*未导入/);
    // The receiving office lists it as unreadable at once, without handing it to the text reader.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bomb-'));
    try {
      writeFileSync(join(dir, '炸弹.pdf'), bomb);
      const read = await readAllUnits([dir]);
      expect(read.units).toEqual([]);
      expect(read.failed).toEqual([expect.objectContaining({ reason: expect.stringMatching(/解压后超过 64 MB.*未导入/) })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

let pdfWithStreamsSync: Uint8Array;
let pdfWithStreamsBroken: Uint8Array;
beforeAll(async () => {
  pdfWithStreamsSync = await pdfWithStreams([1000, 20_000]);
  pdfWithStreamsBroken = await pdfWithStreams([], new TextEncoder().encode('not zlib data at all'));
});
