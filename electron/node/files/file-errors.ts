// The one errno → message map of the app and the command line: what a failed read or write of a file
// means, in one Chinese clause and in English, with what the app's user can do. Storage's StorageErrors,
// the bounded reader's FileReadErrors and the CLI's one-line errors are all worded from here.
import { basename, dirname } from 'node:path';
import type { ErrorCode } from '../../../shared/ipc/contract';
import { errnoCode } from '../storage/fs-layer';

export const NOTHING_LOST_ON_SAVE = '原文件没有改动，编辑中的内容也没有丢失。';

export type FileOperation = 'read' | 'write';

/** A file-system failure described once, for the app and the command line alike. */
export interface FileProblem {
  code: ErrorCode;
  /** What happened, one Chinese clause (no full stop): the CLI prints it with `en`, the app adds `advice`. */
  zh: string;
  en: string;
  /** What the app's user can do (the CLI's user re-runs the command). */
  advice: string;
}

const SAVE_ELSEWHERE = `${NOTHING_LOST_ON_SAVE}请用“另存为”保存到其他位置。`;

/**
 * The one errno → message map. `path` is the file (its folder is named for write failures); `shown` is how
 * the file is named in the message (the app: its name; the CLI: the path as typed).
 */
export function describeFileError(e: unknown, operation: FileOperation, path: string, shown: string = basename(path)): FileProblem {
  const code = errnoCode(e);
  const folder = dirname(path);
  const file = `“${shown}”`;
  const detail = code ?? describe(e);
  if (operation === 'read') {
    switch (code) {
      case 'ENOENT':
      case 'ENOTDIR':
        return { code: 'not-found', zh: `找不到文件${file}`, en: `file not found: ${shown}`, advice: '它可能已被移动、改名或删除。' };
      case 'EACCES':
      case 'EPERM':
        return { code: 'read-only', zh: `没有权限读取${file}`, en: `permission denied: ${shown}`, advice: '请检查文件的访问权限。' };
      case 'EISDIR':
        return { code: 'bad-file', zh: `${file}是文件夹，不是文件`, en: `${shown} is a directory`, advice: '' };
      case 'EBUSY':
        return { code: 'io', zh: `${file}正被其他程序占用，读不了`, en: `${shown} is in use by another program`, advice: '请关闭占用它的程序后重试。' };
      default:
        return { code: 'io', zh: `读取${file}时出错（${detail}）`, en: `cannot read ${shown}: ${detail}`, advice: '' };
    }
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { code: 'read-only', zh: `没有权限写入${file}：文件或所在文件夹“${folder}”是只读的`, en: `permission denied: ${shown}`, advice: SAVE_ELSEWHERE };
    case 'EROFS':
      return { code: 'read-only', zh: `“${folder}”所在的磁盘是只读的，无法写入${file}`, en: `read-only file system: ${shown}`, advice: SAVE_ELSEWHERE };
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        code: 'disk-full',
        zh: `磁盘空间不足，未能写入${file}`,
        en: `no space left on device: ${shown}`,
        advice: `${NOTHING_LOST_ON_SAVE}请清理磁盘后重试，或用“另存为”保存到其他磁盘。`,
      };
    case 'ENOENT':
    case 'ENOTDIR':
      return {
        code: 'not-found',
        zh: `无法写入${file}：所在文件夹“${folder}”不存在（可能已被删除或移动）`,
        en: `cannot write ${shown}: folder does not exist`,
        advice: '编辑中的内容没有丢失，请用“另存为”选择其他位置。',
      };
    case 'EISDIR':
      return { code: 'io', zh: `${file}是文件夹，不能写成文件`, en: `${shown} is a directory`, advice: '编辑中的内容没有丢失。' };
    case 'EBUSY':
      return {
        code: 'io',
        zh: `${file}正被其他程序占用（如杀毒软件或 WPS 的预览），未能写入`,
        en: `${shown} is in use by another program`,
        advice: `${NOTHING_LOST_ON_SAVE}请稍后重试，或关闭占用它的程序。`,
      };
    case 'EEXIST':
      return { code: 'io', zh: `文件${file}已存在`, en: `${shown} already exists`, advice: '' };
    default:
      return { code: 'io', zh: `写入${file}时出错（${detail}）`, en: `cannot write ${shown}: ${detail}`, advice: NOTHING_LOST_ON_SAVE };
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
