// createPublishHandlers (export:publish): the website (.html) and Word (.docx) versions built in the parse
// worker, written where the save dialog says (suggested next to the report, else the last PDF folder), dated
// today when the report sets no date; a final with errors blocked before any dialog; cancelled; not available.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTitle } from '../../../../electron/node/app-core/file-names';
import type { ExportResult, OpenedDocument } from '../../../../shared/ipc/contract';
import { serializeReport } from '../../../../shared/model/document';
import { FakeDialogs, makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../storage/helpers';

let root: string;
let t: TestCore;
const shown: string[] = [];
beforeAll(() => {
  root = tempDir('nianbao-publish-');
  // 2026-03-04, local time: the date of issue printed when the report sets none.
  t = makeCore(root, { now: () => new Date(2026, 2, 4, 10, 0, 0), shell: { showItemInFolder: (path) => void shown.push(path) } });
});
afterAll(async () => {
  await t.core.close();
  removeDir(root);
});

describe('createPublishHandlers: export:publish', () => {
  it('an unsaved report’s website draft: suggested in Documents, marked 草稿, dated today; shown in its folder', async () => {
    const doc = sampleReport();
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2022, agencyName: '平潭综合实验区', level: '设区的市级' });
    const target = join(t.documentsDir, '网页版.html');
    t.dialogs.answers.savePublication.push(target);
    const result = await t.ok<ExportResult>('export:publish', { docId: created.docId, doc, kind: 'html', mode: 'draft' });
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'savePublication', arg: join(t.documentsDir, `${documentTitle(doc)}（草稿）.html`) });
    const html = readFileSync(target, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('草稿');
    expect(html).toContain('2026年3月4日');
    expect(result).toMatchObject({ fileName: '网页版.html', location: t.documentsDir, size: Buffer.byteLength(html), missingGlyphs: [] });
    await t.ok('shell:showExport', { exportId: result.exportId });
    expect(shown).toEqual([target]);
  }, 120_000);

  it('a saved report’s Word version: suggested next to its file; the extension added to the name chosen; the folder remembered', async () => {
    const folder = join(root, 'reports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'r.nianbao'), serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(join(folder, 'r.nianbao'));
    const opened = await t.ok<OpenedDocument>('doc:open');
    const out = join(root, 'out');
    mkdirSync(out);
    t.dialogs.answers.savePublication.push(join(out, 'Word版'));
    const result = await t.ok<ExportResult>('export:publish', { docId: opened.docId, doc: opened.doc, kind: 'docx', mode: 'final' });
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'savePublication', arg: join(folder, `${documentTitle(opened.doc)}.docx`) });
    expect(result.fileName).toBe('Word版.docx');
    expect(readFileSync(join(out, 'Word版.docx')).subarray(0, 2).toString()).toBe('PK');
    // An unsaved report's next export opens where this one went.
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    t.dialogs.answers.savePublication.push(null);
    const cancelled = await t.call('export:publish', { docId: created.docId, doc: created.doc, kind: 'html', mode: 'draft' });
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'savePublication', arg: join(out, `${documentTitle(created.doc)}（草稿）.html`) });
    expect(readdirSync(out)).toEqual(['Word版.docx']);
  }, 120_000);

  it('a final with errors is blocked with the findings, before any dialog', async () => {
    const doc = sampleReport();
    const broken = { ...doc, cells: { ...doc.cells, 't3.received.natural': null } };
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2022, agencyName: 'x', level: '乡镇' });
    const calls = t.dialogs.calls.length;
    const result = await t.call('export:publish', { docId: created.docId, doc: broken, kind: 'html', mode: 'final' });
    expect(result).toMatchObject({ ok: false, error: { code: 'blocked' } });
    if (!result.ok) expect(result.error.findings?.some((f) => f.severity === 'error')).toBe(true);
    expect(t.dialogs.calls.length).toBe(calls);
  }, 120_000);

  it('without the save dialog for it: not available, nothing built', async () => {
    const { savePublication, ...dialogs } = new FakeDialogs();
    void savePublication;
    const c = makeCore(join(root, 'no-dialog'), { dialogs });
    const created = await c.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    expect(await c.call('export:publish', { docId: created.docId, doc: created.doc, kind: 'docx', mode: 'draft' })).toEqual({
      ok: false,
      error: { code: 'internal', message: '此版本不能导出网页版或 Word 版。' },
    });
    expect(readdirSync(c.documentsDir)).toEqual([]);
  });
});
