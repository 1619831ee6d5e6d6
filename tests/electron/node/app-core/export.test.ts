// createExportHandlers (export:pdf, export:preview, shell:showExport) with the real PDF module in the parse
// worker: a draft exported next to the report, read back and shown in its folder; a blocked final; missing glyphs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportResult, OpenedDocument } from '../../../../shared/ipc/contract';
import { makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../storage/helpers';

let root: string;
let t: TestCore;
const showItemInFolder = vi.fn();
beforeAll(() => {
  root = tempDir();
  t = makeCore(root, { shell: { showItemInFolder } });
});
afterAll(() => removeDir(root));

describe('createExportHandlers: PDF through the core', () => {
  it('exports a draft next to the report, reads it back, and shows it in its folder', async () => {
    const doc = sampleReport();
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2022, agencyName: '平潭综合实验区', level: '设区的市级' });
    const target = join(t.documentsDir, 'export'); // the core adds .pdf
    t.dialogs.answers.savePdf.push(target);
    const exported = await t.ok<ExportResult>('export:pdf', { docId: created.docId, doc, mode: 'draft' });
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'savePdf', arg: join(t.documentsDir, '2022年平潭综合实验区政府信息公开工作年度报告（草稿）.pdf') });
    expect(exported.fileName).toBe('export.pdf');
    const bytes = readFileSync(`${target}.pdf`);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(exported.size).toBe(bytes.byteLength);
    expect(Array.isArray(exported.findings)).toBe(true);

    await t.ok('shell:showExport', { exportId: exported.exportId });
    expect(showItemInFolder).toHaveBeenCalledWith(`${target}.pdf`);

    t.dialogs.answers.openPdf.push(`${target}.pdf`);
    const imported = await t.ok<OpenedDocument>('import:pdf');
    expect(imported.doc).toEqual(doc);
    expect(imported.fileName).toBeNull();
  }, 60_000);

  it('refuses a final export with errors (blocked, with the findings) before asking for a path', async () => {
    const doc = sampleReport();
    const broken = { ...doc, cells: { ...doc.cells, 't3.received.natural': null } };
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2022, agencyName: 'x', level: '乡镇' });
    const calls = t.dialogs.calls.length;
    const result = await t.call('export:pdf', { docId: created.docId, doc: broken, mode: 'final' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('blocked');
    expect(result.error.message).toMatch(/不能导出正式版/);
    expect(result.error.findings?.some((f) => f.severity === 'error')).toBe(true);
    expect(t.dialogs.calls.length).toBe(calls);
  }, 60_000);

  it('names the characters no embedded font has, in the export result and the preview', async () => {
    const doc = sampleReport();
    const rare = { ...doc, sections: { ...doc.sections, other: `${doc.sections.other}𠀀😀` } };
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2022, agencyName: '平潭综合实验区', level: '设区的市级' });
    t.dialogs.answers.savePdf.push(join(t.documentsDir, 'rare.pdf'));
    const exported = await t.ok<ExportResult>('export:pdf', { docId: created.docId, doc: rare, mode: 'draft' });
    expect(exported.missingGlyphs).toEqual(['𠀀', '😀']);
    const preview = await t.ok<{ missingGlyphs: string[] }>('export:preview', { doc, mode: 'draft' });
    expect(preview.missingGlyphs).toEqual([]);
  }, 60_000);

  it('previews without writing anything', async () => {
    const preview = await t.ok<{ pdf: Uint8Array; findings: unknown[] }>('export:preview', { doc: sampleReport(), mode: 'draft' });
    expect(preview.pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(preview.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  }, 60_000);
});
