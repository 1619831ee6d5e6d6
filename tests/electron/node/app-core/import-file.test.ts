// createImportFileHandlers (import:file, import:dropped, import:startFromPrevious): last year's report in any
// form, chosen in main's dialog or dropped onto the window, read in the parse worker and opened unsaved.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedFromPrevious, OpenedImport } from '../../../../shared/ipc/contract';
import { serializeReport } from '../../../../shared/model/document';
import { makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../storage/helpers';

const OFFICE = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'samples', 'office');
/** The published 黄金镇 2019 report with its title and every year taken out: a text naming no year. */
const NO_YEAR = readFileSync(resolve(OFFICE, '..', '..', 'seed', 'huangjin-2019.txt'), 'utf8')
  .replace('2019年黄金镇政府信息公开工作年度报告', '')
  .replace(/2019年/g, '本年');

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
    await t.ok('doc:close', { docId: opened.docId });
  });

  it('last year’s text naming no year: asks for last year’s year and agency (needs-year), then import:complete begins the next year’s report from it', async () => {
    const path = join(root, '上年年报.txt');
    writeFileSync(path, NO_YEAR);
    t.dialogs.answers.openImport.push(path);
    const asked = await t.call('import:startFromPrevious');
    if (asked.ok) throw new Error('a text without a year was read as last year’s report');
    expect(asked.error.code).toBe('needs-year');
    expect(asked.error.message).toContain('“上年年报.txt”');
    expect(asked.error.message).toContain('读不出报告年度');
    expect(asked.error.message).toContain('请填写上年报告的年度和机关名称');
    expect(t.core.dirtyDocuments()).toEqual([]);

    const dialogs = t.dialogs.calls.length;
    const opened = await t.ok<OpenedFromPrevious>('import:complete', { importId: asked.error.importId, year: 2019, agencyName: '黄金镇人民政府' });
    expect(t.dialogs.calls.length).toBe(dialogs); // read again from the path the dialog gave
    expect(opened.fromPrevious).toBe(true);
    expect(opened.doc.year).toBe(2020);
    expect(opened.doc.format).toBe('2019');
    expect(opened.doc.agency.name).toBe('黄金镇人民政府');
    expect(opened.fileName).toBeNull();
    expect(opened.source).toBe('文本');
    expect(opened.doc.previous).toMatchObject({ year: 2019, agency: { name: '黄金镇人民政府' }, source: { fileName: '上年年报.txt', kind: 'text' } });
    expect(opened.doc.previous?.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(opened.doc.previous?.cells['t2.normativeDocs.made']).toBe(211);
    expect(opened.notes.join('')).toContain('上一年项目数量');
    expect(opened.doc.proposed?.cells.length).toBeGreaterThan(0);
    // What was given instead of read is said, with last year's other problems.
    expect(opened.problems.join('')).toContain('年度（2019 年）和机关名称（黄金镇人民政府）按指定填写');
    expect(t.core.dirtyDocuments()).toHaveLength(1);
    await t.ok('doc:close', { docId: opened.docId });
  });
});
