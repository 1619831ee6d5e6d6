// The file system calls storage makes, behind an interface so tests can inject faults (a full disk, a
// read-only folder) that are hard to produce for real. `nodeFs` is the real thing.
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';

export interface WritableHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface FsLayer {
  /** Creates a new file exclusively ('wx'). */
  createExclusive(path: string, mode?: number): Promise<WritableHandle>;
  readFile(path: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for an existing file; fails with EEXIST when `to` exists (never replaces it). */
  link(existing: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<FileStat>;
  realpath(path: string): Promise<string>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** Throws EACCES/EPERM/EROFS when the path may not be written. */
  checkWritable(path: string): Promise<void>;
  /** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened (Windows). */
  syncFolder(path: string): Promise<void>;
}

export const nodeFs: FsLayer = {
  async createExclusive(path, mode = 0o666) {
    const handle = await fsp.open(path, 'wx', mode);
    return {
      writeFile: (data) => handle.writeFile(data),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  readFile: (path) => fsp.readFile(path),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, to) => fsp.link(existing, to),
  unlink: (path) => fsp.unlink(path),
  stat: (path) => fsp.stat(path),
  realpath: (path) => fsp.realpath(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  readdir: (path) => fsp.readdir(path),
  checkWritable: (path) => fsp.access(path, constants.W_OK),
  async syncFolder(path) {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(path, 'r');
      await handle.sync();
    } catch (e) {
      // Windows cannot open or fsync a folder (EISDIR/EPERM/EACCES); some file systems refuse (EINVAL).
      if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF', 'ENOTSUP'].includes(errnoCode(e) ?? '')) throw e;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
};

export function errnoCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}
