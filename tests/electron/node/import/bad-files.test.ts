// Files that are not (readable) reports: each gets one Chinese message that names the file and says
// what to do, and nothing is imported.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importReportBytes, importReportFile } from '../../../../electron/node/import/index';
import { repoRoot } from '../../../shared/import/fixtures';

const office = (name: string) => readFileSync(resolve(repoRoot, '..', 'shared', 'samples', 'office', name));
const bad = (name: string) => readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'import', 'fixtures', 'bad', name));

async function refused(bytes: Uint8Array, name: string): Promise<string> {
  const result = await importReportBytes(bytes, name);
  if (result.ok) throw new Error(`${name} was imported`);
  expect(result.message.startsWith(`“${name}”：`) || result.message.startsWith(`“${name}”超过`)).toBe(true);
  return result.message;
}

function scannedPdf(): Promise<Buffer> {
  return new Promise((ok) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.rect(50, 50, 400, 600).fill('#888'); // an image of a page: no text layer
    doc.end();
  });
}

describe('bad input', () => {
  it('a PDF with an open password (made by LibreOffice)', async () => {
    expect(await refused(bad('password.pdf'), '年报.pdf')).toMatch(/设有打开密码.*去掉密码/);
  });

  it('a damaged PDF (cut off in the middle of the download)', async () => {
    const pdf = office('pingtan-2022.pdf');
    expect(await refused(pdf.subarray(0, 2000), '年报.pdf')).toMatch(/PDF 文件已损坏或不完整.*重新下载/);
  });

  it('a scanned PDF without a text layer is named as such', async () => {
    expect(await refused(await scannedPdf(), '扫描件.pdf')).toMatch(/没有文字层，是扫描件或图片.*OCR/);
  });

  it('a damaged .docx (a truncated zip) and a zip without a Word body', async () => {
    const docx = office('pingtan-2022.docx');
    expect(await refused(docx.subarray(0, docx.length / 2), '年报.docx')).toMatch(/已损坏.*另存为”?\.docx/);
    const notWord = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    expect(await refused(notWord, '年报.docx')).toMatch(/没有 Word 文档正文/);
  });

  it('a .docx with damaged XML inside', async () => {
    const broken = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>') });
    expect(await refused(broken, '年报.docx')).toMatch(/正文.*已损坏/);
  });

  it('a password-protected .docx (Office stores it as an encrypted compound file)', async () => {
    // The compound-file signature and the stream names Office writes for an encrypted package.
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const bytes = Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(50), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(await refused(bytes, '年报.docx')).toMatch(/设有打开密码.*取消密码后另存为 \.docx/);
  });

  it('a .doc (binary Word 97, made by LibreOffice): save it as .docx', async () => {
    expect(await refused(bad('word97.doc'), '年报.doc')).toMatch(/Word 97-2003.*另存为”Word 文档（\.docx）/);
  });

  it('a web page that is not a report', async () => {
    const page = '<!doctype html><html><head><meta charset="utf-8"><title>首页</title></head><body><p>欢迎访问本站</p><table><tr><td>新闻</td><td>通知</td></tr></table></body></html>';
    expect(await refused(new TextEncoder().encode(page), '首页.html')).toMatch(/这份网页不像政府信息公开工作年度报告/);
  });

  it('an empty file', async () => {
    expect(await refused(new Uint8Array(0), '空.docx')).toMatch(/文件是空的/);
  });

  it('a 50 MB file is refused before it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const path = join(dir, '大文件.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    truncateSync(path, 50 * 1024 * 1024); // sparse: no 50 MB written
    const result = await importReportFile(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^“大文件\.pdf”超过 20 MB，不像一份年度报告/);
  });

  it('a web page in an encoding it declares but nobody knows, and one in no encoding at all', async () => {
    const page = (charset: string) => new TextEncoder().encode(`<html><head><meta charset="${charset}"></head><body><h1>2019年黄金镇政府信息公开工作年度报告</h1></body></html>`);
    expect(await refused(page('x-mac-klingon'), '年报.html')).toMatch(/字符编码“x-mac-klingon”无法识别.*另存为/);
    const garbage = Uint8Array.from({ length: 400 }, (_, i) => (i % 2 ? 0xff : 0x81));
    expect(await refused(garbage, '年报.htm')).toMatch(/不是 UTF-8 也不是 GBK/);
  });

  it('a text file in an unknown encoding', async () => {
    const garbage = Buffer.concat([Buffer.from('2019年'), Buffer.from(Uint8Array.from({ length: 400 }, (_, i) => (i % 3 ? 0xff : 0x80)))]);
    expect(await refused(garbage, '年报.txt')).toMatch(/字符编码无法识别.*另存为 UTF-8/);
  });
});

describe('web pages in Chinese encodings', () => {
  it('a GBK page (meta charset=gb2312) imports like the UTF-8 one', async () => {
    const html = office('pingtan-2022.html').toString('utf8').replace("<meta charset='utf-8'>", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    // Node's ICU encodes GB18030 only through TextDecoder, so build the GBK bytes by inverting it.
    const gbk = encodeGb18030(html);
    const utf8 = await importReportBytes(office('pingtan-2022.html'), 'a.html');
    const fromGbk = await importReportBytes(gbk, 'b.htm');
    expect(fromGbk.ok && utf8.ok && fromGbk.doc.cells).toEqual(utf8.ok && utf8.doc.cells);
    expect(fromGbk.ok && fromGbk.doc.sections).toEqual(utf8.ok && utf8.doc.sections);
  });
});

/** GB18030 bytes of a string (every character of the page is in the two-byte GBK range). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
