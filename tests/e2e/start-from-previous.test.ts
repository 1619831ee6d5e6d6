// 从上年报告开始: last year's report as a Word document → this year's report. 上年结转 is proposed from last
// year's 结转下年度继续办理 and marked in the grid until confirmed or edited; the narrative is offered with a
// banner; last year's figures stay in the file, so prev.carryOver fires when a carried-in cell is changed —
// also after save and reopen. Last year's text naming no year is asked about (上年报告的年度, the agency).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../shared/model/report';
import { repoRoot } from '../shared/import/fixtures';
import { bridgeIdle, SEED_TEXT_PATH, useE2eApp, type AppHarness } from './harness';
import { cell, cellValue, findingRules, goToStep } from './helpers';

const office = (name: string) => resolve(repoRoot, '..', 'shared', 'samples', 'office', name);
/** The published 黄金镇 2019 report with its title and every year taken out: a text naming no year. */
const NO_YEAR = readFileSync(SEED_TEXT_PATH, 'utf8').replace('2019年黄金镇政府信息公开工作年度报告', '').replace(/2019年/g, '本年');
const T3 = '三、收到和处理政府信息公开申请情况';
const CARRIED = ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg'].map((c) => `t3.carriedIn.${c}`);
let app: AppHarness;
useE2eApp((a) => (app = a));

const proposedCells = () =>
  app.page.$$eval('table[data-table="t3"] td.cell.proposed input', (inputs) => inputs.map((i) => (i as HTMLInputElement).dataset.key!));

describe('从上年报告开始', () => {
  it('starts from last year’s .docx: next year, same agency, carriedIn proposed and marked', async () => {
    const { page } = app;
    await app.screenshot('start-from-previous-start');
    app.dialogs.answers.openImport.push(office('pingtan-2022.docx'));
    await page.getByRole('button', { name: '从上年报告开始…' }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => page.locator('.message-bar').innerText()).toContain('已从上年报告（Word 文档）新建');
    expect(await page.locator('input[name="agencyName"]').inputValue()).toContain('平潭综合实验区');
    await expect.poll(() => page.getByTestId('previous-kept').innerText()).toContain('2022 年度报告（pingtan-2022.docx，Word 文档）');
    await app.screenshot('start-from-previous-meta');

    await goToStep(page, T3);
    expect((await proposedCells()).sort()).toEqual([...CARRIED].sort());
    for (const key of CARRIED) expect(await cellValue(page, key)).toBe('0');
    expect(await cell(page, 't3.carriedIn.natural').getAttribute('aria-label')).toContain('按上年报告建议填入，待确认');
    await expect.poll(() => page.getByTestId('proposed-panel').innerText()).toContain('待确认的 6 格');
    // Last year's carriedOver equals the proposal: no carry-over finding.
    expect((await findingRules(page)).some((r) => r.startsWith('prev.carryOver'))).toBe(false);
    await app.screenshot('start-from-previous-t3-proposed');
  });

  it('确认 takes one mark away; typing a different number takes the mark away and prev.carryOver fires', async () => {
    const { page } = app;
    const panel = page.getByTestId('proposed-panel');
    await panel.getByRole('button', { name: /^确认 二、上年结转政府信息公开申请数量，.*商业企业/ }).click();
    await expect.poll(proposedCells).not.toContain('t3.carriedIn.commercial');
    expect(await cellValue(page, 't3.carriedIn.commercial')).toBe('0');

    await cell(page, 't3.carriedIn.natural').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellValue(page, 't3.carriedIn.natural')).toBe('2');
    await expect.poll(proposedCells).not.toContain('t3.carriedIn.natural');
    await expect.poll(() => findingRules(page)).toContain('prev.carryOver|natural');
    const message = await page.locator('.findings-panel li.finding[data-rule="prev.carryOver"][data-target="natural"]').innerText();
    expect(message).toContain('上年报告“四、结转下年度继续办理”行“自然人”列为 0');
    expect((await proposedCells()).length).toBe(4);
    await app.screenshot('start-from-previous-carryover');
  });

  it('offers last year’s text with a banner until it is edited; prev.identical warns while 五 is unchanged', async () => {
    const { page } = app;
    expect(await findingRules(page)).toContain('prev.identical|problems');
    await goToStep(page, '五、存在的主要问题及改进情况');
    await expect.poll(() => page.getByTestId('proposed-banner').innerText()).toContain('2022 年度报告的原文，仅作为起点');
    await app.screenshot('start-from-previous-banner');
    const area = page.locator('#section-problems');
    await area.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('本年新增：');
    await expect.poll(() => page.getByTestId('proposed-banner').count()).toBe(0);
    await goToStep(page, '一、总体情况');
    expect(await page.getByTestId('proposed-banner').count()).toBe(1);
  });

  it('survives save and reopen: the previous block, the marks left and prev.carryOver', async () => {
    const { page } = app;
    const path = join(app.documentsDir, '平潭2023.nianbao');
    app.dialogs.answers.saveReport.push(path);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).not.toBe('未保存');
    await bridgeIdle(page);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as ReportDocument;
    expect(saved.year).toBe(2023);
    expect(saved.previous?.source).toEqual({ fileName: 'pingtan-2022.docx', kind: 'docx' });
    expect(saved.previous?.cells['t3.carriedOver.natural']).toBe(0);
    expect(saved.proposed?.cells.sort()).toEqual(CARRIED.filter((k) => !k.endsWith('natural') && !k.endsWith('commercial')).sort());
    expect(saved.proposed?.sections).toEqual(['overview', 'other']);

    const opened = await app.core.openExternalFile(path);
    expect(opened.ok).toBe(true);
    await goToStep(page, T3);
    await expect.poll(() => findingRules(page)).toContain('prev.carryOver|natural');
    expect((await proposedCells()).length).toBe(4);
    await page.getByTestId('proposed-panel').getByRole('button', { name: /^全部确认/ }).click();
    await expect.poll(proposedCells).toEqual([]);
    expect(await page.getByTestId('proposed-panel').count()).toBe(0);
    await app.screenshot('start-from-previous-reopened-confirmed');
  });

  it('loading another report for comparison replaces the kept one only after a confirmation; it can be removed', async () => {
    const { page } = app;
    await goToStep(page, '基本信息');
    app.dialogs.answers.openImport.push(office('pingtan-2022.html'));
    await page.getByRole('button', { name: '换一份上年报告…' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('本报告中已保存上年报告：2022 年度报告（pingtan-2022.docx，Word 文档）');
    await app.screenshot('start-from-previous-replace');
    await dialog.getByRole('button', { name: '替换' }).click();
    await expect.poll(() => page.getByTestId('previous-kept').innerText()).toContain('pingtan-2022.html，网页');
    await expect.poll(() => findingRules(page)).toContain('prev.carryOver|natural');

    await page.getByRole('button', { name: '移除上年报告' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '移除', exact: true }).click();
    await expect.poll(() => page.getByTestId('previous-kept').count()).toBe(0);
    await expect.poll(() => findingRules(page)).not.toContain('prev.carryOver|natural');
  });
  it('last year’s text naming no year: asks for 上年报告的年度 and the agency, then begins the next year’s report from it', async () => {
    const { page } = app;
    await page.locator('button.home').click();
    const dontSave = page.getByRole('button', { name: '不保存', exact: true });
    await Promise.race([dontSave.waitFor().then(() => dontSave.click()), page.locator('.start-page').waitFor()]);
    await page.locator('.start-page').waitFor();
    const path = join(app.documentsDir, '上年年报.txt');
    writeFileSync(path, NO_YEAR);
    app.dialogs.answers.openImport.push(path);
    await page.getByRole('button', { name: '从上年报告开始…' }).click();
    const form = page.getByTestId('import-year-form');
    await form.waitFor();
    expect(await form.getByRole('heading').innerText()).toBe('这份上年报告是哪一年、哪个机关的？');
    expect(await form.innerText()).toContain('“上年年报.txt”');
    expect(await form.innerText()).toContain('请填写上年报告的年度和机关名称');
    expect(await form.locator('label', { has: page.locator('input[name=importYear]') }).innerText()).toContain('上年报告的年度');
    expect(await page.locator('.message.error').count()).toBe(0);
    expect(await page.locator('.editor').count()).toBe(0);
    await app.screenshot('start-from-previous-ask-year');

    await page.keyboard.type('2019');
    await form.locator('input[name=importAgency]').fill('黄金镇人民政府');
    await form.getByRole('button', { name: '从它开始' }).click();
    await page.locator('.editor').waitFor();
    expect(await form.count()).toBe(0);
    expect(app.calls.filter((c) => c.channel === 'import:complete')).toEqual([{ channel: 'import:complete', payload: { importId: expect.any(String), year: 2019, agencyName: '黄金镇人民政府' } }]);
    await expect.poll(() => page.locator('.message-bar').innerText()).toContain('已从上年报告（文本）新建');
    expect(await page.locator('.message-bar').innerText()).toContain('标为“待确认”的格请逐一核对后确认');
    expect(await page.locator('input[name=year]').inputValue()).toBe('2020');
    expect(await page.locator('input[name=agencyName]').inputValue()).toBe('黄金镇人民政府');
    await expect.poll(() => page.getByTestId('previous-kept').innerText()).toContain('2019 年度报告（上年年报.txt，文本）');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await app.screenshot('start-from-previous-no-year-begun');
  });
});
