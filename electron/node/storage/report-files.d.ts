import type { ReportDocument } from '../../../shared/model/report';
import type { BackupStore } from './backups';
import type { FsLayer } from './fs-layer';
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
export declare const MAX_REPORT_BYTES: number;
export declare function sha256(bytes: Uint8Array): string;
export declare function decodeUtf8(bytes: Uint8Array): string | null;
/** Parses a report file's bytes; throws StorageError bad-file / newer-version with a Chinese message. */
export declare function parseReportBytes(bytes: Uint8Array, fileName: string): {
    doc: ReportDocument;
    migratedFrom?: number;
};
export declare class ReportFiles {
    private readonly fs;
    private readonly backups;
    private readonly locks;
    constructor(fs: FsLayer, backups: BackupStore);
    read(path: string): Promise<ReadReport>;
    /** The fingerprint of the file now, or null when it does not exist. */
    fingerprint(path: string): Promise<{
        fingerprint: FileFingerprint;
        bytes: Uint8Array;
    } | null>;
    save(path: string, doc: ReportDocument, options: SaveOptions): Promise<SaveOutcome>;
}
