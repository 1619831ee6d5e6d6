import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectReportFiles, MAX_FOLDER_DEPTH, MAX_MERGE_FILES, TooManyFilesError } from '../../../../electron/node/merge/collect-files';

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'nianbao-collect-')));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function files(paths: string[]): Promise<void> {
  for (const p of paths) {
    await mkdir(join(dir, p, '..'), { recursive: true });
    await writeFile(join(dir, p), '');
  }
}

describe('collectReportFiles', () => {
  it('takes every report file in a folder tree and counts what it skips by reason', async () => {
    await files([
      '甲镇.nianbao',
      '乙镇.pdf',
      '县直/财政局.docx',
      '县直/教育局.HTML',
      '县直/~$财政局.docx',
      '县直/.~lock.教育局.docx#',
      '县直/照片.jpg',
      '县直/说明',
      '.隐藏.nianbao',
      '.git/config.txt',
    ]);
    const result = await collectReportFiles([dir]);
    expect(result.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['乙镇.pdf', '县直/教育局.HTML', '县直/财政局.docx', '甲镇.nianbao'].sort());
    expect(result.skipped).toEqual({ 'Word/WPS 临时文件': 2, '.jpg 文件': 1, '无扩展名的文件': 1, '隐藏文件': 1, '隐藏文件夹': 1 });
    expect(result.missing).toEqual([]);
  });

  it('reads a file named twice once, and names paths that are missing or not reports', async () => {
    await files(['甲镇.txt', '图.png']);
    const result = await collectReportFiles([join(dir, '甲镇.txt'), dir, join(dir, '不存在.nianbao'), join(dir, '图.png')]);
    expect(result.files).toEqual([join(dir, '甲镇.txt')]);
    expect(result.missing).toEqual([
      { path: join(dir, '不存在.nianbao'), reason: '找不到此文件或文件夹' },
      { path: join(dir, '图.png'), reason: '不是报告文件（.png 文件）' },
    ]);
  });

  it('follows a link to a report file but not a link to a folder (no endless loop)', async () => {
    await files(['a/甲镇.nianbao']);
    await symlink(join(dir, 'a'), join(dir, 'a', '循环'));
    await symlink(join(dir, 'a', '甲镇.nianbao'), join(dir, '链接.nianbao'));
    const result = await collectReportFiles([dir]);
    expect(result.files.sort()).toEqual([join(dir, 'a', '甲镇.nianbao'), join(dir, '链接.nianbao')].sort());
    expect(result.skipped).toEqual({ '链接（不跟随）': 1 });
  });

  it('stops descending past the depth limit and says so', async () => {
    const deep = Array.from({ length: MAX_FOLDER_DEPTH + 2 }, (_, i) => `层${i}`).join('/');
    await files([`${deep}/深.nianbao`, '层0/浅.nianbao']);
    const result = await collectReportFiles([dir]);
    expect(result.files).toEqual([join(dir, '层0', '浅.nianbao')]);
    expect(result.skipped).toEqual({ [`超过 ${MAX_FOLDER_DEPTH} 层的子文件夹`]: 1 });
  });

  it('refuses more files than a merge takes, with a Chinese message', async () => {
    await mkdir(join(dir, 'many'));
    await Promise.all(Array.from({ length: MAX_MERGE_FILES + 1 }, (_, i) => writeFile(join(dir, 'many', `${i}.txt`), '')));
    const error = await collectReportFiles([dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyFilesError);
    expect((error as Error).message).toBe(`文件超过 ${MAX_MERGE_FILES} 个，请分批汇总。`);
  });
});
