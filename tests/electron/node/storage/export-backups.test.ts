// The copies of replaced exports: named after the old file's time and name, the newest 5 kept per file, none
// for a missing file, a folder or identical bytes.
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_BACKUPS_KEPT, ExportBackupStore } from '../../../../electron/node/storage/export-backups';
import { nodeFs } from '../../../../electron/node/storage/fs-layer';
import { removeDir, tempDir } from './helpers';

let root: string;
let store: ExportBackupStore;
beforeEach(() => {
  root = tempDir('nianbao-export-backups-');
  store = new ExportBackupStore(nodeFs, join(root, 'backups', 'exports'));
});
afterEach(() => removeDir(root));

describe('ExportBackupStore', () => {
  it('copies the replaced file, named after when it was written, with a note of where it came from', async () => {
    const target = join(root, '报告.pdf');
    writeFileSync(target, 'old pdf');
    utimesSync(target, new Date('2025-02-01T01:02:03.456Z'), new Date('2025-02-01T01:02:03.456Z'));
    const copy = await store.keepReplaced(target, new TextEncoder().encode('new pdf'));
    expect(copy).toBe(join(store.folderFor(target), '20250201T010203456Z-报告.pdf'));
    expect(readFileSync(copy!, 'utf8')).toBe('old pdf');
    expect(readFileSync(join(store.folderFor(target), 'source.txt'), 'utf8')).toBe(`${target}\n`);
  });

  it('keeps the newest 5 per file', async () => {
    const target = join(root, '网页版.html');
    for (let i = 0; i < EXPORT_BACKUPS_KEPT + 3; i++) {
      writeFileSync(target, `version ${i}`);
      const t = new Date(Date.UTC(2025, 0, 1 + i));
      utimesSync(target, t, t);
      await store.keepReplaced(target, new TextEncoder().encode(`version ${i + 1}`));
    }
    const kept = await store.list(target);
    expect(kept).toHaveLength(EXPORT_BACKUPS_KEPT);
    expect(kept.map((n) => readFileSync(join(store.folderFor(target), n), 'utf8'))).toEqual([3, 4, 5, 6, 7].map((i) => `version ${i}`));
  });

  it('keeps nothing for a missing file, a folder, or the same bytes', async () => {
    expect(await store.keepReplaced(join(root, 'none.pdf'), new Uint8Array([1]))).toBeNull();
    mkdirSync(join(root, 'folder.pdf'));
    expect(await store.keepReplaced(join(root, 'folder.pdf'), new Uint8Array([1]))).toBeNull();
    writeFileSync(join(root, 'same.pdf'), 'same');
    expect(await store.keepReplaced(join(root, 'same.pdf'), new TextEncoder().encode('same'))).toBeNull();
    expect(readdirSync(root)).not.toContain('backups');
  });
});
