// Publishing from the app: the date of issue set in 基本信息 ends up in the 落款; 导出网页版 and 导出Word
// write where the save dialog says; the website version, opened in Chromium, copied and pasted into a
// contenteditable (as into a CMS editor), keeps its tables with their merged cells.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/model/document';
import { importReportBytes } from '../../electron/node/import/index';
import { pingtanReport } from '../fixtures/pingtan';
import { withExplanations } from '../electron/node/pdf/helpers';
import { ARTIFACTS, bridgeIdle, type AppHarness, useE2eApp } from './harness';
import { goToStep } from './helpers';

const report = withExplanations(pingtanReport());
const folder = mkdtempSync(join(tmpdir(), 'nianbao-e2e-publish-'));
const file = join(folder, 'pingtan-2022.nianbao');
writeFileSync(file, serializeReport(report));

let app: AppHarness;
useE2eApp((opened) => (app = opened), { openBeforeLoad: [file] });

describe('publishing from the app', () => {
  it('takes the date of issue in 基本信息 and stores it in the file', async () => {
    const { page } = app;
    await goToStep(page, '基本信息');
    await page.locator('input[name="issued"]').fill('2023-01-20');
    await page.keyboard.press('Control+s');
    await bridgeIdle(page);
    await expect.poll(() => JSON.parse(readFileSync(file, 'utf8')).issued).toBe('2023-01-20');
    await app.screenshot('publish-01-basic-information');
  });

  it('导出网页版 and 导出Word write the versions where the save dialog says; both read back to the same cells', async () => {
    const { page } = app;
    await goToStep(page, '检查与导出');
    const html = join(folder, '网页版.html');
    app.dialogs.answers.savePublication.push(html);
    await page.getByRole('button', { name: '导出网页版…' }).click();
    await page.getByTestId('export-result').waitFor();
    await bridgeIdle(page);
    expect(await page.getByTestId('export-result').textContent()).toContain('网页版.html');
    const htmlBytes = readFileSync(html);
    expect(htmlBytes.toString('utf8')).toContain('2023年1月20日');
    const docx = join(folder, 'Word版.docx');
    app.dialogs.answers.savePublication.push(docx);
    await page.getByRole('button', { name: '导出Word…' }).click();
    await expect.poll(() => page.getByTestId('export-result').textContent()).toContain('Word版.docx');
    await app.screenshot('publish-02-exported');
    for (const [bytes, name] of [[htmlBytes, 'r.html'], [readFileSync(docx), 'r.docx']] as const) {
      const back = await importReportBytes(bytes, name);
      if (!back.ok) throw new Error(back.message);
      expect(back.doc.cells).toEqual(report.cells);
      expect(back.doc.issued).toBe('2023-01-20');
    }
  });

  it('导出网页版草稿 and 导出Word草稿 write drafts marked 草稿 — 未定稿，不得公开发布, named （草稿）', async () => {
    const { page } = app;
    const html = join(folder, '网页版草稿.html');
    app.dialogs.answers.savePublication.push(html);
    await page.getByRole('button', { name: '导出网页版草稿…' }).click();
    await expect.poll(() => page.getByTestId('export-result').textContent()).toContain('网页版草稿.html');
    const docx = join(folder, 'Word草稿.docx');
    app.dialogs.answers.savePublication.push(docx);
    await page.getByRole('button', { name: '导出Word草稿…' }).click();
    await expect.poll(() => page.getByTestId('export-result').textContent()).toContain('Word草稿.docx');
    // The save dialogs suggested names that say 草稿.
    expect(app.dialogs.calls.filter((c) => c.kind === 'savePublication').slice(-2).map((c) => c.arg)).toEqual([
      expect.stringMatching(/（草稿）\.html$/),
      expect.stringMatching(/（草稿）\.docx$/),
    ]);
    expect(readFileSync(html, 'utf8')).toContain('<p class="draft-mark"><strong>草稿</strong> — 未定稿，不得公开发布</p>');
    expect(readFileSync(join(folder, '网页版.html'), 'utf8')).not.toContain('草稿');
    const parts = unzipSync(new Uint8Array(readFileSync(docx)));
    const header = Object.keys(parts).find((n) => /^word\/header\d*\.xml$/.test(n));
    expect(strFromU8(parts[header!]!)).toContain('未定稿，不得公开发布');
    const back = await importReportBytes(readFileSync(html), 'r.html');
    if (!back.ok) throw new Error(back.message);
    expect(back.doc.cells).toEqual(report.cells);
  });

  it('the website version copied in Chromium and pasted into a contenteditable keeps its tables', async () => {
    const context = app.page.context();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const source = await context.newPage();
    await source.setViewportSize({ width: 390, height: 844 }); // a phone
    await source.setContent(readFileSync(join(folder, '网页版.html'), 'utf8'));
    await source.screenshot({ path: join(ARTIFACTS, 'publish-03-website-on-a-phone.png'), fullPage: false });
    // Table 3 scrolls sideways inside its box on a phone; the page itself does not.
    const widths = await source.evaluate(() => {
      const box = document.querySelectorAll('.table-box')[1] as HTMLElement;
      return { box: box.clientWidth, table: box.scrollWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth };
    });
    expect(widths.table).toBeGreaterThan(widths.box);
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await source.keyboard.press('Control+a');
    await source.keyboard.press('Control+c');
    const editor = await context.newPage();
    await editor.setContent('<!DOCTYPE html><html><body><div id="cms" contenteditable="true" style="min-height:200px"></div></body></html>');
    await editor.locator('#cms').click();
    await editor.keyboard.press('Control+v');
    await expect.poll(() => editor.locator('#cms table').count()).toBe(3);
    const pasted = await editor.evaluate(() => {
      const tables = [...document.querySelectorAll('#cms table')];
      return tables.map((t) => ({
        rows: t.querySelectorAll('tr').length,
        merged: t.querySelectorAll('[rowspan], [colspan]').length,
        headers: t.querySelectorAll('th').length,
        text: t.textContent ?? '',
      }));
    });
    expect(pasted[1]!.rows).toBe(3 + 25);
    expect(pasted[1]!.merged).toBeGreaterThan(10);
    expect(pasted[1]!.headers).toBeGreaterThan(25);
    expect(pasted[1]!.text.replace(/\s+/g, '')).toContain('（三）不予公开');
    expect(pasted[1]!.text).toContain(String(report.cells['t3.resultsTotal.total']));
    await editor.screenshot({ path: join(ARTIFACTS, 'publish-04-pasted-into-editor.png'), fullPage: false });
    await source.close();
    await editor.close();
  });
});
