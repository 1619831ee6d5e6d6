// Names shared by the exporter and the importer of the data a PDF carries.
export const ATTACHMENT_NAME = 'report.nianbao';
export const ATTACHMENT_TYPE = 'application/json';
/** Custom key of the PDF document information holding the SHA-256 (hex) of the embedded report file. */
export const HASH_INFO_KEY = 'NianbaoSHA256';
/**
 * Custom key of the document information holding the fingerprint of the printed pages: the SHA-256 of
 * the embedded file's hash and every page's content stream as exported (see printed-fingerprint.ts).
 */
export const PRINTED_INFO_KEY = 'NianbaoPrintedSHA256';
