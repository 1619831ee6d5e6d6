// createImportFileHandlers (import:file, import:dropped, import:startFromPrevious): last year's report in any
// form, chosen in main's dialog or dropped onto the window, read in the parse worker and opened unsaved.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedFromPrevious, OpenedImport } from '../../../../shared/ipc/contract';
import { serializeReport } from '../../../../shared/model/document';
import { makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../storage/helpers';

const OFFICE = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'samples', 'office');

let root: string;
let t: TestCore;
beforeAll(() => {
  root = tempDir();
  t = makeCore(root);
});
afterAll(async () => {
  await t.core.close();
  removeDir(root);
});

describe('createImportFileHandlers: import:file', () => {
  it('reads the chosen .docx as an unsaved report, names it a Word document with what it could not read, and remembers the folder', async () => {
    const docx = join(OFFICE, 'pingtan-2022.docx');
    t.dialogs.answers.openImport.push(docx);
    const opened = await t.ok<OpenedImport>('import:file');
    expect(opened.doc.year).toBe(2022);
    expect(opened.fileName).toBeNull();
    expect(opened.source).toBe('Word 文档');
    expect(opened.problems.every((p) => /[\u4e00-\u9fff]/.test(p))).toBe(true);
    expect(t.core.dirtyDocuments()).toHaveLength(1);
    // The next dialog opens where this file was; a cancelled one opens nothing.
    t.dialogs.answers.openImport.push(null);
    const cancelled = await t.call('import:file');
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'openImport', arg: dirname(docx) });
    await t.ok('doc:close', { docId: opened.docId });
  });
});

describe('createImportFileHandlers: import:dropped', () => {
  it('a dropped report file opens as it is (unsaved, no problems listed), named as the app’s own file', async () => {
    const opened = await t.ok<OpenedImport>('import:dropped', { name: '平潭.nianbao', bytes: new TextEncoder().encode(serializeReport(sampleReport())) });
    expect(opened.doc).toEqual(sampleReport());
    expect(opened.fileName).toBeNull();
    expect(opened.source).toBe('年报助手报告文件');
    expect(opened.problems).toEqual([]);
    await t.ok('doc:close', { docId: opened.docId });
  });

  it('dropped bytes that are no report: bad-file naming the file, nothing opened', async () => {
    const before = t.core.dirtyDocuments();
    const result = await t.call('import:dropped', { name: '损坏.nianbao', bytes: new TextEncoder().encode('{"kind":"nianbao"') });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(t.core.dirtyDocuments()).toEqual(before);
  });
});

describe('createImportFileHandlers: import:startFromPrevious', () => {
  it('从上年报告开始: last year’s .docx → an unsaved report for the next year with proposed cells and the previous block', async () => {
    const docx = join(OFFICE, 'pingtan-2022.docx');
    t.dialogs.answers.openImport.push(docx);
    const opened = await t.ok<OpenedFromPrevious>('import:startFromPrevious');
    expect(opened.doc.year).toBe(2023);
    expect(opened.fileName).toBeNull();
    expect(opened.doc.previous?.source).toEqual({ fileName: 'pingtan-2022.docx', kind: 'docx' });
    expect(opened.doc.previous?.sha256).toBe(createHash('sha256').update(readFileSync(docx)).digest('hex'));
    expect(opened.doc.proposed?.cells.length).toBe(6);
    expect(opened.notes.join('')).toContain('上年结转 6 格');
    expect(opened.source).toBe('Word 文档');
    // Cancelled: nothing happens.
    t.dialogs.answers.openImport.push(null);
    const cancelled = await t.call('import:startFromPrevious');
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
  });
});
