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
export declare const nodeFs: FsLayer;
export declare function errnoCode(e: unknown): string | undefined;
