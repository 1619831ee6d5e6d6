// A PDF from outside has each compressed stream inflated once, within limits, before pdf-lib or pdf.js
// reads it: both inflate what they parse with no output limit (pdf-lib every object stream at load, pdf.js
// a page's drawing when its text is read), so a 500 KB PDF whose stream inflates to gigabytes would fill
// the memory of the merge run or the CLI. Streams are found by their keywords (`stream` … `endstream`) in
// one pass; a stream that is not valid compressed data is left to the readers, which report damage.
import { DecompressionLimitError, inflateBounded } from '../files/bounded-inflate';

const MB = 1024 * 1024;
/** One stream: a scanned A4 page at 300 dpi in colour is some 26 MB raw. */
export const MAX_PDF_STREAM_BYTES = 64 * MB;
/** All streams of one file together (inflated one after the other, so memory stays at one stream). */
export const MAX_PDF_TOTAL_INFLATED_BYTES = 256 * MB;
/** How far before `stream` its dictionary is looked at for /FlateDecode. */
const DICT_WINDOW = 4096;

/** Throws a DecompressionLimitError (Chinese message) when a stream or all of them pass the limits. */
export function checkPdfStreams(bytes: Uint8Array, limits = { perStream: MAX_PDF_STREAM_BYTES, total: MAX_PDF_TOTAL_INFLATED_BYTES }): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf('stream', from);
    if (at < 0) return;
    from = at + 6;
    if (text.startsWith('end', at - 3)) continue;
    let start = at + 6;
    if (text[start] === '\r') start++;
    if (text[start] !== '\n') continue;
    start++;
    const end = text.indexOf('endstream', start);
    if (end < 0) return;
    from = end + 9;
    const dict = text.slice(Math.max(0, at - DICT_WINDOW), at);
    const dictStart = dict.lastIndexOf('obj');
    if (!(dictStart >= 0 ? dict.slice(dictStart) : dict).includes('/FlateDecode')) continue;
    const remaining = limits.total - total;
    try {
      total += inflateBounded(bytes.subarray(start, end), {
        format: 'zlib',
        maxBytes: Math.min(limits.perStream, remaining),
        maxRatio: Number.POSITIVE_INFINITY,
        what: remaining < limits.perStream ? 'PDF 的全部压缩数据' : 'PDF 中的一段压缩数据',
      }).byteLength;
    } catch (e) {
      if (e instanceof DecompressionLimitError && e.limit !== 'corrupt') throw e;
      // Not valid zlib data (or cut short): the readers report the damage, not this check.
    }
  }
}
