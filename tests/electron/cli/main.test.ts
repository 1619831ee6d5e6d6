// main: the command line's dispatcher: general and per-command help, --version, unknown commands, and every
// failure (a wrong argument, a bug) as one bilingual line with its exit code. In process, and through the bin.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/cli-kit';
import { COMMANDS, generalHelp, main } from '../../../electron/cli/main';
import { APP_VERSION } from '../../../shared/model/document';
import { expectOneLineError, runCli, tempDir } from './run-cli';

const io = (cwd: string, out: string[] = [], err: string[] = []): CliIo => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), cwd });

async function run(args: string[], cwd = tempDir(), installation?: { fontDir?: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, io(cwd, out, err), installation);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('main', () => {
  it('--help lists the commands; <cmd> --help shows its usage; no command is an error', async () => {
    const [general, check, none] = await Promise.all([runCli(['--help']), runCli(['check', '--help']), runCli([])]);
    expect(general.code).toBe(0);
    for (const name of ['new', 'import-text', 'check']) expect(general.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('用法：nianbao check 报告文件 [--previous 上年报告文件] [--json]');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('用法：nianbao <命令>');
  });

  it('wrong arguments: exit 2 with one line naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /未知命令“frobnicate”/],
      [['check', '--bogus', 'x'], /未知选项 --bogus/],
      [['check'], /缺少参数：报告文件/],
      [['new', '--year', '二〇二四', '--agency', '某镇', '-o', 'x'], /年度应为/],
      [['new', '--year', '2024', '--agency', '某镇'], /缺少 --output/],
      [['new', '--year', '2024', '--agency', '某镇', '--level', '市级', '-o', 'x'], /机关层级应为/],
      [['import-text', 'a.txt', 'b.txt', '-o', 'x'], /多余的参数“b\.txt”/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: tempDir() })));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]![0].join(' ')).toBe(2);
      expect(expectOneLineError(run)).toMatch(cases[i]![1]);
    });
  });

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

  it('the general help has one line per command, with its summary, and the exit codes', () => {
    const help = generalHelp();
    const lines = help.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(COMMANDS.map((c) => c.name));
    for (const command of COMMANDS) expect(help).toContain(`${command.name} `);
    for (const command of COMMANDS) expect(lines.find((l) => l.trim().startsWith(`${command.name} `))).toContain(command.summary);
    expect(help).toContain(APP_VERSION);
    expect(help).toContain('退出码：0 完成；1 检查发现“错误”级问题；2 参数错误');
  });

  it('help <cmd>, <cmd> --help and <cmd> -h print that command’s help on stdout; help alone the general help', async () => {
    const convert = COMMANDS.find((c) => c.name === 'convert')!;
    for (const args of [['help', 'convert'], ['convert', '--help'], ['convert', 'x.nianbao', '-h']]) {
      const r = await run(args);
      expect(r, args.join(' ')).toEqual({ code: 0, out: convert.help, err: '' });
    }
    for (const args of [['help'], ['--help'], ['-h']]) expect(await run(args)).toEqual({ code: 0, out: generalHelp(), err: '' });
  });

  it('help of an unknown command and an unknown command: exit 2, one line naming every command', async () => {
    for (const args of [['help', 'frobnicate'], ['frobnicate', '--help']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('未知命令“frobnicate”');
      expect(r.err).toContain(COMMANDS.map((c) => c.name).join('、'));
      expect(r.err.split('\n')).toHaveLength(1);
    }
  });

  it('--version and -v print the version alone', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: APP_VERSION, err: '' });
    expect(await run(['-v'])).toEqual({ code: 0, out: APP_VERSION, err: '' });
  });

  it('no command prints the general help on stderr with exit 2', async () => {
    expect(await run([])).toEqual({ code: 2, out: '', err: generalHelp() });
  });

  it('hands the installation’s font folder to the commands (export looks for its fonts there)', async () => {
    const dir = tempDir();
    expect((await run(['new', '--year', '2024', '--agency', '某镇', '-o', 'r.nianbao'], dir)).code).toBe(0);
    const r = await run(['export', 'r.nianbao', '-o', 'r.pdf', '--draft'], dir, { fontDir: join(dir, 'no-fonts') });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`应在 ${join(dir, 'no-fonts')}`);
  });
});
