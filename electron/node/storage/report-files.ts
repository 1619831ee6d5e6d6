// Reading and saving `.nianbao` files. Reading validates everything (JSON, foreign files, newer versions,
// the schema). Saving is serialised per file, checks that nobody else changed the file since we read or
// wrote it, keeps the replaced version as a backup, then replaces the file atomically.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { APP_VERSION, parseReport, serializeReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';
import { isNotFound, removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import type { BackupStore } from './backups';
import { FILE_LIMITS, readBoundedFile } from '../files/bounded-read';
import { readError, StorageError, writeError, NOTHING_LOST_ON_SAVE } from './errors';
import type { FsLayer } from './fs-layer';
import { KeyedMutex } from './keyed-mutex';

/** What a file looked like when we last read or wrote it. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface ReadReport {
  doc: ReportDocument;
  fingerprint: FileFingerprint;
  /** Set when the file was written by an older app and migrated in memory. */
  migratedFrom?: number;
}

export interface SaveOptions {
  /** The fingerprint at our last read or save; null for a new file or a save-as (the dialog confirmed it). */
  expected: FileFingerprint | null;
  /** The user chose to overwrite a file another program changed. */
  overwriteChanged?: boolean;
  /** Called when the backup of the replaced version fails; the save goes on. */
  onBackupError?: (e: unknown) => void;
}

export interface SaveOutcome {
  /** The path written (symbolic links resolved). */
  path: string;
  fingerprint: FileFingerprint;
}

/** A report file is small; anything bigger is not one of ours. */
export const MAX_REPORT_BYTES = FILE_LIMITS.report.maxBytes;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Parses a report file's bytes; throws StorageError bad-file / newer-version with a Chinese message. */
export function parseReportBytes(bytes: Uint8Array, fileName: string): { doc: ReportDocument; migratedFrom?: number } {
  if (bytes.byteLength > MAX_REPORT_BYTES) {
    throw new StorageError('bad-file', `“${fileName}”太大（${(bytes.byteLength / 1048576).toFixed(1)} MB），不是年报助手的报告文件。`);
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw new StorageError('bad-file', `无法打开“${fileName}”：文件不是 UTF-8 文本，不是年报助手的报告文件，或已损坏。`);
  }
  const parsed = parseReport(text);
  if (!parsed.ok) {
    if (parsed.kind === 'newer') {
      throw new StorageError('newer-version', `无法打开“${fileName}”：${parsed.message}文件没有被改动。请升级年报助手后再打开。`);
    }
    throw new StorageError('bad-file', `无法打开“${fileName}”：${parsed.message}`, parsed.problems.map((p) => p.message));
  }
  return parsed.migratedFrom === undefined ? { doc: parsed.doc } : { doc: parsed.doc, migratedFrom: parsed.migratedFrom };
}

export class ReportFiles {
  private readonly locks = new KeyedMutex();

  constructor(
    private readonly fs: FsLayer,
    private readonly backups: BackupStore,
  ) {}

  async read(path: string): Promise<ReadReport> {
    const name = basename(path);
    let bytes: Uint8Array;
    let mtimeMs: number;
    try {
      ({ bytes, mtimeMs } = await readBoundedFile(path, 'report'));
    } catch (e) {
      throw readError(e, path);
    }
    const parsed = parseReportBytes(bytes, name);
    return { ...parsed, fingerprint: { size: bytes.byteLength, mtimeMs, sha256: sha256(bytes) } };
  }

  /** The fingerprint of the file now, or null when it does not exist. A target that is no regular file
   *  (a FIFO, a device, a folder) or too big for a report is refused: it is never replaced. */
  async fingerprint(path: string): Promise<{ fingerprint: FileFingerprint; bytes: Uint8Array } | null> {
    try {
      const { bytes, mtimeMs } = await readBoundedFile(path, 'report');
      return { fingerprint: { size: bytes.byteLength, mtimeMs, sha256: sha256(bytes) }, bytes };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async save(path: string, doc: ReportDocument, options: SaveOptions): Promise<SaveOutcome> {
    const target = await this.fs.realpath(path).catch(() => path);
    return this.locks.run(target, async () => {
      const name = basename(path);
      const content = Buffer.from(serializeReport({ ...doc, meta: { ...doc.meta, appVersion: APP_VERSION } }), 'utf8');
      try {
        await removeStaleTempFiles(this.fs, target);
        const current = await this.fingerprint(target);
        if (current) {
          if (options.expected && !options.overwriteChanged && current.fingerprint.sha256 !== options.expected.sha256) {
            throw new StorageError(
              'conflict',
              `“${name}”在打开后被其他程序修改过，为免覆盖那些修改，这次没有保存。${NOTHING_LOST_ON_SAVE}可以选择覆盖（被覆盖的版本会留在备份中），或用“另存为”保存为新文件。`,
            );
          }
          // A read-only file stays read-only: rename() would replace it regardless of its permissions.
          await this.fs.checkWritable(target);
          if (Buffer.compare(Buffer.from(current.bytes), content) !== 0) {
            await this.backups
              .add(target, current.bytes, new Date(current.fingerprint.mtimeMs))
              .catch((e: unknown) => options.onBackupError?.(e));
          }
        }
        await writeFileAtomic(this.fs, target, content);
        const stat = await this.fs.stat(target);
        return { path: target, fingerprint: { size: content.byteLength, mtimeMs: stat.mtimeMs, sha256: sha256(content) } };
      } catch (e) {
        throw writeError(e, path);
      }
    });
  }
}
