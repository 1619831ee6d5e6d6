// Finding 7 of issue 10: export never replaces a file the user did not confirm. The save dialog confirmed
// “领导审定稿” (no extension); the core appends .pdf — and an existing 领导审定稿.pdf must not be replaced.
// A file the user did confirm replacing (PDF, website or Word version) is copied to the backups first.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfService } from '../../electron/node/app-core';
import { makeCore, removeDir, sampleReport, tempDir } from '../electron/node/storage/helpers';

const fakePdf: PdfService = {
  render: async () => ({ ok: true, pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), findings: [], missingGlyphs: [] }),
  read: async () => ({ ok: false, error: { code: 'bad-file', message: '不用' } }),
};

let root: string;
beforeEach(() => {
  root = tempDir('nianbao-export-overwrite-');
});
afterEach(() => removeDir(root));

describe('export and existing files', () => {
  it('a name confirmed without .pdf does not replace the existing .pdf of that name', async () => {
    const t = makeCore(root, { pdf: fakePdf });
    const opened = await t.ok<{ docId: string }>('doc:new', { year: 2025, agencyName: '测试镇人民政府', level: '乡镇' });
    const existing = join(t.documentsDir, '领导审定稿.pdf');
    writeFileSync(existing, 'the approved version');
    t.dialogs.answers.savePdf.push(join(t.documentsDir, '领导审定稿'));
    const result = await t.call('export:pdf', { docId: opened.docId, doc: sampleReport(), mode: 'draft' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toMatch(/已经存在，没有覆盖/);
    expect(readFileSync(existing, 'utf8')).toBe('the approved version');
  });

  it('the file the dialog itself confirmed is written; a new name gets its extension', async () => {
    const t = makeCore(root, { pdf: fakePdf });
    const opened = await t.ok<{ docId: string }>('doc:new', { year: 2025, agencyName: '测试镇人民政府', level: '乡镇' });
    t.dialogs.answers.savePdf.push(join(t.documentsDir, '新导出'));
    expect(await t.call('export:pdf', { docId: opened.docId, doc: sampleReport(), mode: 'draft' })).toMatchObject({ ok: true, value: { fileName: '新导出.pdf' } });
    const confirmed = join(t.documentsDir, '确认覆盖.pdf');
    writeFileSync(confirmed, 'old');
    t.dialogs.answers.savePdf.push(confirmed);
    expect((await t.call('export:pdf', { docId: opened.docId, doc: sampleReport(), mode: 'draft' })).ok).toBe(true);
    expect(readFileSync(confirmed, 'latin1')).toMatch(/^%PDF-/);
  });

  it('a confirmed replacement copies the old file into the app’s backups first (PDF, website and Word versions)', async () => {
    const t = makeCore(root, { pdf: fakePdf });
    const opened = await t.ok<{ docId: string }>('doc:new', { year: 2025, agencyName: '测试镇人民政府', level: '乡镇' });
    const cases = [
      { name: '领导审定稿.pdf', channel: 'export:pdf', queue: t.dialogs.answers.savePdf, extra: {} },
      { name: '网页版.html', channel: 'export:publish', queue: t.dialogs.answers.savePublication, extra: { kind: 'html' } },
      { name: '领导修改稿.docx', channel: 'export:publish', queue: t.dialogs.answers.savePublication, extra: { kind: 'docx' } },
    ];
    for (const c of cases) {
      const target = join(t.documentsDir, c.name);
      writeFileSync(target, `the approved ${c.name}`);
      utimesSync(target, new Date('2025-01-20T08:00:00Z'), new Date('2025-01-20T08:00:00Z'));
      c.queue.push(target);
      expect((await t.call(c.channel, { docId: opened.docId, doc: sampleReport(), mode: 'draft', ...c.extra })).ok, c.name).toBe(true);
      expect(readFileSync(target, 'utf8')).not.toBe(`the approved ${c.name}`);
      const exportsRoot = join(t.dataDir, 'backups', 'exports');
      const kept = readdirSync(exportsRoot, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(`-${c.name}`));
      expect(kept, c.name).toEqual([expect.stringMatching(new RegExp(`/20250120T080000000Z-${c.name.replace('.', '\\.')}$`))]);
      expect(readFileSync(join(exportsRoot, kept[0]!), 'utf8')).toBe(`the approved ${c.name}`);
    }
  });

  it('a new file, or one the export leaves unchanged, is not backed up', async () => {
    const t = makeCore(root, { pdf: fakePdf });
    const opened = await t.ok<{ docId: string }>('doc:new', { year: 2025, agencyName: '测试镇人民政府', level: '乡镇' });
    const target = join(t.documentsDir, '新.pdf');
    t.dialogs.answers.savePdf.push(target, target);
    expect((await t.call('export:pdf', { docId: opened.docId, doc: sampleReport(), mode: 'draft' })).ok).toBe(true);
    expect((await t.call('export:pdf', { docId: opened.docId, doc: sampleReport(), mode: 'draft' })).ok).toBe(true);
    // The fake PDF service renders the same bytes each time: nothing was lost, nothing is kept.
    expect(existsSync(join(t.dataDir, 'backups', 'exports'))).toBe(false);
  });
});
