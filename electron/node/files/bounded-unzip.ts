// Reading entries of a zip archive (.docx, .xlsx, .wps…) without trusting it: a bounded unzip.
//
//   const entries = unzipBounded(bytes, {
//     what: '“2024年报.docx”',
//     wanted: (name) => name === 'word/document.xml' || name.startsWith('word/_rels/'),
//   });
//   const xml = entries.get('word/document.xml');            // Uint8Array | undefined
//
// Limits (each has a default, callers may tighten them): the number of entries, each wanted entry's
// decompressed size, the total of all wanted entries, the compression ratio (a real document's XML
// compresses 5–20×; a bomb of zeros 1000×), and a time budget. Past a limit: DecompressionLimitError with a
// Chinese message naming the archive and the entry. Only wanted entries are decompressed; the sizes an
// archive declares are never used to allocate anything (they can lie), output is counted as it is produced.
//
// The archive structure is read by fflate's streaming Unzip (local headers, data descriptors, stored and
// deflated entries); a deflated entry is inflated by inflateBounded (Node's zlib with an output limit).
import { Unzip, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipFile } from 'fflate';
import { DecompressionLimitError, inflateBounded, joinChunks, OutputMeter, type InflateLimits } from './bounded-inflate';

export { DecompressionLimitError } from './bounded-inflate';

const MB = 1024 * 1024;

export interface UnzipLimits {
  /** The archive as named in messages (e.g. “2024年报.docx”). */
  what: string;
  /** Which entries to decompress (others are skipped). Default: all. */
  wanted?: (name: string) => boolean;
  /** Max entries in the archive (default 10,000). */
  maxEntries?: number;
  /** Max decompressed size of one wanted entry (default 64 MB). */
  maxEntryBytes?: number;
  /** Max decompressed size of all wanted entries together (default 256 MB). */
  maxTotalBytes?: number;
  /** Max decompressed/compressed ratio of an entry (default 200), checked past 1 MB of output. */
  maxRatio?: number;
  /** Time budget for the whole archive in ms (default 5 s). */
  budgetMs?: number;
}

export const UNZIP_DEFAULTS = { maxEntries: 10_000, maxEntryBytes: 64 * MB, maxTotalBytes: 256 * MB, maxRatio: 200, budgetMs: 5000 } as const;

/** The wanted entries' decompressed bytes, by name. Throws DecompressionLimitError. */
export function unzipBounded(zip: Uint8Array, limits: UnzipLimits): Map<string, Uint8Array> {
  // Every zip ends with its central directory's end record (within the last 64 KB + 22 bytes): without
  // it the file is not a zip, or was cut off — its entries might be read in part, so none are.
  if (!hasEndRecord(zip)) throw corruptArchive(limits.what, new Error('no end of central directory'));
  const wanted = limits.wanted ?? (() => true);
  const maxEntries = limits.maxEntries ?? UNZIP_DEFAULTS.maxEntries;
  const maxEntryBytes = limits.maxEntryBytes ?? UNZIP_DEFAULTS.maxEntryBytes;
  const budgetMs = limits.budgetMs ?? UNZIP_DEFAULTS.budgetMs;
  const total = new OutputMeter(
    { what: limits.what, maxBytes: limits.maxTotalBytes ?? UNZIP_DEFAULTS.maxTotalBytes, maxRatio: Number.POSITIVE_INFINITY, budgetMs },
    zip.byteLength,
  );
  const out = new Map<string, Uint8Array>();
  const errors: unknown[] = [];
  const started: string[] = [];
  let entries = 0;

  const unzip = new Unzip((file: UnzipFile) => {
    entries++;
    if (entries > maxEntries) {
      throw new DecompressionLimitError('size', `“${limits.what}”中的文件超过 ${maxEntries} 个，不像是正常的文档，没有读取。`, `${limits.what} has more than ${maxEntries} entries`);
    }
    if (!wanted(file.name) || out.has(file.name)) return;
    // The declared sizes may lie: they only shorten the way to a refusal, never size a buffer.
    const declaredTooBig = file.originalSize !== undefined && file.originalSize > maxEntryBytes;
    const entryWhat = `${limits.what}中的 ${file.name}`;
    const meter = new OutputMeter(
      { what: entryWhat, maxBytes: maxEntryBytes, maxRatio: limits.maxRatio ?? UNZIP_DEFAULTS.maxRatio, budgetMs },
      // Unknown compressed size (data descriptor): measured against the whole archive.
      file.size !== undefined && file.size > 0 ? file.size : zip.byteLength,
    );
    if (declaredTooBig) meter.add(file.originalSize!);
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) {
        errors.push(error);
        return;
      }
      meter.add(chunk.byteLength);
      total.add(chunk.byteLength);
      chunks.push(chunk);
      if (final) out.set(file.name, joinChunks(chunks, meter.bytes));
    };
    started.push(file.name);
    file.start();
  });
  unzip.register(
    boundedInflateDecoder((name) => ({
      what: `${limits.what}中的 ${name}`,
      maxBytes: Math.min(maxEntryBytes, Math.max(0, (limits.maxTotalBytes ?? UNZIP_DEFAULTS.maxTotalBytes) - total.bytes)),
      maxRatio: limits.maxRatio ?? UNZIP_DEFAULTS.maxRatio,
      budgetMs,
    })),
  );

  try {
    unzip.push(zip, true);
  } catch (e) {
    if (e instanceof DecompressionLimitError) throw e;
    throw corruptArchive(limits.what, e);
  }
  if (errors.length > 0) throw corruptArchive(limits.what, errors[0]);
  // An entry cut off by the end of the file never received its last chunk.
  const unfinished = started.find((name) => !out.has(name));
  if (unfinished !== undefined) throw corruptArchive(limits.what, new Error(`${unfinished} is incomplete`));
  return out;
}

/** fflate's decoder for deflated entries (method 8), replaced by one that inflates within limits. The
 *  compressed bytes of an entry are collected (they are part of the archive, already in memory). */
function boundedInflateDecoder(limitsFor: (name: string, compressedSize: number) => InflateLimits) {
  return class BoundedZipInflate implements UnzipDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    private size = 0;
    constructor(private readonly name: string) {}
    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      this.size += chunk.byteLength;
      if (!final) return;
      const data = joinChunks(this.chunks, this.size);
      const inflated = inflateBounded(data, { ...limitsFor(this.name, this.size), format: 'raw' });
      this.ondata(null, inflated as Uint8Array<ArrayBuffer>, true);
    }
  };
}

function hasEndRecord(zip: Uint8Array): boolean {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x05 && zip[i + 3] === 0x06) return true;
  }
  return false;
}

function corruptArchive(what: string, e: unknown): DecompressionLimitError {
  const detail = e instanceof Error ? e.message : String(e);
  return new DecompressionLimitError('corrupt', `“${what}”不是完整的压缩文档（已损坏或被截断），无法读取（${detail}）。`, `${what}: damaged or truncated zip (${detail})`);
}
