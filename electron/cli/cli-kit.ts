// What every `nianbao` command shares: exit codes, one-line bilingual errors, and reading and writing
// files through the Node layer (electron/node/storage) with the CLI's wording (arguments: args.ts). Plain Node: no electron here.
import { resolve } from 'node:path';
import type { ReportDocument } from '../../shared/model/report';
import { FileReadError, readBoundedFileSync, readBoundedStdinSync, type FileKind } from '../node/files/bounded-read';
import { describeFileError, type FileOperation } from '../node/files/file-errors';
import { writeFileAtomic as writeAtomically } from '../node/storage/atomic-write';
import { errnoCode, nodeFs } from '../node/storage/fs-layer';
import { readReportFile as readReport, ReportFileError, type ReportFileReason } from '../node/storage/report-files';
import { joinLines } from '../../shared/text/trim';

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
  return joinLines(`错误：${error.zh}（Error: ${error.en}）`);
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
// Files: the Node layer's reader, decoder, errno map and atomic write, with the CLI's wording

/** A file-system failure of `path` (as typed) as a CliError, through the one errno map. */
export function fileProblem(io: CliIo, path: string, error: unknown, operation: FileOperation): CliError {
  const problem = describeFileError(error, operation, resolve(io.cwd, path), path);
  return new CliError(problem.zh, problem.en);
}

/** Bytes of a regular file (or standard input for “-”) read as `kind` by the bounded reader: bounded in size
 *  and time, and a clear error for a missing file, a folder, a device or pipe, or no permission. */
export function readFileBytes(io: CliIo, path: string, kind: FileKind): Uint8Array {
  try {
    if (path === '-') return readBoundedStdinSync(kind);
    return readBoundedFileSync(resolve(io.cwd, path), kind, { displayName: path }).bytes;
  } catch (error) {
    if (error instanceof FileReadError) throw readFailure(error);
    throw fileProblem(io, path === '-' ? '标准输入' : path, error, 'read');
  }
}

function readFailure(error: FileReadError): CliError {
  return new CliError(error.message.replace(/。$/, ''), error.en);
}

const REPORT_EN: Record<ReportFileReason, string> = {
  'too-big': 'too large to be a Nianbao report file',
  pdf: 'not a Nianbao report file (a PDF; use nianbao import-pdf)',
  office: 'not a Nianbao report file (an office document; save it as text and use nianbao import-text)',
  'not-utf8': 'not a Nianbao report file (not UTF-8 text)',
  json: 'not a valid report file (damaged or truncated JSON)',
  foreign: 'not a Nianbao report file',
  newer: 'written by a newer version of Nianbao',
  invalid: 'the report file does not match the file format',
};

/** A `.nianbao` report through the app's reader (migrations, schema); any failure is a CliError (exit 2). */
export async function readReportFile(io: CliIo, path: string): Promise<{ doc: ReportDocument; migratedFrom?: number }> {
  try {
    const { doc, migratedFrom } = await readReport(resolve(io.cwd, path), path);
    return migratedFrom !== undefined ? { doc, migratedFrom } : { doc };
  } catch (error) {
    if (error instanceof ReportFileError) {
      const zh =
        error.reason === 'pdf'
          ? `“${path}”是 PDF 文件，不是报告文件；年报助手导出的 PDF 可用 nianbao import-pdf 读回报告文件`
          : error.reason === 'office'
            ? `“${path}”是 Word、WPS 或 Excel 文档，不是报告文件；已发布的报告文字可用 nianbao import-text 导入`
            : error.fact.replace(/。$/, '');
      throw new CliError(zh, `${path}: ${REPORT_EN[error.reason]}`);
    }
    if (error instanceof FileReadError) throw readFailure(error);
    throw error;
  }
}

/** A warning when the report given as last year's is not of the year before (a file mixed up in a
 *  batch): the prev.* rules would compare the wrong years without saying so. */
export function previousYearWarning(doc: ReportDocument, previous: ReportDocument, path: string): string | undefined {
  if (previous.year === doc.year - 1) return undefined;
  return `注意：作为上年报告给出的“${path}”是 ${previous.year} 年的报告，而本报告是 ${doc.year} 年的（上年应为 ${doc.year - 1} 年）；结转、雷同、大幅变化等对照上年的检查可能没有意义，请核对文件。`;
}

/** Writes through the app's atomic write (temp file, fsync, rename, fsync of the folder, Windows retry).
 *  Without `overwrite` an existing file is refused, also one that appears meanwhile. */
export async function writeFileAtomic(io: CliIo, path: string, content: string | Uint8Array, overwrite: boolean): Promise<void> {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    await writeAtomically(nodeFs, resolve(io.cwd, path), data, { overwrite });
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw new CliError(`文件“${path}”已存在；要覆盖请加 --force`, `${path} already exists; use --force to overwrite`);
    throw fileProblem(io, path, error, 'write');
  }
}
