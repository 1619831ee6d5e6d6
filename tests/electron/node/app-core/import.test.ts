// createImportHandlers (import:text, import:textFile, import:pdf) with the real text importer and PDF module in
// the parse worker: pasted text and a GB18030 file, a text naming no year, text that is no report, a foreign PDF.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedImport } from '../../../../shared/ipc/contract';
import { makeCore, removeDir, tempDir, type TestCore } from '../storage/helpers';

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
