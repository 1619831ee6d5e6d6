export { createPdfExporter, ATTACHMENT_NAME, HASH_INFO_KEY, blockedMessage, sha256Hex } from './exporter';
export type { ExportMode, ExportOptions, ExportResult, ExporterOptions, PdfExporter } from './exporter';
export { importPdf } from './import-pdf';
export type { ImportPdfResult } from './import-pdf';
export { DEFAULT_FONT_DIR, FONT_FILES, MissingFontError, loadFontSet } from './fonts';
export type { FaceName, FontSet } from './fonts';
