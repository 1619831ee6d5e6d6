// Generators of hostile and broken input files, shared by the fuzz corpus (tests/fuzz/*.test.ts) and the
// benchmark (bench/hostile-files-bench.ts). Everything is made in memory from a seed-free recipe, so a
// failing case can be rebuilt exactly; nothing large is checked into the repository.
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { ATTACHMENT_NAME, HASH_INFO_KEY } from '../../electron/node/pdf/constants';

const MB = 1024 * 1024;

/** Finding 1: an EmbeddedFiles name-tree node that lists itself `fanOut` times as a kid. */
export async function pdfSelfReferencingNameTree(fanOut = 10): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const node = pdf.context.obj({});
  const ref = pdf.context.register(node);
  node.set(PDFName.of('Kids'), pdf.context.obj(Array.from({ length: fanOut }, () => ref)));
  pdf.catalog.set(PDFName.of('Names'), pdf.context.obj({ EmbeddedFiles: ref }));
  return pdf.save({ useObjectStreams: false });
}

/** A PDF whose report attachment (FlateDecode) inflates to `inflatedMb` MB of zeros; the stored hash is
 *  a made-up one, as an attacker would write. With `xmp`, the XMP metadata stream is the bomb instead. */
export async function pdfCompressionBomb(inflatedMb: number, where: 'attachment' | 'xmp' = 'attachment'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const bomb = deflateSync(new Uint8Array(inflatedMb * MB), { level: 1 });
  const bombStream = pdf.context.stream(bomb, { Filter: 'FlateDecode', ...(where === 'attachment' ? { Type: 'EmbeddedFile' } : { Type: 'Metadata', Subtype: 'XML' }) });
  const bombRef = pdf.context.register(bombStream);
  if (where === 'attachment') {
    attach(pdf, bombRef);
    pdf.setKeywords([`${HASH_INFO_KEY}:${'0'.repeat(64)}`]);
  } else {
    const small = pdf.context.register(pdf.context.stream(strToU8('{}'), { Type: 'EmbeddedFile' }));
    attach(pdf, small);
    pdf.catalog.set(PDFName.of('Metadata'), bombRef);
  }
  return pdf.save({ useObjectStreams: false });
}

function attach(pdf: PDFDocument, streamRef: PDFRef): void {
  const spec = pdf.context.register(
    pdf.context.obj({ Type: 'Filespec', F: PDFString.of(ATTACHMENT_NAME), UF: PDFString.of(ATTACHMENT_NAME), EF: { F: streamRef } }),
  );
  const tree = pdf.context.register(pdf.context.obj({ Names: [PDFString.of(ATTACHMENT_NAME), spec] }));
  pdf.catalog.set(PDFName.of('Names'), pdf.context.obj({ EmbeddedFiles: tree }));
}

/** A PDF with `pages` empty pages (and no report data). */
export async function pdfManyPages(pages = 10_000): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([200, 200]);
  return pdf.save({ useObjectStreams: false });
}

/** A .docx (or .xlsx) whose main part inflates to `inflatedMb` MB of zeros, made with fflate. */
export function officeZipBomb(kind: 'docx' | 'xlsx', inflatedMb = 20): Uint8Array {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    [main]: [new Uint8Array(inflatedMb * MB), { level: 1 }],
  });
}

/** A small, sane .docx-like zip (to check that bounded reading still reads). */
export function officeZip(kind: 'docx' | 'xlsx'): { zip: Uint8Array; main: string; xml: string } {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  const xml = `<?xml version="1.0" encoding="UTF-8"?><root>${'<p>政府信息公开工作年度报告</p>'.repeat(2000)}</root>`;
  return { zip: zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [main]: strToU8(xml) }), main, xml };
}

/** JSON nested `depth` levels deep (arrays), as a .nianbao might be. */
export function deeplyNestedJson(depth = 100_000): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** `reportJson` (a report's JSON text) with a million extra keys spliced in as text, at the top or inside
 *  `cells` (building a million-key object and stringifying it costs far more than the reader under test). */
export function withMillionKeys(reportJson: string, where: 'top' | 'cells'): string {
  const json = JSON.stringify(JSON.parse(reportJson));
  const extra = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":${i}`).join(',');
  const at = where === 'top' ? 1 : json.indexOf('"cells":{') + '"cells":{'.length;
  return `${json.slice(0, at)}${extra},${json.slice(at)}`;
}

/** A .docx whose document.xml nests `depth` tables, each inside the cell of the one before (each row with
 *  its own revision id, as Word writes them, so that the XML is not so repetitive that the zip-bomb ratio
 *  check refuses it first). */
export function docxNestedTables(depth = 100_000): Uint8Array {
  let seed = 1;
  const id = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 0).toString(16).padStart(8, '0').toUpperCase();
  const opens = Array.from({ length: depth }, () => `<w:tbl><w:tr w:rsidR="${id()}"><w:tc>`).join('');
  const close = '</w:tc></w:tr></w:tbl>';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${opens}<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>${close.repeat(depth)}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(xml),
  });
}

/** A web page whose body nests `depth` tables, each in a div inside the cell of the one before. */
export function htmlNested(depth = 100_000): string {
  const open = '<div><table><tr><td>';
  const close = '</td></tr></table></div>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>${open.repeat(depth)}2024年某某镇政府信息公开工作年度报告${close.repeat(depth)}</body></html>`;
}

/** The first `fraction` of a file's bytes, as a download cut off or a copy to a full USB stick leaves it. */
export function truncated(bytes: Uint8Array, fraction = 0.5): Uint8Array {
  return bytes.slice(0, Math.max(1, Math.floor(bytes.length * fraction)));
}

/** Bytes that are neither valid UTF-8 nor valid GB18030/GBK (lone lead bytes, stray continuation bytes). */
export function invalidMultibyteText(): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < 4000; i++) out.push(0x81 + (i % 0x7e), 0x7f, 0xc0, 0xff, 0x20);
  return new Uint8Array(out);
}
