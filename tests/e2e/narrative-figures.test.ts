// The narrative against the tables in the app: a contradiction typed in section 一 appears in the panel
// and clicking it selects the sentence in the editor; 插入表格数字 inserts the tables' sentences at the
// caret (one undo step each) and no finding results.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReport } from '../../shared/model/document';
import { tableSentence } from '../../shared/narrative/table-sentences';
import { pingtanReport } from '../fixtures/pingtan';
import { type AppHarness, useE2eApp } from './harness';
import { findingRules, goToStep } from './helpers';

const report = pingtanReport();
report.sections.other = '本年度本机关未收取信息处理费。';
const OPENING = '2022年，本机关认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。';
report.sections.overview = OPENING;
const file = join(mkdtempSync(join(tmpdir(), 'nianbao-e2e-figures-')), 'pingtan-2022.nianbao');
writeFileSync(file, serializeReport(report));

const sentenceOf = (table: 't2' | 't3' | 't4') => {
  const r = tableSentence(report, table);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

let app: AppHarness;
useE2eApp((opened) => (app = opened), { openBeforeLoad: [file] });

const overview = () => app.page.locator('#section-overview');
const selection = () =>
  app.page.evaluate(() => {
    const el = document.activeElement as HTMLTextAreaElement;
    return { id: el.id, text: el.value.slice(el.selectionStart, el.selectionEnd) };
  });

describe('narrative figures against the tables', () => {
  it('a contradiction typed in section 一 appears in the panel; clicking it selects the sentence', async () => {
    const { page } = app;
    await page.locator('.editor').waitFor();
    await goToStep(page, '一、总体情况');
    expect(await findingRules(page)).not.toContain('text.numbers|received');
    await overview().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('本年度共收到政府信息公开申请47件，均已按时答复。此外，全年开展培训3次。');
    const finding = page.locator('li.finding[data-rule="text.numbers"][data-target="received"]');
    await finding.waitFor();
    expect(await finding.locator('button.finding-message').textContent()).toContain(
      '其中收到的申请数 47 件与表三“一、本年新收政府信息公开申请数量”行“总计”列的 74 不符（加上年结转 1 件为 75；相差 27）',
    );
    // From another step, the finding brings the user back to the sentence, selected.
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    await finding.locator('button.finding-message').click();
    await page.locator('#step-heading', { hasText: '一、' }).waitFor();
    await expect.poll(selection).toEqual({ id: 'section-overview', text: '本年度共收到政府信息公开申请47件，均已按时答复' });
    await app.screenshot('13-text-numbers-sentence-selected');
    // Correcting the figure clears the finding.
    await page.keyboard.press('Control+z');
    await expect.poll(() => overview().inputValue()).toBe(OPENING);
    await expect.poll(() => finding.count()).toBe(0);
  });

  it('插入表格数字 inserts each table’s sentence at the caret, one undo step each, and no finding results', async () => {
    const { page } = app;
    await goToStep(page, '一、总体情况');
    await overview().click();
    await page.keyboard.press('Control+End');
    const before = await findingRules(page);
    await page.getByRole('button', { name: /^插入表三的数字/ }).click();
    await expect.poll(() => overview().inputValue()).toBe(`${OPENING}\n${sentenceOf('t3')}`);
    await page.getByRole('button', { name: /^插入表四的数字/ }).click();
    await page.getByRole('button', { name: /^插入表二的数字/ }).click();
    const all = `${OPENING}\n${sentenceOf('t3')}\n${sentenceOf('t4')}\n${sentenceOf('t2')}`;
    await expect.poll(() => overview().inputValue()).toBe(all);
    // The caret is after the inserted text, and the checks find nothing new.
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).selectionStart)).toBe(all.length);
    expect((await findingRules(page)).filter((r) => r.startsWith('text.numbers'))).toEqual([]);
    expect(await findingRules(page)).toEqual(before);
    await app.screenshot('14-table-figures-inserted');
    // Each insertion is one undo step.
    await page.keyboard.press('Control+z');
    await expect.poll(() => overview().inputValue()).toBe(`${OPENING}\n${sentenceOf('t3')}\n${sentenceOf('t4')}`);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => overview().inputValue()).toBe(OPENING);
    // Plain text once inserted: a table changed later makes the sentence a finding like any other.
    await page.keyboard.press('Control+y');
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    const granted = page.locator('input[data-key="t3.granted.natural"]');
    await granted.click();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect.poll(() => findingRules(page)).toContain('text.numbers|granted');
  });

  it('refuses to insert a table with blank cells, saying what to do', async () => {
    const { page } = app;
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    const cellInput = page.locator('input[data-key="t3.withheld.stateSecret.natural"]');
    await cellInput.click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await goToStep(page, '一、总体情况');
    const text = await overview().inputValue();
    await page.getByRole('button', { name: /^插入表三的数字/ }).click();
    const notice = page.locator('.message.notice');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain('表三还有空白或无效的单元格，填好后才能插入表三的数字（没有的填 0）。');
    await app.screenshot('15-table-figures-refused');
    expect(await overview().inputValue()).toBe(text);
  });
});
