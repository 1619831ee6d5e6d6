// Typing through a Chinese input method: the IME delivers text without a keydown per character (insertText)
// or as a composition (compositionstart → updates → compositionend). Full-width digits and commas must
// become numbers; letters must be refused in place with a message, and the cell keep its value.
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../shared/model/document';
import { type AppHarness, useE2eApp } from './harness';
import { cell, cellValue, goToStep } from './helpers';

let app: AppHarness;
let page: Page;
let cdp: CDPSession;

useE2eApp((opened) => (app = opened));

beforeAll(async () => {
  page = app.page;
  cdp = await page.context().newCDPSession(page);
  await page.fill('input[name="year"]', '2022');
  await page.fill('input[name="agencyName"]', '某某镇人民政府');
  await page.getByRole('button', { name: '新建', exact: true }).click();
  await page.locator('.editor').waitFor();
  await goToStep(page, '二、主动公开政府信息情况');
});

/** One IME composition: the candidate text shown while composing, then the committed text. */
async function compose(steps: string[], committed: string): Promise<void> {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: committed });
}

describe('input through a Chinese IME', () => {
  it('takes full-width digits and commas committed without keydowns (１０，６９０ → 10690)', async () => {
    await cell(page, 't2.licensing.decisions').click();
    await page.keyboard.insertText('１０，６９０');
    await page.keyboard.press('Enter');
    expect(await cellValue(page, 't2.licensing.decisions')).toBe('10690');
  });

  it('takes a composition that commits full-width digits', async () => {
    await cell(page, 't2.penalties.decisions').click();
    await compose(['２', '２１', '２１１'], '２１１');
    await page.keyboard.press('Enter');
    expect(await cellValue(page, 't2.penalties.decisions')).toBe('211');
  });

  it('refuses a composition of letters or hanzi in place, keeping the value before it', async () => {
    await cell(page, 't2.enforcement.decisions').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await cell(page, 't2.enforcement.decisions').click();
    await compose(['l', 'li', 'liu'], '六');
    const message = page.locator('td:has(input[data-key="t2.enforcement.decisions"]) .cell-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('“六”不是数字');
    await page.keyboard.press('Escape');
    expect(await cellValue(page, 't2.enforcement.decisions')).toBe('7');
  });

  it('warns, naming them, when the text has characters no PDF font has (they would print as boxes)', async () => {
    await goToStep(page, '六、其他需要报告的事项');
    await page.locator('#section-other').fill('本年度未收取信息处理费。𠀀');
    await goToStep(page, '检查与导出');
    await page.getByRole('button', { name: '预览' }).click();
    const warning = page.getByTestId('missing-glyphs');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('“𠀀”');
    await goToStep(page, '六、其他需要报告的事项');
    await page.locator('#section-other').fill('本年度未收取信息处理费。');
    await goToStep(page, '检查与导出');
    await page.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('预览');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('missing-glyphs').count()).toBe(0);
  });

  it('saves what the IME typed as numbers', async () => {
    const path = `${app.documentsDir}/ime.nianbao`;
    app.dialogs.answers.saveReport.push(path);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    const saved = parseReport(readFileSync(path, 'utf8'));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.doc.cells['t2.licensing.decisions']).toBe(10690);
    expect(saved.doc.cells['t2.penalties.decisions']).toBe(211);
    expect(saved.doc.cells['t2.enforcement.decisions']).toBe(7);
  });
});
