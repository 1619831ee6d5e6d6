// nianbao new: a blank report for a year and an agency, in the format the year calls for.
import { formatIdForYear } from '../../../shared/formats/index';
import { guessAgencyLevel, tentativeAgencyLevel } from '../../../shared/import/agency-level';
import { createReport, parseReport, serializeReport } from '../../../shared/model/document';
import { AGENCY_LEVELS, reportTitle } from '../../../shared/model/report';
import { expectPositionals, parseAgencyName, parseArgs, parseLevel, parseYear, requireOption } from '../args';
import { CliError, EXIT, readFileBytes, writeFileAtomic, type CliCommand, type CliIo } from '../cli-kit';
import { fileKind } from '../../node/import/index';
import { startFromPrevious } from '../../../shared/model/start-from-previous';
import { SECTION_HEADINGS, TABLE_NAMES } from '../../../shared/formats/index';
import { reportYearProblem } from '../../../shared/formats/vocabulary';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

const OPTIONS = {
  year: { type: 'string' },
  agency: { type: 'string' },
  level: { type: 'string' },
  region: { type: 'string' },
  from: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
} as const;

type NewOptions = ReturnType<typeof parseArgs<typeof OPTIONS>>['options'];

async function newFromPrevious(io: CliIo, options: NewOptions): Promise<number> {
  const from = options.from!;
  for (const name of ['level', 'region'] as const) {
    if (options[name] !== undefined) {
      throw new CliError(`--${name} 不能与 --from 同用：从上年报告开始时，机关名称、层级和地区沿用上年报告。`, `--${name} cannot be combined with --from`);
    }
  }
  const output = requireOption('new', options.output, 'output', '要写入的文件');
  const year = options.year !== undefined ? parseYear(options.year) : undefined;
  const agencyName = options.agency !== undefined ? parseAgencyName(options.agency) : undefined;
  const bytes = readFileBytes(io, from, fileKind(from));
  const fileName = from === '-' ? '标准输入' : basename(from);
  const { importReportBytes, KIND_NAMES } = await import('../../node/import/index');
  let imported = await importReportBytes(bytes, fileName);
  // What was given instead of read from last year's report, said with the result.
  const given: string[] = [];
  if (!imported.ok && imported.needsYear) {
    // Last year's report names no year (and, without a title, no agency): read it as the year before the
    // new report's, with the agency given — as the app's form asks for them.
    const missing = [
      ...(year === undefined ? [['--year 新报告的年度（上年报告按其前一年读）', "--year (the new report's year)"]] : []),
      ...(agencyName === undefined ? [['--agency 机关名称', '--agency']] : []),
    ];
    if (year === undefined || agencyName === undefined) {
      const { NEEDS_YEAR_ACTION } = await import('../../../shared/import/index');
      throw new CliError(
        `${imported.message.replace(NEEDS_YEAR_ACTION, '')}请用 ${missing.map(([zh]) => zh).join(' 和 ')} 指定，或在上年报告的文本开头补上标题。`,
        `${from}: last year's report names no year; give ${missing.map(([, en]) => en).join(' and ')}`,
      );
    }
    const yearProblem = reportYearProblem(year - 1);
    if (yearProblem) throw new CliError(`上年报告中没有年度，按 --year 的前一年（${year - 1}）读，但${yearProblem}`, `last year (${year - 1}) is not a supported report year`);
    imported = await importReportBytes(bytes, fileName, { year: year - 1, agencyName });
    given.push(`上年报告中没有年度和机关名称，按 --year 读作 ${year - 1} 年度，机关名称按 --agency 为“${agencyName}”。`);
  } else if (imported.ok && agencyName !== undefined) {
    // --agency only where last year's text names no agency; otherwise the new report carries last year's.
    const named = imported.doc.agency.name.trim();
    if (named || imported.kind === 'report' || imported.kind === 'app-pdf') {
      const why = named ? `上年报告写明了机关名称“${named}”，新报告沿用它（要改名请在年报助手的“基本信息”中修改）` : `上年报告是年报助手的报告文件或 PDF，机关名称按其原样沿用（请在年报助手的“基本信息”中填写）`;
      throw new CliError(`--agency 不能与 --from 同用：${why}。--agency 只用于上年报告的文字中没有机关名称时。`, '--agency cannot be combined with --from when last year’s report names its agency');
    }
    imported = await importReportBytes(bytes, fileName, { agencyName });
    given.push(`上年报告中没有机关名称，按 --agency 为“${agencyName}”。`);
  }
  if (!imported.ok) throw new CliError(imported.message, `${from}: cannot be read as last year's report`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const started = startFromPrevious(imported.doc, { source: { fileName, kind: imported.kind }, sha256, ...(year !== undefined ? { year } : {}) });
  if (!started.ok) throw new CliError(started.message, 'the new report cannot be started from this report');
  const text = serializeReport(started.doc);
  const check = parseReport(text);
  if (!check.ok) throw new CliError(`生成的报告不合格式：${check.message}`, 'the new report does not match the file format');
  await writeFileAtomic(io, output, text, options.force === true);

  const doc = started.doc;
  io.out(`已从${KIND_NAMES[imported.kind]}“${fileName}”（${imported.doc.year} 年度）新建“${reportTitle(doc)}”（${doc.format} 年格式，机关层级：${doc.agency.level}）：${output}`);
  for (const line of given) io.out(line);
  for (const note of started.notes) io.out(note);
  if (imported.problems.length > 0) io.out(`上年报告有 ${imported.problems.length} 处没有读出或需要核对（可用 nianbao import 查看），这些格不作建议。`);
  if (year !== undefined && year !== imported.doc.year + 1) {
    io.err(`注意：上年报告是 ${imported.doc.year} 年度的，而新报告是 ${year} 年度的（不是紧接的下一年）；结转等对照上年的检查可能没有意义。`);
  }
  if (!doc.agency.name.trim()) io.err('注意：上年报告中没有机关名称，新报告的机关名称为空；请在年报助手的“基本信息”中填写（或重新运行并用 --agency 指定）。');
  return EXIT.ok;
}

export const newCommand: CliCommand = {
  name: 'new',
  summary: '新建一份空白报告，或从上年报告开始（--from）',
  help: `用法：nianbao new --year 年度 --agency 机关名称 [--level 层级] [--region 地区] -o 文件 [--force]
      nianbao new --from 上年报告 -o 文件 [--year 年度] [--agency 机关名称] [--force]

新建一份空白的政府信息公开工作年度报告。格式按年度自动选择：2019、2020 年度用 2019 年格式，
2021 年度及以后用 2021 年格式。所有表格单元格为空白，正文为空。

用 --from 从上年报告开始：上年报告可以是 Word 文档（.docx）、网页（.html）、PDF、文本或报告文件（同 nianbao import）。
新报告的年度为上年加 1（或 --year），机关名称、层级和地区沿用上年，格式按年度选择；
  上年报告的文字中没有年度（没有标题，也没有统计时限）时，必须给 --year（新报告的年度，上年报告按其
  前一年读）和 --agency（机关名称）；--agency 只用于上年报告的文字中没有机关名称时，写明了就沿用，不能改；
  ${TABLE_NAMES.t3}“上年结转”按上年“结转下年度继续办理”建议填入；2019 年格式的“上一年项目数量”按上年的
  “上一年项目数量”加“本年增/减”建议填入——这些格标为“待确认”，在年报助手中确认或修改后取消标记；
  上年的正文作为起点，请按本年情况改写；
  上年的数字和“${SECTION_HEADINGS.problems}”保存在新报告中（连同来源文件名和 SHA-256），
  检查时不必再给 --previous，即可检查结转、现行有效件数、与上年雷同和大幅变化。

选项：
  --year 年度        报告年度（报告哪一年的工作），如 2024；与 --from 同用时是新报告的年度，默认为上年加 1
  --from 文件        上年的报告（任何 nianbao import 能读的形式），从它开始
  --agency 名称      机关名称，如 黄金镇人民政府；与 --from 同用时只在上年报告中没有机关名称时可给
  --level 层级       ${AGENCY_LEVELS.join('、')}；不给时从机关名称判断，判断不出时按名称中最低一级的行政区暂定（名称中没有时为“乡镇”）
  --region 地区      所在地区（可选）
  -o, --output 文件  要写入的报告文件，建议以 .nianbao 结尾
  -f, --force        文件已存在时覆盖它

示例：
  nianbao new --year 2024 --agency 黄金镇人民政府 -o 黄金镇-2024.nianbao
  nianbao new --from 黄金镇2024年报.docx -o 黄金镇-2025.nianbao
  nianbao new --from 没有标题的年报.txt --year 2025 --agency 黄金镇人民政府 -o 黄金镇-2025.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    expectPositionals(this.name, positionals, []);
    if (options.from !== undefined) return newFromPrevious(io, options);
    const year = parseYear(requireOption(this.name, options.year, 'year', '报告年度'));
    const agencyName = parseAgencyName(requireOption(this.name, options.agency, 'agency', '机关名称'));
    const output = requireOption(this.name, options.output, 'output', '要写入的文件');
    const guessed = guessAgencyLevel(agencyName);
    const level = options.level !== undefined ? parseLevel(options.level) : (guessed ?? tentativeAgencyLevel(agencyName).level);
    const region = options.region?.trim();
    if (region !== undefined && [...region].length > 100) throw new CliError('地区最多 100 个字', 'region is longer than 100 characters');

    const doc = createReport({ year, agencyName, level, ...(region ? { region } : {}) });
    const text = serializeReport(doc);
    // Never write a file this program could not open again.
    const check = parseReport(text);
    if (!check.ok) throw new CliError(`生成的报告不合格式：${check.message}`, 'the new report does not match the file format');
    await writeFileAtomic(io, output, text, options.force === true);

    io.out(`已新建“${reportTitle(doc)}”（${formatIdForYear(year)} 年格式，机关层级：${level}）：${output}`);
    if (options.level === undefined && !guessed) io.out(`提示：从机关名称看不出机关层级，已按名称暂定为“${level}”；可用 --level 指定。`);
    return EXIT.ok;
  },
};
