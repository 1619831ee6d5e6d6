// Storage failures as the contract's BridgeError: a code the renderer can act on and a Chinese message that
// says what happened, that nothing was lost, and what to do.
import { basename, dirname } from 'node:path';
import type { ErrorCode } from '../../../shared/ipc/contract';
import { FileReadError, type FileReadFailure } from '../files/bounded-read';
import { UserError } from '../user-error';
import { errnoCode } from './fs-layer';

/** A storage failure: the user-facing error type, named for where it came from. */
export class StorageError extends UserError {
  constructor(code: ErrorCode, message: string, problems?: string[]) {
    super(code, message, { problems });
    this.name = 'StorageError';
  }
}

export const NOTHING_LOST_ON_SAVE = '原文件没有改动，编辑中的内容也没有丢失。';

const READ_FAILURE_CODES: Record<FileReadFailure, ErrorCode> = {
  'not-found': 'not-found',
  'not-a-file': 'bad-file',
  'too-big': 'bad-file',
  timeout: 'io',
  permission: 'read-only',
  io: 'io',
};

/** Maps a Node error from reading a file to a StorageError. */
export function readError(e: unknown, path: string): StorageError {
  if (e instanceof StorageError) return e;
  if (e instanceof FileReadError) return new StorageError(READ_FAILURE_CODES[e.reason], e.message);
  const name = basename(path);
  const code = errnoCode(e);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new StorageError('not-found', `找不到文件“${name}”，它可能已被移动、改名或删除。`);
    case 'EACCES':
    case 'EPERM':
      return new StorageError('read-only', `没有权限读取“${name}”。请检查文件的访问权限。`);
    case 'EISDIR':
      return new StorageError('bad-file', `“${name}”是一个文件夹，不是报告文件。`);
    default:
      return new StorageError('io', `读取“${name}”时出错（${code ?? describe(e)}）。`);
  }
}

/** Maps a Node error from writing `path` to a StorageError. */
export function writeError(e: unknown, path: string): StorageError {
  if (e instanceof StorageError) return e;
  const name = basename(path);
  // The file to be replaced could not be read (it is a FIFO, a device, a folder, or far too big).
  if (e instanceof FileReadError && e.reason !== 'permission' && e.reason !== 'io') {
    return new StorageError('bad-file', `没有保存到“${name}”：${e.message}${NOTHING_LOST_ON_SAVE}请用“另存为”选择其他文件名。`);
  }
  const folder = dirname(path);
  const code = errnoCode(e);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new StorageError(
        'read-only',
        `没有权限写入“${name}”：文件或所在文件夹“${folder}”是只读的。${NOTHING_LOST_ON_SAVE}请用“另存为”保存到其他位置。`,
      );
    case 'EROFS':
      return new StorageError(
        'read-only',
        `“${folder}”所在的磁盘是只读的，无法保存“${name}”。${NOTHING_LOST_ON_SAVE}请用“另存为”保存到其他位置。`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new StorageError(
        'disk-full',
        `磁盘空间不足，未能保存“${name}”。${NOTHING_LOST_ON_SAVE}请清理磁盘后重试，或用“另存为”保存到其他磁盘。`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new StorageError('not-found', `文件夹“${folder}”不存在（可能已被删除或移动），未能保存“${name}”。编辑中的内容没有丢失，请用“另存为”选择其他位置。`);
    case 'EISDIR':
      return new StorageError('io', `“${name}”是一个文件夹，不能作为报告文件保存。编辑中的内容没有丢失。`);
    default:
      return new StorageError('io', `保存“${name}”时出错（${code ?? describe(e)}）。${NOTHING_LOST_ON_SAVE}`);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
