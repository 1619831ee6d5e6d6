// The one way the app and the CLI read a file they were given (a report, a PDF, a Word or HTML document,
// a text file, a ledger): bounded in size and time, and only ever a regular file.
//
//   const { bytes, mtimeMs } = await readBoundedFile(path, 'pdf');      // app (async, file-I/O pool)
//   const { bytes } = readBoundedFileSync(path, 'text');                 // CLI
//
// Why each step:
// - open first, then fstat the *opened* descriptor: the check and the read concern the same file (a path
//   checked with stat() can be swapped before it is read), and symbolic links are followed by open().
// - O_NONBLOCK: opening a FIFO for reading otherwise blocks until a writer appears — forever, holding one
//   of the four threads of Node's file-I/O pool, so four such files stall every later open and save.
// - only regular files: /dev/zero, a FIFO or a socket report size 0 and never end; a folder is no file.
// - never trust stat's size (0 for devices, stale for a file being written): read at most cap + 1 bytes,
//   and one byte more than the cap means "too big".
// - a time budget between chunks: a hung network drive is given up on with a message, not waited for.
//
// Failures are FileReadError with a Chinese message (what happened, what to do) and an English one for the
// CLI's bilingual line; storage maps them to its StorageError codes.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeFileError } from './file-errors';

/** What a file is read as; each kind has its own size cap. */
export type FileKind = 'report' | 'pdf' | 'word' | 'html' | 'text' | 'ledger';

const MB = 1024 * 1024;

export interface KindLimits {
  /** Hard cap in bytes: a file with more is refused without reading further. */
  maxBytes: number;
  /** The kind as the user knows it, in messages (“不是{what}”). */
  what: string;
  en: string;
}

/** Size caps per kind: generous for real files (a report file is about 30 KB, an exported PDF 150 KB,
 *  a ledger of a busy office a few MB), small enough that reading one costs little memory. */
export const FILE_LIMITS: Readonly<Record<FileKind, KindLimits>> = {
  report: { maxBytes: 20 * MB, what: '年报助手的报告文件', en: 'a Nianbao report file' },
  pdf: { maxBytes: 100 * MB, what: '年报的 PDF 文件', en: 'a report PDF' },
  word: { maxBytes: 50 * MB, what: '年报的 Word 文档', en: 'a report Word document' },
  html: { maxBytes: 20 * MB, what: '年报的网页文件', en: 'a report web page' },
  text: { maxBytes: 5 * MB, what: '报告的文本文件', en: 'a report text file' },
  ledger: { maxBytes: 50 * MB, what: '台账文件', en: 'a ledger file' },
};

/** Default time budget for reading one file (wall clock, checked between chunks). */
export const DEFAULT_READ_BUDGET_MS = 15_000;

const CHUNK_BYTES = 1 * MB;

export type FileReadFailure = 'not-found' | 'not-a-file' | 'too-big' | 'timeout' | 'permission' | 'io';

export class FileReadError extends Error {
  constructor(
    readonly reason: FileReadFailure,
    /** Chinese, for the user. */
    message: string,
    /** English, for the CLI's bilingual line. */
    readonly en: string,
    readonly path: string,
    /** The Node error code behind it (ENOENT…), when there is one: errno-based checks keep working. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

export interface BoundedReadOptions {
  /** Overrides the kind's byte cap (tests, or a caller with a tighter need). */
  maxBytes?: number;
  /** Time budget in ms (default DEFAULT_READ_BUDGET_MS). */
  budgetMs?: number;
  /** The name shown in messages (default: the file's base name). */
  displayName?: string;
}

export interface BoundedFile {
  bytes: Uint8Array;
  /** Modification time of the opened file. */
  mtimeMs: number;
}

// O_NONBLOCK does not exist on Windows (undefined there); FIFOs are not a Windows thing either.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

interface Context {
  path: string;
  name: string;
  limits: KindLimits;
  maxBytes: number;
  deadline: number;
  budgetMs: number;
}

function context(path: string, kind: FileKind, options: BoundedReadOptions): Context {
  const limits = FILE_LIMITS[kind];
  const budgetMs = options.budgetMs ?? DEFAULT_READ_BUDGET_MS;
  return {
    path,
    name: options.displayName ?? basename(path),
    limits,
    maxBytes: options.maxBytes ?? limits.maxBytes,
    budgetMs,
    deadline: Date.now() + budgetMs,
  };
}

function describeSize(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooBig(c: Context): FileReadError {
  return new FileReadError(
    'too-big',
    `“${c.name}”太大（超过 ${describeSize(c.maxBytes)}），不是${c.limits.what}，没有读取。请确认选对了文件。`,
    `${c.name} is larger than ${describeSize(c.maxBytes)}: not ${c.limits.en}`,
    c.path,
  );
}

function timedOut(c: Context): FileReadError {
  const seconds = Math.round(c.budgetMs / 1000);
  return new FileReadError(
    'timeout',
    `读取“${c.name}”超过 ${seconds} 秒仍未完成，已停止。文件可能在很慢或断开的网络盘上：请把它复制到本机后再打开。`,
    `reading ${c.name} took longer than ${seconds} s; copy it to a local disk and try again`,
    c.path,
  );
}

/** Refuses anything the opened descriptor shows is not a regular file. */
function checkRegular(c: Context, stat: Stats): void {
  if (stat.isFile()) return;
  if (stat.isDirectory()) {
    throw new FileReadError('not-a-file', `“${c.name}”是文件夹，不是${c.limits.what}。`, `${c.name} is a folder, not ${c.limits.en}`, c.path, 'EISDIR');
  }
  const what = stat.isFIFO() ? '管道' : stat.isSocket() ? '套接字' : stat.isCharacterDevice() || stat.isBlockDevice() ? '设备' : '特殊文件';
  const en = stat.isFIFO() ? 'a pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'a special file';
  throw new FileReadError(
    'not-a-file',
    `“${c.name}”不是普通文件（它是${what}，或指向${what}的链接），不是${c.limits.what}，没有读取。请选择一个普通文件。`,
    `${c.name} is not a regular file (${en}), not ${c.limits.en}`,
    c.path,
  );
}

/** Maps a Node error of open/read to a FileReadError (already-mapped errors pass through). */
export function fileReadError(e: unknown, path: string, kind: FileKind, displayName = basename(path)): FileReadError {
  if (e instanceof FileReadError) return e;
  const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
  const what = FILE_LIMITS[kind].what;
  const en = FILE_LIMITS[kind].en;
  // The cases every file shares are worded by the one errno map; the rest are this reader's own.
  const fromErrnoMap = (reason: FileReadFailure) => {
    const problem = describeFileError(e, 'read', path, displayName);
    return new FileReadError(reason, `${problem.zh}。${problem.advice}`, problem.en, path, code);
  };
  switch (code) {
    case 'ENOENT':
      return fromErrnoMap('not-found');
    case 'ENOTDIR':
      return new FileReadError('not-found', `找不到文件“${displayName}”：路径中有一段不是文件夹。`, `not a directory in path: ${displayName}`, path, code);
    case 'EISDIR':
      return new FileReadError('not-a-file', `“${displayName}”是文件夹，不是${what}。`, `${displayName} is a folder, not ${en}`, path, code);
    case 'EACCES':
    case 'EPERM':
      return fromErrnoMap('permission');
    case 'ELOOP':
      return new FileReadError('not-a-file', `“${displayName}”是一个循环的符号链接，无法打开。`, `${displayName}: too many levels of symbolic links`, path, code);
    case 'EAGAIN':
    case 'ENXIO':
      return new FileReadError('not-a-file', `“${displayName}”不是普通文件，不是${what}，没有读取。`, `${displayName} is not a regular file`, path, code);
    default:
      return fromErrnoMap('io');
  }
}

/** Reads a regular file of `kind`, async (the app). Throws FileReadError. */
export async function readBoundedFile(path: string, kind: FileKind, options: BoundedReadOptions = {}): Promise<BoundedFile> {
  const c = context(path, kind, options);
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, OPEN_FLAGS);
    const stat = await handle.stat();
    checkRegular(c, stat);
    if (stat.size > c.maxBytes) throw tooBig(c);
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Read until end of file or one byte past the cap, whatever stat said.
    for (;;) {
      if (Date.now() > c.deadline) throw timedOut(c);
      const want = Math.min(CHUNK_BYTES, c.maxBytes + 1 - total);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > c.maxBytes) throw tooBig(c);
    }
    return { bytes: concat(chunks, total), mtimeMs: stat.mtimeMs };
  } catch (e) {
    throw fileReadError(e, path, kind, c.name);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The same, synchronously (the CLI). Throws FileReadError. */
export function readBoundedFileSync(path: string, kind: FileKind, options: BoundedReadOptions = {}): BoundedFile {
  const c = context(path, kind, options);
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const stat = fstatSync(fd);
    checkRegular(c, stat);
    if (stat.size > c.maxBytes) throw tooBig(c);
    return { bytes: readDescriptorSync(fd, c), mtimeMs: stat.mtimeMs };
  } catch (e) {
    throw fileReadError(e, path, kind, c.name);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Standard input (`-` on the CLI), with the kind's cap and time budget: a pipe is fine here. */
export function readBoundedStdinSync(kind: FileKind, options: BoundedReadOptions = {}): Uint8Array {
  const c = context('-', kind, { displayName: '标准输入', ...options });
  try {
    return readDescriptorSync(0, c);
  } catch (e) {
    throw fileReadError(e, '-', kind, c.name);
  }
}

const sleepBuffer = new Int32Array(new SharedArrayBuffer(4));

function readDescriptorSync(fd: number, c: Context): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    if (Date.now() > c.deadline) throw timedOut(c);
    const want = Math.min(CHUNK_BYTES, c.maxBytes + 1 - total);
    const buffer = Buffer.allocUnsafe(want);
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, buffer, 0, want, null);
    } catch (e) {
      // A non-blocking pipe with nothing in it yet: wait a little (the deadline still applies).
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(sleepBuffer, 0, 0, 10);
        continue;
      }
      throw e;
    }
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > c.maxBytes) throw tooBig(c);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The extensions the app opens as report files (macOS open-file, argv, second instance). */
export function hasExtension(path: string, extension: string): boolean {
  return path.toLowerCase().endsWith(extension.toLowerCase());
}
