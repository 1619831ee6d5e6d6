// The shared helpers of the command line, in process.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, decodeText, writeFileAtomic, type CliIo } from '../../electron/cli/cli-kit';
import { main } from '../../electron/cli/main';
import { tempDir } from './run-cli';

const io = (cwd: string, out: string[] = [], err: string[] = []): CliIo => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), cwd });

describe('decodeText', () => {
  it('reads UTF-8 (with BOM), UTF-16 and GBK', () => {
    const text = '政府信息公开';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'UTF-8' });
    const gbk = Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);
    expect(decodeText(gbk)).toEqual({ text, encoding: 'GB18030' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(utf16).text).toBe(text);
  });

  it('a UTF-8 file cut off inside its last character stays UTF-8 (not GB18030 nonsense)', () => {
    const bytes = new TextEncoder().encode('2019年黄金镇政府信息公开工作年度报告');
    for (const cut of [1, 2]) {
      expect(decodeText(bytes.subarray(0, bytes.length - cut))).toEqual({ text: '2019年黄金镇政府信息公开工作年度报', encoding: 'UTF-8' });
    }
    // GBK ending in a Chinese character is not mistaken for cut-off UTF-8.
    const gbk = Uint8Array.from([0x32, 0x30, 0x31, 0x39, 0xc4, 0xea]); // “2019年”
    expect(decodeText(gbk)).toEqual({ text: '2019年', encoding: 'GB18030' });
  });
});

describe('writeFileAtomic', () => {
  it('writes, refuses to replace without overwrite, replaces with it, leaves no temporary file', () => {
    const dir = tempDir();
    writeFileAtomic(io(dir), 'r.nianbao', 'one', false);
    expect(readFileSync(join(dir, 'r.nianbao'), 'utf8')).toBe('one');
    expect(() => writeFileAtomic(io(dir), 'r.nianbao', 'two', false)).toThrow(/已存在/);
    expect(readFileSync(join(dir, 'r.nianbao'), 'utf8')).toBe('one');
    writeFileAtomic(io(dir), 'r.nianbao', 'three', true);
    expect(readFileSync(join(dir, 'r.nianbao'), 'utf8')).toBe('three');
    expect(readdirSync(dir)).toEqual(['r.nianbao']);
  });
  it('names a missing folder and a folder in the way', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    expect(() => writeFileAtomic(io(dir), 'nope/r.nianbao', 'x', false)).toThrow(/所在文件夹不存在/);
    expect(() => writeFileAtomic(io(dir), 'sub', 'x', true)).toThrow(/是文件夹/);
  });
});

describe('main', () => {
  it('turns an unexpected failure into one line and exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.txt'), 'x');
    const err: string[] = [];
    const failing: CliIo = {
      out: () => {
        throw new Error('stdout closed');
      },
      err: (t) => void err.push(t),
      cwd: dir,
    };
    expect(await main(['--help'], failing)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^错误：内部错误：stdout closed/);
  });
  it('runs a command in process with the given folder', async () => {
    const dir = tempDir();
    const out: string[] = [];
    expect(await main(['new', '--year', '2019', '--agency', '黄金镇', '-o', 'h.nianbao'], io(dir, out))).toBe(0);
    expect(out.join('\n')).toContain('2019 年格式');
    expect(readdirSync(dir)).toEqual(['h.nianbao']);
  });
});
