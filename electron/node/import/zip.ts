// The one place a zip (.docx) is opened. Only the entries asked for are inflated, each within a size and
// ratio limit (electron/node/files/bounded-unzip.ts), so a zip bomb cannot fill the memory — also one
// whose headers lie about the sizes.
import { DecompressionLimitError, unzipBounded } from '../files/bounded-unzip';

export class ZipError extends Error {}

/** Largest size an inflated entry may have (document.xml of a long report is well under 10 MB). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, what = '文档'): Map<string, Uint8Array> {
  try {
    return unzipBounded(bytes, { what, wanted, maxEntryBytes: MAX_ENTRY_BYTES });
  } catch (e) {
    // A damaged archive gets the reader's own words; a limit passed is named as such.
    if (e instanceof DecompressionLimitError && e.limit !== 'corrupt') throw new ZipError(e.message);
    throw e;
  }
}
