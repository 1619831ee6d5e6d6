// What every `nianbao` command shares: exit codes, one-line bilingual errors, reading report and text
// files with clear messages, and atomic writes (arguments: args.ts). Plain Node: no electron here.
import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseReport } from '../../shared/model/document';
import type { ReportDocument } from '../../shared/model/report';
import { FileReadError, readBoundedFileSync, readBoundedStdinSync, type FileKind } from '../node/files/bounded-read';

/** 0: done (check: no error-level finding) · 1: check found errors · 2: bad arguments or unreadable input. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** A failure the user can act on: printed as one line, Chinese then English, never a stack trace. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(`${zh} (${en})`);
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** The PDF fonts of this installation (assets/fonts, or resources/fonts in the installed app). */
  fontDir?: string;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
};

export function formatError(error: CliError): string {
  return `错误：${error.zh}（Error: ${error.en}）`.replace(/\s*\n\s*/g, ' ');
}

/** One command of the table in main.ts. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help: usage line, options, examples. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

// ---------------------------------------------------------------------------------------------------
// Files

function fileProblem(path: string, error: unknown, reading: boolean): CliError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const shown = `“${path}”`;
  switch (code) {
    case 'ENOENT':
      return reading
        ? new CliError(`找不到文件${shown}`, `file not found: ${path}`)
        : new CliError(`无法写入${shown}：所在文件夹不存在`, `cannot write ${path}: folder does not exist`);
    case 'EISDIR':
      return new CliError(`${shown}是文件夹，不是文件`, `${path} is a directory`);
    case 'EACCES':
    case 'EPERM':
      return new CliError(`没有权限${reading ? '读取' : '写入'}${shown}`, `permission denied: ${path}`);
    case 'ENOTDIR':
      return new CliError(`路径${shown}中有一段不是文件夹`, `not a directory in path: ${path}`);
    case 'ENOSPC':
      return new CliError(`磁盘已满，无法写入${shown}`, `no space left on device: ${path}`);
    case 'EROFS':
      return new CliError(`${shown}所在磁盘是只读的`, `read-only file system: ${path}`);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new CliError(`无法${reading ? '读取' : '写入'}${shown}：${detail}`, `cannot ${reading ? 'read' : 'write'} ${path}: ${detail}`);
    }
  }
}

/** Bytes of a regular file (or standard input for “-”) read as `kind`: bounded in size and time, and a
 *  clear error for a missing file, a folder, a device or pipe, or no permission. */
export function readFileBytes(io: CliIo, path: string, kind: FileKind): Uint8Array {
  try {
    if (path === '-') return readBoundedStdinSync(kind);
    return readBoundedFileSync(resolve(io.cwd, path), kind, { displayName: path }).bytes;
  } catch (error) {
    if (error instanceof FileReadError) throw new CliError(error.message, error.en);
    throw fileProblem(path === '-' ? '标准输入' : path, error, true);
  }
}

const REPORT_KIND_EN = {
  json: 'not a valid report file (damaged or truncated JSON)',
  foreign: 'not a Nianbao report file',
  newer: 'written by a newer version of Nianbao',
  invalid: 'the report file does not match the file format',
} as const;

/** Files people give a command by mistake, recognised by their first bytes. */
export type ForeignKind = 'pdf' | 'office';

export function foreignKind(bytes: Uint8Array): ForeignKind | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  // .docx/.xlsx/.wps (zip) and .doc/.xls/.et (OLE compound file)
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'office';
  return undefined;
}

/** A `.nianbao` report through parseReport (migrations, schema); any failure is a CliError (exit 2). */
export function readReportFile(io: CliIo, path: string): { doc: ReportDocument; migratedFrom?: number } {
  const bytes = readFileBytes(io, path, 'report');
  if (foreignKind(bytes) === 'pdf') {
    throw new CliError(
      `“${path}”是 PDF 文件，不是报告文件；年报助手导出的 PDF 可用 nianbao import-pdf 读回报告文件`,
      `${path}: ${REPORT_KIND_EN.foreign} (a PDF; use nianbao import-pdf)`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`“${path}”不是年报助手的报告文件（不是 UTF-8 文本）`, `${path}: ${REPORT_KIND_EN.foreign} (not UTF-8 text)`);
  }
  const parsed = parseReport(text);
  if (!parsed.ok) throw new CliError(`“${path}”：${parsed.message}`, `${path}: ${REPORT_KIND_EN[parsed.kind]}`);
  return parsed.migratedFrom !== undefined ? { doc: parsed.doc, migratedFrom: parsed.migratedFrom } : { doc: parsed.doc };
}

/** A warning when the report given as last year's is not of the year before (a file mixed up in a
 *  batch): the prev.* rules would compare the wrong years without saying so. */
export function previousYearWarning(doc: ReportDocument, previous: ReportDocument, path: string): string | undefined {
  if (previous.year === doc.year - 1) return undefined;
  return `注意：作为上年报告给出的“${path}”是 ${previous.year} 年的报告，而本报告是 ${doc.year} 年的（上年应为 ${doc.year - 1} 年）；结转、雷同、大幅变化等对照上年的检查可能没有意义，请核对文件。`;
}

export { decodeText } from '../node/import/text-decode';

/**
 * Writes through a temporary file in the same folder, flushed to disk, then moved into place, so that a
 * crash never leaves half a file. Without `overwrite` an existing file is refused — also when it appears
 * between the check and the move (link() does not replace).
 */
export function writeFileAtomic(io: CliIo, path: string, content: string | Uint8Array, overwrite: boolean): void {
  const full = resolve(io.cwd, path);
  const refuse = () => new CliError(`文件“${path}”已存在；要覆盖请加 --force`, `${path} already exists; use --force to overwrite`);
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileProblem(path, error, false);
  }
  if (existing?.isDirectory()) throw fileProblem(path, Object.assign(new Error('directory'), { code: 'EISDIR' }), false);
  if (existing && !overwrite) throw refuse();

  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    if (typeof content === 'string') writeSync(fd, content);
    else writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (overwrite) {
      renameSync(temp, full);
    } else {
      try {
        linkSync(temp, full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw refuse();
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        // File systems without hard links (FAT, some network drives): check again, then move.
        try {
          statSync(full);
          throw refuse();
        } catch (e) {
          if (e instanceof CliError) throw e;
        }
        renameSync(temp, full);
      }
    }
  } catch (error) {
    throw error instanceof CliError ? error : fileProblem(path, error, false);
  } finally {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already moved into place.
    }
  }
}
