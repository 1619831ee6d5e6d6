// electron/node/pdf/constants.ts: the names by which an exported PDF carries its data — the attachment, its
// type, the document-information keys of the data's hash and of the printed pages' fingerprint. PDFs already
// sent out carry exactly these, so they must not change; and the exporter writes them where importPdf looks.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFHexString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_NAME, ATTACHMENT_TYPE, HASH_INFO_KEY, PRINTED_INFO_KEY } from '../../../../electron/node/pdf/constants';
import { exportOk, seedReport, withExplanations } from './helpers';

let pdf: PDFDocument;
beforeAll(async () => {
  pdf = await PDFDocument.load(await exportOk(withExplanations(seedReport()), 'final'), { updateMetadata: false });
}, 120_000);

const text = (obj: unknown) => (obj as PDFString | PDFHexString).decodeText();

describe('the names an exported PDF carries its data by', () => {
  it('are those of the PDFs already exported', () => {
    expect(ATTACHMENT_NAME).toBe('report.nianbao');
    expect(ATTACHMENT_TYPE).toBe('application/json');
    expect(HASH_INFO_KEY).toBe('NianbaoSHA256');
    expect(PRINTED_INFO_KEY).toBe('NianbaoPrintedSHA256');
  });

  it('the exporter attaches the report under ATTACHMENT_NAME, typed ATTACHMENT_TYPE', () => {
    const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    expect(text(names.lookup(0))).toBe(ATTACHMENT_NAME);
    const spec = names.lookup(1, PDFDict);
    expect(text(spec.lookup(PDFName.of('F')))).toBe(ATTACHMENT_NAME);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as unknown as { dict: PDFDict };
    expect(stream.dict.lookup(PDFName.of('Subtype'), PDFName).decodeText()).toBe(ATTACHMENT_TYPE);
  });

  it('the exporter stores the hash and the fingerprint under HASH_INFO_KEY and PRINTED_INFO_KEY', () => {
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
    expect(text(info.lookup(PDFName.of(HASH_INFO_KEY)))).toMatch(/^[0-9a-f]{64}$/);
    expect(text(info.lookup(PDFName.of(PRINTED_INFO_KEY)))).toMatch(/^[0-9a-f]{64}$/);
    expect(text(info.lookup(PDFName.of('Keywords')))).toContain(`${HASH_INFO_KEY}:`);
  });
});
