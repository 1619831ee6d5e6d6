// Getting a report in without typing it: the published text of the 黄金镇 2019 report (pasted, and from
// a .txt file), a PDF made by Nianbao; the recovery offer after a crash; and the events main sends
// (menu commands, a file opened from outside, errors).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatModel } from '../../shared/formats/index';
import { importReportText } from '../../shared/import/index';
import { parseReport } from '../../shared/model/document';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { ReportDocument } from '../../shared/model/report';
import { buildRenderer, launchChromium, openApp, SEED_TEXT_PATH, serveStatic, type AppHarness, type StaticServer } from './harness';
import { cell, cellValue, goToStep, gridValues } from './helpers';

const seedText = readFileSync(SEED_TEXT_PATH, 'utf8');
const model = formatModel('2019');

let server: StaticServer;
let browser: Browser;
let app: AppHarness;
let sharedDir: string;
const problems: string[] = [];

let dist: string;

beforeAll(async () => {
  const [built, b] = await Promise.all([buildRenderer(), launchChromium()]);
  dist = built;
  browser = b;
  server = await serveStatic(dist);
  app = await openApp(browser, server.url);
  sharedDir = app.dir;
});

afterAll(async () => {
  await app?.close();
  problems.push(...(app?.problems ?? []));
  await browser?.close();
  await server?.close();
  if (sharedDir) rmSync(sharedDir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

/** Every cell of every table, as the grids show it, equals `doc`'s number. */
async function expectGridsShow(doc: ReportDocument): Promise<void> {
  const { page } = app;
  for (const [table, title] of [
    ['t2', '二、主动公开政府信息情况'],
    ['t3', '三、收到和处理政府信息公开申请情况'],
    ['t4', '四、政府信息公开行政复议、行政诉讼情况'],
  ] as const) {
    await goToStep(page, title);
    const shown = await gridValues(page, table);
    expect(Object.keys(shown).sort()).toEqual([...model.keysByTable[table]].sort());
    for (const key of model.keysByTable[table]) expect(shown[key], key).toBe(String(doc.cells[key]));
  }
}

describe('the built page', () => {
  it('carries the Content Security Policy main sends with app:// pages (less frame-ancestors, which a <meta> cannot set)', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(meta?.[1]).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('importing and recovering', () => {
  it('imports the pasted text of the published 黄金镇 2019 report; every number is in the grids', async () => {
    const { page } = app;
    await page.locator('textarea.import-text').fill(seedText);
    await page.getByRole('button', { name: '导入粘贴的文本' }).click();
    await page.locator('.editor').waitFor();
    // What the importer could not read is listed (the report has no section 六).
    await expect.poll(() => page.locator('.message.warning').textContent()).toContain('六、其他需要报告的事项');
    await expect.poll(() => page.getByTestId('report-title').inputValue()).toBe('2019年黄金镇政府信息公开工作年度报告');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await app.screenshot('20-imported-seed');
    const expected = importReportText(seedText);
    if (!expected.ok) throw new Error(expected.message);
    // The seed's own figures, read off the published text.
    expect(expected.doc.cells['t2.normativeDocs.made']).toBe(211);
    expect(expected.doc.cells['t2.normativeDocs.published']).toBe(10);
    await expectGridsShow(expected.doc);
    await goToStep(page, '二、主动公开政府信息情况');
    await app.screenshot('21-imported-table-2');
  });

  it('takes a negative 本年增/减 typed with the full-width minus, and the procurement unit (2019)', async () => {
    const { page } = app;
    await cell(page, 't2.licensing.change').click();
    await page.keyboard.type('－３');
    await page.keyboard.press('Enter');
    expect(await cellValue(page, 't2.licensing.change')).toBe('-3');
    // A count column still refuses the minus.
    await cell(page, 't2.licensing.decisions').click();
    await page.keyboard.type('-');
    await expect.poll(() => page.locator('.cell-message.error').textContent()).toContain('不能为负数');
    await page.getByRole('radio', { name: '万元' }).check();
    await expect.poll(() => page.locator('table.grid-t2 th', { hasText: '采购总金额' }).textContent()).toBe('采购总金额（单位：万元）');
  });

  it('offers the recovery copy after a crash, with the time it was written, and restores it', async () => {
    await expect.poll(() => app.page.getByTestId('save-state').textContent(), { timeout: 5000 }).toMatch(/^自动保存于/);
    // The app dies without saving: no doc:close, the recovery copy stays.
    await app.close();
    problems.push(...app.problems);
    app = await openApp(browser, server.url, { dir: sharedDir });
    const { page } = app;
    const offer = page.locator('.card.recovery');
    await offer.waitFor();
    const text = await offer.textContent();
    expect(text).toContain('2019年黄金镇政府信息公开工作年度报告');
    expect(text).toMatch(/写于 \d{4}-\d\d-\d\d \d\d:\d\d/);
    await app.screenshot('22-recovery-offer');
    await offer.getByRole('button', { name: '恢复' }).click();
    await page.locator('.editor').waitFor();
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await goToStep(page, '二、主动公开政府信息情况');
    expect(await cellValue(page, 't2.licensing.change')).toBe('-3');
    expect(await page.getByRole('radio', { name: '万元' }).isChecked()).toBe(true);
  });

  it('saves on the menu command, and shows errors main reports', async () => {
    const { page } = app;
    const path = join(app.documentsDir, '黄金镇2019.nianbao');
    app.dialogs.answers.saveReport.push(path);
    await app.emit('menu:command', { command: 'save' });
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    const saved = parseReport(readFileSync(path, 'utf8'));
    expect(saved.ok && saved.doc.cells['t2.licensing.change']).toBe(-3);
    await app.emit('app:error', { code: 'bad-file', message: '无法打开“坏文件.nianbao”：文件内容不完整或已损坏。', problems: ['第 3 行：缺少 cells'] });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('无法打开“坏文件.nianbao”');
    expect(await page.locator('.message.error').textContent()).toContain('第 3 行：缺少 cells');
    await app.screenshot('23-app-error');
    await page.locator('.message.error').getByRole('button', { name: '关闭' }).click();

    // Ctrl+Shift+S saves under a new name.
    const copy = join(app.documentsDir, '黄金镇2019副本.nianbao');
    app.dialogs.answers.saveReport.push(copy);
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => page.locator('.doc-title .file-name').textContent()).toBe('黄金镇2019副本.nianbao');
    expect(app.dialogs.calls.at(-1)?.kind).toBe('saveReport');

    // The close prompt's 保存: main asks the renderer to save every dirty document.
    await goToStep(page, '六、其他需要报告的事项');
    await page.locator('#section-other').fill('无。');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await app.emit('app:saveBeforeClose', {});
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    const closed = parseReport(readFileSync(copy, 'utf8'));
    expect(closed.ok && closed.doc.sections.other).toBe('无。');
    const dirty = app.calls.filter((c) => c.channel === 'doc:setDirty').at(-1);
    expect(dirty?.payload).toMatchObject({ dirty: false });
  });

  it('opens a file given from outside (doc:opened) and a PDF exported by Nianbao', async () => {
    const { page } = app;
    // A draft PDF of the report (drafts export whatever the findings say).
    await goToStep(page, '检查与导出');
    const pdfPath = join(app.documentsDir, '黄金镇2019草稿.pdf');
    app.dialogs.answers.savePdf.push(pdfPath);
    await page.getByRole('button', { name: '导出草稿PDF…' }).click();
    await page.getByTestId('export-result').waitFor();

    // Back to the start page, then open the PDF: the report comes back from the data inside it.
    await page.locator('.top-bar .home').click();
    await page.locator('.start-page').waitFor();
    app.dialogs.answers.openPdf.push(pdfPath);
    await page.getByRole('button', { name: '从PDF导入…' }).click();
    await page.locator('.editor').waitFor();
    await goToStep(page, '二、主动公开政府信息情况');
    expect(await cellValue(page, 't2.normativeDocs.made')).toBe('211');
    expect(await cellValue(page, 't2.licensing.change')).toBe('-3');

    // A file double-clicked outside arrives as doc:opened; the PDF import is not in a file yet, so the
    // user is asked first. A cell edit in progress stays with the report it was typed in.
    await cell(page, 't2.normativeDocs.published').click();
    await page.keyboard.type('7');
    const other = join(app.documentsDir, '黄金镇2019.nianbao');
    const opened = await app.core.openExternalFile(other);
    expect(opened.ok).toBe(true);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('黄金镇2019.nianbao');
    await dialog.getByRole('button', { name: '不保存，直接打开' }).click();
    await expect.poll(() => page.locator('.doc-title .file-name').textContent()).toBe('黄金镇2019.nianbao');
    expect(await page.getByTestId('save-state').textContent()).toBe('已保存');
    await goToStep(page, '二、主动公开政府信息情况');
    expect(await cellValue(page, 't2.normativeDocs.published')).toBe('10');
    expect(await page.getByTestId('save-state').textContent()).toBe('已保存');
  });

  it('opens the file a double-click started the app with (handed to main before the page listened)', async () => {
    const file = join(app.documentsDir, '黄金镇2019.nianbao');
    const cold = await openApp(browser, server.url, { openBeforeLoad: [file] });
    try {
      await cold.page.locator('.editor').waitFor();
      await expect.poll(() => cold.page.locator('.doc-title .file-name').textContent()).toBe('黄金镇2019.nianbao');
      await goToStep(cold.page, '二、主动公开政府信息情况');
      expect(await cellValue(cold.page, 't2.normativeDocs.made')).toBe('211');
      expect(cold.problems).toEqual([]);
    } finally {
      await cold.close();
    }
  });

  it('imports a .txt file chosen in the open dialog, asking first about unsaved changes', async () => {
    const { page } = app;
    await goToStep(page, '基本信息');
    await page.locator('input[name="agencyName"]').fill('黄金镇人民政府');
    await page.locator('.top-bar .home').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await app.screenshot('24-unsaved-prompt');
    await dialog.getByRole('button', { name: '不保存' }).click();
    await page.locator('.start-page').waitFor();
    app.dialogs.answers.openText.push(SEED_TEXT_PATH);
    await page.getByRole('button', { name: '打开文本文件…' }).click();
    await page.locator('.editor').waitFor();
    const expected = importReportText(seedText);
    if (!expected.ok) throw new Error(expected.message);
    await expectGridsShow(expected.doc);
  });

  it('can be used with the keyboard alone: Alt+digit steps, one Tab stop per grid, arrows and F2', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+4');
    await page.locator('#step-heading', { hasText: '三、' }).waitFor();
    // Tab order before the grid: the typed-totals switch, then (table 3 only) the ledger buttons
    // 下载台账模板 and 从台账生成表三; from the last of them Tab enters the grid at its cursor cell.
    await page.getByRole('checkbox', { name: /手工填写合计/ }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('下载台账模板');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('从台账生成表三');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.key)).toBe('t3.received.natural');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.key)).toBe('t3.carriedIn.commercial');
    await page.keyboard.press('F2');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    // F2 keeps the old text and puts the caret after it: 0 then 4 is 04, stored and shown as 4.
    expect(await cellValue(page, 't3.carriedIn.commercial')).toBe('4');
    expect(await cellValue(page, 't3.carriedIn.total')).toBe('4');
    // Shift+Tab from the first cell leaves the grid the way it came.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('从台账生成表三');
    await app.screenshot('25-keyboard');
  });
});
