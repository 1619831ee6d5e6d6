// nianbao merge: the receiving office's run over the units' reports — an overview of every report, who
// is missing from the roster, what was left out and why, and the summary report (and workbook).
import { basename, resolve } from 'node:path';
import { formatIdForYear, type FormatId } from '../../../shared/formats/index';
import { UNIT_SOURCE_LABELS, type DataChoice, type MergePlan, type OverviewRow } from '../../../shared/merge/plan-merge';
import { serializeReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';
import type { MergeRun } from '../../node/merge/run-merge';
import { parseAgencyName, parseArgs, parseLevel, parseYear, requireOption } from '../args';
import { decodeText } from '../../node/import/text-decode';
import { CliError, EXIT, readFileBytes, readReportFile, writeFileAtomic, type CliCommand, type CliIo } from '../cli-kit';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  agency: { type: 'string' },
  level: { type: 'string' },
  xlsx: { type: 'string' },
  roster: { type: 'string' },
  parent: { type: 'string' },
  year: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Options that may be given more than once: taken out before the one-value parser sees the rest. */
const REPEATED = ['include', 'match'] as const;

function takeRepeated(args: string[]): { rest: string[]; values: Record<(typeof REPEATED)[number], string[]> } {
  const values = { include: [] as string[], match: [] as string[] };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const name = REPEATED.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (!name) {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
    if (value === undefined || value === '') throw new CliError(`选项 --${name} 缺少值`, `option --${name} needs a value`);
    values[name].push(value);
  }
  return { rest, values };
}

/** “FILE=VALUE” → [FILE, VALUE], the file resolved like the positionals. */
function splitPair(io: CliIo, option: string, text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) {
    throw new CliError(`--${option} 的值应写成“文件=…”，实际是“${text}”`, `--${option} takes FILE=VALUE, got "${text}"`);
  }
  return [resolve(io.cwd, text.slice(0, at)), text.slice(at + 1)];
}

const STATUS_TEXT: Record<OverviewRow['status']['kind'], string> = {
  included: '计入',
  otherGroup: '他年/他格式',
  superseded: '已被更正',
  marked: '有疑问',
};

const show = (n: number | null) => (n === null ? '空' : String(n));

function humanOverview(run: MergeRun, cwd: string): string {
  const { plan } = run;
  const rel = (p: string) => (p.startsWith(`${cwd}/`) ? p.slice(cwd.length + 1) : p);
  const lines: string[] = [];
  const group = plan.group ? `${plan.group.year} 年（${plan.group.format} 年格式）` : '（无）';
  lines.push(`汇总：${group}，读到 ${run.units.length} 份报告，计入 ${plan.rows.filter((r) => r.status.kind === 'included').length} 份。`);
  if (plan.groups.length > 1) {
    lines.push(`注意：报告不属同一年度/格式：${plan.groups.map((g) => `${g.year} 年 ${g.format} 格式 ${g.count} 份`).join('，')}。只汇总 ${group}；要汇总其他一组，用 --year 和 --format。`);
  }
  lines.push('', '单位 | 层级 | 年度 | 格式 | 数据来源 | 状态 | 错误/须说明(已说明)/提示 | 收到 | 办结 | 结转 | 复议 | 诉讼 | 文件');
  for (const r of plan.rows) {
    const f = r.findings;
    const t = r.totals;
    lines.push(
      [r.unit, r.level, r.year, r.format, UNIT_SOURCE_LABELS[r.source], STATUS_TEXT[r.status.kind], `${f.error}/${f.confirm}(${f.confirmExplained})/${f.hint}`, show(t.received), show(t.handled), show(t.carriedOver), show(t.review), show(t.suits), rel(r.path)].join(' | '),
    );
  }
  if (plan.notices.length > 0) lines.push('', '说明：', ...plan.notices.map((n) => `  ${n.split(`${cwd}/`).join("")}`));
  if (plan.failed.length > 0) lines.push('', `读不了的文件（${plan.failed.length}，未计入）：`, ...plan.failed.map((f) => `  ${rel(f.path)}：${f.reason}`));
  const skipped = Object.entries(run.skipped);
  if (skipped.length > 0) lines.push('', `跳过（不是报告）：${skipped.map(([k, n]) => `${k} ${n} 个`).join('，')}`);
  if (plan.roster) {
    lines.push('', `名单核对：缺 ${plan.roster.missing.length} 个单位${plan.roster.missing.length ? `：${plan.roster.missing.join('、')}` : ''}`);
    for (const u of plan.roster.unknown) {
      lines.push(
        u.candidate
          ? `  不在名单上：${u.unit}（${rel(u.path)}）；是否就是名单中的“${u.candidate.rosterName}”？是的话加 --match "${rel(u.path)}=${u.candidate.rosterName}"`
          : `  不在名单上：${u.unit}（${rel(u.path)}）`,
      );
    }
  }
  const incomplete = Object.entries(plan.sum?.incomplete ?? {});
  if (incomplete.length > 0) {
    lines.push('', `合计不完整的单元格（${incomplete.length}，有单位留空，合计只含其余单位）：`);
    for (const [key, names] of incomplete.slice(0, 20)) lines.push(`  ${key}：${names.join('、')} 留空`);
    if (incomplete.length > 20) lines.push(`  另有 ${incomplete.length - 20} 格`);
  }
  if (plan.parentDifferences) {
    lines.push('', plan.parentDifferences.length === 0 ? '本级报告与各单位合计完全一致。' : `本级报告与各单位合计不一致的单元格（${plan.parentDifferences.length}）：`);
    for (const d of plan.parentDifferences) lines.push(`  ${d.name}（${d.key}）：本级报告 ${show(d.parent)}，各单位合计 ${show(d.sum)}`);
  }
  return lines.join('\n');
}

function jsonOverview(run: MergeRun): string {
  const { plan } = run;
  return `${JSON.stringify(
    {
      group: plan.group ?? null,
      groups: plan.groups,
      units: plan.rows,
      failed: plan.failed,
      skipped: run.skipped,
      roster: plan.roster ?? null,
      incomplete: plan.sum?.incomplete ?? {},
      parentDifferences: plan.parentDifferences ?? null,
      notices: plan.notices,
    },
    null,
    2,
  )}\n`;
}

function parseFormat(text: string): FormatId {
  if (text === '2019' || text === '2021') return text;
  throw new CliError(`--format 只能是 2019 或 2021，实际是“${text}”`, `--format must be 2019 or 2021, got "${text}"`);
}

/** Whether the run left something for the office to act on: a file unread, a report marked, a unit missing. */
function needsAttention(plan: MergePlan): boolean {
  return plan.failed.length > 0 || plan.rows.some((r) => r.status.kind === 'marked') || (plan.roster?.missing.length ?? 0) > 0 || (plan.roster?.unknown.length ?? 0) > 0 || (plan.parentDifferences?.length ?? 0) > 0;
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: '汇总多个单位的年报：核对每份报告、名单，合计成本地区的报告',
  help: `用法：nianbao merge 文件或文件夹… [-o 汇总报告.nianbao --agency 本机关名称] [--xlsx 各单位.xlsx]
                     [--roster 名单.txt|名单.xlsx] [--parent 本级报告] [--year 年度 --format 2019|2021]
                     [--include 文件=printed|embedded]… [--match 文件=名单中的名称]… [--json] [--force]

读入各单位报送的年报（文件夹会逐层读取）：年报助手的报告文件和 PDF（读内嵌数据，并与 PDF 上印出的
表格核对）、其他 PDF 和文本（从文字读取，会标明）。Word 临时文件、图片、压缩包等跳过并计数。
列出每份报告：单位、层级、年度、格式、数据来源、检查结果（错误/须说明/提示）和收到、办结、结转、
复议、诉讼数；读不了的文件写明原因，其余照常汇总。

不会悄悄混在一起：
  不同年度或格式的报告分组，只汇总份数最多的一组（或 --year/--format 指定的一组），其余列出；
  同一单位有两份时以较晚导出的一份为准，并说明；
  PDF 印出的表格与内嵌数据不符（导出后被改动），或内嵌数据校验不符的，列出但不计入，
  除非用 --include 文件=printed（采用印出的数字）或 文件=embedded（采用内嵌数据）确认计入。

选项：
  -o, --output 文件    写出汇总报告（与各单位同一格式，每格为各单位之和；正文留空）
  --agency 名称        汇总报告的机关名称（本机关，写 -o 时必填）
  --level 层级         本机关层级（默认 县级）
  --xlsx 文件          写出 Excel 工作簿：每单位一行、每格一列（三行表头），末行为合计公式；另有检查结果表
  --roster 文件        应报单位名单：文本文件每行一个，或 .xlsx 中“单位名称”一列；列出未报和不在名单上的单位
  --match 文件=名称    确认某份报告就是名单中的某单位（名称写法相差较大时）；可给多次
  --parent 文件        本级已发布的报告：逐格与各单位合计比较，列出不一致的单元格
  --year, --format     指定汇总哪一年度、哪种格式的报告
  --include 文件=…     把有疑问的 PDF 计入合计，printed 或 embedded 指明采用哪份数字；可给多次
  --json               以 JSON 输出概览
  -f, --force          输出文件已存在时覆盖

本机关自己的报告也要计入时，把它和各单位的文件一起列出即可。

退出码：0 完成；1 完成，但有读不了的文件、有疑问未计入的报告、名单缺报或本级报告与合计不一致；
        2 参数错误，或没有可汇总的报告。

示例：
  nianbao merge 收到的年报/ --roster 应报单位.txt -o 全县汇总.nianbao --agency 某县人民政府办公室 --xlsx 全县汇总.xlsx`,
  async run(args, io) {
    const { rest, values } = takeRepeated(args);
    const { options, positionals } = parseArgs(this.name, rest, OPTIONS);
    if (positionals.length === 0) throw new CliError('缺少参数：要汇总的文件或文件夹，用法见 nianbao merge --help', 'missing argument: files or folders to merge, see nianbao merge --help');
    const agencyName = options.output !== undefined ? parseAgencyName(requireOption(this.name, options.agency, 'agency', '汇总报告的机关名称')) : (options.agency ?? '汇总');
    const level = options.level !== undefined ? parseLevel(options.level) : '县级';
    let group: { year: number; format: FormatId } | undefined;
    if (options.year !== undefined) {
      const year = parseYear(options.year);
      group = { year, format: options.format !== undefined ? parseFormat(options.format) : formatIdForYear(year) };
    } else if (options.format !== undefined) {
      throw new CliError('--format 要和 --year 一起给', '--format needs --year');
    }
    const include = new Map<string, DataChoice>();
    for (const v of values.include) {
      const [file, choice] = splitPair(io, 'include', v);
      if (choice !== 'printed' && choice !== 'embedded') throw new CliError(`--include 的“=”后只能是 printed 或 embedded，实际是“${choice}”`, `--include takes FILE=printed|embedded, got "${choice}"`);
      include.set(file, choice);
    }
    const confirmedMatches = new Map<string, string>();
    for (const v of values.match) {
      const [file, name] = splitPair(io, 'match', v);
      confirmedMatches.set(file, name);
    }
    // Loaded here, not at start-up: pdf.js, pdf-lib and exceljs are for this command only.
    const { decideMerge, readAllUnits } = await import('../../node/merge/run-merge');
    const { readRoster } = await import('../../node/merge/roster-file');
    const roster = options.roster !== undefined ? await readRoster(options.roster, readFileBytes(io, options.roster, options.roster.toLowerCase().endsWith('.xlsx') ? 'ledger' : 'text'), (b) => decodeText(b).text) : undefined;
    const parent: ReportDocument | undefined = options.parent !== undefined ? await readParent(io, options.parent) : undefined;

    const read = await readAllUnits(positionals.map((p) => resolve(io.cwd, p)));
    const run = decideMerge(
      read,
      { ...(group ? { group } : {}), ...(roster ? { roster } : {}), confirmedMatches, include, ...(parent ? { parent } : {}) },
      { agencyName, level },
    );
    if (options.json) io.out(jsonOverview(run));
    else io.out(humanOverview(run, io.cwd));
    if (!run.summary) {
      throw new CliError('没有可汇总的报告（没有读到报告，或都未计入）', 'nothing to merge (no report read, or none included)');
    }
    if (options.output !== undefined) {
      writeFileAtomic(io, options.output, serializeReport(run.summary), options.force === true);
      io.err(`已写出汇总报告 → ${options.output}（${run.summary.merged?.units.length ?? 0} 个单位之和）`);
    }
    if (options.xlsx !== undefined) {
      const { buildMergeWorkbook } = await import('../../node/merge/workbook');
      writeFileAtomic(io, options.xlsx, await buildMergeWorkbook(run), options.force === true);
      io.err(`已写出工作簿 → ${options.xlsx}`);
    }
    return needsAttention(run.plan) ? EXIT.findings : EXIT.ok;
  },
};

/** The office's own published report: a report file, one of our PDFs, or a report's text. */
async function readParent(io: CliIo, path: string): Promise<ReportDocument> {
  if (path.toLowerCase().endsWith('.nianbao')) return (await readReportFile(io, path)).doc;
  const { readAllUnits } = await import('../../node/merge/run-merge');
  const full = resolve(io.cwd, path);
  const read = await readAllUnits([full]);
  const unit = read.units[0];
  if (!unit) throw new CliError(`本级报告“${path}”读不了：${read.failed[0]?.reason ?? '不是报告'}`, `cannot read the parent report ${basename(path)}`);
  return unit.doc;
}
