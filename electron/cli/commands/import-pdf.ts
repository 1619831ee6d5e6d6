// nianbao import-pdf: reads back the report file a PDF exported by 年报助手 carries (attachment
// report.nianbao, checked against its SHA-256) and writes it as a .nianbao file.
import { serializeReport } from '../../../shared/model/document';
import { reportTitle } from '../../../shared/model/report';
import { expectPositionals, parseArgs, requireOption } from '../args';
import { CliError, EXIT, readFileBytes, writeFileAtomic, type CliCommand } from '../cli-kit';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
} as const;

export const importPdfCommand: CliCommand = {
  name: 'import-pdf',
  summary: '从年报助手导出的 PDF 读回报告文件',
  help: `用法：nianbao import-pdf PDF文件 -o 报告文件 [--force]

年报助手导出的 PDF 内嵌报告文件（附件 report.nianbao）及其 SHA-256 校验值。此命令读出并核对后
保存为 .nianbao 报告文件。其他程序生成的 PDF、扫描件或数据被改动过的 PDF 不能导入。

选项：
  -o, --output 文件  要写入的报告文件
  -f, --force        文件已存在时覆盖它

退出码：0 已导入；2 参数错误、PDF 不含（完好的）报告数据、文件读不了或写不了。

示例：
  nianbao import-pdf 黄金镇-2024.pdf -o 黄金镇-2024.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [file] = expectPositionals(this.name, positionals, ['PDF文件']);
    const output = requireOption(this.name, options.output, 'output', '报告文件');
    const bytes = readFileBytes(io, file!, 'pdf');
    const { importPdf } = await import('../../node/pdf/import-pdf');
    const result = await importPdf(bytes);
    if (!result.ok) throw new CliError(`“${file}”：${result.message}`, `${file}: no intact Nianbao report data in this PDF`);
    await writeFileAtomic(io, output, serializeReport(result.doc), options.force === true);
    io.out(`已从 PDF 读回“${reportTitle(result.doc)}”（${result.doc.format} 年格式）→ ${output}`);
    return EXIT.ok;
  },
};
