import type { Finding } from '../../../shared/checks/types';
import { type ReportDocument } from '../../../shared/model/report';
import { type FontSet } from './fonts';
import { Composer } from './page';
export declare const ATTACHMENT_NAME = "report.nianbao";
export declare const ATTACHMENT_TYPE = "application/json";
/** Custom key of the PDF document information holding the SHA-256 (hex) of the embedded report file. */
export declare const HASH_INFO_KEY = "NianbaoSHA256";
export declare const CREATOR = "\u5E74\u62A5\u52A9\u624B";
export type ExportMode = 'final' | 'draft';
export interface ExportOptions {
    mode: ExportMode;
    /** Last year's report, for the prev.* checks. */
    previous?: ReportDocument;
}
export type ExportResult = {
    ok: true;
    pdf: Buffer;
    findings: Finding[];
} | {
    ok: false;
    reason: 'blocked';
    findings: Finding[];
    message: string;
};
export interface PdfExporter {
    readonly fonts: FontSet;
    exportPdf(doc: ReportDocument, opts: ExportOptions): Promise<ExportResult>;
}
export interface ExporterOptions {
    /** Folder with the font files (assets/fonts in the source tree, resources/fonts when packaged). */
    fontDir?: string;
}
export declare function createPdfExporter(options?: ExporterOptions): PdfExporter;
export declare function blockedMessage(blocking: Finding[]): string;
/** SHA-256 (hex) of the embedded report file. */
export declare const sha256Hex: (data: Uint8Array) => string;
/**
 * The title's lines: one if it fits; else broken before “政府信息公开工作年度报告” (the natural place);
 * else lines of balanced length rather than a full line and a stub.
 */
export declare function titleLines(composer: Composer, title: string): string[];
