// createExportHandlers (export:pdf, export:preview, export:print, shell:showExport): with the real PDF module in
// the parse worker (a draft exported, read back and shown in its folder; a blocked final; missing glyphs), and
// with a recording PDF service (where the file goes, the date of issue, printing, what is not available).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentTitle, type PdfService } from '../../../../electron/node/app-core';
import type { ExportResult, OpenedDocument } from '../../../../shared/ipc/contract';
import { serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
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

/** A PDF service answering fixed bytes and recording what it was asked to render. */
function recordingPdf(): PdfService & { renders: { doc: ReportDocument; options: object }[] } {
  const renders: { doc: ReportDocument; options: object }[] = [];
  return {
    renders,
    render: async (doc, options) => {
      renders.push({ doc, options });
      return { ok: true, pdf: Buffer.from(`%PDF-fake ${doc.year}`), findings: [], missingGlyphs: [] };
    },
    read: async () => ({ ok: false, error: { code: 'bad-file', message: '不读' } }),
  };
}

describe('createExportHandlers: where the PDF goes, with a recording PDF service', () => {
  // 2026-03-04 10:00 local time: the date of issue of a report that sets none.
  const now = () => new Date(2026, 2, 4, 10, 0, 0);

  it('a saved report exports next to its file, dated today, with last year passed on; the folder is remembered', async () => {
    const pdf = recordingPdf();
    const c = makeCore(join(root, 'next-to'), { pdf, now });
    const folder = join(c.documentsDir, '2025');
    mkdirSync(folder);
    writeFileSync(join(folder, 'r.nianbao'), serializeReport(sampleReport()));
    c.dialogs.answers.openReport.push(join(folder, 'r.nianbao'));
    const opened = await c.ok<OpenedDocument>('doc:open');
    const previous = { ...sampleReport(), year: 2021 };
    c.dialogs.answers.savePdf.push(join(folder, '定稿.pdf'));
    const exported = await c.ok<ExportResult>('export:pdf', { docId: opened.docId, doc: opened.doc, mode: 'final', previous });
    expect(c.dialogs.calls.at(-1)).toEqual({ kind: 'savePdf', arg: join(folder, `${documentTitle(opened.doc)}.pdf`) });
    expect(pdf.renders).toEqual([{ doc: opened.doc, options: { mode: 'final', previous, today: '2026-03-04' } }]);
    expect(readFileSync(join(folder, '定稿.pdf'), 'utf8')).toBe('%PDF-fake 2022');
    expect(exported).toMatchObject({ fileName: '定稿.pdf', location: folder, size: '%PDF-fake 2022'.length });
    // An unsaved report's export dialog opens where the last PDF went.
    const created = await c.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    c.dialogs.answers.savePdf.push(null);
    const cancelled = await c.call('export:pdf', { docId: created.docId, doc: created.doc, mode: 'draft' });
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
    expect(c.dialogs.calls.at(-1)).toEqual({ kind: 'savePdf', arg: join(folder, `${documentTitle(created.doc)}（草稿）.pdf`) });
  });

  it('a blocked render (a final with errors) asks for no path and writes nothing', async () => {
    const blocked: PdfService = {
      render: async () => ({ ok: false, error: { code: 'blocked', message: '有错误，不能导出正式版。', findings: [] } }),
      read: async () => ({ ok: false, error: { code: 'bad-file', message: '不读' } }),
    };
    const c = makeCore(join(root, 'blocked'), { pdf: blocked, now });
    const created = await c.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    const result = await c.call('export:pdf', { docId: created.docId, doc: created.doc, mode: 'final' });
    expect(result).toMatchObject({ ok: false, error: { code: 'blocked', message: '有错误，不能导出正式版。' } });
    expect(c.dialogs.calls).toEqual([]);
    expect(readdirSync(c.documentsDir)).toEqual([]);
  });

  it('export:print sends the rendered PDF to the printer; without one it says how to print instead', async () => {
    const printed: string[] = [];
    const c = makeCore(join(root, 'print'), { pdf: recordingPdf(), now, printer: { print: async (bytes) => void printed.push(Buffer.from(bytes).toString()) } });
    await c.ok('export:print', { doc: sampleReport(), mode: 'draft' });
    expect(printed).toEqual(['%PDF-fake 2022']);
    const none = makeCore(join(root, 'no-printer'), { pdf: recordingPdf(), now });
    const result = await none.call('export:print', { doc: sampleReport(), mode: 'draft' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain('导出PDF后再打印');
  });

  it('without a PDF service every PDF channel says it is not available', async () => {
    const c = makeCore(join(root, 'no-pdf'), { pdf: null });
    const created = await c.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    for (const [channel, payload] of [
      ['export:pdf', { docId: created.docId, doc: created.doc, mode: 'draft' }],
      ['export:preview', { doc: created.doc, mode: 'draft' }],
    ] as const) {
      expect(await c.call(channel, payload)).toEqual({ ok: false, error: { code: 'internal', message: 'PDF 导出功能不可用。' } });
    }
  });

  it('shell:showExport knows only exports of this run, and needs the shell', async () => {
    const unknown = await t.call('shell:showExport', { exportId: '0b5f2c1e-8d3a-4c7b-9e21-5a6f7d8c9b01' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const c = makeCore(join(root, 'no-shell'), { pdf: recordingPdf(), now });
    const created = await c.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    c.dialogs.answers.savePdf.push(join(c.documentsDir, 'x.pdf'));
    const exported = await c.ok<ExportResult>('export:pdf', { docId: created.docId, doc: created.doc, mode: 'draft' });
    expect(existsSync(join(c.documentsDir, 'x.pdf'))).toBe(true);
    expect(await c.call('shell:showExport', { exportId: exported.exportId })).toEqual({ ok: false, error: { code: 'internal', message: '无法打开文件夹。' } });
  });
});
