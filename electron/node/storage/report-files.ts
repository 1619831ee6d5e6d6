// Reading and saving `.nianbao` files. Reading validates everything (JSON, foreign files, newer versions,
// the schema). Saving is serialised per file, checks that nobody else changed the file since we read or
// wrote it, keeps the replaced version as a backup, then replaces the file atomically.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { APP_VERSION, parseReport, serializeReport, type ParseErrorKind } from '../../../shared/model/document';
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

/** Strict UTF-8 (report files are always UTF-8), BOM removed; null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Files people give by mistake where a report is expected, recognised by their first bytes. */
export type ForeignKind = 'pdf' | 'office';

export function foreignKind(bytes: Uint8Array): ForeignKind | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  // .docx/.xlsx/.wps (zip) and .doc/.xls/.et (OLE compound file)
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'office';
  return undefined;
}

/** Why a file is not a report the app can open. */
export type ReportFileReason = 'too-big' | ForeignKind | 'not-utf8' | ParseErrorKind;

/** A file that is not (or no longer, or not yet) a report this app reads. `fact` says what it is, without
 *  the app's advice; the command line words its own advice from `reason`. */
export class ReportFileError extends StorageError {
  constructor(
    readonly reason: ReportFileReason,
    readonly fact: string,
    advice: string,
    problems?: string[],
  ) {
    super(reason === 'newer' ? 'newer-version' : 'bad-file', `${fact}${advice}`, problems);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Parses a report file's bytes; throws ReportFileError with a Chinese message. `shown` names the file. */
export function parseReportBytes(bytes: Uint8Array, shown: string): { doc: ReportDocument; migratedFrom?: number } {
  if (bytes.byteLength > MAX_REPORT_BYTES) {
    throw new ReportFileError('too-big', `“${shown}”太大（${megabytes(bytes.byteLength)}），不是年报助手的报告文件。`, '');
  }
  const kind = foreignKind(bytes);
  if (kind === 'pdf') throw new ReportFileError('pdf', `“${shown}”是 PDF 文件，不是报告文件。`, '年报助手导出的 PDF 可用“从PDF导入”读回报告。');
  if (kind === 'office') throw new ReportFileError('office', `“${shown}”是 Word、WPS 或 Excel 文档，不是报告文件。`, '已发布的报告文字可用“导入文字”读入。');
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw new ReportFileError('not-utf8', `无法打开“${shown}”：文件不是 UTF-8 文本，不是年报助手的报告文件，或已损坏。`, '');
  }
  const parsed = parseReport(text);
  if (!parsed.ok) {
    if (parsed.kind === 'newer') {
      throw new ReportFileError('newer', `无法打开“${shown}”：${parsed.message}`, '文件没有被改动。请升级年报助手后再打开。');
    }
    throw new ReportFileError(parsed.kind, `无法打开“${shown}”：${parsed.message}`, '', parsed.problems.map((p) => p.message));
  }
  return parsed.migratedFrom === undefined ? { doc: parsed.doc } : { doc: parsed.doc, migratedFrom: parsed.migratedFrom };
}

/** A report file as read from disk. */
export interface ReportFileContent {
  doc: ReportDocument;
  migratedFrom?: number;
  bytes: Uint8Array;
  mtimeMs: number;
}

/**
 * The one report reader of the app and the command line: the bounded reader (a regular file of at most
 * MAX_REPORT_BYTES, electron/node/files/bounded-read.ts), then parseReportBytes. Throws the reader's
 * FileReadError (the app maps it with readError, the CLI prints its Chinese and English) or a
 * ReportFileError. `shown` names the file in messages (default: its name).
 */
export async function readReportFile(path: string, shown: string = basename(path)): Promise<ReportFileContent> {
  const { bytes, mtimeMs } = await readBoundedFile(path, 'report', { displayName: shown });
  return { ...parseReportBytes(bytes, shown), bytes, mtimeMs };
}

export class ReportFiles {
  private readonly locks = new KeyedMutex();

  constructor(
    private readonly fs: FsLayer,
    private readonly backups: BackupStore,
  ) {}

  async read(path: string): Promise<ReadReport> {
    let content: ReportFileContent;
    try {
      content = await readReportFile(path);
    } catch (e) {
      throw readError(e, path);
    }
    const { bytes, mtimeMs, ...parsed } = content;
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
