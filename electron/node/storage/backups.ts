// Previous versions of each report file: before a save replaces a file, its old content goes to
// `<dataDir>/backups/<id>/`, where id is derived from the file's absolute path. The newest 10 are kept.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { isNotFound, isTempFile, writeFileAtomic } from './atomic-write';
import { StorageError } from './errors';
import type { FsLayer } from './fs-layer';

export const BACKUPS_KEPT = 10;
const BACKUP_NAME = /^(\d{8})-(\d{8}T\d{9}Z)\.nianbao$/;
const BACKUP_ID = /^\d{8}-\d{8}T\d{9}Z$/;

/** The folder id of a report file: sha256 of its absolute path (case-folded on Windows). */
export function backupFolderId(filePath: string, platform: NodeJS.Platform = process.platform): string {
  const absolute = resolve(filePath);
  const key = platform === 'win32' ? absolute.toLowerCase() : absolute;
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
}

/** 2026-11-29T20:13:00.123Z → 20261129T201300123Z (sortable, valid in every file system). */
function compactStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp;
}

export class BackupStore {
  constructor(
    private readonly fs: FsLayer,
    private readonly root: string,
    private readonly keep = BACKUPS_KEPT,
  ) {}

  folderFor(filePath: string): string {
    return join(this.root, backupFolderId(filePath));
  }

  private async names(folder: string): Promise<string[]> {
    try {
      return (await this.fs.readdir(folder)).filter((n) => BACKUP_NAME.test(n)).sort();
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }

  /** Keeps `content`, the version of `filePath` written at `writtenAt`, unless it equals the newest backup. */
  async add(filePath: string, content: Uint8Array, writtenAt: Date): Promise<void> {
    const folder = this.folderFor(filePath);
    await this.fs.mkdir(folder);
    await this.removeTempFiles(folder);
    const names = await this.names(folder);
    const newest = names.at(-1);
    if (newest) {
      const newestPath = join(folder, newest);
      const sameSize = (await this.fs.stat(newestPath).catch(() => null))?.size === content.byteLength;
      const previous = sameSize ? await this.fs.readFile(newestPath).catch(() => null) : null;
      if (previous && Buffer.compare(Buffer.from(previous), Buffer.from(content)) === 0) return;
    }
    const seq = newest ? Number(BACKUP_NAME.exec(newest)![1]) + 1 : 1;
    const name = `${String(seq).padStart(8, '0')}-${compactStamp(writtenAt)}.nianbao`;
    // Oldest out first, so that the folder never holds more than `keep`, even if the process dies here.
    for (const old of names.slice(0, Math.max(0, names.length - (this.keep - 1)))) {
      await this.fs.unlink(join(folder, old)).catch(() => undefined);
    }
    await writeFileAtomic(this.fs, join(folder, name), content);
    // Which file these are, for someone looking at the folder by hand.
    const source = join(folder, 'source.txt');
    await this.fs.stat(source).catch(() => writeFileAtomic(this.fs, source, Buffer.from(`${resolve(filePath)}\n`, 'utf8')));
  }

  /** Temp files of backups interrupted by a killed process (callers hold the report file's lock). */
  private async removeTempFiles(folder: string): Promise<void> {
    for (const name of await this.fs.readdir(folder).catch(() => [] as string[])) {
      if (isTempFile(name)) await this.fs.unlink(join(folder, name)).catch(() => undefined);
    }
  }

  /** Newest first. */
  async list(filePath: string): Promise<BackupEntry[]> {
    const folder = this.folderFor(filePath);
    const entries: BackupEntry[] = [];
    for (const name of (await this.names(folder)).reverse()) {
      const m = BACKUP_NAME.exec(name)!;
      const stat = await this.fs.stat(join(folder, name)).catch(() => null);
      if (stat) entries.push({ backupId: `${m[1]}-${m[2]}`, savedAt: stampToIso(m[2]!), size: stat.size });
    }
    return entries;
  }

  async read(filePath: string, backupId: string): Promise<Uint8Array> {
    if (!BACKUP_ID.test(backupId)) throw new StorageError('not-found', '找不到这个备份版本。');
    try {
      return await this.fs.readFile(join(this.folderFor(filePath), `${backupId}.nianbao`));
    } catch (e) {
      if (isNotFound(e)) throw new StorageError('not-found', '找不到这个备份版本，它可能已被更新的备份替换。');
      throw e;
    }
  }
}
