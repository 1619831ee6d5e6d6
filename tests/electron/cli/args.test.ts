// Argument parsing of the command line (electron/cli/args.ts, on node:util.parseArgs), in process.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, parseYear, expectPositionals, requireOption, wantsHelp } from '../../../electron/cli/args';
import { CliError, formatError } from '../../../electron/cli/cli-kit';
import { repoRoot } from './run-cli';

const spec = { output: { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' } } as const;

const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return formatError(error);
    throw error;
  }
  throw new Error('no CliError');
};

describe('parseArgs', () => {
  it('reads long, short, grouped and --name=value forms and positionals', () => {
    expect(parseArgs('x', ['a.txt', '-o', 'b', '--force'], spec)).toEqual({ options: { output: 'b', force: true }, positionals: ['a.txt'] });
    expect(parseArgs('x', ['--output=b', '--', '-weird'], spec)).toEqual({ options: { output: 'b' }, positionals: ['-weird'] });
    expect(parseArgs('x', ['-fo', 'b'], spec)).toEqual({ options: { output: 'b', force: true }, positionals: [] });
    // “-” is standard input, a value like any other; a value starting with “-” is given with “=”.
    expect(parseArgs('x', ['-', '-o', '-'], spec)).toEqual({ options: { output: '-' }, positionals: ['-'] });
    expect(parseArgs('x', ['--output=-x.pdf'], spec)).toEqual({ options: { output: '-x.pdf' }, positionals: [] });
  });

  it('refuses unknown options, missing values, repeated options and values for flags, in Chinese and English', () => {
    expect(message(() => parseArgs('check', ['--nope'], spec))).toBe('错误：未知选项 --nope，用法见 nianbao check --help（Error: unknown option --nope, see nianbao check --help）');
    expect(message(() => parseArgs('x', ['-z'], spec))).toMatch(/^错误：未知选项 -z，/);
    for (const args of [['-o'], ['--output='], ['-o', '--force']]) {
      expect(message(() => parseArgs('x', args, spec)), args.join(' ')).toBe('错误：选项 --output 缺少值（Error: option --output needs a value）');
    }
    expect(message(() => parseArgs('x', ['-o', 'a', '--output', 'b'], spec))).toBe('错误：选项 --output 只能给一次（Error: option --output given more than once）');
    expect(message(() => parseArgs('x', ['--force=yes'], spec))).toBe('错误：选项 --force 不带值（Error: option --force takes no value）');
  });

  it('an option named like an Object property is still unknown', () => {
    expect(message(() => parseArgs('x', ['--constructor', 'a'], spec))).toMatch(/未知选项 --constructor/);
    expect(message(() => parseArgs('x', ['--__proto__'], spec))).toMatch(/未知选项 --__proto__/);
  });
});

describe('expectPositionals / requireOption / wantsHelp', () => {
  it('name what is missing or extra', () => {
    expect(expectPositionals('check', ['a'], ['报告文件'])).toEqual(['a']);
    expect(message(() => expectPositionals('check', [], ['报告文件']))).toMatch(/^错误：缺少参数：报告文件，用法见 nianbao check --help/);
    expect(message(() => expectPositionals('check', ['a', 'b'], ['报告文件']))).toMatch(/^错误：多余的参数“b”/);
    expect(message(() => requireOption('export', undefined, 'output', 'PDF 文件'))).toMatch(/^错误：缺少 --output（PDF 文件）/);
    expect(wantsHelp(['a', '-h'])).toBe(true);
    expect(wantsHelp(['--', '--help'])).toBe(false);
  });
});

describe('parseYear', () => {
  it('takes full-width digits and a trailing 年, as a Chinese input method types them', () => {
    expect(parseYear('２０２５')).toBe(2025);
    expect(parseYear('2025年')).toBe(2025);
    for (const bad of ['2025.5', '1999', '二〇二五', '20255']) expect(() => parseYear(bad), bad).toThrow(CliError);
  });
});

describe('commands', () => {
  it('do not import from each other (what two commands share lives in args.ts or cli-kit.ts)', () => {
    const folder = join(repoRoot, 'electron', 'cli', 'commands');
    for (const name of readdirSync(folder)) {
      const source = readFileSync(join(folder, name), 'utf8');
      expect([...source.matchAll(/from\s+'(\.\/[^']+)'/g)].map((m) => m[1]), name).toEqual([]);
    }
  });
});
