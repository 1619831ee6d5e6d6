// The one text decoder (electron/node/import/text-decode.ts) and that the app and the command line read
// the same text file the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../electron/node/import/text-decode';
import { decodeUtf8 } from '../../../../electron/node/storage/report-files';
import { main } from '../../../../electron/cli/main';
import { parseReport } from '../../../../shared/model/document';
import { seedPath } from '../../../shared/import/fixtures';
import { makeCore, removeDir, tempDir } from '../storage/helpers';

const TEXT = '2019年黄金镇政府信息公开工作年度报告😀';
const utf16be = (text: string) => Buffer.from(Buffer.from(text, 'utf16le').swap16());

describe('decodeText', () => {
  it('UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toEqual({ text: TEXT, encoding: 'UTF-8' });
  });

  it('UTF-16 LE and BE with BOM (Notepad’s “Unicode”), the BOM removed', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toEqual({ text: TEXT, encoding: 'UTF-16LE' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]))).toEqual({ text: TEXT, encoding: 'UTF-16BE' });
  });

  it('UTF-16 cut off inside its last character loses only that character', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const withoutEmoji = TEXT.slice(0, -2);
    expect(decodeText(le.subarray(0, le.length - 1)).text).toBe(withoutEmoji); // odd byte
    expect(decodeText(le.subarray(0, le.length - 2)).text).toBe(withoutEmoji); // half a surrogate pair
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]);
    expect(decodeText(be.subarray(0, be.length - 3)).text).toBe(withoutEmoji);
  });

  it('UTF-8 cut off inside its last character stays UTF-8 (not GB18030 nonsense), for 2-, 3- and 4-byte characters', () => {
    const bytes = Buffer.from(TEXT, 'utf8'); // ends with a 4-byte emoji
    for (const cut of [1, 2, 3]) expect(decodeText(bytes.subarray(0, bytes.length - cut))).toEqual({ text: TEXT.slice(0, -2), encoding: 'UTF-8' });
    const han = Buffer.from('年度报告', 'utf8');
    for (const cut of [1, 2]) expect(decodeText(han.subarray(0, han.length - cut))).toEqual({ text: '年度报', encoding: 'UTF-8' });
    const latin = Buffer.from('Café', 'utf8');
    expect(decodeText(latin.subarray(0, latin.length - 1))).toEqual({ text: 'Caf', encoding: 'UTF-8' });
  });

  it('GB18030/GBK when the bytes are not UTF-8, also when they end in a Chinese character', () => {
    const gbk = Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);
    expect(decodeText(gbk)).toEqual({ text: '政府信息公开', encoding: 'GB18030' });
    expect(decodeText(Uint8Array.from([0x32, 0x30, 0x31, 0x39, 0xc4, 0xea]))).toEqual({ text: '2019年', encoding: 'GB18030' });
  });

  it('decodeUtf8 (report files) is strict: null for anything else', () => {
    expect(decodeUtf8(Buffer.from('{"a":1}'))).toBe('{"a":1}');
    expect(decodeUtf8(Uint8Array.from([0xc4, 0xea]))).toBeNull();
  });
});

describe('the app and the command line decode a text file the same way', () => {
  for (const [name, encode] of [
    ['UTF-16LE with BOM', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-8 with BOM, cut inside its last character', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${t}年`, 'utf8').subarray(0, -1)])],
  ] as const) {
    it(name, async () => {
      const root = tempDir('nianbao-decode-');
      try {
        const file = join(root, 'seed.txt');
        writeFileSync(file, encode(readFileSync(seedPath, 'utf8')));
        const out: string[] = [];
        const code = await main(['import-text', file, '-o', join(root, 'cli.nianbao')], { out: (t) => void out.push(t), err: (t) => void out.push(t), cwd: root });
        expect(code, out.join('\n')).toBe(0);
        const parsed = parseReport(readFileSync(join(root, 'cli.nianbao'), 'utf8'));
        if (!parsed.ok) throw new Error(parsed.message);

        const t = makeCore(root);
        t.dialogs.answers.openText.push(file);
        const fromApp = await t.ok<{ doc: typeof parsed.doc }>('import:textFile');
        expect(fromApp.doc.cells).toEqual(parsed.doc.cells);
        expect(fromApp.doc.sections).toEqual(parsed.doc.sections);
        expect(parsed.doc.agency.name).toBe('黄金镇');
      } finally {
        removeDir(root);
      }
    });
  }
});
