// nianbao convert: a report moved into the other official format (2019 ↔ 2021), with the lists of what
// moved, what is left to fill and what was dropped (kept in the file's history).
import { formatIdForYear } from '../../../shared/formats/index';
import { convertFormat, describeConversion } from '../../../shared/model/convert-format';
import { parseReport, serializeReport } from '../../../shared/model/document';
import { expectPositionals, parseArgs, requireOption } from '../args';
import { CliError, EXIT, readReportFile, writeFileAtomic, type CliCommand } from '../cli-kit';

const OPTIONS = {
  to: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
} as const;

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: '把报告转换为另一种格式（2019 年格式 ↔ 2021 年格式）',
  help: `用法：nianbao convert 报告文件 --to 2021|2019 -o 新文件 [--force]

把报告的表格转换为另一种官方格式，写入新文件（原文件不变）：
  两种格式都有的单元格原样移过去；改了名称的单元格按对应关系移动（本年新制作数量 ↔ 本年制发件数；
  2019 年格式的“（六）其他处理”移到 2021 年格式的“3.其他”，反向时三行相加）；
  新格式有而旧格式没有的单元格列为“待填写”（如本年废止件数、现行有效件数、本年收费金额）；
  新格式没有位置的数字列为“未转入”，并保存在新文件的历史记录（history）中，不会丢失；
  再转换回原格式时，这些数字按上次转换前的数值建议填入仍为空白的单元格（标为“待确认”，
  在年报助手中逐格确认或改写），已有数值的单元格不改动，并分别列出。
正文、基本信息和说明不变。

选项：
  --to 格式          目标格式：2019 或 2021
  -o, --output 文件  要写入的报告文件
  -f, --force        文件已存在时覆盖它

示例：
  nianbao convert 黄金镇-2020.nianbao --to 2021 -o 黄金镇-2020-2021格式.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [file] = expectPositionals(this.name, positionals, ['报告文件']);
    const to = requireOption(this.name, options.to, 'to', '目标格式（2019 或 2021）');
    if (to !== '2019' && to !== '2021') throw new CliError(`--to 应为 2019 或 2021，实际是“${to}”`, `--to must be 2019 or 2021, got "${to}"`);
    const output = requireOption(this.name, options.output, 'output', '要写入的文件');
    const { doc } = await readReportFile(io, file!);
    if (doc.format === to) {
      throw new CliError(`“${file}”已经是 ${to} 年格式，不需要转换`, `${file} is already in the ${to} format`);
    }
    const result = convertFormat(doc, to);
    const text = serializeReport(result.doc);
    // Never write a file this program could not open again.
    const check = parseReport(text);
    if (!check.ok) throw new CliError(`转换后的报告不合格式：${check.message}`, 'the converted report does not match the file format');
    await writeFileAtomic(io, output, text, options.force === true);

    const lists = describeConversion(result, doc.format, to);
    io.out(`已把“${file}”（${doc.year} 年度）从 ${doc.format} 年格式转换为 ${to} 年格式：${output}`);
    io.out(`\n移入的数字（${lists.moved.length} 格）：`);
    for (const line of lists.moved) io.out(`  ${line}`);
    if (lists.moved.length === 0) io.out('  （无）');
    if (lists.offered.length > 0) {
      io.out(`\n按上次转换前的数值建议填入（${lists.offered.length} 格，待确认；请在年报助手中逐格确认或改写）：`);
      for (const line of lists.offered) io.out(`  ${line}`);
    }
    if (lists.keptNow.length > 0) {
      io.out(`\n现有数值未改动（${lists.keptNow.length} 格，上次转换前另有数值）：`);
      for (const line of lists.keptNow) io.out(`  ${line}`);
    }
    io.out(`\n待填写（${lists.toFill.length} 格，旧格式中没有对应的数字）：`);
    for (const line of lists.toFill) io.out(`  ${line}`);
    if (lists.toFill.length === 0) io.out('  （无）');
    io.out(`\n未转入（${lists.dropped.length} 格，新格式中没有位置；已保存在文件的历史记录中）：`);
    for (const line of lists.dropped) io.out(`  ${line}`);
    if (lists.dropped.length === 0) io.out('  （无）');
    if (formatIdForYear(doc.year) !== to) {
      io.err(`注意：${doc.year} 年度的报告应使用 ${formatIdForYear(doc.year)} 年格式，转换后的报告格式与年度不符。`);
    }
    return EXIT.ok;
  },
};
