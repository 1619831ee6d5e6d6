// The one atomic write of the app and the command line: write a temp file in the same folder, fsync it,
// move it into place, fsync the folder. A crash at any moment leaves either the old or the new file, never
// a mix; a failed write removes its temp file and leaves the target untouched.
//
// - `overwrite: false` refuses an existing target (error code EEXIST), also one that appears while we
//   write: the temp file is hard-linked to the target name, which never replaces a file. Where the file
//   system has no hard links (FAT, some network drives) the target is checked, then renamed.
// - On Windows an antivirus scanner, the search indexer or WPS's preview holds a file open for a moment
//   and the rename fails with EPERM/EBUSY/EACCES: it is retried with backoff for about 1.5 s before the
//   error is reported (as write-file-atomic and `atomically` do).
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errnoCode, type FileStat, type FsLayer } from './fs-layer';

const TEMP_SUFFIX = '.tmp';

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/** A temp file of this module (left behind when a process was killed mid-write), for any target. */
export function isTempFile(fileName: string): boolean {
  return /^\..+\.[0-9a-f]{8}\.tmp$/.test(fileName);
}

/** Temp files this module leaves behind when a process is killed mid-write, for `target`. */
export function isTempFileOf(fileName: string, target: string): boolean {
  const prefix = `.${basename(target)}.`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith(TEMP_SUFFIX)) return false;
  return /^[0-9a-f]{8}$/.test(fileName.slice(prefix.length, -TEMP_SUFFIX.length));
}

/** How long a rename refused by a program holding the file is retried. */
export interface RetryPolicy {
  /** Total time slept between attempts, at most. */
  budgetMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export const RENAME_RETRY: RetryPolicy = { budgetMs: 1500, firstDelayMs: 20, maxDelayMs: 300 };

/** What a scanner, the indexer or a preview holding the file open makes rename() fail with on Windows. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

const sleepFor = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export async function retryWhileBusy<T>(operation: () => Promise<T>, policy: RetryPolicy = RENAME_RETRY): Promise<T> {
  const sleep = policy.sleep ?? sleepFor;
  let slept = 0;
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return await operation();
    } catch (e) {
      if (!TRANSIENT.has(errnoCode(e) ?? '') || slept + delay > policy.budgetMs) throw e;
      await sleep(delay);
      slept += delay;
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

export interface WriteOptions {
  mode?: number;
  /** false: refuse an existing target (an Error with code EEXIST). Default true. */
  overwrite?: boolean;
  retry?: RetryPolicy;
}

function alreadyExists(target: string): Error {
  return Object.assign(new Error(`EEXIST: file already exists, '${target}'`), { code: 'EEXIST', path: target });
}

/** Hard links are not supported here: fall back to check-then-rename. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EXDEV', 'EINVAL', 'ENOSYS', 'EOPNOTSUPP']);

export async function writeFileAtomic(fs: FsLayer, target: string, data: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const overwrite = options.overwrite ?? true;
  const retry = options.retry ?? RENAME_RETRY;
  const existing = await statOrNull(fs, target);
  if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: is a directory, '${target}'`), { code: 'EISDIR', path: target });
  if (existing && !overwrite) throw alreadyExists(target);
  const temp = tempPathFor(target);
  const handle = await fs.createExclusive(temp, options.mode);
  let moved = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      await retryWhileBusy(() => fs.rename(temp, target), retry);
      moved = true;
    } else {
      try {
        await fs.link(temp, target);
      } catch (e) {
        const code = errnoCode(e);
        if (code === 'EEXIST') throw alreadyExists(target);
        if (!NO_HARD_LINKS.has(code ?? '')) throw e;
        if (await statOrNull(fs, target)) throw alreadyExists(target);
        await retryWhileBusy(() => fs.rename(temp, target), retry);
        moved = true;
      }
    }
  } finally {
    // After a link the temp name is a second name of the target: removing it leaves the target.
    if (!moved) await fs.unlink(temp).catch(() => undefined);
  }
  await fs.syncFolder(dirname(target));
}

async function statOrNull(fs: FsLayer, path: string): Promise<FileStat | null> {
  try {
    return await fs.stat(path);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** Removes temp files of `target` left by a killed process (a save of `target` is never running then:
 *  callers hold the target's lock). */
export async function removeStaleTempFiles(fs: FsLayer, target: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (isTempFileOf(name, target)) await fs.unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

export function isNotFound(e: unknown): boolean {
  const code = errnoCode(e);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
