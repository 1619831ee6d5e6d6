// nianbao export: the report as PDF (GB/T 9704 layout, the report file embedded). Final by default:
// refused (exit 1, the findings printed) while an error remains or a confirm finding has no explanation;
// --draft always exports, with a 草稿 watermark and the findings on a last page.
import { resolve } from 'node:path';
import { SEVERITY_LABELS } from '../../../shared/checks/index';
import { localIsoDate, reportTitle } from '../../../shared/model/report';
import { expectPositionals, parseArgs, requireOption } from '../args';
import { CliError, EXIT, previousYearWarning, readReportFile, writeFileAtomic, type CliCommand } from '../cli-kit';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  draft: { type: 'boolean' },
  previous: { type: 'string', short: 'p' },
  force: { type: 'boolean', short: 'f' },
  'font-dir': { type: 'string' },
} as const;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出 PDF（正式版或带水印的草稿；PDF 内嵌报告数据，可再导入）',
  help: `用法：nianbao export 报告文件 -o PDF文件 [--draft] [--previous 上年报告文件] [--force]

按党政机关公文格式（GB/T 9704）排版导出 PDF：A4，标题、正文、表二至表四。PDF 内嵌报告文件
（附件 report.nianbao 及其 SHA-256），可用 nianbao import-pdf 读回。
正式版须先通过检查：没有“错误”，每条“须说明”都已写明说明；否则不导出，列出问题（退出码 1）。
草稿（--draft）总能导出：每页有“草稿”水印，最后一页列出检查发现的全部问题。

选项：
  -o, --output 文件    PDF 文件
  --draft              导出草稿
  -p, --previous 文件  上年的报告文件（检查结转、雷同等）
  -f, --force          PDF 文件已存在时覆盖它
  --font-dir 文件夹     字体所在文件夹（默认为程序自带的 assets/fonts）

退出码：0 已导出；1 有问题，未导出正式版；2 参数错误、文件读不了或写不了。

示例：
  nianbao export 黄金镇-2024.nianbao -o 黄金镇-2024.pdf
  nianbao export 黄金镇-2024.nianbao -o 草稿.pdf --draft`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [file] = expectPositionals(this.name, positionals, ['报告文件']);
    const output = requireOption(this.name, options.output, 'output', 'PDF 文件');
    const { doc } = await readReportFile(io, file!);
    const previous = options.previous !== undefined ? (await readReportFile(io, options.previous)).doc : undefined;
    const yearWarning = previous ? previousYearWarning(doc, previous, options.previous!) : undefined;
    if (yearWarning) io.err(yearWarning);
    // Loaded here, not at the top: the other commands should not pay for pdfkit and the fonts.
    const { createPdfExporter, missingGlyphsMessage, MissingFontError } = await import('../../node/pdf/index');
    let exporter: ReturnType<typeof createPdfExporter>;
    try {
      const fontDir = options['font-dir'] ? resolve(io.cwd, options['font-dir']) : io.fontDir;
      exporter = createPdfExporter(fontDir !== undefined ? { fontDir } : {});
    } catch (error) {
      // Missing or damaged font files: the installation or --font-dir is wrong, not a bug.
      if (error instanceof MissingFontError) throw new CliError(error.message.replace(/。$/, ''), 'font files missing or damaged, see --font-dir');
      throw error;
    }
    const mode = options.draft ? 'draft' : 'final';
    // A report without a date of issue is dated the day of its export (spec §7).
    const today = localIsoDate(new Date());
    const result = await exporter.exportPdf(doc, previous ? { mode, previous, today } : { mode, today });
    if (!result.ok) {
      io.err(result.message);
      for (const f of result.findings) {
        io.err(`  ${SEVERITY_LABELS[f.severity]} [${f.rule}] ${f.message}`);
      }
      return EXIT.findings;
    }
    await writeFileAtomic(io, output, result.pdf, options.force === true);
    const open = result.findings.length;
    io.out(`已导出${mode === 'draft' ? '草稿' : '正式版'}“${reportTitle(doc)}”→ ${output}（${Math.round(result.pdf.length / 1024)} KB）`);
    if (mode === 'draft' && open > 0) io.out(`草稿最后一页列出了 ${open} 条检查结果。`);
    if (result.missingGlyphs.length > 0) io.err(`注意：${missingGlyphsMessage(result.missingGlyphs)}`);
    return EXIT.ok;
  },
};
