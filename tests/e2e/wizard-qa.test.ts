// Rough edges a first-time user runs into, found by walking through the wizard by keyboard at
// 1366×768, each pinned by a scenario against the real main-process handlers: messages that outlived
// their report, Ctrl+Z in a text field undoing something out of sight, typed totals overwritten without
// a word, and more.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport, serializeReport } from '../../shared/model/document';
import { buildRenderer, launchChromium, openApp, SEED_TEXT_PATH, serveStatic, type AppHarness, type StaticServer } from './harness';
import { cell, cellValue, goToStep } from './helpers';

const seedText = readFileSync(SEED_TEXT_PATH, 'utf8');

let server: StaticServer;
let browser: Browser;
let app: AppHarness;

beforeAll(async () => {
  const [dist, b] = await Promise.all([buildRenderer(), launchChromium()]);
  browser = b;
  server = await serveStatic(dist);
  app = await openApp(browser, server.url);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await server?.close();
  if (app) rmSync(app.dir, { recursive: true, force: true });
  expect(app?.problems ?? []).toEqual([]);
});

/** Back to the start page, answering 不保存 when asked. */
async function backToStart(): Promise<void> {
  const { page } = app;
  await page.locator('button.home').click();
  const dontSave = page.getByRole('button', { name: '不保存', exact: true });
  await Promise.race([dontSave.waitFor().then(() => dontSave.click()), page.locator('.start-page').waitFor()]);
  await page.locator('.start-page').waitFor();
}

/** Opens a report file through the (fake) open dialog, answering 不保存 when asked. */
async function openReportFile(path: string): Promise<void> {
  const { page } = app;
  app.dialogs.answers.openReport.push(path);
  if ((await page.locator('.start-page').count()) === 0) await backToStart();
  await page.getByRole('button', { name: '打开报告文件…' }).click();
  await page.locator('.editor').waitFor();
}

describe('messages belong to the report they are about', () => {
  it('drops the importer’s list of unread parts when going back to the start page or opening another report', async () => {
    const { page } = app;
    const warning = page.locator('.message.warning');
    await page.locator('textarea.import-text').fill(seedText);
    await page.getByRole('button', { name: '导入粘贴的文本' }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => warning.textContent()).toContain('导入时有');
    await backToStart();
    expect(await warning.count()).toBe(0);

    const other = join(app.documentsDir, 'other.nianbao');
    writeFileSync(other, serializeReport(createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇' })));
    await page.locator('textarea.import-text').fill(seedText);
    await page.getByRole('button', { name: '导入粘贴的文本' }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => warning.count()).toBe(1);
    await openReportFile(other);
    await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('2020年黄金镇人民政府');
    expect(await warning.count()).toBe(0);
  });
});
