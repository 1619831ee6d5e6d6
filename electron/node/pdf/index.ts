// PDF export and import (plain Node, no Electron): see exporter.ts and import-pdf.ts.
export { createPdfExporter, blockedMessage, missingGlyphsMessage, sha256Hex, titleLines } from './exporter';
export { ATTACHMENT_NAME, ATTACHMENT_TYPE, HASH_INFO_KEY, PRINTED_INFO_KEY } from './constants';
export type { ExportMode, ExportOptions, PdfExportResult, ExporterOptions, PdfExporter } from './exporter';
export { importPdf } from './import-pdf';
export type { ImportPdfFailure, ImportPdfResult, PrintedState } from './import-pdf';
export { DEFAULT_FONT_DIR, FONT_FILES, MissingFontError, loadFontSet } from './fonts';
export type { FaceName, FontSet } from './fonts';
