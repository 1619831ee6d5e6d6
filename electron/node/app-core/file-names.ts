// File names the app suggests in its dialogs.
import { basename, extname } from 'node:path';
import { UserError } from '../user-error';
import { trimEndChars, trimStartChars, WHITE_SPACE } from '../../../shared/text/trim';
import { reportTitle, type ReportDocument } from '../../../shared/model/report';

/** The report's title, or a generic one while the agency name is still empty. */
export function documentTitle(doc: Pick<ReportDocument, 'year' | 'agency'>): string {
  return doc.agency.name.trim() ? reportTitle(doc) : `${doc.year}年政府信息公开工作年度报告`;
}

/** Characters a name may not start or end with (Windows drops trailing dots and spaces). */
const ENDS = `${WHITE_SPACE}.`;

/** A name valid on Windows, macOS and Linux: no reserved characters, no trailing dots or spaces. */
export function safeFileName(name: string): string {
  const replaced = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_');
  // Cut by characters (never half a surrogate pair), then trim: the cut may end on a space or a dot.
  // 240 UTF-16 units hold at least 120 characters, and a pair they cut is past the 120th.
  const cut = [...trimStartChars(replaced, ENDS).slice(0, 240)].slice(0, 120).join('');
  const cleaned = trimEndChars(cut, ENDS);
  if (cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)) return '年报';
  return cleaned;
}

/** Appends `ext` (e.g. '.nianbao') unless the path already ends with it (any case). */
export function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === ext.toLowerCase() ? path : `${path}${ext}`;
}

/**
 * The path an export writes to, from the path the save dialog returned. The dialog asked before replacing
 * the file it showed; when the extension had to be appended, the resulting file is one the user never
 * confirmed: if it exists, the export is refused rather than replacing it silently.
 */
export async function exportTarget(chosen: string, ext: string, exists: (path: string) => Promise<boolean>): Promise<string> {
  const path = withExtension(chosen, ext);
  if (path !== chosen && (await exists(path))) {
    throw new UserError(
      'conflict',
      `“${basename(path)}”已经存在，没有覆盖它（对话框中确认的名称是“${basename(chosen)}”）。请重新导出：选择其他文件名，或直接选中这个文件以确认覆盖。`,
    );
  }
  return path;
}
