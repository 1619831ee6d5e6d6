import type { BackupEntry } from '../../../shared/ipc/contract';
import type { FsLayer } from './fs-layer';
export declare const BACKUPS_KEPT = 10;
/** The folder id of a report file: sha256 of its absolute path (case-folded on Windows). */
export declare function backupFolderId(filePath: string, platform?: NodeJS.Platform): string;
export declare class BackupStore {
    private readonly fs;
    private readonly root;
    private readonly keep;
    constructor(fs: FsLayer, root: string, keep?: number);
    folderFor(filePath: string): string;
    private names;
    /** Keeps `content`, the version of `filePath` written at `writtenAt`, unless it equals the newest backup. */
    add(filePath: string, content: Uint8Array, writtenAt: Date): Promise<void>;
    /** Temp files of backups interrupted by a killed process (callers hold the report file's lock). */
    private removeTempFiles;
    /** Newest first. */
    list(filePath: string): Promise<BackupEntry[]>;
    read(filePath: string, backupId: string): Promise<Uint8Array>;
}
