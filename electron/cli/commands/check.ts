// nianbao check: the checks of spec §6 on a report file, for people (grouped by severity) or for
// scripts (--json). Exit 1 when there is an error-level finding.
import type { FormatId } from '../../../shared/formats/index';
import { runChecks, SEVERITY_LABELS, type Finding, type Severity } from '../../../shared/checks/index';
import { reportTitle, type ReportDocument } from '../../../shared/model/report';
import { previousAsReport } from '../../../shared/model/previous';
import { expectPositionals, parseArgs } from '../args';
import { EXIT, previousYearWarning, readReportFile, type CliCommand } from '../cli-kit';

const OPTIONS = {
  previous: { type: 'string', short: 'p' },
  json: { type: 'boolean' },
} as const;

const SEVERITIES: Severity[] = ['error', 'confirm', 'hint'];

/** The machine-readable result: the named fields are a contract for scripts. */
export function checkResultJson(format: FormatId, year: number, findings: Finding[]): string {
  return `${JSON.stringify(
    {
      format,
      year,
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        cells: f.cells,
        message: f.message,
        target: f.target,
        place: f.place,
        ...(f.expected !== undefined ? { expected: f.expected } : {}),
        ...(f.actual !== undefined ? { actual: f.actual } : {}),
        ...(f.explanation !== undefined ? { explanation: f.explanation } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

function humanReport(title: string, format: FormatId, findings: Finding[], previous: string | undefined): string {
  const lines = [`检查：${title}（${format} 年格式${previous ? `，对照上年：${previous}` : ''}）`];
  if (findings.length === 0) {
    lines.push('没有发现问题。');
    return lines.join('\n');
  }
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${SEVERITY_LABELS[severity]}（${group.length}）`);
    for (const f of group) {
      lines.push(`  [${f.rule}] ${f.message}`);
      if (f.explanation) lines.push(`      已说明：${f.explanation}`);
    }
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push('', `共 ${findings.length} 条：错误 ${count('error')}，须说明 ${count('confirm')}，提示 ${count('hint')}。`);
  if (count('error') > 0) lines.push('有“错误”时不能导出正式版（草稿仍可导出）。');
  return lines.join('\n');
}

/** “文件中保存的 2024 年报告（2024年报.docx）” when the report keeps last year's figures. */
function storedPreviousName(doc: ReportDocument): string | undefined {
  return doc.previous ? `文件中保存的 ${doc.previous.year} 年报告（${doc.previous.source.fileName}）` : undefined;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查报告：空白格、勾稽关系、正文与表格是否一致等',
  help: `用法：nianbao check 报告文件 [--previous 上年报告文件] [--json]

按《政府信息公开工作年度报告格式》检查报告，按严重程度分组列出：
  错误    正式版导出前必须改正（如合计不等于各项之和、单元格空白）
  须说明  正式版需要写明理由
  提示    供参考
每条前面是规则编号（如 [t3.rowSum]）。给出上年报告时，还检查结转、与上年雷同、大幅变化等；
不给 --previous 时，用报告文件中保存的上年报告（从上年报告新建的报告都带有）。

选项：
  -p, --previous 文件  上年的报告文件
  --json               以 JSON 输出：{"format","year","findings":[{"rule","severity","cells","message",…}]}

退出码：0 没有“错误”级问题；1 有“错误”级问题；2 参数错误或文件读不了。

示例：
  nianbao check 黄金镇-2024.nianbao --previous 黄金镇-2023.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [file] = expectPositionals(this.name, positionals, ['报告文件']);
    const { doc } = await readReportFile(io, file!);
    const previous = options.previous !== undefined ? (await readReportFile(io, options.previous)).doc : undefined;
    const stored = doc.previous ? previousAsReport(doc.previous) : undefined;
    const yearWarning = previous
      ? previousYearWarning(doc, previous, options.previous!)
      : stored
        ? previousYearWarning(doc, stored, storedPreviousName(doc)!)
        : undefined;
    if (yearWarning) io.err(yearWarning);
    const findings = runChecks(previous ? { report: doc, previous } : { report: doc });
    if (options.json) io.out(checkResultJson(doc.format, doc.year, findings));
    else io.out(humanReport(reportTitle(doc), doc.format, findings, options.previous ?? storedPreviousName(doc)));
    return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
  },
};
