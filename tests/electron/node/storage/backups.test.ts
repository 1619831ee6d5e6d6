// electron/node/storage/backups.ts: the previous versions of a report file — one folder per file (named by a
// hash of its path), numbered and time-stamped copies, newest first, the newest ten kept, no copy of unchanged
// content, leftovers of a killed backup cleared, and unknown or malicious ids refused.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupFolderId, BackupStore } from '../../../../electron/node/storage/backups';
import { StorageError } from '../../../../electron/node/storage/errors';
import { nodeFs } from '../../../../electron/node/storage/fs-layer';
import { removeDir, tempDir } from './helpers';

let root: string;
let store: BackupStore;
let file: string;
beforeEach(() => {
  root = tempDir('nianbao-backups-');
  store = new BackupStore(nodeFs, join(root, 'backups'));
  file = join(root, '2025年报.nianbao');
});
afterEach(() => removeDir(root));

const bytes = (text: string) => new TextEncoder().encode(text);
const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 9, minute, 0, 123));

async function refusal(run: Promise<unknown>): Promise<StorageError> {
  try {
    await run;
  } catch (e) {
    expect(e).toBeInstanceOf(StorageError);
    return e as StorageError;
  }
  throw new Error('expected a StorageError');
}

describe('backupFolderId', () => {
  it('is a 32-hex-digit id of the absolute path: the same for the same file however it is named', () => {
    const id = backupFolderId(file);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(backupFolderId(relative(process.cwd(), file))).toBe(id);
    expect(backupFolderId(join(root, 'x', '..', '2025年报.nianbao'))).toBe(id);
    expect(backupFolderId(join(root, '2024年报.nianbao'))).not.toBe(id);
  });

  it('folds case on Windows only', () => {
    expect(backupFolderId('/A/Report.nianbao', 'win32')).toBe(backupFolderId('/a/report.nianbao', 'win32'));
    expect(backupFolderId('/A/Report.nianbao', 'linux')).not.toBe(backupFolderId('/a/report.nianbao', 'linux'));
  });
});

describe('BackupStore', () => {
  it('keeps each version with its time, lists them newest first, and reads each back', async () => {
    await store.add(file, bytes('第一版'), at(1));
    await store.add(file, bytes('第二版，更长'), at(2));
    const list = await store.list(file);
    expect(list).toEqual([
      { backupId: '00000002-20260115T090200123Z', savedAt: '2026-01-15T09:02:00.123Z', size: bytes('第二版，更长').byteLength },
      { backupId: '00000001-20260115T090100123Z', savedAt: '2026-01-15T09:01:00.123Z', size: bytes('第一版').byteLength },
    ]);
    expect(new TextDecoder().decode(await store.read(file, list[1]!.backupId))).toBe('第一版');
    expect(store.folderFor(file)).toBe(join(root, 'backups', backupFolderId(file)));
    expect(readFileSync(join(store.folderFor(file), 'source.txt'), 'utf8')).toBe(`${file}\n`);
  });

  it('adds no copy of content equal to the newest one', async () => {
    await store.add(file, bytes('同一内容'), at(1));
    await store.add(file, bytes('同一内容'), at(2));
    expect((await store.list(file)).map((b) => b.backupId)).toEqual(['00000001-20260115T090100123Z']);
    await store.add(file, bytes('同样长度'), at(3)); // same size, other bytes
    expect(await store.list(file)).toHaveLength(2);
  });

  it(`keeps the newest ${BACKUPS_KEPT} by default, numbering on`, async () => {
    for (let i = 1; i <= BACKUPS_KEPT + 2; i++) await store.add(file, bytes(`版本 ${i}`), at(i));
    const list = await store.list(file);
    expect(list).toHaveLength(BACKUPS_KEPT);
    expect(list[0]!.backupId.startsWith(String(BACKUPS_KEPT + 2).padStart(8, '0'))).toBe(true);
    expect(list.at(-1)!.backupId.startsWith('00000003')).toBe(true);
    const small = new BackupStore(nodeFs, join(root, 'small'), 2);
    for (let i = 1; i <= 4; i++) await small.add(file, bytes(`版本 ${i}`), at(i));
    expect(await Promise.all((await small.list(file)).map(async (b) => new TextDecoder().decode(await small.read(file, b.backupId))))).toEqual(['版本 4', '版本 3']);
  });

  it('keeps the versions of each file apart', async () => {
    const other = join(root, '2024年报.nianbao');
    await store.add(file, bytes('今年'), at(1));
    await store.add(other, bytes('去年'), at(2));
    expect(await store.list(file)).toHaveLength(1);
    expect(new TextDecoder().decode(await store.read(other, (await store.list(other))[0]!.backupId))).toBe('去年');
  });

  it('lists nothing for a file never backed up; skips stray files in its folder', async () => {
    expect(await store.list(file)).toEqual([]);
    await store.add(file, bytes('一'), at(1));
    writeFileSync(join(store.folderFor(file), '笔记.txt'), 'x');
    writeFileSync(join(store.folderFor(file), '00000009-bad.nianbao'), 'x');
    expect((await store.list(file)).map((b) => b.backupId)).toEqual(['00000001-20260115T090100123Z']);
  });

  it('clears the temporary files of a backup that was interrupted', async () => {
    await store.add(file, bytes('一'), at(1));
    const stray = join(store.folderFor(file), '.00000002-20260115T090200123Z.nianbao.0a1b2c3d.tmp');
    writeFileSync(stray, 'half');
    await store.add(file, bytes('二'), at(2));
    expect(existsSync(stray)).toBe(false);
    expect(readdirSync(store.folderFor(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an id that is not a backup id (no path tricks), and one that no longer exists', async () => {
    await store.add(file, bytes('一'), at(1));
    for (const id of ['../../etc/passwd', '00000001-20260115T090100123Z/../x', '', 'source']) {
      const e = await refusal(store.read(file, id));
      expect(e.code).toBe('not-found');
      expect(e.message).toBe('找不到这个备份版本。');
    }
    const gone = await refusal(store.read(file, '00000007-20260115T090700123Z'));
    expect(gone.message).toBe('找不到这个备份版本，它可能已被更新的备份替换。');
  });
});
