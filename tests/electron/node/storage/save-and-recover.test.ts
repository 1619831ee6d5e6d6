// Concurrent saves, backups and recovery copies, through the core as the renderer uses it (new, open, save,
// save-as of one document: tests/electron/node/app-core/doc.test.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupEntry, OpenedDocument, RecoveryEntry } from '../../../../shared/ipc/contract';
import { parseReport, serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { BACKUPS_KEPT, backupFolderId } from '../../../../electron/node/storage/backups';
import { makeCore, removeDir, sampleReport, smallReport, tempDir } from './helpers';

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => removeDir(root));

const recoveryFiles = (dataDir: string) => (existsSync(join(dataDir, 'recovery')) ? readdirSync(join(dataDir, 'recovery')) : []);

describe('concurrent saves of one document', () => {
  it('run one after another; the last one wins; the file is never torn', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(path);
    const opened = await t.ok<OpenedDocument>('doc:open');
    const versions = Array.from({ length: 25 }, (_, i) => sampleReport(`（第${i + 1}版）`.repeat(i + 1)));
    // Autosaves interleaved too, as when the user types while saving.
    const results = await Promise.all(
      versions.flatMap((doc) => [t.call('doc:save', { docId: opened.docId, doc }), t.call('doc:autosave', { docId: opened.docId, doc })]),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(serializeReport(versions.at(-1)!));
    const backupDir = join(t.dataDir, 'backups', backupFolderId(path));
    const backups = readdirSync(backupDir).filter((n) => n.endsWith('.nianbao'));
    expect(backups).toHaveLength(BACKUPS_KEPT);
    // The newest backup is the version before the last one.
    expect(readFileSync(join(backupDir, backups.sort().at(-1)!), 'utf8')).toBe(serializeReport(versions.at(-2)!));
    for (const name of backups) expect(parseReport(readFileSync(join(backupDir, name), 'utf8')).ok).toBe(true);
  });

  it('two documents saving to two files at once do not wait for each other or mix', async () => {
    const t = makeCore(root);
    const docs = await Promise.all([1, 2].map(() => t.ok<OpenedDocument>('doc:new', { year: 2024, agencyName: '某镇', level: '乡镇' })));
    t.dialogs.answers.saveReport.push(join(t.documentsDir, 'one.nianbao'), join(t.documentsDir, 'two.nianbao'));
    await Promise.all(docs.map((d, i) => t.ok('doc:save', { docId: d.docId, doc: smallReport(`#${i}`) })));
    const contents = ['one', 'two'].map((n) => readFileSync(join(t.documentsDir, `${n}.nianbao`), 'utf8')).sort();
    expect(contents).toEqual([serializeReport(smallReport('#0')), serializeReport(smallReport('#1'))].sort());
  });
});

describe('backups', () => {
  it(`keep the last ${BACKUPS_KEPT} versions, newest first, each restorable`, async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport('v0')));
    t.dialogs.answers.openReport.push(path);
    const opened = await t.ok<OpenedDocument>('doc:open');
    for (let i = 1; i <= 15; i++) await t.ok('doc:save', { docId: opened.docId, doc: sampleReport(`v${i}`) });
    const list = await t.ok<BackupEntry[]>('backups:list', { docId: opened.docId });
    expect(list).toHaveLength(BACKUPS_KEPT);
    // Versions v5…v14 are kept (v15 is the file itself), newest first.
    for (const [i, entry] of list.entries()) {
      const restored = await t.ok<{ doc: ReportDocument }>('backups:restore', { docId: opened.docId, backupId: entry.backupId });
      expect(restored.doc.sections.other.endsWith(`v${14 - i}`)).toBe(true);
      expect(entry.size).toBe(Buffer.byteLength(serializeReport(sampleReport(`v${14 - i}`))));
      expect(Number.isNaN(Date.parse(entry.savedAt))).toBe(false);
    }
    // Restoring does not touch the file.
    expect(readFileSync(path, 'utf8')).toBe(serializeReport(sampleReport('v15')));
  });

  it('saving unchanged content adds no backup; unknown or malicious backup ids are refused', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(path);
    const opened = await t.ok<OpenedDocument>('doc:open');
    await t.ok('doc:save', { docId: opened.docId, doc: sampleReport() });
    expect(await t.ok('backups:list', { docId: opened.docId })).toEqual([]);
    for (const backupId of ['00000001-20260101T000000000Z', '..', '../../etc/passwd']) {
      const result = await t.call('backups:restore', { docId: opened.docId, backupId });
      expect(result.ok).toBe(false);
      expect(!result.ok && ['not-found', 'invalid-payload']).toContain(!result.ok && result.error.code);
    }
  });
});

describe('recovery copies', () => {
  it('round trip: autosave, "crash", next start lists it with its time, restore, save removes it', async () => {
    let clock = new Date('2026-01-10T08:00:00.000Z');
    const first = makeCore(root, { now: () => clock });
    const path = join(first.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    first.dialogs.answers.openReport.push(path);
    const opened = await first.ok<OpenedDocument>('doc:open');
    const typed = sampleReport('（没来得及保存的修改）');
    clock = new Date('2026-01-10T08:05:00.000Z');
    const auto = await first.ok<{ savedAt: string }>('doc:autosave', { docId: opened.docId, doc: typed });
    expect(auto.savedAt).toBe('2026-01-10T08:05:00.000Z');
    // The first core is never closed: the process "crashed". A new one starts on the same data folder.
    const second = makeCore(root, { now: () => clock });
    const list = await second.ok<RecoveryEntry[]>('recovery:list');
    expect(list).toEqual([
      { recoveryId: opened.docId, title: '2022年平潭综合实验区政府信息公开工作年度报告', fileName: 'report.nianbao', savedAt: '2026-01-10T08:05:00.000Z' },
    ]);
    const restored = await second.ok<OpenedDocument>('recovery:restore', { recoveryId: list[0]!.recoveryId });
    expect(restored.doc).toEqual(typed);
    expect(restored.fileName).toBe('report.nianbao');
    expect(second.core.dirtyDocuments()).toHaveLength(1);
    // While it is open it is not offered again, and its copy stays until it is saved.
    expect(await second.ok('recovery:list')).toEqual([]);
    expect(recoveryFiles(second.dataDir)).toHaveLength(1);
    await second.ok('doc:save', { docId: restored.docId, doc: restored.doc });
    expect(readFileSync(path, 'utf8')).toBe(serializeReport(typed));
    expect(recoveryFiles(second.dataDir)).toEqual([]);
  });

  it('restoring a copy whose file was changed since: the save is a conflict', async () => {
    const first = makeCore(root);
    const path = join(first.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    first.dialogs.answers.openReport.push(path);
    const opened = await first.ok<OpenedDocument>('doc:open');
    await first.ok('doc:autosave', { docId: opened.docId, doc: sampleReport('mine') });
    writeFileSync(path, serializeReport(sampleReport('theirs')));
    const second = makeCore(root);
    const restored = await second.ok<OpenedDocument>('recovery:restore', { recoveryId: opened.docId });
    const result = await second.call('doc:save', { docId: restored.docId, doc: restored.doc });
    expect(!result.ok && result.error.code).toBe('conflict');
  });

  it('an untitled document is recovered too; discard removes the copy', async () => {
    const first = makeCore(root);
    const created = await first.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '', level: '乡镇' });
    await first.ok('doc:autosave', { docId: created.docId, doc: created.doc });
    const second = makeCore(root);
    const list = await second.ok<RecoveryEntry[]>('recovery:list');
    expect(list.map((e) => [e.fileName, e.title])).toEqual([[null, '2025年政府信息公开工作年度报告']]);
    await second.ok('recovery:discard', { recoveryId: list[0]!.recoveryId });
    expect(await second.ok('recovery:list')).toEqual([]);
    const again = await second.call('recovery:restore', { recoveryId: list[0]!.recoveryId });
    expect(!again.ok && again.error.code).toBe('not-found');
  });

  it('closing a document removes its copy; an autosave after close is refused', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    await t.ok('doc:autosave', { docId: created.docId, doc: created.doc });
    expect(recoveryFiles(t.dataDir)).toHaveLength(1);
    await t.ok('doc:close', { docId: created.docId });
    expect(recoveryFiles(t.dataDir)).toEqual([]);
    const late = await t.call('doc:autosave', { docId: created.docId, doc: created.doc });
    expect(!late.ok && late.error.code).toBe('unknown-document');
    expect(recoveryFiles(t.dataDir)).toEqual([]);
  });

  it('a save does not remove a copy holding newer edits than the saved ones', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    // The save dialog is open while the user keeps typing: the autosave arrives after the save request.
    let answer: (path: string) => void = () => undefined;
    t.dialogs.saveReport = (path: string) => {
      t.dialogs.calls.push({ kind: 'saveReport', arg: path });
      return new Promise<string>((resolve) => (answer = resolve));
    };
    const saving = t.call('doc:save', { docId: created.docId, doc: created.doc });
    await new Promise((r) => setTimeout(r, 10));
    const newer = smallReport('（保存对话框打开时输入的）');
    await t.ok('doc:autosave', { docId: created.docId, doc: newer });
    answer(join(t.documentsDir, 'r.nianbao'));
    expect((await saving).ok).toBe(true);
    const kept = JSON.parse(readFileSync(join(t.dataDir, 'recovery', `${created.docId}.json`), 'utf8')) as { doc: ReportDocument };
    expect(kept.doc).toEqual(newer);
  });

  it('closing with 不保存 forgets every open document and its copy', async () => {
    const t = makeCore(root);
    const created = await t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    await t.ok('doc:autosave', { docId: created.docId, doc: created.doc });
    await t.ok('doc:setDirty', { docId: created.docId, dirty: true });
    const counts: number[] = [];
    t.core.onDirtyChange((n) => counts.push(n));
    await t.core.discardUnsavedChanges();
    expect(t.core.dirtyDocuments()).toEqual([]);
    expect(counts.at(-1)).toBe(0);
    expect(recoveryFiles(t.dataDir)).toEqual([]);
  });

  it('broken recovery files are skipped, not fatal', async () => {
    const t = makeCore(root);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(t.dataDir, 'recovery'), { recursive: true });
    writeFileSync(join(t.dataDir, 'recovery', '0b7c5a7e-1111-4222-8333-944455556666.json'), '{"kind":"nianbao-recov');
    writeFileSync(join(t.dataDir, 'recovery', 'not-an-id.json'), '{}');
    expect(await t.ok('recovery:list')).toEqual([]);
  });
});
