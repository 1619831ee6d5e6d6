// Finding 7 of issue 10: export never replaces a file the user did not confirm. The save dialog confirmed
// “领导审定稿” (no extension); the core appends .pdf — and an existing 领导审定稿.pdf must not be replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfService } from '../../electron/node/app-core';
import { makeCore, removeDir, sampleReport, tempDir } from '../storage/helpers';

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
});
