// The shared helpers of the command line, in process.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type CliIo } from '../../../electron/cli/cli-kit';
import { tempDir } from './run-cli';

const io = (cwd: string, out: string[] = [], err: string[] = []): CliIo => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), cwd });

describe('writeFileAtomic', () => {
  it('writes, refuses to replace without overwrite, replaces with it, leaves no temporary file', async () => {
    const dir = tempDir();
    await writeFileAtomic(io(dir), 'r.nianbao', 'one', false);
    expect(readFileSync(join(dir, 'r.nianbao'), 'utf8')).toBe('one');
    await expect(writeFileAtomic(io(dir), 'r.nianbao', 'two', false)).rejects.toThrow('文件“r.nianbao”已存在；要覆盖请加 --force');
    expect(readFileSync(join(dir, 'r.nianbao'), 'utf8')).toBe('one');
    await writeFileAtomic(io(dir), 'r.nianbao', 'three', true);
    expect(readFileSync(join(dir, 'r.nianbao'), 'utf8')).toBe('three');
    expect(readdirSync(dir)).toEqual(['r.nianbao']);
  });
  it('names a missing folder and a folder in the way', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    await expect(writeFileAtomic(io(dir), 'nope/r.nianbao', 'x', false)).rejects.toThrow(/所在文件夹.*不存在/);
    await expect(writeFileAtomic(io(dir), 'sub', 'x', true)).rejects.toThrow(/是文件夹/);
  });
});
