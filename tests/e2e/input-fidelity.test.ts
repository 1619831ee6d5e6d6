// What the clerk enters is what the report holds (issue 8), in Chromium with the real clipboard
// (navigator.clipboard.writeText, then Ctrl+V): typed and pasted numbers are stored exactly or kept as
// typed and marked; space-separated and web-table copies land in the right cells; printed totals are
// evidence; to-do versus wrong; the keyboard flow; the title; and the walk-through of a whole 2021
// report copied from a printed one with a wrong 总计.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatModel } from '../../shared/formats/index';
import type { FormatId } from '../../shared/formats/types';
import { CURRENT_SCHEMA_VERSION, type ReportDocument } from '../../shared/model/report';
import { pingtanReport } from '../fixtures/pingtan';
import { bridgeIdle, type AppHarness, useE2eApp } from './harness';
import { cell, cellValue, editableKeys, findingRules, goToStep, typeAlong } from './helpers';

let app: AppHarness;
useE2eApp((opened) => (app = opened));

const sample: ReportDocument = pingtanReport();
const v = (key: string) => String(sample.cells[key]);

/** The real clipboard: write the text, then Ctrl+V into the focused cell. */
async function clipboardPaste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** Table 3 as a published web page copies it: merged row-label cells appear once (rows of 8–10 cells). */
function webCopyOfTable3(format: FormatId, value: (key: string) => string): string {
  const grid = formatModel(format).grids.t3;
  return [...grid.headerRows, ...grid.bodyRows].map((row) => row.map((c) => (c.key ? value(c.key) : (c.text ?? ''))).join('\t')).join('\n') + '\n';
}

async function newReport(year: string, agency: string, level: string): Promise<void> {
  const { page } = app;
  if ((await page.locator('.start-page').count()) === 0) {
    await page.locator('button.home').click();
    const dontSave = page.getByRole('button', { name: '不保存', exact: true });
    await Promise.race([dontSave.waitFor().then(() => dontSave.click()), page.locator('.start-page').waitFor()]);
    await page.locator('.start-page').waitFor();
  }
  await page.fill('input[name="year"]', year);
  await page.fill('input[name="agencyName"]', agency);
  await page.selectOption('select[name="level"]', level);
  await page.getByRole('button', { name: '新建', exact: true }).click();
  await page.locator('.editor').waitFor();
}

const reasonAt = (page: Page, key: string) => page.locator(`td:has(input[data-key="${key}"]) [data-testid="cell-reason"]`);
const activeName = (page: Page) => page.evaluate(() => { const el = document.activeElement as HTMLInputElement | null; return el?.name || el?.dataset.key; });

describe('a new report: to-do, not errors; keyboard flow; the title', () => {
  it('opens with the focus on the first field, the default title by the spec rule, and 待填写 counts instead of red errors', async () => {
    const { page } = app;
    await newReport('2023', '洪泽区人民政府', '县级');
    await expect.poll(() => activeName(page)).toBe('agencyName');
    await expect.poll(() => page.getByTestId('report-title').inputValue()).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
    // Blank cells and empty sections are what is left to do, counted per step — not errors.
    await expect.poll(() => page.locator('.findings-panel .count.todo').textContent()).toMatch(/^待填写 \d+$/);
    expect(await page.locator('.findings-panel .count.error').textContent()).toBe('错误 0');
    expect(await page.locator('.findings-panel .severity-group.error').count()).toBe(0);
    expect(await page.locator('.step-rail .step', { hasText: '三、收到和处理' }).locator('.step-status').textContent()).toBe('待填写 144 处');
    expect(await page.locator('.step-rail .step', { hasText: '一、总体情况' }).locator('.step-status').textContent()).toBe('待填写 1 处');
    // Both still block the final export.
    expect(await page.locator('.step-rail .step', { hasText: '检查与导出' }).locator('.step-status').textContent()).toMatch(/待填写 \d+ 处/);
    // Alt+1…8 are shown in the rail.
    expect(await page.locator('.step-rail .step-key').allTextContents()).toEqual(['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6', 'Alt+7', 'Alt+8']);
    await app.screenshot('i8-todo-counts');
  });

  it('has 上一步 / 下一步 on every step', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^下一步：一、总体情况/ }).click();
    await page.locator('#step-heading', { hasText: '一、总体情况' }).waitFor();
    await page.getByRole('button', { name: /^下一步：二、/ }).click();
    await page.locator('#step-heading', { hasText: '二、主动公开政府信息情况' }).waitFor();
    // The focus is where work starts: the first cell.
    await expect.poll(() => activeName(page)).toBe('t2.regulations.issued');
    await page.getByRole('button', { name: /上一步：一、总体情况/ }).click();
    await page.locator('#step-heading', { hasText: '一、总体情况' }).waitFor();
    await page.getByRole('button', { name: /上一步：基本信息/ }).click();
    await page.locator('#step-heading', { hasText: '基本信息' }).waitFor();
  });

  it('edits the title in 基本信息; a title without the year is an error; 恢复默认标题', async () => {
    const { page } = app;
    const title = page.getByTestId('report-title');
    await title.fill('洪泽区人民政府政府信息公开工作年度报告');
    await expect.poll(() => findingRules(page)).toContain('meta.required|title');
    await title.fill('洪泽区人民政府2023年度政府信息公开工作年度报告');
    await expect.poll(() => findingRules(page)).not.toContain('meta.required|title');
    expect(await page.locator('.top-bar').textContent()).toContain('洪泽区人民政府2023年度政府信息公开工作年度报告');
    await page.getByRole('button', { name: /^恢复默认标题/ }).click();
    await expect.poll(() => title.inputValue()).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
  });
});

describe('typing: exact value or the text kept, marked, with its reason', () => {
  it('1o, l2 and -3 stay as typed with their reasons and are listed as cell.invalid — never stored as 1, 2, 3', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+4');
    await page.locator('#step-heading', { hasText: '三、' }).waitFor();
    await typeAlong(page, 't3.received.natural', ['1o', 'l2', '-3']);
    expect(await cellValue(page, 't3.received.natural')).toBe('1o');
    expect(await cellValue(page, 't3.received.commercial')).toBe('l2');
    expect(await cellValue(page, 't3.received.research')).toBe('-3');
    // One reason at a time, never covering another: the last refused cell's, then the one the cursor is at.
    await expect.poll(() => reasonAt(page, 't3.received.research').textContent()).toContain('不能为负数');
    expect(await reasonAt(page, 't3.received.natural').count()).toBe(0);
    await cell(page, 't3.received.commercial').click();
    await expect.poll(() => reasonAt(page, 't3.received.commercial').textContent()).toContain('“l”不是数字');
    await cell(page, 't3.received.natural').click();
    await expect.poll(() => reasonAt(page, 't3.received.natural').textContent()).toContain('“o”不是数字');
    expect(await reasonAt(page, 't3.received.research').count()).toBe(0);
    const rules = await findingRules(page);
    for (const k of ['natural', 'commercial', 'research']) expect(rules).toContain(`cell.invalid|t3.received.${k}`);
    // Nothing was computed from them: the row's total waits for the corrections.
    expect(await cellValue(page, 't3.received.total')).toBe('');
    await app.screenshot('i8-invalid-cells');
    // Esc on a refused cell hides its reason; the cell stays marked and listed.
    await page.keyboard.press('Escape');
    await expect.poll(() => reasonAt(page, 't3.received.natural').count()).toBe(0);
    expect(await findingRules(page)).toContain('cell.invalid|t3.received.natural');
    // Fixing it removes the mark.
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await expect.poll(() => findingRules(page)).not.toContain('cell.invalid|t3.received.natural');
  });

  it('an amount with 6 decimals is refused, never cut; Ctrl+Enter takes the value rounded half up', async () => {
    const { page } = app;
    await goToStep(page, '二、主动公开政府信息情况');
    await cell(page, 't2.fees.amount').click();
    await page.keyboard.type('5949.088667');
    await page.keyboard.press('Enter');
    expect(await cellValue(page, 't2.fees.amount')).toBe('5949.088667');
    await expect.poll(() => reasonAt(page, 't2.fees.amount').textContent()).toContain('按 Ctrl+Enter 改为 5949.0887');
    expect(await findingRules(page)).toContain('cell.invalid|t2.fees.amount');
    await cell(page, 't2.fees.amount').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => cellValue(page, 't2.fees.amount')).toBe('5949.0887');
    expect(await findingRules(page)).not.toContain('cell.invalid|t2.fees.amount');
  });

  it('a refused entry survives save and reopen', async () => {
    const { page } = app;
    const path = join(app.documentsDir, 'invalid-kept.nianbao');
    app.dialogs.answers.saveReport.push(path);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).not.toBe('未保存');
    await bridgeIdle(page);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion: number; invalidCells?: Record<string, string> };
    expect(saved.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(saved.invalidCells).toEqual({ 't3.received.commercial': 'l2', 't3.received.research': '-3' });
    const opened = await app.core.openExternalFile(path);
    expect(opened.ok).toBe(true);
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    await expect.poll(() => cellValue(page, 't3.received.commercial')).toBe('l2');
    await cell(page, 't3.received.commercial').click();
    await expect.poll(() => reasonAt(page, 't3.received.commercial').textContent()).toContain('“l”不是数字');
  });
});

describe('paste with the real clipboard', () => {
  it('separates numbers copied from a PDF by spaces: 80 1 0 0 0 0 81 fills the row, not one cell with 801000081', async () => {
    const { page } = app;
    await newReport('2022', '平潭综合实验区', '设区的市级');
    await page.keyboard.press('Alt+4');
    await page.locator('#step-heading', { hasText: '三、' }).waitFor();
    await cell(page, 't3.received.natural').click();
    await clipboardPaste(page, '80 1 0 0 0 0 81');
    await expect.poll(() => cellValue(page, 't3.received.natural')).toBe('80');
    expect(await cellValue(page, 't3.received.commercial')).toBe('1');
    expect(await cellValue(page, 't3.received.total')).toBe('81');
    // Three such lines down one column: three rows.
    await cell(page, 't3.carriedIn.natural').click();
    await clipboardPaste(page, '2　2　0　0　0　0　4\n1 0 0 0 0 0 1\n1,234 0 0 0 0 0 1,234\n');
    await expect.poll(() => cellValue(page, 't3.granted.natural')).toBe('1');
    expect(await cellValue(page, 't3.carriedIn.commercial')).toBe('2');
    expect(await cellValue(page, 't3.partlyGranted.natural')).toBe('1234');
    expect(await cellValue(page, 't3.partlyGranted.total')).toBe('1234');
    // The paste's message goes when the cell is left.
    expect(await page.locator('.cell-message.info').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.cell-message.info').count()).toBe(0);
  });

  it('places a table 3 copied from a web page (merged row labels) by its labels, a misspelt one included, as one undo step', async () => {
    const { page } = app;
    const text = webCopyOfTable3('2021', v).replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    await cell(page, 't3.carriedOver.total').click();
    await clipboardPaste(page, text);
    await expect.poll(() => page.locator('.cell-message').first().textContent()).toContain('已按行名对应粘贴 25 行、175 格');
    expect(await page.locator('.cell-message').first().textContent()).toContain('“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”对应');
    for (const key of formatModel('2021').keysByTable.t3) expect(await cellValue(page, key), key).toBe(v(key));
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't3.withheld.prohibitedByLaw.natural')).toBe('');
    expect(await cellValue(page, 't3.received.natural')).toBe('80');
  });

  it('shows the mapping before pasting the one-row （六） of an older report into the three 2021 rows', async () => {
    const { page } = app;
    const old2019 = (key: string) => (key.startsWith('t3.other.') ? '1' : v(key.replace(/^t3\.other\./, 't3.other.misc.')));
    const text = webCopyOfTable3('2019', (key) => (key.startsWith('t3.other.') ? old2019(key) : v(key)));
    await cell(page, 't3.received.natural').click();
    await clipboardPaste(page, text);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('（六）其他处理 → 3.其他；1. 和 2. 填 0');
    await app.screenshot('i8-paste-mapping');
    // 取消: nothing written.
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await cellValue(page, 't3.received.natural')).toBe('80');
    await clipboardPaste(page, text);
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => cellValue(page, 't3.received.natural')).toBe(v('t3.received.natural'));
    expect(await cellValue(page, 't3.other.misc.natural')).toBe('1');
    expect(await cellValue(page, 't3.other.noCorrection.natural')).toBe('0');
    expect(await cellValue(page, 't3.other.unpaidFee.natural')).toBe('0');
    // The rows after （六） are where they belong, not one row off.
    expect(await cellValue(page, 't3.carriedOver.natural')).toBe(v('t3.carriedOver.natural'));
  });
});

describe('printed totals are evidence', () => {
  it('a typed 总计 of 0 next to results of 11 is kept; the sum rule names the 栏 and both numbers; a notice says how to switch back', async () => {
    const { page } = app;
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    await typeAlong(page, 't4.review.upheld', ['6', '5']);
    expect(await cellValue(page, 't4.review.total')).toBe('11');
    await cell(page, 't4.review.total').click();
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    expect(await cellValue(page, 't4.review.total')).toBe('0');
    await expect.poll(() => page.locator('.message.notice').textContent()).toContain('表四已改为“手工填写合计”');
    expect(await page.locator('.message.notice').textContent()).toContain('取消勾选');
    expect(await page.getByRole('checkbox', { name: /手工填写合计/ }).isChecked()).toBe(true);
    const finding = page.locator('li.finding[data-rule="t4.groupSum"][data-target="review"]');
    await expect.poll(() => finding.textContent()).toContain('表四“行政复议”栏“总计”为 0');
    expect(await finding.textContent()).toContain('之和为 11');
  });

  it('cell.implausible: digits run together are a hint even when they balance', async () => {
    const { page } = app;
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    await cell(page, 't3.granted.natural').click();
    await page.keyboard.type('801000081');
    await page.keyboard.press('Enter');
    await expect.poll(() => findingRules(page)).toContain('cell.implausible|t3.granted.natural');
    expect(await page.locator('li.finding[data-rule="cell.implausible"]').first().textContent()).toContain('连在了一起');
  });
});

describe('walk-through: a whole 2021 report copied from a printed copy with a wrong 总计', () => {
  it('shows the printed mistake in the checks in the default mode, and the final export is refused until it is fixed', async () => {
    const { page } = app;
    await newReport('2022', '平潭综合实验区', '设区的市级');
    // Narrative typed.
    await page.keyboard.press('Alt+2');
    await page.locator('#section-overview').fill(sample.sections.overview);
    await page.keyboard.press('Alt+6');
    await page.locator('#section-problems').fill(sample.sections.problems);
    await page.keyboard.press('Alt+7');
    await page.locator('#section-other').fill('本年度本机关未收取信息处理费。');
    // Table 2 typed.
    await page.keyboard.press('Alt+3');
    await page.locator('#step-heading', { hasText: '二、' }).waitFor();
    const t2 = editableKeys('2021', 't2');
    await typeAlong(page, t2[0]!, t2.map(v));
    // Table 3 pasted from the web page.
    await page.keyboard.press('Alt+4');
    await page.locator('#step-heading', { hasText: '三、' }).waitFor();
    await clipboardPaste(page, webCopyOfTable3('2021', v));
    await expect.poll(() => cellValue(page, 't3.resultsTotal.total')).toBe(v('t3.resultsTotal.total'));
    // Table 4 typed as printed: the 行政复议 总计 printed 0 next to results summing to 2.
    await page.keyboard.press('Alt+5');
    await page.locator('#step-heading', { hasText: '四、' }).waitFor();
    const printed = formatModel('2021').keysByTable.t4.map((k) => (k === 't4.review.total' ? '0' : v(k)));
    await typeAlong(page, 't4.review.upheld', printed);
    await expect.poll(() => findingRules(page)).toContain('t4.groupSum|review');
    expect(await page.locator('li.finding[data-rule="t4.groupSum"]').textContent()).toContain('表四“行政复议”栏“总计”为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 2');
    // The final export is refused, naming it.
    await page.keyboard.press('Alt+8');
    app.dialogs.answers.savePdf.push(join(app.documentsDir, 'walk-through.pdf'));
    await page.getByRole('button', { name: '导出正式版PDF…' }).click();
    await page.getByTestId('export-blocked').waitFor();
    expect(await page.getByTestId('export-blocked').textContent()).toContain('表四“行政复议”栏“总计”为 0');
    // Fixed: the export goes through.
    await page.keyboard.press('Alt+5');
    await cell(page, 't4.review.total').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => findingRules(page)).not.toContain('t4.groupSum|review');
    await page.keyboard.press('Alt+8');
    await expect.poll(() => page.getByTestId('export-summary').textContent()).toContain('检查通过');
    await page.getByRole('button', { name: '导出正式版PDF…' }).click();
    await page.getByTestId('export-result').waitFor();
  });
});
