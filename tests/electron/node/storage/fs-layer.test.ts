// electron/node/storage/fs-layer.ts: nodeFs, the real file system behind storage's interface — exclusive
// creation, link that never replaces, recursive mkdir, writability, folder sync that tolerates folders it
// cannot open — and errnoCode, which reads a Node error's code.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errnoCode, nodeFs } from '../../../../electron/node/storage/fs-layer';
import { removeDir, tempDir } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('nianbao-fs-layer-');
});
afterEach(() => {
  chmodSync(dir, 0o755);
  removeDir(dir);
});

const code = async (run: Promise<unknown>) => errnoCode(await run.then(() => undefined, (e: unknown) => e));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('nodeFs', () => {
  it('creates a file exclusively, writes, syncs and closes it; a second create of the same name fails', async () => {
    const path = join(dir, 'a.nianbao');
    const handle = await nodeFs.createExclusive(path);
    await handle.writeFile(bytes('内容'));
    await handle.sync();
    await handle.close();
    expect(readFileSync(path, 'utf8')).toBe('内容');
    expect(await code(nodeFs.createExclusive(path))).toBe('EEXIST');
    expect(Buffer.from(await nodeFs.readFile(path)).toString('utf8')).toBe('内容');
  });

  it('links a second name to a file, never over an existing one', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    writeFileSync(a, 'A');
    writeFileSync(b, 'B');
    expect(await code(nodeFs.link(a, b))).toBe('EEXIST');
    expect(readFileSync(b, 'utf8')).toBe('B');
    await nodeFs.link(a, join(dir, 'c'));
    expect(readFileSync(join(dir, 'c'), 'utf8')).toBe('A');
  });

  it('renames, stats, lists, removes; mkdir makes the missing parents and accepts an existing folder', async () => {
    const deep = join(dir, 'x', 'y', 'z');
    await nodeFs.mkdir(deep);
    await nodeFs.mkdir(deep);
    writeFileSync(join(deep, 'f'), '12345');
    await nodeFs.rename(join(deep, 'f'), join(deep, 'g'));
    const stat = await nodeFs.stat(join(deep, 'g'));
    expect(stat.size).toBe(5);
    expect(stat.isFile()).toBe(true);
    expect((await nodeFs.stat(deep)).isDirectory()).toBe(true);
    expect(await nodeFs.readdir(deep)).toEqual(['g']);
    expect(await nodeFs.realpath(join(deep, '..', 'z', 'g'))).toBe(join(await nodeFs.realpath(dir), 'x', 'y', 'z', 'g'));
    await nodeFs.unlink(join(deep, 'g'));
    expect(existsSync(join(deep, 'g'))).toBe(false);
    expect(await code(nodeFs.unlink(join(deep, 'g')))).toBe('ENOENT');
  });

  it.skipIf(process.getuid?.() === 0)('checkWritable fails for a folder that may not be written', async () => {
    await nodeFs.checkWritable(dir);
    chmodSync(dir, 0o555);
    expect(await code(nodeFs.checkWritable(dir))).toBe('EACCES');
  });

  it('syncFolder flushes a folder and fails only for a folder that is not there', async () => {
    await expect(nodeFs.syncFolder(dir)).resolves.toBeUndefined();
    expect(await code(nodeFs.syncFolder(join(dir, 'gone')))).toBe('ENOENT');
  });
});

describe('errnoCode', () => {
  it('is the code of an error that has one, else undefined', () => {
    expect(errnoCode(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(errnoCode({ code: 'EACCES' })).toBe('EACCES');
    expect(errnoCode(new Error('x'))).toBeUndefined();
    expect(errnoCode({ code: 28 })).toBeUndefined();
    expect(errnoCode(null)).toBeUndefined();
    expect(errnoCode('ENOENT')).toBeUndefined();
  });
});
