// Every kind of bad file and failing disk: each gives its code and a clear Chinese message, the file on disk
// stays as it was, and the editor's content is kept (a recovery copy is written when a save fails).
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDocument, RecoveryEntry, Result, SaveResult } from '../../../../shared/ipc/contract';
import { serializeReport } from '../../../../shared/model/document';
import { CHINESE, faultyFs, isRoot, makeCore, mountTmpfs, removeDir, sampleReport, tempDir, type TestCore } from './helpers';

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => {
  removeDir(root);
});

function expectError(result: Result<unknown>, code: string, phrase: RegExp): void {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(CHINESE);
  expect(result.error.message).toMatch(phrase);
}

/** Opens `path` through the open dialog. */
function openVia(t: TestCore, path: string): Promise<Result<OpenedDocument>> {
  t.dialogs.answers.openReport.push(path);
  return t.call<OpenedDocument>('doc:open');
}

describe('opening bad files', () => {
  const valid = serializeReport(sampleReport());
  const cases: { name: string; content: string | Buffer; code: string; phrase: RegExp }[] = [
    { name: 'invalid JSON', content: '{ "schemaVersion": 1, "format": "2021", oops }', code: 'bad-file', phrase: /损坏|不完整/ },
    { name: 'a truncated file', content: valid.slice(0, Math.floor(valid.length / 2)), code: 'bad-file', phrase: /截断|不完整/ },
    { name: 'an empty file', content: '', code: 'bad-file', phrase: /空/ },
    { name: 'a foreign JSON file', content: '{"name":"some-package","version":"1.0.0"}\n', code: 'bad-file', phrase: /不是年报助手的报告文件/ },
    { name: 'a JSON array', content: '[1, 2, 3]', code: 'bad-file', phrase: /不是年报助手的报告文件/ },
    { name: 'a binary file', content: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x92, 0x00]), code: 'bad-file', phrase: /UTF-8|损坏/ },
    {
      name: 'a file from a newer version',
      content: valid.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'),
      code: 'newer-version',
      phrase: /新版本|更高|升级/,
    },
    {
      name: 'a report with schema errors',
      content: valid.replace('"level": "设区的市级"', '"level": "村级"').replace(/"t3\.received\.natural": \d+/, '"t3.received.natural": "多"'),
      code: 'bad-file',
      phrase: /机关层级|表格数据/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.code}, file untouched, nothing registered`, async () => {
      const t = makeCore(root);
      const path = join(t.documentsDir, 'bad.nianbao');
      writeFileSync(path, c.content);
      const before = readFileSync(path);
      const result = await openVia(t, path);
      expectError(result, c.code, c.phrase);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(t.core.dirtyDocuments()).toEqual([]);
    });
  }

  it('schema errors come with each problem listed', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'bad.nianbao');
    writeFileSync(path, valid.replace('"level": "设区的市级"', '"level": "村级"'));
    const result = await openVia(t, path);
    expect(!result.ok && result.error.problems?.some((p) => p.includes('机关层级'))).toBe(true);
  });

  it('a file that does not exist: not-found', async () => {
    const t = makeCore(root);
    expectError(await openVia(t, join(root, 'missing.nianbao')), 'not-found', /找不到/);
  });

  it('a folder: bad-file', async () => {
    const t = makeCore(root);
    expectError(await openVia(t, t.documentsDir), 'bad-file', /文件夹/);
  });

  it('a cancelled dialog: cancelled', async () => {
    const t = makeCore(root);
    t.dialogs.answers.openReport.push(null);
    expectError(await t.call('doc:open'), 'cancelled', /取消/);
  });
});

/** Opens a good report, then saves an edited version with `fs` failing. */
async function failedSave(t: TestCore, path: string) {
  const opened = await openVia(t, path);
  if (!opened.ok) throw new Error(opened.error.message);
  const edited = sampleReport('（修改后）');
  const result = await t.call<SaveResult>('doc:save', { docId: opened.value.docId, doc: edited });
  return { result, docId: opened.value.docId, edited };
}

async function expectKeptInRecovery(t: TestCore, docId: string, editedOther: string) {
  // The editor keeps its content anyway; the core also wrote it to the recovery folder.
  const recovery = JSON.parse(readFileSync(join(t.dataDir, 'recovery', `${docId}.json`), 'utf8')) as { doc: { sections: { other: string } } };
  expect(recovery.doc.sections.other).toBe(editedOther);
}

function tempFilesIn(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.endsWith('.tmp'));
}

describe('saving when the disk says no', () => {
  for (const [code, expected, phrase] of [
    ['ENOSPC', 'disk-full', /磁盘空间不足/],
    ['EDQUOT', 'disk-full', /磁盘空间不足/],
    ['EACCES', 'read-only', /没有权限|只读/],
    ['EPERM', 'read-only', /没有权限|只读/],
    ['EROFS', 'read-only', /只读/],
    ['EIO', 'io', /出错/],
  ] as const) {
    for (const op of ['createExclusive', 'write', 'sync', 'rename'] as const) {
      it(`${code} at ${op} (injected): ${expected}, old file intact, temp file removed, content kept`, async () => {
        // Only the documents folder fails: the data folder (backups, recovery) is on another, healthy disk.
        const faulty = faultyFs(code, [op], { under: join(root, 'documents') });
        const t = makeCore(root, { fs: faulty.fs });
        const path = join(t.documentsDir, 'report.nianbao');
        const original = serializeReport(sampleReport());
        writeFileSync(path, original);
        const { result, docId, edited } = await failedSave(t, path);
        expect(faulty.failures()).toBeGreaterThan(0);
        expectError(result, expected, phrase);
        if (!result.ok) expect(result.error.message).toMatch(/没有丢失/);
        expect(readFileSync(path, 'utf8')).toBe(original);
        expect(tempFilesIn(t.documentsDir)).toEqual([]);
        await expectKeptInRecovery(t, docId, edited.sections.other);
      });
    }
  }

  it('a read-only file (write permission removed) is refused, not replaced', async () => {
    const faulty = faultyFs('EACCES', ['checkWritable'], { under: join(root, 'documents') });
    // Root may write anything, so for root the permission check is simulated; otherwise the file is really read-only.
    const t = makeCore(root, isRoot ? { fs: faulty.fs } : {});
    const path = join(t.documentsDir, 'report.nianbao');
    const original = serializeReport(sampleReport());
    writeFileSync(path, original);
    chmodSync(path, 0o444);
    const { result } = await failedSave(t, path);
    expectError(result, 'read-only', /只读|没有权限/);
    expect(readFileSync(path, 'utf8')).toBe(original);
    chmodSync(path, 0o644);
  });

  it.skipIf(isRoot)('a read-only folder (real permissions): read-only', async () => {
    const t = makeCore(root);
    const folder = join(t.documentsDir, 'locked');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    const path = join(folder, 'report.nianbao');
    const original = serializeReport(sampleReport());
    writeFileSync(path, original);
    chmodSync(folder, 0o555);
    try {
      const { result } = await failedSave(t, path);
      expectError(result, 'read-only', /只读|没有权限/);
      expect(readFileSync(path, 'utf8')).toBe(original);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  describe('on a real small tmpfs (needs root and mount; skipped otherwise)', () => {
    it('a full disk (ENOSPC for real): disk-full, old file intact, no temp file left', async (ctx) => {
      const m = mountTmpfs(512);
      if (!m) return ctx.skip();
      try {
        const t = makeCore(root);
        const path = join(m.dir, 'report.nianbao');
        const original = serializeReport(sampleReport());
        writeFileSync(path, original);
        const opened = await openVia(t, path);
        if (!opened.ok) throw new Error(opened.error.message);
        // Bigger than the space left: about 900 KB of text on a 512 KB disk that already holds the report.
        const long = (c: string) => c.repeat(99_000);
        const edited = { ...sampleReport(), sections: { overview: long('总'), problems: long('问'), other: long('他') } };
        const result = await t.call('doc:save', { docId: opened.value.docId, doc: edited });
        expectError(result, 'disk-full', /磁盘空间不足/);
        expect(readFileSync(path, 'utf8')).toBe(original);
        expect(tempFilesIn(m.dir)).toEqual([]);
        await expectKeptInRecovery(t, opened.value.docId, edited.sections.other);
      } finally {
        m.unmount();
      }
    });

    it('a read-only file system (EROFS for real): read-only', async (ctx) => {
      const m = mountTmpfs(256);
      if (!m) return ctx.skip();
      try {
        const t = makeCore(root);
        const path = join(m.dir, 'report.nianbao');
        const original = serializeReport(sampleReport());
        writeFileSync(path, original);
        expect(m.remountReadOnly()).toBe(true);
        const { result } = await failedSave(t, path);
        expectError(result, 'read-only', /只读/);
        expect(readFileSync(path, 'utf8')).toBe(original);
      } finally {
        m.unmount();
      }
    });
  });
});

describe('a file changed by another program', () => {
  it('is not overwritten (conflict) until the user says so; the other version goes to the backups', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    const opened = await openVia(t, path);
    if (!opened.ok) throw new Error(opened.error.message);
    const theirs = serializeReport(sampleReport('（同事在别的电脑上改的）'));
    writeFileSync(path, theirs);

    const mine = sampleReport('（我改的）');
    const conflict = await t.call('doc:save', { docId: opened.value.docId, doc: mine });
    expectError(conflict, 'conflict', /其他程序修改/);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    await expectKeptInRecovery(t, opened.value.docId, mine.sections.other);

    await t.ok('doc:save', { docId: opened.value.docId, doc: mine, overwriteChanged: true });
    expect(readFileSync(path, 'utf8')).toBe(serializeReport(mine));
    const backups = await t.ok<{ backupId: string }[]>('backups:list', { docId: opened.value.docId });
    const restored = await t.ok<{ doc: unknown }>('backups:restore', { docId: opened.value.docId, backupId: backups[0]!.backupId });
    expect(serializeReport(restored.doc as never)).toBe(theirs);

    // Saved by us since: no conflict any more.
    await t.ok('doc:save', { docId: opened.value.docId, doc: sampleReport('（再改）') });
  });

  it('a file touched but not changed (same content) is no conflict', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    const content = serializeReport(sampleReport());
    writeFileSync(path, content);
    const opened = await openVia(t, path);
    if (!opened.ok) throw new Error(opened.error.message);
    writeFileSync(path, content); // new mtime, same bytes (a sync tool rewrote it)
    await t.ok('doc:save', { docId: opened.value.docId, doc: sampleReport('x') });
  });

  it('a file deleted meanwhile is written again (nothing to lose)', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    const opened = await openVia(t, path);
    if (!opened.ok) throw new Error(opened.error.message);
    const { unlinkSync } = await import('node:fs');
    unlinkSync(path);
    await t.ok('doc:save', { docId: opened.value.docId, doc: sampleReport('x') });
    expect(existsSync(path)).toBe(true);
  });

  it('two documents open on the same file: the second save is a conflict', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    const a = await openVia(t, path);
    const b = await openVia(t, path);
    if (!a.ok || !b.ok) throw new Error('open failed');
    await t.ok('doc:save', { docId: a.value.docId, doc: sampleReport('A') });
    expectError(await t.call('doc:save', { docId: b.value.docId, doc: sampleReport('B') }), 'conflict', /其他程序修改/);
    expect(readFileSync(path, 'utf8')).toBe(serializeReport(sampleReport('A')));
    const list = await t.ok<RecoveryEntry[]>('recovery:list');
    expect(list).toEqual([]); // open documents are not offered for recovery
  });
});
