// nianbao export: the report as PDF (GB/T 9704 layout, the report file embedded). Final by default:
// refused (exit 1, the findings printed) while an error remains or a confirm finding has no explanation;
// --draft always exports, with a 草稿 watermark and the findings on a last page.
import { resolve } from 'node:path';
import { SEVERITY_LABELS } from '../../../shared/checks/index';
import { localIsoDate, reportTitle } from '../../../shared/model/report';
import { expectPositionals, parseArgs, requireOption } from '../args';
import { CliError, EXIT, previousYearWarning, readReportFile, writeFileAtomic, type CliCommand } from '../cli-kit';
import { TABLE_NAMES } from '../../../shared/formats/vocabulary';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  draft: { type: 'boolean' },
  previous: { type: 'string', short: 'p' },
  force: { type: 'boolean', short: 'f' },
  'font-dir': { type: 'string' },
  html: { type: 'boolean' },
  docx: { type: 'boolean' },
} as const;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出 PDF（正式版或带水印的草稿；PDF 内嵌报告数据，可再导入），或网页版（--html）、Word 版（--docx）',
  help: `用法：nianbao export 报告文件 -o PDF文件 [--draft] [--previous 上年报告文件] [--force]
      nianbao export 报告文件 --html -o 网页.html | --docx -o 文档.docx [--draft] [--force]

按党政机关公文格式（GB/T 9704）排版导出 PDF：A4，标题、正文、${TABLE_NAMES.t2}至${TABLE_NAMES.t4}。PDF 内嵌报告文件
（附件 report.nianbao 及其 SHA-256），可用 nianbao import-pdf 读回。
正式版须先通过检查：没有“错误”，每条“须说明”都已写明说明；否则不导出，列出问题（退出码 1）。
草稿（--draft）总能导出：每页有“草稿”水印，最后一页列出检查发现的全部问题。

--html：网页版，一个自带样式的 HTML 文件（无脚本、无外部资源），表格按官方样式合并单元格，
可直接粘贴进网站的编辑器，手机上表格可左右滑动。
--docx：Word 版（.docx），真正的 Word 表格，正文用仿宋_GB2312（缺时用仿宋）、标题用方正小标宋简体（缺时用宋体）。
网页版和 Word 版与正式版 PDF 一样须先通过检查；加 --draft 则照样导出（供内部修改），
并标明“草稿 — 未定稿，不得公开发布”（网页版在标题上方，Word 版在每页页眉）。

选项：
  -o, --output 文件    PDF 文件（--html / --docx 时为网页或 Word 文件）
  --html               导出网页版（.html）
  --docx               导出 Word 版（.docx）
  --draft              导出草稿
  -p, --previous 文件  上年的报告文件（检查结转、雷同等）
  -f, --force          PDF 文件已存在时覆盖它
  --font-dir 文件夹     字体所在文件夹（默认为程序自带的 assets/fonts）

退出码：0 已导出；1 有问题，未导出正式版；2 参数错误、文件读不了或写不了。

示例：
  nianbao export 黄金镇-2024.nianbao -o 黄金镇-2024.pdf
  nianbao export 黄金镇-2024.nianbao -o 草稿.pdf --draft
  nianbao export 黄金镇-2024.nianbao --html -o 黄金镇-2024.html
  nianbao export 黄金镇-2024.nianbao --docx -o 黄金镇-2024.docx`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [file] = expectPositionals(this.name, positionals, ['报告文件']);
    if (options.html && options.docx) throw new CliError('--html 和 --docx 只能选一个', 'choose one of --html and --docx');
    const kind = options.html ? 'html' : options.docx ? 'docx' : undefined;
    const output = requireOption(this.name, options.output, 'output', kind === 'html' ? '网页文件' : kind === 'docx' ? 'Word 文件' : 'PDF 文件');
    const { doc } = await readReportFile(io, file!);
    const previous = options.previous !== undefined ? (await readReportFile(io, options.previous)).doc : undefined;
    const yearWarning = previous ? previousYearWarning(doc, previous, options.previous!) : undefined;
    if (yearWarning) io.err(yearWarning);
    if (kind) {
      const { publishReport, PUBLISH_KIND_NAMES } = await import('../../node/publish/index');
      const mode = options.draft ? 'draft' : 'final';
      const published = await publishReport(doc, kind, { mode, today: localIsoDate(new Date()), ...(previous ? { previous } : {}) });
      if (!published.ok) {
        io.err(published.message);
        for (const f of published.findings) io.err(`  ${SEVERITY_LABELS[f.severity]} [${f.rule}] ${f.message}`);
        return EXIT.findings;
      }
      await writeFileAtomic(io, output, Buffer.from(published.bytes), options.force === true);
      io.out(`已导出${PUBLISH_KIND_NAMES[kind]}${mode === 'draft' ? '（草稿）' : ''}“${reportTitle(doc)}”→ ${output}（${Math.max(1, Math.round(published.bytes.length / 1024))} KB）`);
      return EXIT.ok;
    }
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
