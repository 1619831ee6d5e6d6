import { describe, expect, it } from 'vitest';
import { describeFileError, NOTHING_LOST_ON_SAVE } from '../../../../electron/node/files/file-errors';

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
const path = '/home/办公室/年报 2024.nianbao';

describe('describeFileError, reading', () => {
  it('names the file and says what happened', () => {
    expect(describeFileError(errno('ENOENT'), 'read', path)).toEqual({
      code: 'not-found',
      zh: '找不到文件“年报 2024.nianbao”',
      en: 'file not found: 年报 2024.nianbao',
      advice: '它可能已被移动、改名或删除。',
    });
    expect(describeFileError(errno('EPERM'), 'read', path).code).toBe('read-only');
    expect(describeFileError(errno('EISDIR'), 'read', path).zh).toBe('“年报 2024.nianbao”是文件夹，不是文件');
    expect(describeFileError(errno('EBUSY'), 'read', path).advice).toContain('关闭占用它的程序');
  });

  it('names the file as the caller shows it (the CLI: the path as typed)', () => {
    expect(describeFileError(errno('ENOENT'), 'read', path, 'reports/年报 2024.nianbao').zh).toBe('找不到文件“reports/年报 2024.nianbao”');
  });

  it('gives the code, or the message of an error without one', () => {
    expect(describeFileError(errno('EMFILE'), 'read', path).zh).toBe('读取“年报 2024.nianbao”时出错（EMFILE）');
    expect(describeFileError(new Error('坏了'), 'read', path)).toMatchObject({ code: 'io', zh: '读取“年报 2024.nianbao”时出错（坏了）' });
    expect(describeFileError('字符串', 'read', path).en).toBe('cannot read 年报 2024.nianbao: 字符串');
  });
});

describe('describeFileError, writing', () => {
  it('names the folder when it is read-only or missing', () => {
    const readOnly = describeFileError(errno('EACCES'), 'write', path);
    expect(readOnly.code).toBe('read-only');
    expect(readOnly.zh).toContain('“/home/办公室”是只读的');
    expect(readOnly.advice).toBe(`${NOTHING_LOST_ON_SAVE}请用“另存为”保存到其他位置。`);
    expect(describeFileError(errno('EROFS'), 'write', path).zh).toContain('“/home/办公室”所在的磁盘是只读的');
    const missing = describeFileError(errno('ENOENT'), 'write', path);
    expect(missing.code).toBe('not-found');
    expect(missing.zh).toContain('所在文件夹“/home/办公室”不存在');
  });

  it('says a full disk is full and a busy file is busy, and that nothing was lost', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const p = describeFileError(errno(code), 'write', path);
      expect(p.code).toBe('disk-full');
      expect(p.advice.startsWith(NOTHING_LOST_ON_SAVE)).toBe(true);
    }
    const busy = describeFileError(errno('EBUSY'), 'write', path);
    expect(busy.zh).toContain('WPS');
    expect(busy.advice.startsWith(NOTHING_LOST_ON_SAVE)).toBe(true);
  });

  it('words an unknown failure with its code and still reassures', () => {
    expect(describeFileError(errno('EIO'), 'write', path)).toEqual({
      code: 'io',
      zh: '写入“年报 2024.nianbao”时出错（EIO）',
      en: 'cannot write 年报 2024.nianbao: EIO',
      advice: NOTHING_LOST_ON_SAVE,
    });
  });
});
