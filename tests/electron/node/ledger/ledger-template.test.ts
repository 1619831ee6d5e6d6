// electron/node/ledger/ledger-template.ts: the ledger template workbook — its columns, frozen header, drop-downs
// holding the official categories of the report's format, date cells, the prepared rows and the explanation sheet.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildLedgerTemplate, TEMPLATE_SHEET, templateHeadings } from '../../../../electron/node/ledger/ledger-template';
import { ledgerCategories } from '../../../../shared/ledger/categories';

async function workbook(opts: Parameters<typeof buildLedgerTemplate>[0]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildLedgerTemplate(opts)) as unknown as ExcelJS.Buffer);
  return wb;
}

function helpLines(wb: ExcelJS.Workbook): string[] {
  const lines: string[] = [];
  wb.getWorksheet('填写说明')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join('|')));
  return lines;
}

describe('buildLedgerTemplate', () => {
  it('has the columns, a frozen header, drop-downs with the official categories, date cells, an explanation sheet', async () => {
    const bytes = await buildLedgerTemplate({ year: 2025 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(templateHeadings('2021'));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$6"] });
    expect(ws.getCell('G500').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$B$1:$B$6"] });
    expect(ws.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: ["'选项'!$C$1:$C$19"] });
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    const lists = wb.getWorksheet('选项')!;
    expect(lists.state).toBe('hidden');
    const col = (c: number, n: number) => Array.from({ length: n }, (_, i) => lists.getCell(i + 1, c).value);
    expect(col(1, 6)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他组织']);
    expect(col(2, 6)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    expect(col(3, 19)).toContain('3.危及“三安全一稳定”');
    expect(col(3, 19)).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    const help = wb.getWorksheet('填写说明')!;
    const helpText: string[] = [];
    help.eachRow((row) => helpText.push((row.values as unknown[]).slice(1).join('|')));
    expect(helpText).toContain('具体情形（不予公开）|4.保护第三方合法权益|涉及商业秘密、个人隐私等，公开会损害第三方合法权益');
    expect(helpText.filter((l) => l.startsWith('具体情形（'))).toHaveLength(19);
  });

  it('2019 format: one 其他处理 row, so 16 reasons', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildLedgerTemplate({ year: 2020 })) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(TEMPLATE_SHEET)!.getCell('H2').dataValidation).toMatchObject({ formulae: ["'选项'!$C$1:$C$16"] });
  });

  it('prepares the number of rows asked for, and no more', async () => {
    const ws = (await workbook({ year: 2025, rows: 20 })).getWorksheet(TEMPLATE_SHEET)!;
    expect(ws.getCell('D21').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('F21').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D22').dataValidation).toBeFalsy();
    expect(ws.getCell('F22').numFmt).toBeFalsy();
  });

  it('takes the format from the year unless one is given; the explanation sheet names year and format', async () => {
    const byYear = helpLines(await workbook({ year: 2020, rows: 1 }));
    expect(byYear[0]).toBe('2020年政府信息公开申请登记台账 — 填写说明（2019 年格式）');
    const given = await workbook({ year: 2020, format: '2021', rows: 1 });
    expect(helpLines(given)[0]).toBe('2020年政府信息公开申请登记台账 — 填写说明（2021 年格式）');
    expect(given.title).toBe('2020年政府信息公开申请登记台账');
    expect(given.creator).toBe('年报助手');
    expect(given.getWorksheet(TEMPLATE_SHEET)!.getCell('H2').dataValidation).toMatchObject({ formulae: ["'选项'!$C$1:$C$19"] });
  });

  it('says 其他处理 needs a 具体情形 only in the format where it has reasons', async () => {
    const reasonHelp = (lines: string[]) => lines.find((l) => l.startsWith('具体情形|下拉选择|'));
    expect(reasonHelp(helpLines(await workbook({ year: 2025, rows: 1 })))).toBe('具体情形|下拉选择|办理结果为不予公开、无法提供、不予处理、其他处理时必填');
    expect(reasonHelp(helpLines(await workbook({ year: 2020, rows: 1 })))).toBe('具体情形|下拉选择|办理结果为不予公开、无法提供、不予处理时必填');
  });

  it('lists every applicant type and result of the format on the explanation sheet, with its explanation', async () => {
    for (const [year, format] of [[2020, '2019'], [2025, '2021']] as const) {
      const lines = helpLines(await workbook({ year, rows: 1 }));
      const cats = ledgerCategories(format);
      for (const a of cats.applicants) expect(lines).toContain(`申请人类型|${a.listLabel}|${a.explanation}`);
      expect(lines.filter((l) => l.startsWith('办理结果|') && cats.groups.some((g) => l.startsWith(`办理结果|${g.label}|`)))).toHaveLength(cats.groups.length);
      const withReasons = cats.groups.filter((g) => g.reasons.length > 0);
      for (const g of withReasons) expect(lines).toContain(`办理结果|${g.label}|${g.label}，须在“具体情形”中选一项`);
    }
  });
});

describe('templateHeadings', () => {
  it('names the result groups that need a 具体情形 in the heading of that column', () => {
    expect(templateHeadings('2021')[7]).toBe('具体情形（不予公开/无法提供/不予处理/其他处理时填）');
    expect(templateHeadings('2019')[7]).toBe('具体情形（不予公开/无法提供/不予处理时填）');
    expect(templateHeadings('2019').slice(0, 7)).toEqual(templateHeadings('2021').slice(0, 7));
    expect(templateHeadings('2021')).toHaveLength(9);
  });
});
