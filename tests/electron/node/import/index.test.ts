// The importer's front door (electron/node/import/index.ts): each form of a report goes to its front end and
// comes back with its kind; files that are not (readable) reports each get one Chinese message that names the
// file and says what to do, and nothing is imported.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileKind, importReportBytes, importReportFile, KIND_NAMES, MAX_IMPORT_BYTES } from '../../../../electron/node/import/index';
import { createReport, serializeReport } from '../../../../shared/model/document';
import { pingtan, repoRoot, seedText } from '../../../shared/import/fixtures';
import { exportOk, pingtanReport, withExplanations } from '../pdf/helpers';

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

describe('fileKind', () => {
  it('names the bounded reader\'s kind by the extension, in any case; anything else is text', () => {
    expect(['a.PDF', 'a.pdf'].map(fileKind)).toEqual(['pdf', 'pdf']);
    expect(['a.docx', 'a.DOC', 'a.wps'].map(fileKind)).toEqual(['word', 'word', 'word']);
    expect(['a.html', 'a.htm', 'a.xhtml'].map(fileKind)).toEqual(['html', 'html', 'html']);
    expect(['a.nianbao', 'a.json'].map(fileKind)).toEqual(['report', 'report']);
    expect(['a.txt', 'a', '年报.md'].map(fileKind)).toEqual(['text', 'text', 'text']);
  });
});

describe('importReportBytes: which front end, and the kind it says', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('a report file is read as itself, whatever its name says', async () => {
    const doc = createReport({ year: 2024, agencyName: '黄金镇人民政府', level: '乡镇', now: '2025-01-10T08:00:00.000Z' });
    doc.cells['t3.received.natural'] = 5;
    for (const name of ['2024.nianbao', '2024.txt']) {
      const result = await importReportBytes(encode(serializeReport(doc)), name);
      expect(result.ok && result.kind).toBe('report');
      expect(result.ok && result.doc.cells['t3.received.natural']).toBe(5);
      expect(result.ok && result.problems).toEqual([]);
    }
  });

  it('a damaged report file gets the report parser\'s message, not the text importer\'s', async () => {
    const result = await importReportBytes(encode('{"schemaVersion": 1, "format": "2021", "cells": {'), '坏.nianbao');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^“坏\.nianbao”：/);
    expect(!result.ok && result.message).not.toMatch(/不像政府信息公开工作年度报告/);
  });

  it('a published text, a Word document, a web page and an exported PDF each name their kind', async () => {
    const text = await importReportBytes(encode(seedText), '年报.txt');
    expect(text.ok && text.kind).toBe('text');
    expect(text.ok && text.doc.year).toBe(2019);
    expect(KIND_NAMES.text).toBe('文本');
    const docx = await importReportBytes(office('pingtan-2022.docx'), '年报.docx');
    expect(docx.ok && docx.kind).toBe('docx');
    const html = await importReportBytes(office('pingtan-2022.html'), '年报');
    expect(html.ok && html.kind).toBe('html'); // found by its <!doctype html>, without an extension
    const pdf = await importReportBytes(office('pingtan-2022.pdf'), '年报.pdf');
    expect(pdf.ok && pdf.kind).toBe('pdf');
    for (const r of [docx, html, pdf]) expect(r.ok && r.doc.cells['t3.received.natural']).toBe(pingtan.cells['t3.received.natural']);
    const appPdf = await importReportBytes(await exportOk(withExplanations(pingtanReport()), 'final'), '导出的.pdf');
    expect(appPdf.ok && appPdf.kind).toBe('app-pdf');
    expect(appPdf.ok && appPdf.doc.cells).toEqual(pingtanReport().cells);
  });

  it('a file whose extension promises what its content is not', async () => {
    const text = encode('2019年黄金镇政府信息公开工作年度报告');
    expect(await refused(text, '年报.docx')).toMatch(/扩展名是 \.docx，但文件不是 Word 文档/);
    expect(await refused(text, '年报.pdf')).toMatch(/扩展名是 \.pdf，但文件不是 PDF（缺少 %PDF 文件头）/);
    expect(await refused(text, '年报.doc')).toMatch(/扩展名是旧版 Office\/WPS 文档，但内容不是此类文档/);
  });

  it('an old Excel file and an unknown compound file are told apart from a Word 97 document', async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const compound = (stream: string) => Buffer.concat([header, Buffer.alloc(504), Buffer.from(stream, 'utf16le')]);
    expect(await refused(compound('Workbook'), '台账.xls')).toMatch(/旧版 Excel\/WPS 表格，不是报告文档/);
    expect(await refused(compound('Workbook'), '年报.doc')).toMatch(/旧版 Excel/);
    expect(await refused(compound('Something'), '年报.bin')).toMatch(/^“年报\.bin”：这是旧版 Office 文件，无法直接读取/);
  });

  it('a text of only blanks (ASCII, full-width, a BOM) has nothing to import', async () => {
    expect(await refused(encode('\ufeff \n\u3000\u3000\t\n'), '空白.txt')).toMatch(/只有空白，没有可导入的文字/);
  });

  it('a text that names no year: the refusal says a year is needed, for the app to ask for it', async () => {
    const noYear = seedText.replace('2019年黄金镇政府信息公开工作年度报告', '').replace(/2019年/g, '本年');
    const result = await importReportBytes(encode(noYear), '年报.txt');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.needsYear).toBe(true);
    expect(!result.ok && result.message).toMatch(/^“年报\.txt”：这份文字读不出报告年度/);
    const withYear = await importReportBytes(encode(noYear), '年报.txt', { year: 2019, agencyName: '黄金镇人民政府' });
    expect(withYear.ok && withYear.doc.year).toBe(2019);
  });

  it('bytes over the size limit are refused without being read, with their size', async () => {
    const message = await refused(new Uint8Array(MAX_IMPORT_BYTES + 3 * 1024 * 1024), '大.txt');
    expect(message).toBe('“大.txt”超过 20 MB（23.0 MB），不像一份年度报告，未导入。请确认选择的是报告本身（Word 文档、网页、PDF 或文本）。');
  });

  it('a file that cannot be read from disk is refused with the reader\'s message', async () => {
    const result = await importReportFile(join(tmpdir(), 'nianbao-no-such-dir', '没有.docx'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^找不到文件“没有\.docx”/);
  });
});
