// The one place a zip (.docx) is opened. Only the entries asked for are inflated, each within a size
// limit, so a zip bomb cannot fill the memory.
import { unzipSync } from 'fflate';

export class ZipError extends Error {}

/** Largest size an inflated entry may have (document.xml of a long report is well under 10 MB). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let tooLarge: string | undefined;
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!wanted(file.name)) return false;
      if (file.originalSize > MAX_ENTRY_BYTES) {
        tooLarge = file.name;
        return false;
      }
      return true;
    },
  });
  if (tooLarge) throw new ZipError(`文件中的“${tooLarge}”解压后超过 ${MAX_ENTRY_BYTES / 1024 / 1024} MB，不像一份年度报告，未读取。`);
  return new Map(Object.entries(files));
}
