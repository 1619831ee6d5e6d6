// File names the app suggests in its dialogs.
import { basename, extname } from 'node:path';
import { UserError } from '../user-error';
import { reportTitle, type ReportDocument } from '../../../shared/model/report';

/** The report's title, or a generic one while the agency name is still empty. */
export function documentTitle(doc: Pick<ReportDocument, 'year' | 'agency'>): string {
  return doc.agency.name.trim() ? reportTitle(doc) : `${doc.year}年政府信息公开工作年度报告`;
}

/** A name valid on Windows, macOS and Linux: no reserved characters, no trailing dots or spaces. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
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
