// nianbao import-text: last year's report as published (text copied from a website or a PDF) → a report file.
import { SECTION_HEADINGS, TABLE_NAMES } from '../../../shared/formats/index';
import { importReportText } from '../../../shared/import/index';
import { parseReport, serializeReport } from '../../../shared/model/document';
import { expectPositionals, parseAgencyName, parseArgs, parseLevel, parseYear, requireOption } from '../args';
import { decodeText } from '../../node/import/text-decode';
import { foreignKind } from '../../node/storage/report-files';
import { printImportSummary } from '../import-summary';
import { CliError, EXIT, readFileBytes, writeFileAtomic, type CliCommand } from '../cli-kit';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  year: { type: 'string' },
  agency: { type: 'string' },
  level: { type: 'string' },
} as const;


export const importTextCommand: CliCommand = {
  name: 'import-text',
  summary: '把网页或 PDF 上复制的报告文字导入为报告文件',
  help: `用法：nianbao import-text 文本文件 -o 报告文件 [--force] [--year 年度] [--agency 机关名称] [--level 层级]

读入一份已发布的年度报告的文字（从政府网站复制，或从 PDF 复制、用 pdftotext -layout 导出），
文本文件写 - 时从标准输入读（如 pdftotext -layout 年报.pdf - | nianbao import-text - -o 报告.nianbao）。
写成报告文件：标题中的年度和机关，“${SECTION_HEADINGS.overview}”（含前言）、“${SECTION_HEADINGS.problems}”、
“${SECTION_HEADINGS.other}”的正文，以及${TABLE_NAMES.t2}、${TABLE_NAMES.t3}、${TABLE_NAMES.t4}的每一格。
读不出的地方按章节和单元格列出，留空，不猜。文本文件可以是 UTF-8 或 GBK 编码。

选项：
  -o, --output 文件  要写入的报告文件，建议以 .nianbao 结尾
  -f, --force        文件已存在时覆盖它
  --year 年度        文本没有标题时指定年度（有标题时以此为准）
  --agency 名称      改用此机关名称
  --level 层级       指定机关层级（否则从机关名称判断）

退出码：0 已写出报告（可能有需要核对的地方）；2 参数错误、文件读不了，或文本不是年度报告。

示例：
  nianbao import-text 黄金镇2019年报.txt -o 黄金镇-2019.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [input] = expectPositionals(this.name, positionals, ['文本文件']);
    const output = requireOption(this.name, options.output, 'output', '要写入的报告文件');
    const year = options.year !== undefined ? parseYear(options.year) : undefined;
    const agencyName = options.agency !== undefined ? parseAgencyName(options.agency) : undefined;
    const level = options.level !== undefined ? parseLevel(options.level) : undefined;

    const bytes = readFileBytes(io, input!, 'text');
    const kind = foreignKind(bytes);
    if (kind === 'pdf') {
      throw new CliError(
        `“${input}”是 PDF 文件，不是文字：年报助手导出的 PDF 用 nianbao import-pdf 读回；其他 PDF 请先转成文字（如 pdftotext -layout 年报.pdf - | nianbao import-text - -o 报告.nianbao）`,
        `${input}: a PDF, not text; use nianbao import-pdf, or pdftotext -layout first`,
      );
    }
    if (kind === 'office') {
      throw new CliError(
        `“${input}”是 Word、WPS 或 Excel 文档，不是纯文本：请在其中“另存为”纯文本（.txt）后再导入，或复制全文粘贴到文本文件中`,
        `${input}: an office document, not plain text; save it as .txt first`,
      );
    }
    const { text } = decodeText(bytes);
    const shown = input === '-' ? '标准输入' : `“${input}”`;
    if (text.replace(/[\s\u3000\ufeff]+/g, '') === '') {
      throw new CliError(`${shown}是空的，没有可导入的文字`, `${input === '-' ? 'standard input' : input} is empty`);
    }
    if (parseReport(text).ok) {
      throw new CliError(`“${input}”已经是年报助手的报告文件，不需要导入，可以直接使用（如 nianbao check ${input}）`, `${input} is already a Nianbao report file`);
    }
    const result = importReportText(text, {
      ...(year !== undefined ? { year } : {}),
      ...(agencyName !== undefined ? { agencyName } : {}),
      ...(level !== undefined ? { level } : {}),
    });
    if (!result.ok) {
      const hint = result.needsYear ? '命令行中用 --year 年度 --agency 机关名称 指定。' : '';
      throw new CliError(`“${input}”：${result.message}${hint}`, `${input}: ${result.needsYear ? 'no report year in the text (use --year)' : 'not a government information disclosure annual report'}`);
    }
    const { doc, problems } = result;
    await writeFileAtomic(io, output, serializeReport(doc), options.force === true);

    printImportSummary(io, doc, problems, output);
    return EXIT.ok;
  },
};

/** What an import wrote and read, and every place to check, one a line. */
