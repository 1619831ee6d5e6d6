// File names the app suggests in its dialogs.
import { extname } from 'node:path';
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
