// The bounded unzip (electron/node/files/bounded-unzip.ts) the .docx and .xlsx readers use: a sane archive
// is read exactly; a zip bomb, too many entries, a truncated archive are refused with a Chinese message.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecompressionLimitError, unzipBounded } from '../../../../electron/node/files/bounded-unzip';
import { officeZip, officeZipBomb } from '../../../fuzz/hostile-files';

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

describe('unzipBounded', () => {
  for (const kind of ['docx', 'xlsx'] as const) {
    it(`reads a sane .${kind} exactly, only the wanted entries`, () => {
      const { zip, main, xml } = officeZip(kind);
      const entries = unzipBounded(zip, { what: `a.${kind}`, wanted: (name) => name === main });
      expect([...entries.keys()]).toEqual([main]);
      expect(Buffer.from(entries.get(main)!).toString('utf8')).toBe(xml);
    });

    it(`a zip bomb in a .${kind} is refused by its ratio, naming the entry`, () => {
      const error = refusal(() => unzipBounded(officeZipBomb(kind, 20), { what: `bomb.${kind}` }));
      expect(error.limit).toBe('ratio');
      expect(error.message).toMatch(new RegExp(`bomb\\.${kind}中的 (word/document|xl/worksheets/sheet1)\\.xml`));
    });
  }

  it('an entry larger than its cap is refused (by size, whatever the ratio allows)', () => {
    const error = refusal(() => unzipBounded(officeZipBomb('docx', 3), { what: 'big.docx', maxEntryBytes: 2 * 1024 * 1024, maxRatio: 1e9 }));
    expect(error.limit).toBe('size');
  });

  it('the sizes an archive declares are not trusted: a lying header does not get past the cap', () => {
    const zip = officeZipBomb('docx', 3);
    // Patch the declared uncompressed size (local header offset 22, central directory offset 24) to 10 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 < zip.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 10, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 10, true);
    }
    const error = refusal(() => unzipBounded(zip, { what: 'liar.docx', maxEntryBytes: 1024 * 1024, maxRatio: 1e9 }));
    expect(['size', 'corrupt']).toContain(error.limit);
  });

  it('too many entries are refused', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.xml`] = strToU8('<x/>');
    expect(refusal(() => unzipBounded(zipSync(files), { what: 'many.docx', maxEntries: 20 })).message).toMatch(/超过 20 个/);
  });

  it('a truncated archive is named as damaged, not read in part', () => {
    const { zip } = officeZip('docx');
    for (const cut of [0.3, 0.6, 0.95]) {
      expect(refusal(() => unzipBounded(zip.subarray(0, Math.floor(zip.length * cut)), { what: 'cut.docx' })).limit).toBe('corrupt');
    }
    expect(refusal(() => unzipBounded(strToU8('not a zip at all'), { what: 'x.docx' })).limit).toBe('corrupt');
  });
});
