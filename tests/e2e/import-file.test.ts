// 导入 on the start page (a Word document chosen in the dialog) and a file dropped onto the window (a web
// page): the report opens in the editor with every cell as published, said to be unsaved.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../shared/formats/index';
import { pingtan, repoRoot } from '../shared/import/fixtures';
import type { AppHarness } from './harness';
import { cellValue, goToStep, gridValues } from './helpers';
import { useE2eApp } from './harness';

const office = (name: string) => resolve(repoRoot, '..', 'shared', 'samples', 'office', name);
let app: AppHarness;
useE2eApp((a) => (app = a));

async function expectPingtanTable3(): Promise<void> {
  await goToStep(app.page, '三、收到和处理政府信息公开申请情况');
  const shown = await gridValues(app.page, 't3');
  for (const key of formatModel('2021').keysByTable.t3) expect(shown[key], key).toBe(String(pingtan.cells[key]));
}

describe('importing last year’s report from a file', () => {
  it('导入文件… reads a .docx into the editor, unsaved, with every cell of table 3', async () => {
    const { page } = app;
    await app.screenshot('import-file-start');
    app.dialogs.answers.openImport.push(office('pingtan-2022.docx'));
    await page.getByRole('button', { name: '导入文件…' }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => page.locator('.message-bar').innerText()).toContain('已从Word 文档导入');
    await app.screenshot('import-file-docx');
    await expectPingtanTable3();
    expect(await cellValue(page, 't3.received.total')).toBe('74');
  });

  it('a web page dropped onto the window is imported the same way', async () => {
    const { page } = app;
    await page.locator('.top-bar .home').click();
    // The imported report is unsaved: leaving asks first.
    const prompt = page.getByRole('dialog');
    await prompt.waitFor();
    await prompt.getByRole('button', { name: '不保存' }).click();
    await page.locator('.start-page').waitFor();
    const bytes = [...readFileSync(office('pingtan-2022.html'))];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '平潭2022.html', { type: 'text/html' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true }));
    }, bytes);
    await page.locator('.editor').waitFor();
    await expect.poll(() => page.locator('.message-bar').innerText()).toContain('已从网页导入');
    await expectPingtanTable3();
  });

  it('a dropped .doc is refused with what to do, and the editor keeps the report it had', async () => {
    const { page } = app;
    const before = await cellValue(page, 't3.received.natural');
    const bytes = [...readFileSync(resolve(repoRoot, 'tests', 'shared', 'import', 'fixtures', 'bad', 'word97.doc'))];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '去年.doc'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true }));
    }, bytes);
    const prompt = page.getByRole('dialog');
    await prompt.waitFor();
    await prompt.getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => page.locator('.message-bar').innerText()).toContain('“去年.doc”：这是旧版 Word 97-2003');
    await app.screenshot('import-file-refused');
    expect(await cellValue(page, 't3.received.natural')).toBe(before);
  });
});
