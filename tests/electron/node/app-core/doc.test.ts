// createDocHandlers (doc:*): a new report saved where the save dialog says, save-as, the recent list, last
// year's report opened for the checks only, dirty state, an autosave that cannot be written, unknown ids.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDocument, OpenedPrevious, SaveResult } from '../../../../shared/ipc/contract';
import { previousBlock } from '../../../../shared/model/previous';
import { serializeReport } from '../../../../shared/model/document';
import { faultyFs, makeCore, removeDir, sampleReport, tempDir } from '../storage/helpers';

const SEED = fileURLToPath(new URL('../../../../../shared/seed/huangjin-2019.txt', import.meta.url));

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => removeDir(root));

describe('createDocHandlers: new, save-as, save, reopen', () => {
  it('an untitled report asks for a path (Documents, named after the title) and then saves there', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '黄金镇人民政府', level: '乡镇' });
    expect(created.fileName).toBeNull();
    const target = join(t.documentsDir, 'mine'); // no extension: the core adds .nianbao
    t.dialogs.answers.saveReport.push(target);
    const saved = await t.ok<SaveResult>('doc:save', { docId: created.docId, doc: created.doc });
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'saveReport', arg: join(t.documentsDir, '黄金镇人民政府2025年政府信息公开工作年度报告.nianbao') });
    expect(saved.fileName).toBe('mine.nianbao');
    expect(readFileSync(`${target}.nianbao`, 'utf8')).toBe(serializeReport(created.doc));

    // The second save goes to the same file without asking.
    const edited = { ...created.doc, sections: { ...created.doc.sections, overview: '本年度……' } };
    await t.ok('doc:save', { docId: created.docId, doc: edited });
    expect(t.dialogs.calls.filter((c) => c.kind === 'saveReport')).toHaveLength(1);
    expect(readFileSync(`${target}.nianbao`, 'utf8')).toBe(serializeReport(edited));

    // It is in the recent list, and opens from there.
    const prefs = await t.ok<{ recent: { recentId: string; fileName: string; title: string }[] }>('prefs:get');
    expect(prefs.recent.map((r) => r.fileName)).toEqual(['mine.nianbao']);
    expect(prefs.recent[0]!.title).toBe('黄金镇人民政府2025年政府信息公开工作年度报告');
    const reopened = await t.ok<OpenedDocument>('doc:openRecent', { recentId: prefs.recent[0]!.recentId });
    expect(reopened.doc).toEqual(edited);
    expect(reopened.docId).not.toBe(created.docId);
  });

  it('a cancelled save dialog saves nothing and says cancelled', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    t.dialogs.answers.saveReport.push(null);
    const result = await t.call('doc:save', { docId: created.docId, doc: created.doc });
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(readdirSync(t.documentsDir)).toEqual([]);
  });

  it('save-as moves the document to the new file; the old file stays as it was', async () => {
    const t = makeCore(root);
    const first = join(t.documentsDir, 'a.nianbao');
    writeFileSync(first, serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(first);
    const opened = await t.ok<OpenedDocument>('doc:open');
    const second = join(t.documentsDir, 'b.nianbao');
    t.dialogs.answers.saveReport.push(second);
    await t.ok('doc:saveAs', { docId: opened.docId, doc: sampleReport('B') });
    await t.ok('doc:save', { docId: opened.docId, doc: sampleReport('B2') });
    expect(readFileSync(first, 'utf8')).toBe(serializeReport(sampleReport()));
    expect(readFileSync(second, 'utf8')).toBe(serializeReport(sampleReport('B2')));
  });

  it('last year’s report opens for the comparison checks only (as the block kept in the report): not registered, not in the recent list', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'last-year.nianbao');
    const text = serializeReport(sampleReport('去年'));
    writeFileSync(path, text);
    t.dialogs.answers.openImport.push(path);
    const opened = await t.ok<OpenedPrevious>('doc:openPrevious');
    const sha256 = createHash('sha256').update(text).digest('hex');
    expect(opened).toEqual({
      previous: previousBlock(sampleReport('去年'), { fileName: 'last-year.nianbao', kind: 'report' }, sha256),
      fileName: 'last-year.nianbao',
      source: '年报助手报告文件',
      problems: [],
    });
    expect((await t.ok<{ recent: unknown[] }>('prefs:get')).recent).toEqual([]);
    writeFileSync(path, '{"broken"');
    t.dialogs.answers.openImport.push(path);
    const bad = await t.call('doc:openPrevious');
    expect(!bad.ok && bad.error.code).toBe('bad-file');
  });

  it('unknown documents are refused', async () => {
    const t = makeCore(root);
    const result = await t.call('doc:save', { docId: 'nope', doc: sampleReport() });
    expect(!result.ok && result.error.code).toBe('unknown-document');
  });

  it('a recent file deleted meanwhile is dropped from the list', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'gone.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(path);
    await t.ok('doc:open');
    unlinkSync(path);
    const prefs = await t.ok<{ recent: unknown[] }>('prefs:get');
    expect(prefs.recent).toEqual([]);
  });
});

describe('createDocHandlers: the rest of a document’s life', () => {
  it('doc:openRecent with an id the list does not hold: not-found, and nothing opens', async () => {
    const t = makeCore(root);
    const result = await t.call('doc:openRecent', { recentId: 'f'.repeat(16) });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!result.ok) expect(result.error.message).toContain('最近打开的文件列表中没有这一项');
    expect(t.core.dirtyDocuments()).toEqual([]);
  });

  it('doc:open remembers the folder, so the next dialog opens there; a cancelled dialog says cancelled', async () => {
    const t = makeCore(root);
    const folder = join(root, 'elsewhere');
    mkdirSync(folder);
    writeFileSync(join(folder, 'r.nianbao'), serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(join(folder, 'r.nianbao'));
    const opened = await t.ok<OpenedDocument>('doc:open');
    expect(opened).toMatchObject({ fileName: 'r.nianbao', location: folder, doc: sampleReport() });
    t.dialogs.answers.openReport.push(null);
    const cancelled = await t.call('doc:open');
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
    expect(t.dialogs.calls.map((c) => c.arg)).toEqual([t.documentsDir, folder]);
  });

  it('doc:setDirty marks the document as having unsaved changes, under its title, and clears it', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '黄金镇人民政府', level: '乡镇' });
    expect(t.core.dirtyDocuments()).toEqual([]);
    await t.ok('doc:setDirty', { docId: created.docId, dirty: true });
    expect(t.core.dirtyDocuments()).toEqual(['黄金镇人民政府2025年政府信息公开工作年度报告']);
    await t.ok('doc:setDirty', { docId: created.docId, dirty: false });
    expect(t.core.dirtyDocuments()).toEqual([]);
  });

  it('doc:autosave that cannot write its recovery copy says the edits are kept and to save by hand', async () => {
    const data = join(root, 'data');
    const { fs } = faultyFs('ENOSPC', ['createExclusive'], { under: join(data, 'recovery') });
    const t = makeCore(root, { fs });
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    const result = await t.call('doc:autosave', { docId: created.docId, doc: created.doc });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('disk-full');
    expect(result.error.message).toBe('未能写入自动恢复副本（ENOSPC）。编辑中的内容没有丢失，请尽快手动保存。');
  });

  it('doc:close forgets the document: a later save of it is refused', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    await t.ok('doc:close', { docId: created.docId });
    const result = await t.call('doc:save', { docId: created.docId, doc: created.doc });
    expect(!result.ok && result.error.code).toBe('unknown-document');
    expect(readdirSync(t.documentsDir)).toEqual([]);
  });

  it('doc:openPrevious from a published text: the importer’s problems are listed, the source named as text', async () => {
    const t = makeCore(root);
    const path = join(root, '去年.txt');
    writeFileSync(path, readFileSync(SEED));
    t.dialogs.answers.openImport.push(path);
    const opened = await t.ok<OpenedPrevious>('doc:openPrevious');
    expect(opened.fileName).toBe('去年.txt');
    expect(opened.source).toBe('文本');
    expect(opened.previous.source).toEqual({ fileName: '去年.txt', kind: 'text' });
    expect(opened.problems.length).toBeGreaterThan(0);
    expect(opened.problems.every((p) => /[\u4e00-\u9fff]/.test(p))).toBe(true);
    expect(t.core.dirtyDocuments()).toEqual([]);
  });
});
