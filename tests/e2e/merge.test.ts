// 汇总 in the app, against the real main-process handlers: a folder of three units' reports (a report
// file, one of our PDFs, a report file in a sub-folder) with a PDF whose printed tables were changed
// after export, a damaged file and two that are not reports; a roster with a unit that sent nothing. The
// overview's rows and totals, sorting, a unit opened read-only and back, the edited PDF included with its
// printed figures, the summary generated, checked in the editor and saved, the workbook read back; then,
// started again, a unit's corrected resend: the earlier file shown superseded, the sum from the later one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport, serializeReport } from '../../shared/model/document';
import { OFFICE_ROSTER, unitReport, writeOfficeFolder } from '../electron/node/merge/helpers';
import { bridgeIdle, pdfService, SEED_TEXT_PATH, type AppHarness, useE2eApp } from './harness';
import { cellValue, expectNoPageProblems, goToStep } from './helpers';

let app: AppHarness;
useE2eApp((opened) => (app = opened));

const root = mkdtempSync(join(tmpdir(), 'nianbao-e2e-merge-'));
const folder = join(root, '收到的年报');
const roster = join(root, '应报单位.txt');

beforeAll(async () => {
  await writeOfficeFolder(folder, async (doc) => {
    const out = await pdfService().render(doc, { mode: 'final' });
    if (!out.ok) throw new Error(out.error.message);
    return out.pdf;
  });
  writeFileSync(roster, `${OFFICE_ROSTER.join('\n')}\n`);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rowOf = (unit: string) => app.page.locator('.merge-body [role="row"]', { hasText: unit });
const units = () => app.page.$$eval('.merge-body [role="row"] [role="gridcell"]:first-child', (cells) => cells.map((c) => c.textContent));
const total = (id: string) => app.page.locator(`[data-testid="merge-sum"] [data-total="${id}"]`).textContent();
/** The figures of a row under the 收到…诉讼 columns. */
const rowTotals = async (unit: string) => (await rowOf(unit).locator('[role="gridcell"].num').allTextContents()).slice(-5);

describe('汇总多个单位的年报', () => {
  it('reads the folder chosen in main’s dialog: one row per report, the totals, the marked PDF, the damaged file', async () => {
    const { page, dialogs } = app;
    await app.screenshot('merge-00-start-page');
    await page.getByRole('button', { name: '汇总多个单位的年报' }).click();
    await page.locator('.merge-page').waitFor();
    dialogs.answers.openMergeFolder.push(folder);
    await page.getByRole('button', { name: '选择文件夹…' }).click();
    await page.getByTestId('merge-table').waitFor();
    await bridgeIdle(page);
    expect((await units()).sort()).toEqual(['丁镇人民政府', '乙镇人民政府', '县教育局', '甲镇人民政府'].sort());
    // 收到 办结 结转 复议 诉讼 of each unit, and of the sum (丁镇 left out).
    expect(await rowTotals('甲镇人民政府')).toEqual(['12', '11', '1', '1', '0']);
    expect(await rowTotals('乙镇人民政府')).toEqual(['5', '5', '0', '0', '2']);
    expect(await rowTotals('县教育局')).toEqual(['8', '8', '0', '0', '0']);
    // The check status: the bureau's text disagrees with its table (须说明, not explained); the others are clean.
    expect(await rowOf('县教育局').locator('.finding-counts').getAttribute('aria-label')).toBe('错误 0 条，须说明 1 条（已说明 0 条），提示 0 条');
    expect(await rowOf('甲镇人民政府').locator('.finding-counts').getAttribute('aria-label')).toBe('错误 0 条，须说明 0 条（已说明 0 条），提示 0 条');
    expect(await total('received')).toBe('25');
    expect(await total('handled')).toBe('24');
    expect(await total('carriedOver')).toBe('1');
    expect(await total('review')).toBe('1');
    expect(await total('suits')).toBe('2');
    expect(await page.getByTestId('merge-sum').textContent()).toContain('合计（计入的 3 份）');
    const 丁 = rowOf('丁镇人民政府');
    expect(await 丁.textContent()).toContain('有疑问，未计入');
    expect(await 丁.textContent()).toContain('PDF导出后被改动');
    expect(await rowOf('乙镇人民政府').textContent()).toContain('PDF数据（已核对）');
    expect(await rowOf('甲镇人民政府').textContent()).toContain('报告文件');
    const summary = await page.getByTestId('merge-summary').textContent();
    expect(summary).toContain('汇总 2025 年度（2021年版格式）');
    expect(summary).toContain('读到 4 份报告，计入 3 份');
    expect(summary).toContain('读不了 1 个文件');
    expect(summary).toContain('跳过 2 个非报告文件');
    const attention = page.getByRole('region', { name: '需要您知道和决定的事' });
    expect(await attention.textContent()).toMatch(/坏文件\.nianbao：.*(损坏|不完整)/);
    expect(await attention.textContent()).toContain('丁镇人民政府（丁镇.pdf）');
    // The folder came from main's dialog, opened where the user keeps documents.
    expect(dialogs.calls.at(-1)).toEqual({ kind: 'openMergeFolder', arg: app.documentsDir });
    expect(app.calls.filter((c) => c.channel === 'merge:add')).toEqual([{ channel: 'merge:add', payload: { kind: 'folder' } }]);
  });

  it('the roster: the unit that sent nothing named, the fuzzy match confirmed by the user', async () => {
    const { page, dialogs } = app;
    dialogs.answers.openRoster.push(roster);
    await page.getByRole('button', { name: '应报单位名单…' }).click();
    const check = page.getByTestId('merge-roster');
    await check.waitFor();
    expect(await check.textContent()).toContain('未报（2）：某县教育局、己镇人民政府');
    expect(await check.textContent()).toContain('不在名单上：县教育局 —— 是否就是名单中的“某县教育局”？');
    await check.getByRole('button', { name: '是，同一单位' }).click();
    await expect.poll(() => check.textContent()).toContain('未报（1）：己镇人民政府');
    expect(await check.textContent()).not.toContain('不在名单上');
    expect(await page.getByTestId('merge-summary').textContent()).toContain('名单“应报单位.txt”5 个单位，缺 1 个');
    await app.screenshot('merge-01-overview');
  });

  it('sorts by any column, aria-sort saying how', async () => {
    const { page } = app;
    const header = page.locator('[role="columnheader"]', { has: page.locator('[data-column="received"]') });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    expect(await page.locator('[role="columnheader"]', { has: page.locator('[data-column="unit"]') }).getAttribute('aria-sort')).toBe('ascending');
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect((await units())[0]).toBe('甲镇人民政府');
    const received = async () => page.$$eval('.merge-body [role="row"]', (rows) => rows.map((r) => Number(r.querySelectorAll('[role="gridcell"].num')[2]?.textContent)));
    expect(await received()).toEqual([12, 8, 5, 5]);
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await received()).toEqual([5, 5, 8, 12]);
  });

  it('opens a unit read-only with its findings; Esc returns to the overview with the focus on its row', async () => {
    const { page } = app;
    // Keyboard: into the table (one Tab stop), down to 乙镇, Enter.
    await rowOf('甲镇人民政府').locator('[role="gridcell"]').first().click();
    await page.keyboard.press('Home');
    const order = await units();
    for (let i = 0; i < order.indexOf('乙镇人民政府'); i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.textContent ?? '')).toContain('乙镇人民政府');
    await page.keyboard.press('Enter');
    const view = page.getByTestId('unit-view');
    await view.waitFor();
    expect(await view.locator('h2').first().textContent()).toContain('乙镇人民政府');
    expect(await view.textContent()).toContain('只读');
    // Nothing to edit: no input, no text area; the figures as the unit sent them.
    expect(await view.locator('input, textarea, [contenteditable="true"]').count()).toBe(0);
    expect(await view.locator('td[data-key="t3.received.commercial"]').textContent()).toBe('2');
    expect(await view.locator('td[data-key="t4.suitDirect.upheld"]').textContent()).toBe('2');
    expect(await view.getByRole('complementary', { name: '这份报告的检查结果' }).textContent()).toContain('检查结果');
    await app.screenshot('merge-02-unit-read-only');
    await page.keyboard.press('Escape');
    await page.getByTestId('merge-table').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.textContent ?? ''))
      .toContain('乙镇人民政府');
  });

  it('the PDF changed after export: shown with what is printed, counted only when the user names its figures', async () => {
    const { page } = app;
    await rowOf('丁镇人民政府').getByRole('button', { name: '丁镇人民政府' }).click();
    const view = page.getByTestId('unit-view');
    await view.waitFor();
    expect(await view.locator('td[data-key="t3.received.natural"]').textContent()).toBe('5印 50');
    expect(await view.textContent()).toContain('导出后被改动过');
    await view.getByRole('button', { name: '← 返回概览（Esc）' }).click();
    await page.getByRole('button', { name: '计入，采用印出的数字' }).click();
    await expect.poll(() => total('received')).toBe('75');
    expect(await rowOf('丁镇人民政府').textContent()).toContain('计入（印出的数字）');
    expect(await page.getByTestId('merge-sum').textContent()).toContain('合计（计入的 4 份）');
    // Now its printed figures count: they are shown, the embedded data beside them.
    await rowOf('丁镇人民政府').getByRole('button', { name: '丁镇人民政府' }).click();
    await view.waitFor();
    expect(await view.locator('td[data-key="t3.received.natural"]').textContent()).toBe('50内嵌 5');
    await page.keyboard.press('Escape');
    await page.getByTestId('merge-table').waitFor();
  });

  it('builds the summary report of the receiving office: an ordinary report, summed cell by cell, saved through the save dialog', async () => {
    const { page, dialogs } = app;
    await page.getByRole('button', { name: '生成汇总报告…' }).click();
    const form = page.getByRole('dialog', { name: '生成汇总报告' });
    await form.waitFor();
    await form.getByLabel('本机关名称').fill('某县人民政府办公室');
    await form.getByLabel('机关层级').selectOption('县级');
    await form.getByRole('button', { name: '生成' }).click();
    await page.locator('.editor').waitFor();
    expect(await page.locator('.doc-title strong').textContent()).toContain('某县人民政府办公室');
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    // 甲 12 + 乙 3 + 教育局 8 + 丁 (printed) 50.
    expect(await cellValue(page, 't3.received.natural')).toBe('73');
    expect(await cellValue(page, 't3.received.commercial')).toBe('2');
    expect(await cellValue(page, 't3.received.total')).toBe('75');
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    expect(await cellValue(page, 't4.suitDirect.upheld')).toBe('2');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await app.screenshot('merge-05-summary-in-editor');
    const target = join(app.documentsDir, '全县汇总.nianbao');
    dialogs.answers.saveReport.push(target);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    const parsed = parseReport(readFileSync(target, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const saved = parsed.doc;
    expect(saved.cells['t3.received.total']).toBe(75);
    expect(saved.merged?.units.map((u) => u.file).sort()).toEqual(['丁镇.pdf', '乙镇.pdf', '县教育局.nianbao', '甲镇.nianbao'].sort());
    expect(saved.merged?.units.find((u) => u.file === '丁镇.pdf')?.dataUsed).toBe('printed');
  });

  it('back to the overview from the start page; the workbook through the save dialog, read back', async () => {
    const { page, dialogs } = app;
    await page.getByRole('button', { name: '年报助手', exact: true }).click();
    await page.getByRole('button', { name: '回到汇总（4 份报告）' }).click();
    await page.getByTestId('merge-table').waitFor();
    const target = join(root, '全县汇总.xlsx');
    dialogs.answers.saveWorkbook.push(target);
    await page.getByRole('button', { name: '导出Excel…' }).click();
    await expect.poll(() => page.locator('.message.notice').textContent()).toContain('已导出 Excel 工作簿：全县汇总.xlsx');
    expect(dialogs.calls.at(-1)?.kind).toBe('saveWorkbook');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(target) as never);
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(3).values as unknown[];
    const naturalColumn = (sheet.getRow(2).values as unknown[]).findIndex((v, i) => String(v).includes('新收政府信息公开申请数量') && String(header[i]) === '自然人');
    expect(naturalColumn).toBeGreaterThan(0);
    const byUnit = new Map<string, number>();
    for (let r = 4; r <= 7; r++) byUnit.set(String(sheet.getRow(r).getCell(1).value), Number(sheet.getRow(r).getCell(naturalColumn).value));
    expect(Object.fromEntries(byUnit)).toEqual({ 甲镇人民政府: 12, 乙镇人民政府: 3, 县教育局: 8, 丁镇人民政府: 50 });
    const sum = sheet.getRow(8).getCell(naturalColumn).value as { formula: string; result: number };
    expect(sheet.getRow(8).getCell(1).value).toBe('合计');
    expect(sum.result).toBe(73);
    expect(sum.formula).toMatch(/^SUM\([A-Z]+4:[A-Z]+7\)$/);
    await app.screenshot('merge-03-after-export');
  });

  it('a thousand units: only the rows in view are in the page; End reaches the last, sorted', async () => {
    const { page, dialogs } = app;
    const many = join(root, '一千个单位');
    mkdirSync(many);
    for (let i = 1; i <= 1000; i++) {
      const doc = unitReport(`第${String(i).padStart(4, '0')}街道办事处`, { 't3.received.natural': i, 't3.granted.natural': i });
      writeFileSync(join(many, `${i}.nianbao`), serializeReport(doc));
    }
    dialogs.answers.openMergeFolder.push(many);
    await page.getByRole('button', { name: '添加文件夹…' }).click();
    // Reading a thousand files takes a moment: the page says how far main is.
    await page.locator('.merge-busy', { hasText: /已读 \d+\/1000 个文件/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('merge-table').getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe(String(1004 + 2));
    await bridgeIdle(page);
    const rendered = await page.locator('.merge-body [role="row"]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(await total('received')).toBe(String(75 + 500_500));
    await page.locator('[data-column="received"]').click(); // largest first
    await page.locator('.merge-body [role="row"] [role="gridcell"]').first().click();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'))).toBe(String(1004 + 1));
    expect(await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.textContent)).toContain('第0001街道办事处');
    expect(await page.locator('.merge-body [role="row"]').count()).toBeLessThan(60);
    await app.screenshot('merge-04-thousand-units');
  });

  it('a report of another year among them is named; the user chooses which group to sum', async () => {
    const { page, dialogs } = app;
    const seed = join(root, '黄金镇2019.txt');
    writeFileSync(seed, readFileSync(SEED_TEXT_PATH, 'utf8'));
    dialogs.answers.openMergeFiles.push([seed]);
    await page.getByRole('button', { name: '添加报告文件…' }).click();
    const groups = page.getByRole('group', { name: '报告不属同一年度或格式，只汇总其中一组：' });
    await groups.waitFor();
    expect(await groups.getByLabel('2025 年度（2021年版格式）1004 份').isChecked()).toBe(true);
    expect(await groups.textContent()).toContain('未计入：黄金镇（2019 年）');
    await groups.getByLabel('2019 年度（2019年版格式）1 份').check();
    await expect.poll(() => page.getByTestId('merge-summary').textContent()).toContain('汇总 2019 年度（2019年版格式）');
    expect(await page.getByTestId('merge-summary').textContent()).toContain('计入 1 份');
    expect(await page.getByTestId('merge-sum').textContent()).toContain('合计（计入的 1 份）');
    await expectNoPageProblems(app.problems);
  });

  it('a unit’s corrected resend: both rows shown, the later export counts, the sum row follows it', async () => {
    const { page, dialogs } = app;
    const resends = join(root, '重报');
    mkdirSync(resends);
    // 甲镇 sent its report, then a corrected one (exported later, 3 more applications).
    const first = join(resends, '甲镇.nianbao');
    const second = join(resends, '甲镇（更正）.nianbao');
    writeFileSync(first, serializeReport(unitReport('甲镇人民政府', { 't3.received.natural': 12, 't3.granted.natural': 12 }, '2026-01-10T09:00:00.000Z')));
    writeFileSync(second, serializeReport(unitReport('甲镇人民政府', { 't3.received.natural': 15, 't3.granted.natural': 15, 't4.review.upheld': 1 }, '2026-01-20T09:00:00.000Z')));
    await page.getByRole('button', { name: '重新开始' }).click();
    dialogs.answers.openMergeFiles.push([first]);
    await page.getByRole('button', { name: '选择报告文件…' }).click();
    await page.getByTestId('merge-table').waitFor();
    await bridgeIdle(page);
    expect(await total('received')).toBe('12');
    expect(await total('review')).toBe('0');
    expect(await page.getByRole('region', { name: '需要您知道和决定的事' }).count()).toBe(0);

    // The resend arrives: both files are rows of the overview; the later export replaces the first in the sum.
    dialogs.answers.openMergeFiles.push([second]);
    await page.getByRole('button', { name: '添加报告文件…' }).click();
    await expect.poll(() => page.locator('.merge-body [role="row"]').count()).toBe(2);
    await bridgeIdle(page);
    const row = (file: string) => page.locator('.merge-body [role="row"]', { has: page.locator('[role="gridcell"].file', { hasText: file }) });
    expect(await row('甲镇（更正）.nianbao').textContent()).toContain('计入');
    expect(await row('甲镇（更正）.nianbao').locator('.status').textContent()).toBe('计入');
    expect(await row('甲镇.nianbao').locator('.status').textContent()).toBe('已被更正，不计入');
    expect(await row('甲镇.nianbao').locator('.status').getAttribute('title')).toBe('以 甲镇（更正）.nianbao 为准');
    const attention = page.getByRole('region', { name: '需要您知道和决定的事' });
    expect(await attention.textContent()).toContain('同一单位报了两次（1）');
    expect(await attention.textContent()).toContain('甲镇人民政府：甲镇.nianbao 未计入，以 甲镇（更正）.nianbao 为准（导出较晚的一份）。');
    expect(await page.getByTestId('merge-summary').textContent()).toContain('读到 2 份报告，计入 1 份');
    // The sum row: the corrected figures, not the first ones, and not both added up (12 + 15).
    expect(await total('received')).toBe('15');
    expect(await total('handled')).toBe('15');
    expect(await total('review')).toBe('1');
    expect(await page.getByTestId('merge-sum').textContent()).toContain('合计（计入的 1 份）');
    await app.screenshot('merge-06-resend');
    await expectNoPageProblems(app.problems);
  });
});
