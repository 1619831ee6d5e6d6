// A 2021 report written from start to finish in the wizard, against the real main-process handlers:
// new report, all three tables by keyboard and by paste, live checks, an explanation, undo/redo,
// autosave, save, reopen, a save conflict, and the final PDF whose text holds the numbers typed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../shared/formats/index';
import { parseReport, serializeReport } from '../../shared/model/document';
import type { ReportDocument } from '../../shared/model/report';
import { pingtanPreviousReport, pingtanReport } from '../fixtures/pingtan';
import { bridgeIdle, type AppHarness, useE2eApp } from './harness';
import { cell, cellValue, editableKeys, findingRules, goToStep, pasteText, typeAlong } from './helpers';

const sample: ReportDocument = pingtanReport();
const model = formatModel('2021');
const v = (key: string) => String(sample.cells[key]);

let app: AppHarness;
useE2eApp((opened) => (app = opened));

describe('a 2021 report in the wizard', () => {
  it('creates the report from the start page; the format follows the year', async () => {
    const { page } = app;
    await app.screenshot('01-start-page');
    await page.fill('input[name="year"]', '2022');
    await expect.poll(() => page.locator('.start-page .hint').first().textContent()).toContain('2021年版格式');
    await page.fill('input[name="year"]', '2020');
    await expect.poll(() => page.locator('.start-page .hint').first().textContent()).toContain('2019年版格式');
    await page.fill('input[name="year"]', '2022');
    await page.fill('input[name="agencyName"]', '平潭综合实验区');
    await page.selectOption('select[name="level"]', '设区的市级');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => page.getByTestId('report-title').inputValue()).toBe('2022年平潭综合实验区政府信息公开工作年度报告');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    expect(app.calls.map((c) => c.channel)).toEqual(expect.arrayContaining(['prefs:get', 'recovery:list', 'doc:new', 'prefs:setAgency']));
    // Fresh report: every table has blanks, the texts are empty.
    const rules = await findingRules(page);
    expect(rules).toEqual(expect.arrayContaining(['cell.blank|t2', 'cell.blank|t3', 'cell.blank|t4', 'text.empty|overview']));
    await app.screenshot('02-basic-information');
  });

  it('fills table 2 by keyboard, taking full-width digits and commas from a Chinese IME', async () => {
    const { page } = app;
    await goToStep(page, '二、主动公开政府信息情况');
    const keys = editableKeys('2021', 't2');
    // Grid order is the keys' order; licensing typed as an IME would type it.
    const values = keys.map((k) => (k === 't2.licensing.decisions' ? '１０，６９０' : v(k)));
    await typeAlong(page, keys[0]!, values);
    for (const k of keys) expect(await cellValue(page, k), k).toBe(v(k));
    expect(await findingRules(page)).not.toContain('cell.blank|t2');
    // Accessible names come from the row and column labels.
    await expect.poll(() => page.getByRole('textbox', { name: '第二十条第（八）项 行政事业性收费，本年收费金额（单位：万元）' }).inputValue()).toBe('9116.36');
    await app.screenshot('03-table-2');
  });

  it('keeps a refused entry as typed, with its reason next to the cell, and Esc gives the old value back', async () => {
    const { page } = app;
    const target = cell(page, 't2.penalties.decisions');
    const reason = page.locator('td:has(input[data-key="t2.penalties.decisions"]) .cell-message.error');
    for (const [typed, why] of [
      ['a', '“a”不是数字'],
      ['-', '不能为负数'],
      ['1.', '只能填写整数'],
    ] as const) {
      await target.click();
      await page.keyboard.type(typed);
      await expect.poll(() => reason.textContent()).toContain(why);
      expect(await target.inputValue()).toBe(typed);
      await expect.poll(() => findingRules(page)).toContain('cell.invalid|t2.penalties.decisions');
      if (typed === 'a') await app.screenshot('04-refused-keystroke');
      await page.keyboard.press('Escape');
      expect(await target.inputValue()).toBe(v('t2.penalties.decisions'));
      await expect.poll(() => findingRules(page)).not.toContain('cell.invalid|t2.penalties.decisions');
    }
  });

  it('fills table 3 by keyboard and by pasting a TSV block; totals are computed live', async () => {
    const { page } = app;
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    const columns = ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg'];
    // The official table: the same merged header cells as the format's grid, and every cell input
    // named by its row and column labels, no two alike.
    const headerSpans = await page.$$eval('table.grid-t3 thead tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('th')].map((th) => `${th.textContent}|${th.rowSpan}|${th.colSpan}`)),
    );
    expect(headerSpans).toEqual(model.grids.t3.headerRows.map((row) => row.map((c) => `${c.text}|${c.rowSpan}|${c.colSpan}`)));
    const labels = await page.$$eval('table.grid-t3 input', (inputs) => inputs.map((i) => i.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(175);
    expect(new Set(labels).size).toBe(175);
    expect(labels).toContain('三、本年度办理结果 （三）不予公开 4.保护第三方合法权益，申请人情况 法人或其他组织 商业企业');
    // No horizontal scrolling at 1366×768.
    expect(await page.$eval('.work', (el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Row 一 by keyboard: six applicant columns; the 总计 is computed as we go.
    await typeAlong(page, 't3.received.natural', columns.map((c) => v(`t3.received.${c}`)));
    expect(await cellValue(page, 't3.received.total')).toBe('74');
    // Tab from the last applicant column lands on the computed total; typing there starts an edit that
    // Esc takes back (a different total would switch the table to typed totals, see input-fidelity).
    await page.keyboard.type('9');
    expect(await cellValue(page, 't3.received.total')).toBe('9');
    await page.keyboard.press('Escape');
    expect(await cellValue(page, 't3.received.total')).toBe('74');

    // The other 24 rows as copied from a spreadsheet, 7 columns including the totals.
    const rows = model.format.t3.rows.slice(1);
    const tsv = rows.map((r) => [...columns, 'total'].map((c) => v(`t3.${r.key}.${c}`)).join('\t')).join('\r\n') + '\r\n';
    await cell(page, 't3.carriedIn.natural').click();
    await pasteText(page, tsv);
    // Totals are pasted too: equal to their sums, so the table keeps computing them.
    await expect.poll(() => page.locator('.cell-message.info').textContent()).toContain(`已粘贴 ${rows.length * 7} 格`);
    for (const k of model.keysByTable.t3) expect(await cellValue(page, k), k).toBe(v(k));
    expect((await findingRules(page)).filter((r) => r.startsWith('t3.') || r === 'cell.blank|t3')).toEqual([]);
    await app.screenshot('05-table-3-pasted');
  });

  it('shows a t3.balance error while carriedOver does not balance, and drops it when it does', async () => {
    const { page } = app;
    await cell(page, 't3.carriedOver.natural').click();
    await page.keyboard.type('5');
    await expect.poll(() => findingRules(page)).toContain('t3.balance|natural');
    // The cells involved are marked while the finding stands.
    await expect.poll(() => page.locator('td.mark-error input[data-key="t3.carriedOver.natural"]').count()).toBe(1);
    expect(await page.locator('td.mark-error input[data-key="t3.received.natural"]').count()).toBe(1);
    const message = await page.locator('li.finding[data-rule="t3.balance"][data-target="natural"]').textContent();
    expect(message).toContain('5');
    expect(await page.locator('.step-rail .step.current .step-status').textContent()).toMatch(/错误/);
    await app.screenshot('06-balance-error');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => findingRules(page)).not.toContain('t3.balance|natural');
    expect(await page.locator('td.mark-error').count()).toBe(0);
  });

  it('undoes and redoes with Ctrl+Z / Ctrl+Y, a paste being one step', async () => {
    const { page } = app;
    const key = 't3.granted.natural';
    await cell(page, key).click();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    expect(await cellValue(page, key)).toBe('30');
    expect(await cellValue(page, 't3.resultsTotal.total')).toBe('84');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, key)).toBe(v(key));
    expect(await cellValue(page, 't3.resultsTotal.total')).toBe('75');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellValue(page, key)).toBe('30');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, key)).toBe(v(key));
    // Undo past the paste: all 138 cells go back to blank at once, redo brings them back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't3.unavailable.notHeld.natural')).toBe('');
    expect(await cellValue(page, 't3.granted.natural')).toBe('');
    expect(await cellValue(page, 't3.received.natural')).toBe(v('t3.received.natural'));
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellValue(page, 't3.unavailable.notHeld.natural')).toBe(v('t3.unavailable.notHeld.natural'));
    expect(await cellValue(page, 't3.granted.natural')).toBe(v('t3.granted.natural'));
  });

  it('fills table 4: 全部填0 first, then by keyboard, Tab passing over the computed totals', async () => {
    const { page } = app;
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    // The blank-cells finding is one per table, with its fill-with-0 action.
    await page.locator('li.finding[data-rule="cell.blank"][data-target="t4"]').getByRole('button', { name: '全部填0' }).click();
    await expect.poll(() => findingRules(page)).not.toContain('cell.blank|t4');
    expect(await cellValue(page, 't4.review.upheld')).toBe('0');
    expect(await cellValue(page, 't4.review.total')).toBe('0');
    const values = model.keysByTable.t4.map((k) => (model.cellByKey.get(k)!.computed ? '' : v(k)));
    await typeAlong(page, model.keysByTable.t4[0]!, values);
    for (const k of model.keysByTable.t4) expect(await cellValue(page, k), k).toBe(v(k));
    await app.screenshot('07-table-4');
  });

  it('switches table 4 to typed totals, which the sum rule then checks', async () => {
    const { page } = app;
    const typed = page.getByRole('checkbox', { name: /手工填写合计/ });
    await typed.check();
    await cell(page, 't4.review.total').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => findingRules(page)).toContain('t4.groupSum|review');
    await app.screenshot('07b-table-4-typed-totals');
    // Back to computed totals (after confirming that the typed 3 is replaced): the total is the sum
    // again and the finding goes.
    await typed.click();
    await page.getByRole('dialog').getByRole('button', { name: '改为自动计算' }).click();
    await expect.poll(() => cellValue(page, 't4.review.total')).toBe(v('t4.review.total'));
    expect(await findingRules(page)).not.toContain('t4.groupSum|review');
  });

  it('writes the narrative, and explains the confirm finding about 信息处理费', async () => {
    const { page } = app;
    await goToStep(page, '一、总体情况');
    await page.locator('#section-overview').fill(sample.sections.overview);
    // The 2021 format asks for at most 1000 characters here: counted and flagged as a hint.
    await expect.poll(() => page.locator('#count-overview').textContent()).toMatch(/已超出 \d+ 字/);
    await expect.poll(() => findingRules(page)).toContain('text.overviewLength|overview');
    await app.screenshot('08-overview');
    await goToStep(page, '五、存在的主要问题及改进情况');
    await page.locator('#section-problems').fill(sample.sections.problems);
    await goToStep(page, '六、其他需要报告的事项');
    await page.locator('#section-other').fill('无其他需要报告的事项。');
    await expect.poll(() => findingRules(page)).toContain('text.feeStatement|other');
    const explanation = '本机关本年度未收取任何费用，相关情况已在政府信息公开指南中载明。';
    const field = page.locator('textarea[data-explain="text.feeStatement|other"]').first();
    await field.fill(explanation);
    await expect.poll(() => page.locator('.step-rail .step.current .step-status').textContent()).toContain('已完成');
    await app.screenshot('09-other-explained');
    // The ready sentence about 信息处理费 is one click away (and one Ctrl+Z).
    await page.getByRole('button', { name: '插入：本年度本机关未收取信息处理费。' }).click();
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe('无其他需要报告的事项。\n本年度本机关未收取信息处理费。');
    await expect.poll(() => findingRules(page)).not.toContain('text.feeStatement|other');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe('无其他需要报告的事项。');
    // The optional provincial prompts insert a numbered sub-heading at the caret.
    await page.locator('#section-other').press('End');
    await page.locator('summary', { hasText: '可选小标题' }).click();
    await page.getByRole('button', { name: '插入：政务公开工作创新情况' }).click();
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe('无其他需要报告的事项。\n（一）政务公开工作创新情况\n');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe('无其他需要报告的事项。');
  });

  it('goes from a finding about the text to its sentence, selected in the editor', async () => {
    const { page } = app;
    await goToStep(page, '五、存在的主要问题及改进情况');
    await page.locator('#section-problems').fill(`${sample.sections.problems}\n全年共收到政府信息公开申请100件。`);
    const finding = page.locator('li.finding[data-rule="text.numbers"]');
    await finding.first().waitFor();
    await goToStep(page, '一、总体情况');
    await finding.first().locator('button.finding-message').click();
    await page.locator('#step-heading', { hasText: '五、' }).waitFor();
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return { id: el.id, text: el.value.slice(el.selectionStart, el.selectionEnd) };
    });
    expect(selected.id).toBe('section-problems');
    expect(selected.text).toContain('100');
    await app.screenshot('09b-text-finding-selected');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#section-problems').inputValue()).toBe(sample.sections.problems);
    await expect.poll(() => finding.count()).toBe(0);
  });

  it('writes the recovery copy after typing stops and shows when', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 5000 }).toMatch(/^自动保存于 \d\d:\d\d$/);
    expect(app.calls.some((c) => c.channel === 'doc:autosave')).toBe(true);
    expect(readdirSync(join(app.dir, 'data', 'recovery')).length).toBeGreaterThan(0);
    expect(app.calls.filter((c) => c.channel === 'doc:setDirty').map((c) => (c.payload as { dirty: boolean }).dirty)).toContain(true);
  });

  it('saves with Ctrl+S (main asks for the path), and the file holds what was typed', async () => {
    const { page } = app;
    const path = join(app.documentsDir, '平潭2022.nianbao');
    app.dialogs.answers.saveReport.push(path);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    const saved = parseReport(readFileSync(path, 'utf8'));
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.doc.cells).toEqual(sample.cells);
    expect(saved.doc.explanations).toEqual([{ rule: 'text.feeStatement', target: 'other', text: '本机关本年度未收取任何费用，相关情况已在政府信息公开指南中载明。' }]);
    expect(saved.doc.sections.problems).toBe(sample.sections.problems);
    const dirtyCalls = app.calls.filter((c) => c.channel === 'doc:setDirty');
    expect((dirtyCalls.at(-1)!.payload as { dirty: boolean }).dirty).toBe(false);
    await app.screenshot('10-saved');
  });

  it('reopens the file from the recent list with everything in place', async () => {
    const { page } = app;
    await page.locator('.top-bar .home').click();
    await page.locator('.start-page').waitFor();
    // The agency of the last new report is remembered (prefs:setAgency → prefs:get).
    await expect.poll(() => page.inputValue('input[name="agencyName"]')).toBe('平潭综合实验区');
    expect(await page.inputValue('select[name="level"]')).toBe('设区的市级');
    await page.locator('button.recent', { hasText: '平潭2022.nianbao' }).click();
    await page.locator('.editor').waitFor();
    expect(await page.getByTestId('save-state').textContent()).toBe('已保存');
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    for (const k of model.keysByTable.t3) expect(await cellValue(page, k), k).toBe(v(k));
    await goToStep(page, '六、其他需要报告的事项');
    expect(await page.locator('textarea[data-explain="text.feeStatement|other"]').first().inputValue()).toContain('未收取任何费用');
  });

  it('offers 覆盖 / 取消 when the file changed on disk since it was opened', async () => {
    const { page } = app;
    const path = join(app.documentsDir, '平潭2022.nianbao');
    // Another program rewrites the file.
    writeFileSync(path, readFileSync(path, 'utf8').replace('"problems": "', '"problems": "（外部修改）'));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await page.locator('#section-other').fill('无其他需要报告的事项。本年度未收取信息处理费。');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('覆盖');
    await app.screenshot('11-save-conflict');
    await dialog.getByRole('button', { name: '覆盖' }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    expect(readFileSync(path, 'utf8')).toContain('本年度未收取信息处理费');
    expect(readFileSync(path, 'utf8')).not.toContain('（外部修改）');
  });

  it('restores an earlier version from the backups as unsaved changes, one Ctrl+Z away', async () => {
    const { page } = app;
    await goToStep(page, '基本信息');
    await page.getByRole('button', { name: '查看历史版本…' }).click();
    const items = page.locator('.backup-list li');
    await items.first().waitFor();
    // The version another program wrote was kept when 覆盖 replaced it.
    expect(await items.count()).toBeGreaterThanOrEqual(1);
    await items.first().getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(() => page.locator('.message.notice').textContent()).toContain('已恢复');
    expect(await page.getByTestId('save-state').textContent()).not.toBe('已保存');
    await app.screenshot('11a-backups');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    await page.locator('.message.notice').getByRole('button', { name: '关闭' }).click();
  });

  it("compares with last year's report while it is loaded", async () => {
    const { page } = app;
    // Last year's report says 3 applications by natural persons were carried over; this year's says 1.
    const previous = pingtanPreviousReport(sample);
    previous.cells['t3.carriedOver.natural'] = 3;
    previous.cells['t3.carriedOver.total'] = 3;
    previous.cells['t3.resultsTotal.natural'] = (previous.cells['t3.resultsTotal.natural'] ?? 0) - 2;
    const previousPath = join(app.documentsDir, '平潭2021.nianbao');
    writeFileSync(previousPath, serializeReport(previous));
    app.dialogs.answers.openImport.push(previousPath);
    await page.locator('.findings-panel button', { hasText: '载入上年报告' }).click();
    await expect.poll(() => page.locator('.findings-panel .previous').textContent()).toContain('平潭2021.nianbao');
    await expect.poll(() => findingRules(page)).toContain('prev.carryOver|natural');
    await app.screenshot('11b-previous-loaded');
    // Kept in the report until removed (after a confirmation).
    await page.locator('.findings-panel .previous').getByRole('button', { name: '移除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '移除', exact: true }).click();
    await expect.poll(() => findingRules(page)).not.toContain('prev.carryOver|natural');
  });

  it('exports the final PDF, whose text holds the numbers, and previews it', async () => {
    const { page } = app;
    await goToStep(page, '检查与导出');
    await expect.poll(() => page.getByTestId('export-summary').textContent()).toContain('检查通过');
    const pdfPath = join(app.documentsDir, '平潭2022.pdf');
    app.dialogs.answers.savePdf.push(pdfPath);
    await page.getByRole('button', { name: '导出正式版PDF…' }).click();
    await page.getByTestId('export-result').waitFor();
    expect(existsSync(pdfPath)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    // The title breaks over lines in the PDF.
    expect(text.replace(/\s+/g, '')).toContain('2022年平潭综合实验区政府信息公开工作年度报告');
    for (const key of ['t2.normativeDocs.inForce', 't2.licensing.decisions', 't2.penalties.decisions', 't2.fees.amount', 't3.unavailable.notHeld.natural', 't3.resultsTotal.total', 't3.received.total']) {
      expect(text, key).toContain(v(key));
    }
    expect(text).not.toContain('草稿');

    await page.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => app.calls.some((c) => c.channel === 'shell:showItemInFolder(called)' && c.payload === pdfPath)).toBe(true);

    await page.getByRole('button', { name: '预览' }).click();
    await page.getByTestId('preview').waitFor();
    const facts = await page.locator('.preview-facts').textContent();
    expect(facts).toMatch(/\d+ 页，\d+ KB/);
    const href = await page.locator('.preview-facts a').getAttribute('href');
    expect(href).toMatch(/^blob:/);
    // The download link gives the PDF itself (the page's CSP forbids fetching it from a script).
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.preview-facts a').click()]);
    const downloaded = readFileSync((await download.path())!);
    expect(downloaded.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(execFileSync('pdftotext', ['-', '-'], { input: downloaded, encoding: 'utf8' })).toContain(v('t2.licensing.decisions'));
    await bridgeIdle(page);
    await page.waitForTimeout(500);
    await app.screenshot('12-export-preview');
  });

  it('lists the blocking findings when a final export is refused', async () => {
    const { page } = app;
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    await cell(page, 't3.carriedOver.commercial').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await goToStep(page, '检查与导出');
    app.dialogs.answers.savePdf.push(join(app.documentsDir, 'blocked.pdf'));
    await page.getByRole('button', { name: '导出正式版PDF…' }).click();
    await page.getByTestId('export-blocked').waitFor();
    expect(await page.getByTestId('export-blocked').textContent()).toContain('第一项加第二项之和等于第三项加第四项之和');
    await app.screenshot('13-export-blocked');
    // Clicking a listed finding goes to its cell.
    await page.getByTestId('export-blocked').locator('button').first().click();
    await page.locator('#step-heading', { hasText: '三、' }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.key)).toMatch(/^t3\./);
  });
});
