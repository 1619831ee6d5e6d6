// electron/node/storage/index.ts: createStorage — report files, their backups, the copies of replaced exports
// and the recovery copies, all under the data folder except the reports themselves, on the file-system layer
// given (nodeFs by default).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderId, createStorage, nodeFs, type FsLayer } from '../../../../electron/node/storage/index';
import { removeDir, smallReport, tempDir } from './helpers';

let root: string;
beforeEach(() => {
  root = tempDir('nianbao-storage-');
});
afterEach(() => removeDir(root));

describe('createStorage', () => {
  it('saves a report where the user chose and keeps the replaced version under dataDir/backups', async () => {
    const dataDir = join(root, 'data');
    const storage = createStorage({ dataDir });
    const file = join(root, '2025.nianbao');
    const first = await storage.files.save(file, smallReport('一'), { expected: null });
    await storage.files.save(file, smallReport('二'), { expected: first.fingerprint });
    expect(readFileSync(file, 'utf8')).toContain('总体情况二');
    expect(storage.backups.folderFor(file)).toBe(join(dataDir, 'backups', backupFolderId(file)));
    const [backup] = await storage.backups.list(file);
    const kept = new TextDecoder().decode(await storage.backups.read(file, backup!.backupId));
    expect(kept).toContain('总体情况一');
    expect(kept).not.toContain('总体情况二');
  });

  it('keeps replaced exports under dataDir/backups/exports and recovery copies under dataDir/recovery', async () => {
    const dataDir = join(root, 'data');
    const storage = createStorage({ dataDir });
    expect(storage.exportBackups.folderFor(join(root, 'a.pdf')).startsWith(join(dataDir, 'backups', 'exports'))).toBe(true);
    const docId = '0f0e0d0c-0b0a-4908-8706-050403020100';
    await storage.recovery.write({ docId, filePath: null, fingerprint: null, doc: smallReport('未保存'), savedAt: '2026-01-15T09:00:00.000Z' });
    expect(readdirSync(join(dataDir, 'recovery'))).toEqual([`${docId}.json`]);
  });

  it('does every file operation through the file-system layer given', async () => {
    const calls: string[] = [];
    const recording = Object.fromEntries(
      Object.entries(nodeFs).map(([name, fn]) => [name, (...args: unknown[]) => (calls.push(name), (fn as (...a: unknown[]) => unknown)(...args))]),
    ) as unknown as FsLayer;
    const storage = createStorage({ dataDir: join(root, 'data'), fs: recording });
    await storage.files.save(join(root, 'r.nianbao'), smallReport(), { expected: null });
    expect(calls).toContain('createExclusive');
    expect(calls.some((c) => c === 'rename' || c === 'link')).toBe(true);
  });
});
