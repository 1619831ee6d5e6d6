// nianbao ledger: table 3 counted from an application ledger (.xlsx or .csv), the rows it could not
// count with their reasons, the rows behind one cell (--explain), and writing it into a report (--into).
import { basename, dirname, join, resolve } from 'node:path';
import { applyTable3, table3Changes } from '../../../shared/ledger/apply';
import { serializeReport } from '../../../shared/model/document';
import { reportTitle } from '../../../shared/model/report';
import { formatModel, TABLE_NAMES } from '../../../shared/formats/index';
import type { FormatId } from '../../../shared/formats/types';
import { resultName } from '../../../shared/ledger/categories';
import { analyseLedger, FIELD_LABELS, unmappedValues, type LedgerAnalysis } from '../../../shared/ledger/mapping';
import type { LedgerField } from '../../../shared/ledger/types';
import type { LedgerCount, LedgerRowView } from '../../node/ledger/ledger-table';
import { expectPositionals, parseArgs, parseFormat, parseYear, requireOption } from '../args';
import { CliError, EXIT, readFileBytes, readReportFile, type CliCommand, type CliIo } from '../cli-kit';

const OPTIONS = {
  year: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  explain: { type: 'string' },
  into: { type: 'string' },
  'allow-excluded': { type: 'boolean' },
} as const;

const COLUMN_LETTERS = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : COLUMN_LETTERS(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** “不予公开 4.保护第三方合法权益”, “一、本年新收政府信息公开申请数量”. */
export function t3RowName(format: FormatId, rowKey: string): string {
  const row = formatModel(format).format.t3.rows.find((r) => r.key === rowKey);
  if (!row) return rowKey;
  if (row.labels.length === 3) return resultName(format, rowKey).replace('／', ' ');
  return row.labels[row.labels.length - 1]!;
}

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/u.test(ch) ? 2 : 1;
  return w;
}
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - widthOf(text))) + text;

export function renderTable3(format: FormatId, cells: Record<string, number>): string {
  const def = formatModel(format).format.t3;
  const widths = def.columns.map((c) => Math.max(widthOf(c.key === 'otherOrg' ? '其他组织' : c.label), 5));
  const head = def.columns.map((c, i) => padStart(c.key === 'otherOrg' ? '其他组织' : c.label, widths[i]!)).join(' ');
  const lines = [`${head}  项目`];
  for (const row of def.rows) {
    const values = def.columns.map((c, i) => padStart(String(cells[`t3.${row.key}.${c.key}`] ?? 0), widths[i]!)).join(' ');
    lines.push(`${values}  ${t3RowName(format, row.key)}`);
  }
  return lines.join('\n');
}

function describeColumns(analysis: LedgerAnalysis): string {
  return (Object.entries(analysis.mapping.columns) as Array<[LedgerField, number]>)
    .sort((a, b) => a[1] - b[1])
    .map(([field, col]) => `${FIELD_LABELS[field]}=${COLUMN_LETTERS(col)}列“${analysis.headers[col] ?? ''}”`)
    .join('，');
}

function rowLine(v: LedgerRowView): string {
  return [`第 ${v.row} 行`, v.serial && `序号 ${v.serial}`, `收到 ${v.received || '—'}`, `答复 ${v.answered || '未答复'}`, v.applicant, v.applicantType, v.result, v.content]
    .filter(Boolean)
    .join('  ');
}

export interface LoadedLedger {
  path: string;
  analysis: LedgerAnalysis;
  count: LedgerCount;
}

export async function loadAndCount(io: CliIo, file: string, year: number, format: FormatId): Promise<LoadedLedger> {
  const { readLedgerFile, LedgerFileError, countSheet } = await import('../../node/ledger/index');
  const path = resolve(io.cwd, file);
  let sheet;
  try {
    sheet = await readLedgerFile(path, file);
  } catch (e) {
    if (e instanceof LedgerFileError) throw new CliError(e.zh.replace(/。$/, ''), e.en);
    throw e;
  }
  const analysis = analyseLedger(sheet, format);
  if (analysis.missingFields.length > 0) {
    const names = analysis.missingFields.map((f) => FIELD_LABELS[f]).join('、');
    throw new CliError(
      `台账“${file}”中找不到这些列：${names}（表头在第 ${analysis.headerRow} 行：${analysis.headers.filter(Boolean).join('、')}）；请把列标题改为 ${names} 后再试`,
      `ledger columns not found: ${analysis.missingFields.join(', ')}`,
    );
  }
  return { path, analysis, count: countSheet(sheet, analysis.mapping, { year, format }) };
}

export const ledgerCommand: CliCommand = {
  name: 'ledger',
  summary: `由依申请公开登记台账（.xlsx/.csv）统计${TABLE_NAMES.t3}，列出不能计入的行`,
  help: `用法：nianbao ledger 台账文件 --year 年度 [--format 2019|2021] [--json] [--explain 单元格]

按政府信息公开申请登记台账（Excel .xlsx 或 CSV，UTF-8 或 GBK）统计年报${TABLE_NAMES.t3}：
  本年新收 = 收到日期在本年；上年结转 = 本年以前收到、上年底尚未答复；
  办理结果 = 答复日期在本年，按办理结果（同一申请多个结果只计一次，部分提供的计“部分公开”）；
  结转下年度 = 本年底以前收到、本年底尚未答复。
自动找到表头，按列标题判断各列（如“申请人类别”“受理日期”“答复类型”），并把各列的值对应到${TABLE_NAMES.t3}的
类别（如“公民”→自然人、“同意公开”→予以公开）。对应不上的值、日期缺失或有误、序号重复等不能计入的行，
逐行列出行号和原因，不会悄悄丢掉。

选项：
  --year 年度          报告年度，如 2025
  --format 格式        2019 或 2021；不给时按年度
  --json               以 JSON 输出（${TABLE_NAMES.t3}各单元格、不能计入的行、列与值的对应）
  --explain 单元格     列出某个单元格计入的台账行，如 t3.granted.natural
  --into 报告文件      把统计出的${TABLE_NAMES.t3}写入报告（先在报告旁留一份备份），并在报告中记下台账来源
                       （文件名、行数、未计入行数）；年度须与报告一致
  --allow-excluded     有不能计入的行时也写入（不给时有这样的行就不写，先改正台账）

退出码：0 已统计（或已写入）；1 有不能计入的行，未写入报告；2 参数错误、台账读不了或缺少必需的列。

示例：
  nianbao ledger 台账.xlsx --year 2025
  nianbao ledger 台账.csv --year 2025 --explain t3.granted.natural
  nianbao ledger 台账.xlsx --year 2025 --into 黄金镇-2025.nianbao`,
  async run(args, io) {
    const { options, positionals } = parseArgs(this.name, args, OPTIONS);
    const [file] = expectPositionals(this.name, positionals, ['台账文件']);
    const year = parseYear(requireOption(this.name, options.year, 'year', '报告年度'));
    const report = options.into !== undefined ? (await readReportFile(io, options.into)).doc : undefined;
    if (report && report.year !== year) {
      throw new CliError(`报告“${options.into}”是 ${report.year} 年度的，与 --year ${year} 不同`, `the report is for ${report.year}, not ${year}`);
    }
    if (report && options.format !== undefined && options.format !== report.format) {
      throw new CliError(`报告“${options.into}”用 ${report.format} 年格式，与 --format ${options.format} 不同`, `the report uses the ${report.format} format`);
    }
    const format = report ? report.format : parseFormat(options.format, year);
    const explainKey = options.explain?.trim();
    if (explainKey !== undefined && !formatModel(format).keysByTable.t3.includes(explainKey)) {
      throw new CliError(
        `--explain 应为${TABLE_NAMES.t3}的单元格，如 t3.granted.natural、t3.received.total；“${explainKey}”不是 ${format} 年格式${TABLE_NAMES.t3}的单元格`,
        `--explain must be a table 3 cell key such as t3.granted.natural, got "${explainKey}"`,
      );
    }
    const { analysis, count } = await loadAndCount(io, file!, year, format);
    const { explainCell } = await import('../../node/ledger/ledger-table');
    const { table } = count;
    const unmapped = unmappedValues(analysis);
    const explained = explainKey ? explainCell(count, explainKey, format) : undefined;

    if (options.json) {
      const out = {
        format,
        year,
        ledger: { file, sheet: analysis.sheetName, headerRow: analysis.headerRow, rows: table.rows, counted: table.counted, excluded: table.excluded.length, otherYears: table.otherYears },
        columns: Object.fromEntries((Object.entries(analysis.mapping.columns) as Array<[LedgerField, number]>).map(([f, c]) => [f, { column: COLUMN_LETTERS(c), heading: analysis.headers[c] ?? '' }])),
        unmapped,
        cells: table.cells,
        excluded: table.excluded,
        ...(explainKey ? { explain: { cell: explainKey, rows: explained } } : {}),
      };
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT.ok;
    }

    const lines: string[] = [];
    lines.push(`台账：${file}（工作表“${analysis.sheetName}”，表头在第 ${analysis.headerRow} 行）`);
    lines.push(`列：${describeColumns(analysis)}`);
    if (unmapped.length > 0) {
      lines.push(`对应不上${TABLE_NAMES.t3}类别的值（这些行不计入，见下）：${unmapped.map((u) => `${FIELD_LABELS[u.field]}“${u.value}”${u.count} 行`).join('；')}`);
    }
    if (explainKey) {
      const cell = formatModel(format).cellByKey.get(explainKey)!;
      lines.push('', `${explainKey}（“${t3RowName(format, explainKey.slice(3, explainKey.lastIndexOf('.')))}”行“${cell.columnLabels[cell.columnLabels.length - 1]}”列）= ${table.cells[explainKey]}，计入的台账行：`);
      lines.push(...(explained!.length ? explained!.map((v) => `  ${rowLine(v)}`) : ['  （没有）']));
    } else {
      lines.push('', `${TABLE_NAMES.t3}（${year} 年度，${format} 年格式）：`, renderTable3(format, table.cells));
    }
    if (table.excluded.length > 0) {
      lines.push('', `不能计入的行（${table.excluded.length}）：`);
      for (const e of table.excluded) lines.push(`  第 ${e.row} 行${e.serial ? `（序号 ${e.serial}）` : ''}：${e.message}`);
    }
    lines.push('', `共 ${table.rows} 行：计入 ${table.counted} 行，属于其他年度 ${table.otherYears} 行，不能计入 ${table.excluded.length} 行。`);
    io.out(lines.join('\n'));
    if (!report) return EXIT.ok;

    if (table.excluded.length > 0 && !options['allow-excluded']) {
      io.err(`有 ${table.excluded.length} 行不能计入，没有写入报告。请先改正台账；确定只按其余各行统计时，加 --allow-excluded 再运行。`);
      return EXIT.findings;
    }
    const into = options.into!;
    const target = resolve(io.cwd, into);
    const original = readFileBytes(io, into, 'report');
    const changes = table3Changes(report, table);
    const now = new Date();
    const updated = applyTable3(report, table, {
      fileName: basename(file!),
      sheet: analysis.sheetName.slice(0, 100),
      rows: table.rows,
      counted: table.counted,
      excluded: table.excluded.length,
      derivedAt: now.toISOString(),
    });
    updated.meta = { ...updated.meta, updated: now.toISOString() };
    const { nodeFs, writeFileAtomic: writeAtomic } = await import('../../node/storage/index');
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const backup = join(dirname(target), `${basename(target).replace(/\.nianbao$/i, '')}.台账写入前备份-${stamp}.nianbao`);
    try {
      await writeAtomic(nodeFs, backup, original);
      await writeAtomic(nodeFs, target, Buffer.from(serializeReport(updated), 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new CliError(`写不了报告“${into}”（${code}）；报告未改动`, `cannot write ${into} (${code}); the report is unchanged`);
    }
    io.out(`已把${TABLE_NAMES.t3}写入“${reportTitle(report)}”（${into}）：${changes.length} 个单元格有变化；原文件备份为 ${backup}`);
    return EXIT.ok;
  },
};

