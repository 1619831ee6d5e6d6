// The ledger template: an .xlsx with the columns of spec §10, drop-down lists holding the exact official
// categories, date columns formatted and validated as dates, a frozen header, and a sheet that explains
// every category in one line. The importer reads it back without any mapping to confirm.
import ExcelJS from 'exceljs';
import { formatIdForYear } from '../../../shared/formats/index';
import type { FormatId } from '../../../shared/formats/types';
import { ledgerCategories, RESULT_EXPLANATIONS } from '../../../shared/ledger/categories';
import { FIRST_REPORT_YEAR, TABLE_NAMES } from '../../../shared/formats/vocabulary';

export interface TemplateOptions {
  year: number;
  format?: FormatId;
  /** Rows prepared with drop-downs and date formats. */
  rows?: number;
}

export const TEMPLATE_SHEET = '申请台账';
const LISTS_SHEET = '选项';
const HELP_SHEET = '填写说明';

export function templateHeadings(format: FormatId): string[] {
  const reasonGroups = ledgerCategories(format).groups.filter((g) => g.reasons.length > 0).map((g) => g.label);
  return ['序号', '收到日期', '申请人', '申请人类型', '申请内容', '答复日期（未答复的留空）', '办理结果（未答复的留空）', `具体情形（${reasonGroups.join('/')}时填）`, '备注'];
}

export async function buildLedgerTemplate(opts: TemplateOptions): Promise<Uint8Array> {
  const format = opts.format ?? formatIdForYear(opts.year);
  const rows = opts.rows ?? 1000;
  const cats = ledgerCategories(format);
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  wb.title = `${opts.year}年政府信息公开申请登记台账`;

  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const headings = templateHeadings(format);
  ws.columns = headings.map((header, i) => ({ header, width: [8, 13, 16, 14, 36, 16, 16, 34, 20][i] ?? 14 }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;

  // Lists on a hidden sheet: a list written inline may not exceed 255 characters, the reasons do.
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const applicantLabels = cats.applicants.map((a) => a.listLabel);
  const resultLabels = cats.groups.map((g) => g.label);
  const reasonLabels = cats.groups.flatMap((g) => g.reasons.map((r) => r.printed));
  const columns: string[][] = [applicantLabels, resultLabels, reasonLabels];
  columns.forEach((values, c) => values.forEach((v, r) => (lists.getCell(r + 1, c + 1).value = v)));
  const range = (col: string, n: number) => `'${LISTS_SHEET}'!$${col}$1:$${col}$${n}`;

  const list = (formula: string, title: string, what: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `请从下拉列表中选择${what}`,
  });
  const date: ExcelJS.DataValidation = {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(FIRST_REPORT_YEAR, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '日期',
    error: '请填写日期，如 2025-01-05',
  };
  for (let r = 2; r <= rows + 1; r++) {
    const row = ws.getRow(r);
    for (const c of [2, 6]) {
      const cell = row.getCell(c);
      cell.numFmt = 'yyyy-mm-dd';
      cell.dataValidation = date;
    }
    row.getCell(4).dataValidation = list(range('A', applicantLabels.length), '申请人类型', '申请人类型');
    row.getCell(7).dataValidation = list(range('B', resultLabels.length), '办理结果', '办理结果');
    if (reasonLabels.length > 0) row.getCell(8).dataValidation = list(range('C', reasonLabels.length), '具体情形', '具体情形');
  }

  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 16 }, { width: 44 }, { width: 70 }];
  help.addRow([`${opts.year}年政府信息公开申请登记台账 — 填写说明（${format} 年格式）`]).font = { bold: true, size: 13 };
  help.addRow([`每件申请填一行。年报${TABLE_NAMES.t3}由年报助手按本台账统计：本年新收 = 收到日期在本年；上年结转 = 上年及以前收到、上年底未答复；办理结果 = 答复日期在本年；结转下年度 = 本年底仍未答复。`]);
  help.addRow([]);
  help.addRow(['栏目', '可填的值', '说明']).font = { bold: true };
  const fieldHelp: Array<[string, string, string]> = [
    ['序号', '编号，不可重复', '同一申请只登记一次'],
    ['收到日期', '日期，如 2025-01-05', '收到（受理）申请的日期'],
    ['申请人', '姓名或单位名称', ''],
    ['申请人类型', '下拉选择', `决定计入${TABLE_NAMES.t3}的哪一列`],
    ['申请内容', '文字', ''],
    ['答复日期', '日期；仍在办理的留空', '作出答复（办结）的日期'],
    ['办理结果', '下拉选择；仍在办理的留空', '一件申请只填一个结果；部分提供的选“部分公开”'],
    ['具体情形', '下拉选择', '办理结果为不予公开、无法提供、不予处理' + (format === '2021' ? '、其他处理' : '') + '时必填'],
    ['备注', '文字', ''],
  ];
  for (const line of fieldHelp) help.addRow(line);
  help.addRow([]);
  help.addRow(['申请人类型', '', '']).font = { bold: true };
  for (const a of cats.applicants) help.addRow(['申请人类型', a.listLabel, a.explanation]);
  help.addRow([]);
  help.addRow(['办理结果', '', '']).font = { bold: true };
  for (const g of cats.groups) {
    const explanation = g.reasons.length > 0 ? `${g.label}，须在“具体情形”中选一项` : (RESULT_EXPLANATIONS[g.key] ?? '');
    help.addRow(['办理结果', g.label, explanation]);
  }
  help.addRow([]);
  help.addRow(['具体情形', '', '']).font = { bold: true };
  for (const g of cats.groups) for (const r of g.reasons) help.addRow([`具体情形（${g.label}）`, r.printed, RESULT_EXPLANATIONS[r.key] ?? '']);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
