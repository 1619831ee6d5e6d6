// Findings 1 and 2 of issue 10, and other hostile PDFs given to “import from PDF”: each is refused with a
// clear Chinese reason (or read correctly), and the process stays alive and bounded.
import { describe, expect, it } from 'vitest';
import { importPdf } from '../../electron/node/pdf/import-pdf';
import { pdfCompressionBomb, pdfManyPages, pdfSelfReferencingNameTree } from './hostile-files';

describe('hostile PDFs given to importPdf', () => {
  it('finding 1: a name-tree node that lists itself ten times as a kid is walked once (no report data)', async () => {
    const result = await importPdf(await pdfSelfReferencingNameTree(10));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/没有年报助手的报告数据/);
  });

  it('finding 2: an attachment that inflates to 64 MB is stopped at the limit, before the hash check', async () => {
    const result = await importPdf(await pdfCompressionBomb(64, 'attachment'));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/压缩比异常|解压后超过/);
  });

  it('finding 2: an XMP metadata stream that inflates to 64 MB is not inflated past its limit', async () => {
    const result = await importPdf(await pdfCompressionBomb(64, 'xmp'));
    // The attachment has no hash anywhere else: refused for that, and the bomb was skipped, not inflated.
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/缺少校验值/);
  });

  it('a PDF of 10,000 pages without report data is refused as such', async () => {
    const result = await importPdf(await pdfManyPages(10_000));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/没有年报助手的报告数据/);
  });
});
