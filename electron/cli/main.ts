// The `nianbao` command line: a table of commands, one file each in commands/. To add a command, write
// commands/<name>.ts exporting a CliCommand and add it to COMMANDS below (one line).
import { APP_VERSION } from '../../shared/model/document';
import { wantsHelp } from './args';
import { CliError, EXIT, formatError, processIo, type CliCommand, type CliIo } from './cli-kit';
import { checkCommand } from './commands/check';
import { convertCommand } from './commands/convert';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { importPdfCommand } from './commands/import-pdf';
import { importTextCommand } from './commands/import-text';
import { ledgerCommand } from './commands/ledger';
import { ledgerTemplateCommand } from './commands/ledger-template';
import { mergeCommand } from './commands/merge';
import { newCommand } from './commands/new';

export const COMMANDS: CliCommand[] = [
  newCommand,
  importCommand,
  importTextCommand,
  checkCommand,
  exportCommand,
  convertCommand,
  importPdfCommand,
  ledgerTemplateCommand,
  ledgerCommand,
  mergeCommand,
];

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `年报助手命令行 ${APP_VERSION} — 政府信息公开工作年度报告

用法：nianbao <命令> [参数]

命令：
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

各命令的用法：nianbao <命令> --help
退出码：0 完成；1 检查发现“错误”级问题；2 参数错误、文件读不了或内容不对。`;
}

/** Runs one command line; `installation` says where this installation keeps what commands need. */
export async function main(argv: string[], io: CliIo = processIo, installation: { fontDir?: string } = {}): Promise<number> {
  if (installation.fontDir !== undefined) io = { ...io, fontDir: installation.fontDir };
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.err(generalHelp());
      return EXIT.failure;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic ? COMMANDS.find((c) => c.name === topic) : undefined;
      if (topic && !command) throw unknownCommand(topic);
      io.out(command ? command.help : generalHelp());
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(APP_VERSION);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw unknownCommand(name);
    if (wantsHelp(rest)) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(formatError(error));
      return error.exitCode;
    }
    // A bug, not a user mistake: still one line, the stack only on request.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(formatError(new CliError(`内部错误：${detail}。设置环境变量 NIANBAO_DEBUG=1 可看到详细信息`, `internal error: ${detail}`)));
    if (process.env.NIANBAO_DEBUG) io.err(error instanceof Error ? (error.stack ?? detail) : detail);
    return EXIT.failure;
  }
}

function unknownCommand(name: string): CliError {
  const names = COMMANDS.map((c) => c.name).join('、');
  return new CliError(`未知命令“${name}”。可用的命令：${names}。见 nianbao --help`, `unknown command "${name}", see nianbao --help`);
}
