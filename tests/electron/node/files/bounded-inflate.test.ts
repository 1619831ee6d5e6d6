// electron/node/files/bounded-inflate.ts: zlib and raw deflate inflated within a size cap, a ratio cap and a
// time budget; past one, a DecompressionLimitError in Chinese says which limit. Also its meter and helpers.
import { deflateRawSync, deflateSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecompressionLimitError, formatSize, inflateBounded, joinChunks, OutputMeter } from '../../../../electron/node/files/bounded-inflate';

const MB = 1024 * 1024;

function refusal(run: () => unknown): DecompressionLimitError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DecompressionLimitError);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
    return e as DecompressionLimitError;
  }
  throw new Error('expected a refusal');
}

describe('inflateBounded', () => {
  it('stops at the size cap and the ratio cap, and names damaged data', async () => {
    const { deflateSync } = await import('node:zlib');
    const text = strToU8('政府信息公开'.repeat(10_000));
    expect(Buffer.from(inflateBounded(deflateSync(text), { format: 'zlib', maxBytes: 1e6, what: 'x' })).equals(Buffer.from(text))).toBe(true);
    expect(refusal(() => inflateBounded(deflateSync(text), { format: 'zlib', maxBytes: 1000, what: 'x' })).limit).toBe('size');
    expect(refusal(() => inflateBounded(deflateSync(new Uint8Array(8 * 1024 * 1024)), { format: 'zlib', maxBytes: 64e6, what: 'x' })).limit).toBe('ratio');
    expect(refusal(() => inflateBounded(strToU8('garbage'), { format: 'zlib', maxBytes: 1e6, what: 'x' })).limit).toBe('corrupt');
  });

  it('reads raw deflate (zip entries) and does not take zlib-wrapped data for it', () => {
    const text = strToU8('本年度共收到政府信息公开申请'.repeat(500));
    expect(Buffer.from(inflateBounded(deflateRawSync(text), { format: 'raw', maxBytes: 1e6, what: 'word/document.xml' })).equals(Buffer.from(text))).toBe(true);
    expect(refusal(() => inflateBounded(deflateRawSync(text), { format: 'zlib', maxBytes: 1e6, what: 'x' })).limit).toBe('corrupt');
  });

  it('names what it read and the limit in the message', () => {
    const size = refusal(() => inflateBounded(deflateSync(new Uint8Array(3 * MB).fill(7)), { format: 'zlib', maxBytes: 2 * MB, maxRatio: 1e9, what: '报告数据附件' }));
    expect(size.limit).toBe('size');
    expect(size.message).toBe('“报告数据附件”解压后超过 2 MB，超出了这类文件的合理大小，没有继续读取（文件可能已损坏或是恶意构造的）。');
    expect(size.en).toContain('报告数据附件 inflates to more than 2 MB');
    const ratio = refusal(() => inflateBounded(deflateSync(new Uint8Array(4 * MB)), { format: 'zlib', maxBytes: 64 * MB, maxRatio: 50, what: 'sheet1.xml' }));
    expect(ratio.message).toMatch(/^“sheet1\.xml”的压缩比异常（超过 50 倍）/);
    const damaged = refusal(() => inflateBounded(strToU8('not deflate'), { format: 'raw', maxBytes: 1e6, what: '附件' }));
    expect(damaged.message).toMatch(/^“附件”的压缩数据已损坏，无法解压（.+）。$/);
  });

  it('lets small, highly repetitive data through below the ratio floor, and not above a lowered floor', () => {
    const zeros = new Uint8Array(512 * 1024); // compresses some 500×, but is below the default 1 MB floor
    expect(inflateBounded(deflateSync(zeros), { format: 'zlib', maxBytes: MB, what: 'x' }).byteLength).toBe(zeros.byteLength);
    expect(refusal(() => inflateBounded(deflateSync(zeros), { format: 'zlib', maxBytes: MB, ratioFloorBytes: 1024, what: 'x' })).limit).toBe('ratio');
  });

  it('data exactly at the size cap passes; one byte more does not', () => {
    const data = new Uint8Array(1000).map((_, i) => (i * 7919) % 251);
    expect(inflateBounded(deflateSync(data), { format: 'zlib', maxBytes: 1000, what: 'x' }).byteLength).toBe(1000);
    expect(refusal(() => inflateBounded(deflateSync(data), { format: 'zlib', maxBytes: 999, what: 'x' })).limit).toBe('size');
  });
});

describe('OutputMeter', () => {
  it('counts output and refuses past the size cap', () => {
    const meter = new OutputMeter({ maxBytes: 100, what: 'x' }, 50);
    meter.add(60);
    meter.add(40);
    expect(meter.bytes).toBe(100);
    expect(refusal(() => meter.add(1)).limit).toBe('size');
  });

  it('refuses past the ratio once the output is above the floor', () => {
    const meter = new OutputMeter({ maxBytes: 1e9, maxRatio: 10, ratioFloorBytes: 100, what: 'x' }, 20);
    meter.add(150); // 7.5× so far
    meter.add(50); // 10×: still allowed
    expect(refusal(() => meter.add(1)).limit).toBe('ratio');
  });

  it('refuses once its time budget has passed', () => {
    const meter = new OutputMeter({ maxBytes: 1e9, budgetMs: -1, what: '页面内容' }, 10);
    const error = refusal(() => meter.checkTime());
    expect(error.limit).toBe('time');
    expect(error.message).toMatch(/^解压“页面内容”超过 0 秒，已停止。$/);
  });
});

describe('formatSize', () => {
  it('says MB from one MB up, KB below', () => {
    expect(formatSize(20 * MB)).toBe('20 MB');
    expect(formatSize(MB)).toBe('1 MB');
    expect(formatSize(MB - 1024)).toBe('1023 KB');
    expect(formatSize(512)).toBe('1 KB');
  });
});

describe('joinChunks', () => {
  it('joins chunks in order into one array of the total length', () => {
    expect([...joinChunks([Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3, 4, 5)], 5)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns a single chunk as it is', () => {
    const only = Uint8Array.of(9, 8);
    expect(joinChunks([only], 2)).toBe(only);
  });
});
