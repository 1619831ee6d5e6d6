import { type FsLayer } from './fs-layer';
/** Temp files this module leaves behind when a process is killed mid-write, for `target`. */
export declare function isTempFileOf(fileName: string, target: string): boolean;
export declare function writeFileAtomic(fs: FsLayer, target: string, data: Uint8Array, options?: {
    mode?: number;
}): Promise<void>;
/** Removes temp files of `target` left by a killed process (a save of `target` is never running then:
 *  callers hold the target's lock). */
export declare function removeStaleTempFiles(fs: FsLayer, target: string): Promise<void>;
export declare function isNotFound(e: unknown): boolean;
