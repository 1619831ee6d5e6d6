// 转换格式: a 2020 report in the 2019 format whose year becomes 2021 → meta.formatYear → 转换 → the list of
// what moves, what is left to fill and what is dropped → 确定 → the 2021 tables with the moved values and
// the new cells blank; one undo step; then back to 2019 from 基本信息, where the value 2021 had no place for
// (kept in the history) is proposed again, 待确认 until confirmed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReport, serializeReport } from '../../shared/model/document';
import type { ReportDocument } from '../../shared/model/report';
import { bridgeIdle, useE2eApp, type AppHarness } from './harness';
import { cell, cellValue, findingRules, goToStep } from './helpers';

const T2 = '二、主动公开政府信息情况';
const T3 = '三、收到和处理政府信息公开申请情况';

function write2020(): string {
  const doc = createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇', now: '2026-01-05T09:30:00.000Z' });
  Object.assign(doc.cells, {
    't2.normativeDocs.made': 7,
    't2.licensing.decisions': 356,
    't2.procurement.amount': 88.5,
    't3.received.natural': 10,
    't3.other.natural': 3,
  });
  const path = join(mkdtempSync(join(tmpdir(), 'nianbao-convert-')), '黄金镇2020.nianbao');
  writeFileSync(path, serializeReport(doc));
  return path;
}

let app: AppHarness;
const REPORT_PATH = write2020();
useE2eApp((a) => (app = a), { openBeforeLoad: [REPORT_PATH] });

async function setYear(year: string): Promise<void> {
  const { page } = app;
  await goToStep(page, '基本信息');
  const input = page.locator('input[name="year"]');
  await input.fill(year);
}

const dialog = () => app.page.getByRole('dialog');

describe('转换格式', () => {
  it('a 2020 report moved to 2021: the finding offers 转换, the dialog lists moved / to fill / dropped', async () => {
    const { page } = app;
    await page.locator('.editor').waitFor();
    expect(await findingRules(page)).not.toContain('meta.formatYear|format');
    await setYear('2021');
    await expect.poll(() => findingRules(page)).toContain('meta.formatYear|format');
    const finding = page.locator('.findings-panel li.finding[data-rule="meta.formatYear"]');
    await finding.getByRole('button', { name: '转换' }).click();
    await dialog().waitFor();
    const moved = await page.getByTestId('dialog-list-moved').innerText();
    expect(moved).toContain('移入的数字（4 格）'); // 5 values, 采购总金额 has no place in 2021
    expect(moved).not.toContain('总计'); // computed totals are computed again, not listed
    expect(moved).toContain('表二“规范性文件”行“本年新制作数量”列 → 表二“行政规范性文件”行“本年制发件数”列：7');
    expect(moved).toContain('表三“（六）其他处理”行“自然人”列 → 表三“3.其他”行“自然人”列：3');
    const toFill = await page.getByTestId('dialog-list-to-fill').innerText();
    expect(toFill).toContain('表二“行政规范性文件”行“本年废止件数”列');
    expect(toFill).toContain('表二“行政规范性文件”行“现行有效件数”列');
    expect(toFill).toContain('表二“行政事业性收费”行“本年收费金额（单位：万元）”列');
    expect(toFill).toContain('表三“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”行“自然人”列');
    const dropped = await page.getByTestId('dialog-list-dropped').innerText();
    expect(dropped).toContain('表二“政府集中采购”行“采购总金额”列：88.5');
    await app.screenshot('convert-format-dialog');
  });

  it('取消 leaves the report as it was; 确定 replaces the tables with the 2021 ones', async () => {
    const { page } = app;
    await dialog().getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await findingRules(page)).toContain('meta.formatYear|format');

    await page.locator('.findings-panel li.finding[data-rule="meta.formatYear"]').getByRole('button', { name: '转换' }).click();
    await dialog().getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.locator('.message-bar').innerText()).toContain('已转换为 2021 年版格式');
    await expect.poll(() => findingRules(page)).not.toContain('meta.formatYear|format');

    await goToStep(page, T2);
    expect(await cellValue(page, 't2.normativeDocs.issued')).toBe('7');
    expect(await cellValue(page, 't2.licensing.decisions')).toBe('356');
    expect(await cellValue(page, 't2.normativeDocs.repealed')).toBe('');
    expect(await cellValue(page, 't2.normativeDocs.inForce')).toBe('');
    expect(await cellValue(page, 't2.fees.amount')).toBe('');
    expect(await cell(page, 't2.procurement.amount').count()).toBe(0);
    await app.screenshot('convert-format-t2-2021');
    await goToStep(page, T3);
    expect(await cellValue(page, 't3.other.misc.natural')).toBe('3');
    expect(await cellValue(page, 't3.other.noCorrection.natural')).toBe('');
    expect(await cellValue(page, 't3.other.unpaidFee.natural')).toBe('');
    expect(await cellValue(page, 't3.received.natural')).toBe('10');
    await cell(page, 't3.other.misc.natural').scrollIntoViewIfNeeded();
    await app.screenshot('convert-format-t3-2021');
  });

  it('the conversion is one undo step', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => cell(page, 't3.other.natural').count()).toBe(1);
    expect(await cellValue(page, 't3.other.natural')).toBe('3');
    await page.getByRole('button', { name: '重做' }).click();
    await expect.poll(() => cellValue(page, 't3.other.misc.natural')).toBe('3');
  });

  it('converts back to 2019 from 基本信息: the moved values return, the value kept in the history is proposed (待确认)', async () => {
    const { page } = app;
    await setYear('2020');
    await expect.poll(() => findingRules(page)).toContain('meta.formatYear|format');
    await app.screenshot('convert-format-meta');
    await page.getByRole('button', { name: '转换为 2019 年版格式…' }).click();
    await dialog().waitFor();
    expect(await page.getByTestId('dialog-list-moved').innerText()).toContain('表三“3.其他”行“自然人”列 → 表三“（六）其他处理”行“自然人”列：3');
    expect(await page.getByTestId('dialog-list-dropped').innerText()).toContain('（无）');
    const offered = await page.getByTestId('dialog-list-offered').innerText();
    expect(offered).toContain('按上次转换前的数值建议填入（1 格，待确认）');
    expect(offered).toContain('表二“政府集中采购”行“采购总金额”列：88.5（待确认）');
    expect(await page.getByTestId('dialog-list-to-fill').innerText()).not.toContain('采购总金额');
    await app.screenshot('convert-format-back-dialog');
    await dialog().getByRole('button', { name: '确定' }).click();
    await expect.poll(() => findingRules(page)).not.toContain('meta.formatYear|format');
    expect(await page.locator('.message-bar').innerText()).toContain('1 格按上次转换前的数值建议填入（待确认');
    await goToStep(page, T2);
    expect(await cellValue(page, 't2.normativeDocs.made')).toBe('7');
    expect(await cellValue(page, 't2.licensing.decisions')).toBe('356');
    expect(await cellValue(page, 't2.procurement.amount')).toBe('88.5');
    const amount = cell(page, 't2.procurement.amount');
    expect(await amount.getAttribute('aria-label')).toContain('（按上次转换格式前的数值建议填入，待确认）');
    expect(await amount.locator('xpath=..').locator('.proposed-badge').innerText()).toBe('待确认');
    const panel = page.getByTestId('proposed-panel');
    expect(await panel.getByRole('heading').innerText()).toBe('按上次转换格式前的数值建议填入、待确认的 1 格');
    expect(await panel.innerText()).toContain('88.5');
    expect(await cell(page, 't2.normativeDocs.made').getAttribute('aria-label')).not.toContain('待确认');
    await amount.scrollIntoViewIfNeeded();
    await app.screenshot('convert-format-back-proposed');
    await goToStep(page, T3);
    expect(await cellValue(page, 't3.other.natural')).toBe('3');
    expect(await cellValue(page, 't3.received.natural')).toBe('10');
  });

  it('saves the dropped value in the file’s history', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await bridgeIdle(page);
    await expect.poll(() => page.locator('.top-bar').innerText()).not.toContain('未保存');
    const saved = JSON.parse(readFileSync(REPORT_PATH, 'utf8')) as ReportDocument;
    expect(saved.format).toBe('2019');
    expect(saved.year).toBe(2020);
    expect(saved.cells['t2.normativeDocs.made']).toBe(7);
    expect(saved.history?.map((h) => [h.from, h.to, h.dropped])).toEqual([
      ['2019', '2021', { 't2.procurement.amount': 88.5 }],
      ['2021', '2019', {}],
    ]);
    expect(saved.cells['t2.procurement.amount']).toBe(88.5);
    expect(saved.proposed).toEqual({ cells: ['t2.procurement.amount'], sections: [] });
  });

  it('确认 in the panel makes the offered value the user’s', async () => {
    const { page } = app;
    await goToStep(page, T2);
    await page.getByTestId('proposed-panel').getByRole('button', { name: /^确认 / }).click();
    await expect.poll(() => page.getByTestId('proposed-panel').count()).toBe(0);
    expect(await cellValue(page, 't2.procurement.amount')).toBe('88.5');
    expect(await cell(page, 't2.procurement.amount').getAttribute('aria-label')).not.toContain('待确认');
  });
});
