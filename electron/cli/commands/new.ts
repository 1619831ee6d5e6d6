// nianbao new: a blank report for a year and an agency, in the format the year calls for.
import { formatIdForYear } from '../../../shared/formats/index';
import { guessAgencyLevel, tentativeAgencyLevel } from '../../../shared/import/agency-level';
import { createReport, parseReport, serializeReport } from '../../../shared/model/document';
import { AGENCY_LEVELS, reportTitle } from '../../../shared/model/report';
import { expectPositionals, parseAgencyName, parseArgs, parseLevel, parseYear, requireOption } from '../args';
import { CliError, EXIT, writeFileAtomic, type CliCommand } from '../cli-kit';

const OPTIONS = {
  year: { type: 'string' },
  agency: { type: 'string' },
  level: { type: 'string' },
  region: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
} as const;

export const newCommand: CliCommand = {
  name: 'new',
  summary: '新建一份空白报告',
  help: `用法：nianbao new --year 年度 --agency 机关名称 [--level 层级] [--region 地区] -o 文件 [--force]

新建一份空白的政府信息公开工作年度报告。格式按年度自动选择：2019、2020 年度用 2019 年格式，
2021 年度及以后用 2021 年格式。所有表格单元格为空白，正文为空。

选项：
  --year 年度        报告年度（报告哪一年的工作），如 2024
  --agency 名称      机关名称，如 黄金镇人民政府
  --level 层级       ${AGENCY_LEVELS.join('、')}；不给时从机关名称判断，判断不出时按名称中最低一级的行政区暂定（名称中没有时为“乡镇”）
  --region 地区      所在地区（可选）
  -o, --output 文件  要写入的报告文件，建议以 .nianbao 结尾
  -f, --force        文件已存在时覆盖它

示例：
  nianbao new --year 2024 --agency 黄金镇人民政府 -o 黄金镇-2024.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    expectPositionals(this.name, positionals, []);
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
