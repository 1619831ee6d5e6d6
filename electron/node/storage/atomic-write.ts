// Atomic replacement of a file: write a temp file in the same folder, fsync it, rename it over the target,
// fsync the folder. A crash at any moment leaves either the old or the new file, never a mix. A failed
// write removes its temp file and leaves the target untouched.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errnoCode, type FsLayer } from './fs-layer';

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

export async function writeFileAtomic(fs: FsLayer, target: string, data: Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await fs.createExclusive(temp, options.mode);
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
  }
  await fs.syncFolder(dirname(target));
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
