// Storage failures as the contract's BridgeError: a code the renderer can act on and a Chinese message that
// says what happened, that nothing was lost, and what to do. The wording of file-system failures comes from
// the one errno map (electron/node/files/file-errors.ts).
import { basename } from 'node:path';
import type { ErrorCode } from '../../../shared/ipc/contract';
import { FileReadError, type FileReadFailure } from '../files/bounded-read';
import { describeFileError, NOTHING_LOST_ON_SAVE, type FileProblem } from '../files/file-errors';
import { UserError } from '../user-error';

export { describeFileError, NOTHING_LOST_ON_SAVE, type FileOperation, type FileProblem } from '../files/file-errors';

/** A storage failure: the user-facing error type, named for where it came from. */
export class StorageError extends UserError {
  constructor(code: ErrorCode, message: string, problems?: string[]) {
    super(code, message, { problems });
    this.name = 'StorageError';
  }
}

/** A file-system failure: the app shows `message`, the command line words `problem` its own way. */
export class FileSystemError extends StorageError {
  constructor(readonly problem: FileProblem) {
    super(problem.code, `${problem.zh}。${problem.advice}`);
  }
}

const READ_FAILURE_CODES: Record<FileReadFailure, ErrorCode> = {
  'not-found': 'not-found',
  'not-a-file': 'bad-file',
  'too-big': 'bad-file',
  timeout: 'io',
  permission: 'read-only',
  io: 'io',
};

/** Maps a Node error (or the bounded reader's) from reading a file to a StorageError. */
export function readError(e: unknown, path: string, shown?: string): StorageError {
  if (e instanceof StorageError) return e;
  if (e instanceof FileReadError) return new StorageError(READ_FAILURE_CODES[e.reason], e.message);
  return new FileSystemError(describeFileError(e, 'read', path, shown));
}

/** Maps a Node error from writing `path` to a StorageError. */
export function writeError(e: unknown, path: string, shown?: string): StorageError {
  if (e instanceof StorageError) return e;
  // The file to be replaced could not be read (it is a FIFO, a device, a folder, or far too big).
  if (e instanceof FileReadError && e.reason !== 'permission' && e.reason !== 'io') {
    return new StorageError('bad-file', `没有保存到“${shown ?? basename(path)}”：${e.message}${NOTHING_LOST_ON_SAVE}请用“另存为”选择其他文件名。`);
  }
  return new FileSystemError(describeFileError(e instanceof FileReadError && e.code ? { code: e.code } : e, 'write', path, shown));
}
