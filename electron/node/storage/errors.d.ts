import type { BridgeError, ErrorCode } from '../../../shared/ipc/contract';
export declare class StorageError extends Error {
    readonly code: ErrorCode;
    readonly problems: string[] | undefined;
    constructor(code: ErrorCode, message: string, problems?: string[]);
    toBridgeError(): BridgeError;
}
export declare const NOTHING_LOST_ON_SAVE = "\u539F\u6587\u4EF6\u6CA1\u6709\u6539\u52A8\uFF0C\u7F16\u8F91\u4E2D\u7684\u5185\u5BB9\u4E5F\u6CA1\u6709\u4E22\u5931\u3002";
/** Maps a Node error from reading a file to a StorageError. */
export declare function readError(e: unknown, path: string): StorageError;
/** Maps a Node error from writing `path` to a StorageError. */
export declare function writeError(e: unknown, path: string): StorageError;
