// nianbao ledger-template: the application-ledger template (.xlsx) for a year.
import { resolve } from 'node:path';
import { TABLE_NAMES } from '../../../shared/formats/vocabulary';
import { expectPositionals, parseArgs, parseFormat, parseYear, requireOption } from '../args';
import { EXIT, writeFileAtomic, type CliCommand } from '../cli-kit';

const OPTIONS = {
  year: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
} as const;

export const ledgerTemplateCommand: CliCommand = {
  name: 'ledger-template',
  summary: `生成依申请公开登记台账模板（.xlsx，下拉选项为${TABLE_NAMES.t3}的正式类别）`,
  help: `用法：nianbao ledger-template --year 年度 [--format 2019|2021] -o 台账.xlsx [--force]

生成政府信息公开申请登记台账的 Excel 模板：序号、收到日期、申请人、申请人类型、申请内容、
答复日期、办理结果、具体情形、备注；申请人类型、办理结果、具体情形为下拉选择（${TABLE_NAMES.t3}的正式类别），
日期列按日期格式，表头冻结，另有“填写说明”工作表逐项说明每个类别。
年终用 nianbao ledger 由台账统计${TABLE_NAMES.t3}。

选项：
  --year 年度          台账所属年度，如 2025
  --format 格式        2019 或 2021；不给时按年度（2021 年及以后为 2021 年格式）
  -o, --output 文件    要写入的 .xlsx 文件
  -f, --force          文件已存在时覆盖它

示例：
  nianbao ledger-template --year 2025 -o 台账.xlsx`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    expectPositionals(this.name, positionals, []);
    const year = parseYear(requireOption(this.name, options.year, 'year', '台账年度'));
    const format = parseFormat(options.format, year);
    const output = requireOption(this.name, options.output, 'output', '要写入的 .xlsx 文件');
    const { buildLedgerTemplate } = await import('../../node/ledger/ledger-template');
    const bytes = await buildLedgerTemplate({ year, format });
    await writeFileAtomic(io, output, bytes, options.force === true);
    io.out(`已生成 ${year} 年度申请登记台账模板（${format} 年格式）：${resolve(io.cwd, output)}`);
    return EXIT.ok;
  },
};
