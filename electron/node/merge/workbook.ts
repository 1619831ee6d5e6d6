// The receiving office's workbook: one sheet with a row per unit and a column per table cell, headed by
// the official labels over three rows (table / row / column) with frozen panes and the sum at the bottom
// as formulas; a sheet with every unit's findings; a sheet with the files left out and why.
import ExcelJS from 'exceljs';
import { runChecks, SEVERITY_LABELS } from '../../../shared/checks/index';
import { computeTotals } from '../../../shared/checks/totals';
import { formatModel, TABLE_NAMES, type CellDef } from '../../../shared/formats/index';
import { UNIT_SOURCE_LABELS, type OverviewRow } from '../../../shared/merge/plan-merge';
import type { ReportDocument } from '../../../shared/model/report';
import type { MergeRun } from './run-merge';

/** Table names over the workbook's columns, with what each table counts. */
const SHEET_TABLE_HEADINGS = { t2: `${TABLE_NAMES.t2} 主动公开`, t3: `${TABLE_NAMES.t3} 依申请公开`, t4: `${TABLE_NAMES.t4} 复议诉讼` } as const;
const FIXED_COLUMNS = ['单位', '层级', '数据来源', '文件'] as const;

const STATUS_LABELS: Record<OverviewRow['status']['kind'], string> = {
  included: '已计入',
  otherGroup: '其他年度/格式，未计入',
  superseded: '有更晚的一份，未计入',
  marked: '有疑问，未计入',
};

const rowLabel = (cell: CellDef): string => cell.rowLabels.join(' / ');

/** Excel column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export async function buildMergeWorkbook(run: MergeRun): Promise<Buffer> {
  const { plan } = run;
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  const format = plan.group?.format ?? '2021';
  const cells = formatModel(format).cells;
  const unitsByPath = new Map(run.units.map((u) => [u.path, u]));
  /** The figures that count for a row: the printed ones where the user chose them. */
  const docOf = (r: OverviewRow): ReportDocument | undefined => {
    const u = unitsByPath.get(r.path);
    return r.dataUsed === 'printed' ? u?.printed : u?.doc;
  };

  const data = wb.addWorksheet('各单位数据', { views: [{ state: 'frozen', xSplit: FIXED_COLUMNS.length, ySplit: 3 }] });
  const headerTable: string[] = [...FIXED_COLUMNS];
  const headerRow: string[] = FIXED_COLUMNS.map(() => '');
  const headerCol: string[] = FIXED_COLUMNS.map(() => '');
  for (const c of cells) {
    headerTable.push(SHEET_TABLE_HEADINGS[c.table]);
    headerRow.push(rowLabel(c));
    headerCol.push(c.columnLabels[c.columnLabels.length - 1] ?? '');
  }
  data.addRow(headerTable);
  data.addRow(headerRow);
  data.addRow(headerCol);
  for (let col = 1; col <= FIXED_COLUMNS.length; col++) data.mergeCells(1, col, 3, col);
  // Merge equal neighbouring table names in row 1 (one merged header per table).
  let start = FIXED_COLUMNS.length + 1;
  for (let col = start + 1; col <= headerTable.length + 1; col++) {
    if (col > headerTable.length || headerTable[col - 1] !== headerTable[start - 1]) {
      if (col - 1 > start) data.mergeCells(1, start, 1, col - 1);
      start = col;
    }
  }
  for (const r of [1, 2, 3]) {
    const row = data.getRow(r);
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  data.getRow(2).height = 60;
  data.getColumn(1).width = 28;
  data.getColumn(4).width = 24;

  const included = plan.rows.filter((r) => r.status.kind === 'included');
  for (const r of included) {
    const doc = docOf(r);
    const values = doc ? computeTotals(doc) : {};
    data.addRow([r.unit, r.level, UNIT_SOURCE_LABELS[r.source], baseName(r.path), ...cells.map((c) => values[c.key] ?? null)]);
  }
  const first = 4;
  const last = 3 + included.length;
  const sumRow = data.addRow(['合计', '', `${included.length} 个单位`, '', ...cells.map(() => null)]);
  sumRow.font = { bold: true };
  cells.forEach((c, i) => {
    const col = FIXED_COLUMNS.length + 1 + i;
    const letter = columnLetter(col);
    const result = plan.sum?.cells[c.key] ?? 0;
    sumRow.getCell(col).value = included.length > 0 ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: result ?? 0 } : null;
  });

  const findings = wb.addWorksheet('检查结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.addRow(['单位', '文件', '严重程度', '规则', '说明', '单位的书面说明']);
  findings.getRow(1).font = { bold: true };
  for (const r of plan.rows) {
    const doc = docOf(r);
    if (!doc) continue;
    for (const f of runChecks({ report: doc })) {
      findings.addRow([r.unit, baseName(r.path), SEVERITY_LABELS[f.severity], f.rule, f.message, f.explanation ?? '']);
    }
  }
  findings.getColumn(1).width = 28;
  findings.getColumn(5).width = 80;
  findings.getColumn(6).width = 40;

  const files = wb.addWorksheet('文件情况', { views: [{ state: 'frozen', ySplit: 1 }] });
  files.addRow(['文件', '单位', '状态', '原因']);
  files.getRow(1).font = { bold: true };
  for (const r of plan.rows) {
    const reason = r.status.kind === 'marked' ? r.status.reason : r.status.kind === 'superseded' ? `以 ${baseName(r.status.by)} 为准` : '';
    files.addRow([r.path, r.unit, STATUS_LABELS[r.status.kind], reason]);
  }
  for (const f of plan.failed) files.addRow([f.path, '', '读不了，未计入', f.reason]);
  for (const name of plan.roster?.missing ?? []) files.addRow(['', name, '名单中有、未收到报告', '']);
  files.getColumn(1).width = 50;
  files.getColumn(4).width = 80;

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}
