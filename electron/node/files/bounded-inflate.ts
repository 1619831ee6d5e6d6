// Decompression that stops at a limit instead of filling memory: a 500 KB “zip bomb” inflates to gigabytes.
//
//   const bytes = inflateBounded(pdfStreamBytes, { format: 'zlib', maxBytes: 20 << 20, what: '报告数据附件' });
//
// Node's zlib (C, fast) with `maxOutputLength`: it stops producing output once the limit is passed, so the
// work and memory are bounded by the limit, not by what the data claims. The limit is the smaller of the
// size cap and `maxRatio` times the compressed size (real documents compress 5–20×, a bomb of zeros
// 1000×); past it, a DecompressionLimitError with a Chinese message says which limit and what was read.
import { inflateRawSync, inflateSync } from 'node:zlib';

export interface InflateLimits {
  /** Hard cap on the decompressed size. */
  maxBytes: number;
  /** Cap on decompressed/compressed (real documents stay far below 100; zeros reach 1000). Default 200. */
  maxRatio?: number;
  /** Below this output size the ratio is not checked (tiny, highly repetitive data is legitimate). */
  ratioFloorBytes?: number;
  /** Time budget in ms (default 5 s). */
  budgetMs?: number;
  /** What is being decompressed, in messages (“报告数据附件”, “word/document.xml”). */
  what: string;
}

export type DecompressionLimit = 'size' | 'ratio' | 'time' | 'corrupt';

export class DecompressionLimitError extends Error {
  constructor(
    readonly limit: DecompressionLimit,
    message: string,
    readonly en: string,
  ) {
    super(message);
    this.name = 'DecompressionLimitError';
  }
}

const MB = 1024 * 1024;
export const DEFAULT_MAX_RATIO = 200;
const DEFAULT_RATIO_FLOOR = 1 * MB;
const DEFAULT_BUDGET_MS = 5000;

/** Counts output against the limits; throws DecompressionLimitError when one is passed. */
export class OutputMeter {
  private total = 0;
  private readonly deadline: number;
  constructor(
    private readonly limits: InflateLimits,
    /** The compressed size the ratio is measured against. */
    private readonly compressedBytes: number,
  ) {
    this.deadline = Date.now() + (limits.budgetMs ?? DEFAULT_BUDGET_MS);
  }

  get bytes(): number {
    return this.total;
  }

  add(count: number): void {
    this.total += count;
    const { maxBytes, what } = this.limits;
    if (this.total > maxBytes) {
      throw new DecompressionLimitError(
        'size',
        `“${what}”解压后超过 ${formatSize(maxBytes)}，超出了这类文件的合理大小，没有继续读取（文件可能已损坏或是恶意构造的）。`,
        `${what} inflates to more than ${formatSize(maxBytes)}`,
      );
    }
    const maxRatio = this.limits.maxRatio ?? DEFAULT_MAX_RATIO;
    if (this.total > (this.limits.ratioFloorBytes ?? DEFAULT_RATIO_FLOOR) && this.total > maxRatio * Math.max(1, this.compressedBytes)) {
      throw new DecompressionLimitError(
        'ratio',
        `“${what}”的压缩比异常（超过 ${maxRatio} 倍），像是“压缩炸弹”，没有继续读取。`,
        `${what}: compression ratio above ${maxRatio} (a zip bomb?)`,
      );
    }
    this.checkTime();
  }

  checkTime(): void {
    if (Date.now() > this.deadline) {
      const seconds = Math.round((this.limits.budgetMs ?? DEFAULT_BUDGET_MS) / 1000);
      throw new DecompressionLimitError('time', `解压“${this.limits.what}”超过 ${seconds} 秒，已停止。`, `inflating ${this.limits.what} took more than ${seconds} s`);
    }
  }
}

export function formatSize(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function corrupt(what: string, e: unknown): DecompressionLimitError {
  const detail = e instanceof Error ? e.message : String(e);
  return new DecompressionLimitError('corrupt', `“${what}”的压缩数据已损坏，无法解压（${detail}）。`, `${what}: corrupt compressed data (${detail})`);
}

/** Inflates zlib-wrapped (PDF FlateDecode) or raw deflate (zip) data within `limits`. */
export function inflateBounded(data: Uint8Array, limits: InflateLimits & { format: 'zlib' | 'raw' }): Uint8Array {
  const maxRatio = limits.maxRatio ?? DEFAULT_MAX_RATIO;
  const byRatio = Math.max(limits.ratioFloorBytes ?? DEFAULT_RATIO_FLOOR, maxRatio * data.byteLength);
  const cap = Math.min(limits.maxBytes, byRatio);
  const meter = new OutputMeter(limits, data.byteLength);
  let out: Buffer;
  try {
    const options = { maxOutputLength: Math.max(1, cap), chunkSize: 256 * 1024 };
    out = limits.format === 'zlib' ? inflateSync(data, options) : inflateRawSync(data, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      // Report the limit that was hit (one byte past it).
      meter.add(cap + 1);
    }
    throw corrupt(limits.what, e);
  }
  meter.add(out.byteLength);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export function joinChunks(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
