// The export step's preview: the PDF's pages drawn by pdf.js into canvases under the app's CSP (the
// harness records CSP violations and page errors: none allowed), thumbnails, and 打印 calling the print
// dialog on the rendered pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/model/document';
import { pingtanReport } from '../fixtures/pingtan';
import { withExplanations } from '../electron/node/pdf/helpers';
import { type AppHarness, useE2eApp } from './harness';
import { goToStep } from './helpers';

const file = join(mkdtempSync(join(tmpdir(), 'nianbao-e2e-preview-')), 'pingtan-2022.nianbao');
writeFileSync(file, serializeReport({ ...withExplanations(pingtanReport()), issued: '2023-01-20' }));

let app: AppHarness;
useE2eApp((opened) => (app = opened), { openBeforeLoad: [file] });

/** Share of a canvas's pixels that are dark (text and rules): a blank or failed page has none. */
const inkShare = (page: AppHarness['page'], selector: string) =>
  page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128 && data[i + 3]! > 200) dark++;
    return { dark: dark / (data.length / 4), width: canvas.width, height: canvas.height };
  });

describe('the export preview', () => {
  it('draws every page with pdf.js into canvases, with thumbnails, under the CSP', async () => {
    const { page } = app;
    await goToStep(page, '检查与导出');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    const pages = page.getByTestId('pdf-pages');
    await pages.waitFor();
    const count = Number(await pages.getAttribute('data-pages'));
    expect(count).toBeGreaterThanOrEqual(6);
    await expect.poll(async () => Number(await pages.getAttribute('data-drawn')), { timeout: 60_000 }).toBe(count);
    for (let n = 1; n <= count; n++) {
      const ink = await inkShare(page, `canvas.pdf-sheet[data-page="${n}"]`);
      // A4 proportions, and text on the page (a blank white or black frame fails either way).
      expect(ink.height / ink.width).toBeCloseTo(297 / 210, 1);
      expect(ink.dark, `page ${n}`).toBeGreaterThan(0.002);
      expect(ink.dark, `page ${n}`).toBeLessThan(0.5);
    }
    expect(await page.locator('.pdf-thumb canvas').count()).toBe(count);
    expect((await inkShare(page, '.pdf-thumb:first-child canvas')).dark).toBeGreaterThan(0.002);
    // No iframe and no PDF plugin: the pages are the app's own canvases.
    expect(await page.locator('.preview iframe, .preview embed, .preview object').count()).toBe(0);
    await page.locator('canvas.pdf-sheet[data-page="6"]').scrollIntoViewIfNeeded();
    await app.screenshot('preview-01-pages');
    expect(app.problems).toEqual([]);
  });

  it('打印 opens the print dialog on the rendered pages', async () => {
    const { page } = app;
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => void ((window as unknown as { __printed: number }).__printed += 1);
    });
    await page.getByRole('button', { name: '打印…' }).click();
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    // What the print stylesheet shows: the page canvases, nothing of the app around them.
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => ({
      sheets: [...document.querySelectorAll('.pdf-sheet')].filter((el) => getComputedStyle(el).visibility === 'visible').length,
      heading: getComputedStyle(document.querySelector('#step-heading')!).visibility,
    }));
    await page.emulateMedia({ media: 'screen' });
    expect(visible.sheets).toBe(await page.locator('.pdf-sheet').count());
    expect(visible.heading).toBe('hidden');
  });
});
