// createImportHandlers (import:text, import:textFile, import:pdf): with the real text importer and PDF module in
// the parse worker (pasted text and a GB18030 file, a text naming no year, text that is no report, a foreign
// PDF), and with an importer and a PDF service run in this thread (an empty file, the folders, not available).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfService, TextImporter } from '../../../../electron/node/app-core';
import type { OpenedDocument, OpenedImport } from '../../../../shared/ipc/contract';
import { makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../storage/helpers';

const SEED = fileURLToPath(new URL('../../../../../shared/seed/huangjin-2019.txt', import.meta.url));

let root: string;
let t: TestCore;
beforeAll(() => {
  root = tempDir();
  t = makeCore(root);
});
afterAll(() => removeDir(root));

describe('createImportHandlers: text and PDF import through the core', () => {
  it('a PDF that is not ours: bad-file', async () => {
    const path = join(root, 'foreign.pdf');
    writeFileSync(path, '%PDF-1.4\n%%EOF\n');
    t.dialogs.answers.openPdf.push(path);
    const result = await t.call('import:pdf');
    expect(!result.ok && result.error.code).toBe('bad-file');
  });

  it('imports pasted text of the seed report as a new unsaved document, with its problems', async () => {
    const imported = await t.ok<OpenedImport>('import:text', { text: readFileSync(SEED, 'utf8') });
    expect(imported.doc.year).toBe(2019);
    expect(imported.doc.format).toBe('2019');
    expect(imported.fileName).toBeNull();
    expect(Array.isArray(imported.problems)).toBe(true);
    expect(t.core.dirtyDocuments()).toContain('2019年' + imported.doc.agency.name + '政府信息公开工作年度报告');
  });

  it('reads a .txt file in GB18030 (as saved by Windows Notepad in Chinese) as well as UTF-8', async () => {
    const encoder = new TextEncoderGb18030();
    // (Characters outside GB18030's two-byte range, such as a no-break space, become plain spaces.)
    const text = [...readFileSync(SEED, 'utf8')].map((ch) => (encoder.canEncode(ch) ? ch : ' ')).join('');
    const encoded = Buffer.from(encoder.encode(text));
    const path = join(root, 'seed-gbk.txt');
    writeFileSync(path, encoded);
    expect(encoded.equals(Buffer.from(text, 'utf8'))).toBe(false);
    t.dialogs.answers.openText.push(path);
    const fromGbk = await t.ok<OpenedImport>('import:textFile');
    const fromUtf8 = await t.ok<OpenedImport>('import:text', { text });
    expect(fromGbk.doc.cells).toEqual(fromUtf8.doc.cells);
    expect(fromGbk.doc.sections).toEqual(fromUtf8.doc.sections);
  });

  it('a report text without any year (no title, no statistics period): asks for the year and agency (import-ask-year.test.ts)', async () => {
    const text = readFileSync(SEED, 'utf8').replace('2019年黄金镇政府信息公开工作年度报告', '').replace(/2019年/g, '本年');
    const result = await t.call('import:text', { text });
    expect(!result.ok && result.error.code).toBe('needs-year');
    expect(!result.ok && result.error.message).toContain('读不出报告年度');
    expect(!result.ok && result.error.message).toContain('请填写报告年度和机关名称，再导入。');
    expect(!result.ok && result.error.message).not.toContain('请指定报告年度');
  });

  it('text that is not a report: bad-file with the importer’s message', async () => {
    const result = await t.call('import:text', { text: '今天天气很好。' });
    expect(!result.ok && result.error.code).toBe('bad-file');
    expect(!result.ok && result.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('createImportHandlers: with an importer and a PDF service in this thread', () => {
  /** A text importer that records the texts it is given and answers the sample report with one problem. */
  function recordingImporter(): TextImporter & { texts: string[] } {
    const texts: string[] = [];
    const importer = (text: string) => {
      texts.push(text);
      return { ok: true as const, doc: sampleReport(), problems: [{ place: 'overview' as const, message: '第一部分没有读出' }], detectedFormat: '2021' as const };
    };
    return Object.assign(importer, { texts });
  }

  it('import:text hands the text to the importer and opens its report unsaved, with the problems as messages', async () => {
    const importText = recordingImporter();
    const c = makeCore(join(root, 'pasted'), { importText });
    const opened = await c.ok<OpenedImport>('import:text', { text: '粘贴的年报' });
    expect(importText.texts).toEqual(['粘贴的年报']);
    expect(opened).toMatchObject({ doc: sampleReport(), fileName: null, problems: ['第一部分没有读出'] });
    expect(c.core.dirtyDocuments()).toHaveLength(1);
  });

  it('import:textFile decodes the chosen file for the importer and remembers its folder; an empty file is refused by name', async () => {
    const importText = recordingImporter();
    const c = makeCore(join(root, 'file'), { importText });
    const folder = join(root, 'texts');
    mkdirSync(folder);
    writeFileSync(join(folder, '去年.txt'), '\ufeff2024年年报');
    c.dialogs.answers.openText.push(join(folder, '去年.txt'));
    await c.ok<OpenedImport>('import:textFile');
    expect(importText.texts).toEqual(['2024年年报']);
    writeFileSync(join(folder, '空.txt'), ' \n');
    c.dialogs.answers.openText.push(join(folder, '空.txt'));
    expect(await c.call('import:textFile')).toEqual({ ok: false, error: { code: 'bad-file', message: '“空.txt”是空的。' } });
    expect(importText.texts).toHaveLength(1);
    expect(c.dialogs.calls.map((call) => call.arg)).toEqual([c.documentsDir, folder]);
  });

  it('import:pdf opens the report the PDF service read, unsaved; its refusal reaches the user as it is', async () => {
    const reads: string[] = [];
    let answer: Awaited<ReturnType<PdfService['read']>> = { ok: true, doc: sampleReport() };
    const pdf: PdfService = {
      render: async () => ({ ok: false, error: { code: 'internal', message: '不导出' } }),
      read: async (bytes, name) => {
        reads.push(`${name}: ${Buffer.from(bytes).toString()}`);
        return answer;
      },
    };
    const c = makeCore(join(root, 'pdf'), { pdf });
    const path = join(root, '导出的.pdf');
    writeFileSync(path, '%PDF-1.7 test');
    c.dialogs.answers.openPdf.push(path);
    const opened = await c.ok<OpenedDocument>('import:pdf');
    expect(reads).toEqual(['导出的.pdf: %PDF-1.7 test']);
    expect(opened).toMatchObject({ doc: sampleReport(), fileName: null });
    expect(c.core.dirtyDocuments()).toHaveLength(1);
    answer = { ok: false, error: { code: 'bad-file', message: '这个 PDF 不是年报助手导出的。' } };
    c.dialogs.answers.openPdf.push(path);
    expect(await c.call('import:pdf')).toEqual({ ok: false, error: { code: 'bad-file', message: '这个 PDF 不是年报助手导出的。' } });
    expect(c.dialogs.calls.map((call) => call.arg)).toEqual([c.documentsDir, dirname(path)]);
  });

  it('without a PDF service import:pdf says it is not available, before any dialog', async () => {
    const c = makeCore(join(root, 'no-pdf'), { pdf: null });
    expect(await c.call('import:pdf')).toEqual({ ok: false, error: { code: 'internal', message: '从 PDF 导入的功能不可用。' } });
    expect(c.dialogs.calls).toEqual([]);
  });
});

/** GB18030 (two-byte part) encoding for the test: Node decodes GB18030 but has no encoder, so the table is
 *  built once by decoding every two-byte sequence. */
class TextEncoderGb18030 {
  private static table: Map<string, number[]> | null = null;
  canEncode(ch: string): boolean {
    return ch.codePointAt(0)! < 0x80 || (TextEncoderGb18030.table ??= TextEncoderGb18030.build()).has(ch);
  }
  encode(text: string): Uint8Array {
    const table = (TextEncoderGb18030.table ??= TextEncoderGb18030.build());
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) out.push(code);
      else {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GB18030 bytes for ${ch}`);
        out.push(...bytes);
      }
    }
    return Uint8Array.from(out);
  }
  private static build(): Map<string, number[]> {
    const decoder = new TextDecoder('gb18030');
    const map = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
      }
    }
    return map;
  }
}
