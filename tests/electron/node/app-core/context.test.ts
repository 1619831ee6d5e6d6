// The helpers every group of handlers shares (context.ts): the folder a dialog opens in, writing an export
// (the replaced file backed up first), the cancelled error, and reading a file the user chose.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelled, folderFor, readUserFile, writeExport, type CoreContext } from '../../../../electron/node/app-core/context';
import { createPreferences } from '../../../../electron/node/prefs/preferences';
import { createMemoryPrefsStore } from '../../../../electron/node/prefs/prefs-store';
import { StorageError } from '../../../../electron/node/storage/errors';
import { nodeFs } from '../../../../electron/node/storage/fs-layer';
import { createStorage } from '../../../../electron/node/storage/index';
import { UserError } from '../../../../electron/node/user-error';
import { removeDir, tempDir } from '../storage/helpers';

let root: string;
let warnings: string[];
beforeEach(() => {
  root = tempDir('nianbao-context-');
  warnings = [];
});
afterEach(() => removeDir(root));

/** The parts of a CoreContext these helpers use, on real storage and preferences in `root`. */
function context(dataDir = join(root, 'data')): CoreContext {
  return {
    options: { documentsDir: join(root, 'documents') },
    fs: nodeFs,
    storage: createStorage({ dataDir }),
    preferences: createPreferences(createMemoryPrefsStore()),
    warn: (message: string) => warnings.push(message),
  } as unknown as CoreContext;
}

describe('folderFor', () => {
  it('is Documents until a file of that kind was taken from somewhere, then that folder, per kind', () => {
    const ctx = context();
    expect(folderFor(ctx, 'pdf')).toBe(join(root, 'documents'));
    ctx.preferences.setLastFolder('pdf', '/exports/2025');
    expect(folderFor(ctx, 'pdf')).toBe('/exports/2025');
    expect(folderFor(ctx, 'report')).toBe(join(root, 'documents'));
  });
});

describe('writeExport', () => {
  it('writes the bytes, keeping the file it replaces among the export backups', async () => {
    const ctx = context();
    const target = join(root, '年报.pdf');
    writeFileSync(target, 'old version');
    await writeExport(ctx, target, Buffer.from('new version'));
    expect(readFileSync(target, 'utf8')).toBe('new version');
    const kept = readdirSync(ctx.storage.exportBackups.folderFor(target)).filter((n) => n.endsWith('.pdf'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(ctx.storage.exportBackups.folderFor(target), kept[0]!), 'utf8')).toBe('old version');
    expect(warnings).toEqual([]);
  });

  it('a backup that cannot be written is a warning: the export is written all the same', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'backups'), 'a file where the backups folder should be');
    const ctx = context(dataDir);
    const target = join(root, '年报.html');
    writeFileSync(target, 'old version');
    await writeExport(ctx, target, Buffer.from('new version'));
    expect(readFileSync(target, 'utf8')).toBe('new version');
    expect(warnings).toEqual([`被替换的导出文件没能备份：${target}`]);
  });

  it('a write that fails is a StorageError naming the file, in Chinese', async () => {
    const target = join(root, 'gone', '年报.docx');
    const failure = await writeExport(context(), target, Buffer.from('x')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ code: 'not-found' });
    expect((failure as Error).message).toContain('“年报.docx”');
  });
});

describe('cancelled', () => {
  it('is the UserError the renderer does not show: code cancelled', () => {
    const error = cancelled();
    expect(error).toBeInstanceOf(UserError);
    expect(error.toBridgeError()).toEqual({ code: 'cancelled', message: '已取消。' });
  });
});

describe('readUserFile', () => {
  it('reads a file the user chose', async () => {
    const path = join(root, '去年.txt');
    writeFileSync(path, '2024年政府信息公开工作年度报告');
    expect(Buffer.from(await readUserFile(path, 'text')).toString('utf8')).toBe('2024年政府信息公开工作年度报告');
  });

  it('a missing file or a folder is a StorageError with the reader’s Chinese message', async () => {
    const missing = await readUserFile(join(root, '没有.txt'), 'text').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StorageError);
    expect(missing).toMatchObject({ code: 'not-found' });
    expect((missing as Error).message).toContain('没有.txt');
    const folder = await readUserFile(root, 'text').catch((e: unknown) => e);
    expect(folder).toBeInstanceOf(StorageError);
    expect((folder as Error).message).toMatch(/文件夹/);
  });
});
