import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../../electron/node/merge/roster-file';

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readRoster', () => {
  it('reads a text roster one name a line, skipping blanks, comments and repeats', async () => {
    const text = '\uFEFF# 2024 年应报单位\r\n甲镇人民政府\r\n\r\n  乙镇人民政府  \n甲镇人民政府\n';
    expect(await readRoster('名单.txt', new TextEncoder().encode(text), utf8)).toEqual(['甲镇人民政府', '乙镇人民政府']);
  });

  it('decodes a text roster with the decoder it is given', async () => {
    let called = 0;
    const decode = (bytes: Uint8Array) => (called++, utf8(bytes));
    await readRoster('名单.csv', new TextEncoder().encode('甲'), decode);
    expect(called).toBe(1);
  });

  it('reads the column headed 单位名称 of a workbook, below its heading', async () => {
    const bytes = await xlsx([
      ['2024 年名单'],
      ['序号', '单位名称', '联系人'],
      [1, '甲镇人民政府', '张三'],
      [2, { richText: [{ text: '乙镇' }, { text: '人民政府' }] }, '李四'],
      [3, null, '王五'],
      [4, { formula: '"丙"&"镇人民政府"', result: '丙镇人民政府' }, '赵六'],
    ]);
    expect(await readRoster('名单.XLSX', bytes, utf8)).toEqual(['甲镇人民政府', '乙镇人民政府', '丙镇人民政府']);
  });

  it('reads the first column from the first row when no heading is found', async () => {
    const bytes = await xlsx([['甲镇人民政府', '备注'], ['乙镇人民政府'], ['甲镇人民政府']]);
    expect(await readRoster('名单.xlsx', bytes, utf8)).toEqual(['甲镇人民政府', '乙镇人民政府']);
  });
});
