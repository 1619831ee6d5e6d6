// A pasted report text with no title and no year: the app asks for the report's year and the agency
// (instead of refusing), then opens the report with them and every cell of the text; 取消 changes nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../shared/formats/index';
import { importReportText } from '../../shared/import/index';
import { reportTitle } from '../../shared/model/report';
import { SEED_TEXT_PATH, useE2eApp, type AppHarness } from './harness';
import { goToStep, gridValues } from './helpers';

/** The published 黄金镇 2019 report with its title and every year taken out. */
const NO_YEAR = readFileSync(SEED_TEXT_PATH, 'utf8').replace('2019年黄金镇政府信息公开工作年度报告', '').replace(/2019年/g, '本年');

let app: AppHarness;
useE2eApp((a) => (app = a));

async function pasteAndImport(): Promise<void> {
  const { page } = app;
  await page.locator('textarea.import-text').fill(NO_YEAR);
  await page.getByRole('button', { name: '导入粘贴的文本' }).click();
  await page.getByTestId('import-year-form').waitFor();
}

describe('importing a text that names no year', () => {
  it('asks for the year and agency; 取消 leaves the start page as it was and opens nothing', async () => {
    const { page } = app;
    await pasteAndImport();
    const form = page.getByTestId('import-year-form');
    expect(await form.getByRole('heading').innerText()).toBe('这份报告是哪一年、哪个机关的？');
    expect(await form.innerText()).toContain('读不出报告年度');
    // The focus is in the form: typing goes to 报告年度.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('importYear');
    await app.screenshot('import-ask-year');
    await form.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await page.locator('.start-page').count()).toBe(1);
    expect(await page.locator('.editor').count()).toBe(0);
    expect(await page.locator('textarea.import-text').inputValue()).toBe(NO_YEAR);
    expect(await page.locator('.message.error').count()).toBe(0);
    expect(app.core.dirtyDocuments()).toEqual([]);
    expect(app.calls.at(-1)?.channel).toBe('import:discard');
  });

  it('refuses a year outside the supported range and an empty agency in the form, saying what to fill', async () => {
    const { page } = app;
    await pasteAndImport();
    const form = page.getByTestId('import-year-form');
    await form.locator('input[name=importYear]').fill('2010');
    await form.locator('input[name=importAgency]').fill('某县人民政府');
    await form.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('年以前的旧格式，年报助手不支持');
    await form.locator('input[name=importYear]').fill('2023');
    await form.locator('input[name=importAgency]').fill('  ');
    await form.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('请填写发布这份报告的机关全称');
    await app.screenshot('import-ask-year-problem');
    expect(app.calls.some((c) => c.channel === 'import:complete')).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    expect(await page.locator('.editor').count()).toBe(0);
  });

  it('with 2023 and 某县人民政府 opens the report of that year and agency, with every cell of the text', async () => {
    const { page } = app;
    await pasteAndImport();
    const form = page.getByTestId('import-year-form');
    await page.keyboard.type('2023');
    await form.locator('input[name=importAgency]').fill('某县人民政府');
    await page.keyboard.press('Enter');
    await page.locator('.editor').waitFor();
    expect(await form.count()).toBe(0);
    const expected = importReportText(NO_YEAR, { year: 2023, agencyName: '某县人民政府' });
    if (!expected.ok) throw new Error(expected.message);
    expect(await page.locator('input[name=year]').inputValue()).toBe('2023');
    expect(await page.locator('input[name=agencyName]').inputValue()).toBe('某县人民政府');
    expect(await page.getByTestId('report-title').inputValue()).toBe(reportTitle(expected.doc));
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await app.screenshot('import-ask-year-imported');
    const model = formatModel(expected.doc.format);
    const steps = { t2: '二、主动公开政府信息情况', t3: '三、收到和处理政府信息公开申请情况', t4: '四、政府信息公开行政复议、行政诉讼情况' } as const;
    for (const table of ['t2', 't3', 't4'] as const) {
      await goToStep(page, steps[table]);
      const shown = await gridValues(page, table);
      for (const key of model.keysByTable[table]) expect(shown[key], key).toBe(String(expected.doc.cells[key] ?? ''));
    }
    expect(expected.doc.cells['t2.normativeDocs.made']).toBe(211);
  });

  it('a dropped text without a year is asked about too; 取消 keeps the report the editor had', async () => {
    const { page } = app;
    const bytes = [...new TextEncoder().encode(NO_YEAR)];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '无标题年报.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true }));
    }, bytes);
    // The imported report is unsaved: the drop asks first.
    await page.getByRole('dialog').getByRole('button', { name: '不保存' }).click();
    const form = page.getByTestId('import-year-form');
    await form.waitFor();
    expect(await form.innerText()).toContain('“无标题年报.txt”');
    // Tab stays in the form.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=import-year-form]') !== null)).toBe(true);
    await form.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(app.calls.at(-1)?.channel).toBe('import:discard');
    await goToStep(page, '基本信息');
    expect(await page.locator('input[name=agencyName]').inputValue()).toBe('某县人民政府');
    expect(await page.locator('input[name=year]').inputValue()).toBe('2023');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
  });
});
