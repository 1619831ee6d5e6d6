// nianbao import: last year's report in whatever form it exists — a Word document (.docx), a web page
// (.html/.htm), any PDF with a text layer, a PDF exported by 年报助手 or a .nianbao file (their data,
// exactly), or text — → a report file. import-text and import-pdf remain for text and app PDFs only.
import { extname } from 'node:path';
import { serializeReport } from '../../../shared/model/document';
import { expectPositionals, parseAgencyName, parseArgs, parseLevel, parseYear, requireOption } from '../args';
import { CliError, EXIT, readFileBytes, writeFileAtomic, type CliCommand } from '../cli-kit';
import type { FileKind } from '../../node/files/bounded-read';
import { printImportSummary } from '../import-summary';
import { SECTION_HEADINGS, TABLE_NAMES } from '../../../shared/formats/index';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  year: { type: 'string' },
  agency: { type: 'string' },
  level: { type: 'string' },
} as const;

export function readKind(path: string): FileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx' || ext === '.doc' || ext === '.wps') return 'word';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.nianbao') return 'report';
  return 'text';
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '把上年报告（Word、网页、PDF、文本或报告文件）导入为报告文件',
  help: `用法：nianbao import 文件 -o 报告文件 [--force] [--year 年度] [--agency 机关名称] [--level 层级]

读入一份已发布的年度报告，文件可以是：
  .docx（Word 2007 及以后、WPS 保存的 Word 文档）：按文档自己的段落和表格（含合并单元格）读；
  .html / .htm（从政府网站保存的网页，UTF-8 或 GB2312/GBK 编码）：按网页的表格和文字读；
  PDF：年报助手导出的 PDF 读回其中的报告数据（原样）；其他有文字层的 PDF 按文字位置还原行和列；
       扫描件（没有文字层）需要先做文字识别，不能导入；
  .nianbao 报告文件：原样读入；
  其他文件按文本读（同 import-text），文件写 - 时从标准输入读。
写成报告文件：标题中的年度和机关，“${SECTION_HEADINGS.overview}”“${SECTION_HEADINGS.problems}”“${SECTION_HEADINGS.other}”
的正文，以及${TABLE_NAMES.t2}、${TABLE_NAMES.t3}、${TABLE_NAMES.t4}的每一格。读不出的地方按章节和单元格列出，留空，不猜。
旧版 Word（.doc）、加密或损坏的文件会说明原因和办法，不会写出半份报告。

选项：
  -o, --output 文件  要写入的报告文件，建议以 .nianbao 结尾
  -f, --force        文件已存在时覆盖它
  --year 年度        文件没有标题时指定年度（有标题时以此为准）
  --agency 名称      改用此机关名称
  --level 层级       指定机关层级（否则从机关名称判断）

退出码：0 已写出报告（可能有需要核对的地方）；2 参数错误、文件读不了，或内容不是年度报告。

示例：
  nianbao import 2024年报.docx -o 2024.nianbao
  nianbao import 年报网页.html -o 2024.nianbao
  nianbao import 年报.pdf -o 2024.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [input] = expectPositionals(this.name, positionals, ['文件']);
    const output = requireOption(this.name, options.output, 'output', '要写入的报告文件');
    const year = options.year !== undefined ? parseYear(options.year) : undefined;
    const agencyName = options.agency !== undefined ? parseAgencyName(options.agency) : undefined;
    const level = options.level !== undefined ? parseLevel(options.level) : undefined;

    const bytes = readFileBytes(io, input!, readKind(input!));
    const { importReportBytes, KIND_NAMES } = await import('../../node/import/index');
    const result = await importReportBytes(bytes, input === '-' ? '标准输入' : input!, {
      ...(year !== undefined ? { year } : {}),
      ...(agencyName !== undefined ? { agencyName } : {}),
      ...(level !== undefined ? { level } : {}),
    });
    if (!result.ok) {
      const hint = result.needsYear ? '命令行中用 --year 年度 --agency 机关名称 指定。' : '';
      throw new CliError(`${result.message}${hint}`, `${input}: ${result.needsYear ? 'no report year in the file (use --year)' : 'cannot be imported as an annual report'}`);
    }
    writeFileAtomic(io, output, serializeReport(result.doc), options.force === true);
    printImportSummary(io, result.doc, result.problems, output, KIND_NAMES[result.kind]);
    return EXIT.ok;
  },
};
