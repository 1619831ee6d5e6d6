import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecompressionLimitError } from '../../../../electron/node/files/bounded-unzip';
import { readZipEntries, ZipError } from '../../../../electron/node/import/zip';

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('readZipEntries', () => {
  it('inflates only the entries asked for', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:t>政府信息公开</w:t>'), 'word/media/image1.png': new Uint8Array(1000), '[Content_Types].xml': strToU8('<Types/>') });
    const entries = readZipEntries(zip, (name) => name === 'word/document.xml');
    expect([...entries.keys()]).toEqual(['word/document.xml']);
    expect(decode(entries.get('word/document.xml'))).toBe('<w:t>政府信息公开</w:t>');
  });

  it('refuses a zip bomb with a ZipError that names the limit', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) });
    const error = (() => {
      try {
        readZipEntries(bomb, () => true, '上年报告.docx');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ZipError);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets a damaged archive keep the reader’s own error', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:t>正文</w:t>'.repeat(100)) });
    let error: unknown;
    try {
      readZipEntries(strToU8('这不是一个 zip 文件'), () => true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecompressionLimitError);
    expect(error).not.toBeInstanceOf(ZipError);
    expect((error as DecompressionLimitError).limit).toBe('corrupt');
    expect(readZipEntries(zip, () => true).size).toBe(1);
  });
});
