// Exports replaced by a new export: when the user confirms replacing an existing PDF, website or Word file in
// the save dialog, the old file is copied to `<dataDir>/backups/exports/<id>/` first (id derived from the
// file's absolute path, as for report backups), named after the time it was last written and its own name.
// The newest 5 per file are kept. A report leader's marked-up 领导审定稿.pdf overwritten by mistake can be
// taken back from there.
import { basename, join, resolve } from 'node:path';
import { isNotFound, isTempFile, writeFileAtomic } from './atomic-write';
import { backupFolderId } from './backups';
import type { FsLayer } from './fs-layer';

export const EXPORT_BACKUPS_KEPT = 5;
const EXPORT_BACKUP_NAME = /^\d{8}T\d{9}Z-.+/;

export class ExportBackupStore {
  constructor(
    private readonly fs: FsLayer,
    /** `<dataDir>/backups/exports`. */
    readonly root: string,
    private readonly keep = EXPORT_BACKUPS_KEPT,
  ) {}

  folderFor(filePath: string): string {
    return join(this.root, backupFolderId(filePath));
  }

  /** Copies the file at `target` before `replacement` is written over it. Returns the copy's path, or null
   *  when there is nothing to keep (no file there, not a regular file, or the same bytes). */
  async keepReplaced(target: string, replacement: Uint8Array): Promise<string | null> {
    let old: Uint8Array;
    let writtenAt: Date;
    try {
      const stat = await this.fs.stat(target);
      if (!stat.isFile()) return null;
      writtenAt = new Date(stat.mtimeMs);
      old = await this.fs.readFile(target);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
    if (Buffer.compare(Buffer.from(old), Buffer.from(replacement)) === 0) return null;
    const folder = this.folderFor(target);
    await this.fs.mkdir(folder);
    const names = await this.names(folder);
    for (const name of await this.fs.readdir(folder)) if (isTempFile(name)) await this.fs.unlink(join(folder, name)).catch(() => undefined);
    // Oldest out first, so the folder never holds more than `keep`.
    for (const name of names.slice(0, Math.max(0, names.length - (this.keep - 1)))) await this.fs.unlink(join(folder, name)).catch(() => undefined);
    const path = join(folder, `${writtenAt.toISOString().replace(/[-:.]/g, '')}-${basename(target)}`);
    await writeFileAtomic(this.fs, path, old);
    const source = join(folder, 'source.txt');
    await this.fs.stat(source).catch(() => writeFileAtomic(this.fs, source, Buffer.from(`${resolve(target)}\n`, 'utf8')));
    return path;
  }

  /** The copies kept of `target`, oldest first (file names). */
  async list(target: string): Promise<string[]> {
    return this.names(this.folderFor(target));
  }

  private async names(folder: string): Promise<string[]> {
    try {
      return (await this.fs.readdir(folder)).filter((n) => EXPORT_BACKUP_NAME.test(n) && !isTempFile(n)).sort();
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }
}
