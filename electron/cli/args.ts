// Command-line arguments: node:util.parseArgs reads them (long and short options, --name=value, flags,
// `--` before positionals that start with “-”); every mistake becomes a one-line Chinese + English
// CliError that names the option and where the usage is. Plus the values several commands share.
import { parseArgs as parseNodeArgs } from 'node:util';
import { formatIdForYear } from '../../shared/formats/index';
import type { FormatId } from '../../shared/formats/types';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, reportYearProblem } from '../../shared/formats/vocabulary';
import { AGENCY_LEVELS, type AgencyLevel } from '../../shared/model/report';
import { CliError } from './cli-kit';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  options: { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };
  positionals: string[];
}

export function parseArgs<O extends Record<string, OptionSpec>>(command: string, args: string[], spec: O): ParsedArgs<O> {
  const hint = `nianbao ${command} --help`;
  // Not strict: its English errors are replaced by ours, made from the tokens.
  const { tokens } = parseNodeArgs({ args, options: spec, strict: false, allowPositionals: true, tokens: true });
  const options: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
    if (!option) throw new CliError(`未知选项 ${token.rawName}，用法见 ${hint}`, `unknown option ${token.rawName}, see ${hint}`);
    const name = token.name;
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new CliError(`选项 --${name} 不带值`, `option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    // `-o --force`: parseArgs takes “--force” as the value; a forgotten value is the likelier mistake
    // (a value that starts with “-” is written --output=-x).
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.length > 1 && value.startsWith('-'))) {
      throw new CliError(`选项 --${name} 缺少值`, `option --${name} needs a value`);
    }
    if (name in options) throw new CliError(`选项 --${name} 只能给一次`, `option --${name} given more than once`);
    options[name] = value;
  }
  return { options: options as ParsedArgs<O>['options'], positionals };
}

/** Exactly `names.length` positionals, named in the message when one is missing or extra. */
export function expectPositionals(command: string, positionals: string[], names: string[]): string[] {
  const hint = `nianbao ${command} --help`;
  if (positionals.length < names.length) {
    const missing = names[positionals.length]!;
    throw new CliError(`缺少参数：${missing}，用法见 ${hint}`, `missing argument: ${missing}, see ${hint}`);
  }
  if (positionals.length > names.length) {
    const extra = positionals[names.length]!;
    throw new CliError(`多余的参数“${extra}”，用法见 ${hint}`, `unexpected argument "${extra}", see ${hint}`);
  }
  return positionals;
}

export function requireOption(command: string, value: string | undefined, name: string, what: string): string {
  if (value === undefined) {
    throw new CliError(`缺少 --${name}（${what}），用法见 nianbao ${command} --help`, `missing --${name}, see nianbao ${command} --help`);
  }
  return value;
}

export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

// ---------------------------------------------------------------------------------------------------
// Values of options more than one command takes

export function parseYear(value: string): number {
  // Full-width digits (２０２５) as a Chinese input method types them, and an optional 年.
  const text = value.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/年$/, '');
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(year)) throw new CliError(`年度应为四位数，实际是“${value}”`, `year must be a four-digit number, got "${value}"`);
  const problem = reportYearProblem(year);
  if (problem) throw new CliError(problem, `year must be from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}, got "${value}"`);
  return year;
}

export function parseLevel(value: string): AgencyLevel {
  if (!(AGENCY_LEVELS as readonly string[]).includes(value)) {
    throw new CliError(`机关层级应为 ${AGENCY_LEVELS.join('、')} 之一，实际是“${value}”`, `level must be one of ${AGENCY_LEVELS.join(', ')}, got "${value}"`);
  }
  return value as AgencyLevel;
}

export function parseAgencyName(value: string): string {
  const name = value.trim();
  if (!name) throw new CliError('机关名称不能为空', 'agency name is empty');
  if ([...name].length > 100) throw new CliError('机关名称最多 100 个字', 'agency name is longer than 100 characters');
  return name;
}

/** --format 2019|2021; without it, the format of the year. */
export function parseFormat(value: string | undefined, year: number): FormatId {
  if (value === undefined) return formatIdForYear(year);
  if (value !== '2019' && value !== '2021') throw new CliError(`--format 应为 2019 或 2021，实际是“${value}”`, `--format must be 2019 or 2021, got "${value}"`);
  return value;
}
