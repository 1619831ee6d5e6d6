// The files a merge reads: the paths given, and every report file in the folders given (recursively).
// What is not a report (Word's “~$” lock files, images, archives, hidden files) is skipped and counted,
// never read; links to folders are not followed, so a link loop cannot make the walk endless.
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { REPORT_EXTENSIONS } from './read-unit';

/** A receiving office gets hundreds of files, not hundreds of thousands: past this the run is refused. */
export const MAX_MERGE_FILES = 5000;
export const MAX_FOLDER_DEPTH = 12;

export interface CollectedFiles {
  files: string[];
  /** Skipped files by reason (“Word 临时文件”, “.jpg 文件”…) with how many. */
  skipped: Record<string, number>;
  /** Paths given that do not exist or cannot be read, with the reason. */
  missing: { path: string; reason: string }[];
}

export class TooManyFilesError extends Error {}

function skipReason(name: string): string | undefined {
  if (name.startsWith('~$') || name.startsWith('.~lock.')) return 'Word/WPS 临时文件';
  if (name.startsWith('.')) return '隐藏文件';
  const ext = extname(name).toLowerCase();
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) return ext ? `${ext} 文件` : '无扩展名的文件';
  return undefined;
}

export async function collectReportFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const skipped: Record<string, number> = {};
  const missing: CollectedFiles['missing'] = [];
  const seen = new Set<string>();
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (files.length >= MAX_MERGE_FILES) throw new TooManyFilesError(`文件超过 ${MAX_MERGE_FILES} 个，请分批汇总。`);
    files.push(path);
  };

  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > MAX_FOLDER_DEPTH) {
      skip(`超过 ${MAX_FOLDER_DEPTH} 层的子文件夹`);
      return;
    }
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.')) skip('隐藏文件夹');
        else await walk(path, depth + 1);
      } else if (entry.isFile()) {
        const reason = skipReason(entry.name);
        if (reason) skip(reason);
        else add(path);
      } else if (entry.isSymbolicLink()) {
        // A link to a report file is read (the reader checks what it points to); to a folder, not followed.
        const target = await stat(path).catch(() => undefined);
        if (target?.isFile() && !skipReason(entry.name)) add(path);
        else skip('链接（不跟随）');
      } else {
        skip('特殊文件（设备、管道等）');
      }
    }
  }

  for (const path of paths) {
    const info = await lstat(path).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      missing.push({ path, reason: info.code === 'ENOENT' ? '找不到此文件或文件夹' : `读不了（${info.code ?? info.message}）` });
      continue;
    }
    if (info.isDirectory()) await walk(path, 0);
    else if (info.isFile() || info.isSymbolicLink()) {
      const reason = skipReason(basename(path));
      if (reason) missing.push({ path, reason: `不是报告文件（${reason}）` });
      else add(path);
    } else missing.push({ path, reason: '不是普通文件' });
  }
  return { files, skipped, missing };
}
