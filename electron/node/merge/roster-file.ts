// The roster of expected units, from a text file (one name a line) or a column of an .xlsx: the column
// headed 单位/单位名称/名称/机关 in the first rows of the first sheet, otherwise the first column.
import ExcelJS from 'exceljs';
import { parseRosterText } from '../../../shared/merge/unit-names';

const HEADINGS = ['单位名称', '单位', '机关名称', '名称', '机关', '部门'];
const MAX_ROSTER_ROWS = 10_000;

export async function readRoster(fileName: string, bytes: Uint8Array, decodeText: (bytes: Uint8Array) => string): Promise<string[]> {
  if (!fileName.toLowerCase().endsWith('.xlsx')) return parseRosterText(decodeText(bytes));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
    if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
    return String(v);
  };
  let column = 1;
  let firstRow = 1;
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      const value = text(row.getCell(c).value).trim();
      if (HEADINGS.includes(value)) {
        column = c;
        firstRow = r + 1;
        r = 6;
        break;
      }
    }
  }
  const names: string[] = [];
  for (let r = firstRow; r <= Math.min(sheet.rowCount, MAX_ROSTER_ROWS); r++) names.push(text(sheet.getRow(r).getCell(column).value));
  return parseRosterText(names.join('\n'));
}
