// Storage of reports: atomic saves with backups, recovery copies. Everything lives under `dataDir`
// except the report files themselves, which are wherever the user chose.
import { join } from 'node:path';
import { BackupStore } from './backups';
import { ExportBackupStore } from './export-backups';
import { nodeFs, type FsLayer } from './fs-layer';
import { RecoveryStore } from './recovery';
import { ReportFiles } from './report-files';

export interface Storage {
  files: ReportFiles;
  backups: BackupStore;
  /** Exported files (PDF, website, Word) a new export replaced. */
  exportBackups: ExportBackupStore;
  recovery: RecoveryStore;
}

export function createStorage(options: { dataDir: string; fs?: FsLayer }): Storage {
  const fs = options.fs ?? nodeFs;
  const backups = new BackupStore(fs, join(options.dataDir, 'backups'));
  return { files: new ReportFiles(fs, backups), backups, exportBackups: new ExportBackupStore(fs, join(options.dataDir, 'backups', 'exports')), recovery: new RecoveryStore(fs, join(options.dataDir, 'recovery')) };
}

export { writeFileAtomic, removeStaleTempFiles, isTempFile, isTempFileOf, retryWhileBusy, RENAME_RETRY, type RetryPolicy, type WriteOptions } from './atomic-write';
export { BackupStore, BACKUPS_KEPT, backupFolderId } from './backups';
export { ExportBackupStore, EXPORT_BACKUPS_KEPT } from './export-backups';
export { StorageError, FileSystemError, readError, writeError, describeFileError, type FileProblem, type FileOperation } from './errors';
export { nodeFs, errnoCode, type FsLayer, type FileStat, type WritableHandle } from './fs-layer';
export { KeyedMutex } from './keyed-mutex';
export { RecoveryStore, isDocId, type RecoveryRecord } from './recovery';
export { ReportFiles, parseReportBytes, decodeUtf8, readReportFile, ReportFileError, foreignKind, sha256, MAX_REPORT_BYTES, type ReportFileReason, type ReportFileContent, type ForeignKind, type FileFingerprint, type SaveOptions, type SaveOutcome } from './report-files';
