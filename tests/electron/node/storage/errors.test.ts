// The one errno → message map (electron/node/storage/errors.ts): the app's StorageErrors and the command
// line's one-line errors come from the same entries.
import { describe, expect, it } from 'vitest';
import { describeFileError, readError, writeError } from '../../../../electron/node/storage/errors';
import { main } from '../../../../electron/cli/main';
import { tempDir } from './helpers';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const path = '/home/张三/文档/黄金镇-2025.nianbao';

describe('describeFileError', () => {
  it.each([
    ['read', 'ENOENT', 'not-found', '找不到文件“黄金镇-2025.nianbao”'],
    ['read', 'EACCES', 'read-only', '没有权限读取“黄金镇-2025.nianbao”'],
    ['read', 'EISDIR', 'bad-file', '“黄金镇-2025.nianbao”是文件夹，不是文件'],
    ['write', 'EPERM', 'read-only', '没有权限写入“黄金镇-2025.nianbao”：文件或所在文件夹“/home/张三/文档”是只读的'],
    ['write', 'EROFS', 'read-only', '“/home/张三/文档”所在的磁盘是只读的，无法写入“黄金镇-2025.nianbao”'],
    ['write', 'ENOSPC', 'disk-full', '磁盘空间不足，未能写入“黄金镇-2025.nianbao”'],
    ['write', 'ENOENT', 'not-found', '无法写入“黄金镇-2025.nianbao”：所在文件夹“/home/张三/文档”不存在（可能已被删除或移动）'],
    ['write', 'EBUSY', 'io', '“黄金镇-2025.nianbao”正被其他程序占用（如杀毒软件或 WPS 的预览），未能写入'],
    ['write', 'EIO', 'io', '写入“黄金镇-2025.nianbao”时出错（EIO）'],
  ] as const)('%s %s → %s', (operation, code, expected, zh) => {
    const problem = describeFileError(errno(code), operation, path);
    expect(problem.code).toBe(expected);
    expect(problem.zh).toBe(zh);
    expect(problem.en).toMatch(/^[\x20-\x7e]*黄金镇-2025\.nianbao[\x20-\x7e]*$/);
    // The app's message: the same sentence, then what to do.
    const error = operation === 'read' ? readError(errno(code), path) : writeError(errno(code), path);
    expect(error.code).toBe(expected);
    expect(error.message.startsWith(`${zh}。`)).toBe(true);
  });

  it('names the file as the caller shows it (the CLI: as typed)', () => {
    expect(describeFileError(errno('ENOENT'), 'read', '/work/a/b.nianbao', 'a/b.nianbao').zh).toBe('找不到文件“a/b.nianbao”');
  });

  it('the command line prints the same sentence', async () => {
    const err: string[] = [];
    const code = await main(['check', 'missing.nianbao'], { out: () => undefined, err: (t) => void err.push(t), cwd: tempDir() });
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]!.startsWith(`错误：${describeFileError(errno('ENOENT'), 'read', '/x/missing.nianbao', 'missing.nianbao').zh}。`)).toBe(true);
    expect(err[0]!.endsWith('（Error: file not found: missing.nianbao）')).toBe(true);
  });
});
