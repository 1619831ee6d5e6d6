import { type ReportDocument } from '../../../shared/model/report';
/** The report's title, or a generic one while the agency name is still empty. */
export declare function documentTitle(doc: Pick<ReportDocument, 'year' | 'agency'>): string;
/** A name valid on Windows, macOS and Linux: no reserved characters, no trailing dots or spaces. */
export declare function safeFileName(name: string): string;
/** Appends `ext` (e.g. '.nianbao') unless the path already ends with it (any case). */
export declare function withExtension(path: string, ext: string): string;
