// Table 3 from the application ledger in the app, against the real main-process handlers: import a ledger
// that is not ours → mapping screen (an unmapped value marked, then mapped) → table 3 next to the current
// one with changes highlighted → drill-down from a cell to its ledger rows → apply (one undo step).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../shared/model/document';
import { EXPECTED_2021, fixtureCsv } from '../shared/ledger/fixture';
import { bridgeIdle, type AppHarness, useE2eApp } from './harness';
import { cellValue, expectNoPageProblems, goToStep } from './helpers';

let app: AppHarness;
useE2eApp((opened) => (app = opened));

// The fixture with foreign words: 公民 for 自然人, 同意公开 for 予以公开, and one value (法人) no rule maps.
const ledgerCsv = () =>
  fixtureCsv()
    .replace('申请人类型', '申请人类别')
    .replace('张三,自然人', '张三,公民')
    .replace('2025-01-20,予以公开', '2025-01-20,同意公开')
    .replace('某村民委员会,其他组织', '某村民委员会,法人');

describe('table 3 from the ledger', () => {
  it('import → mapping → compare → drill-down → apply, one undo step', async () => {
    const { page, dialogs } = app;
    await page.fill('input[name="year"]', '2025');
    await page.fill('input[name="agencyName"]', '黄金镇人民政府');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.locator('.editor').waitFor();
    await goToStep(page, '三、收到和处理政府信息公开申请情况');

    // The template goes where main's save dialog says.
    const template = join(app.documentsDir, '模板.xlsx');
    dialogs.answers.saveLedgerTemplate.push(template);
    await page.getByRole('button', { name: '下载台账模板' }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('已保存台账模板“模板.xlsx”');

    const csv = join(app.documentsDir, '台账.csv');
    writeFileSync(csv, ledgerCsv());
    dialogs.answers.openLedger.push(csv);
    await page.getByRole('button', { name: '从台账生成表三' }).click();
    const mapping = page.getByRole('region', { name: '台账的列与值' });
    await mapping.waitFor();
    expect(await page.getByLabel('“申请人类型”在台账的哪一列').inputValue()).toBe('3');
    expect(await page.getByLabel('申请人类型“公民”对应').inputValue()).toBe('natural');
    expect(await page.getByLabel('办理结果“同意公开”对应').inputValue()).toBe('granted');
    expect(await page.getByLabel('申请人类型“法人”对应').inputValue()).toBe('');
    await expect.poll(() => mapping.locator('tr.unmapped').count()).toBe(1);
    expect(await mapping.textContent()).toContain('有 1 个值还没有对应的类别');
    // Rows per value: 公民 is written once.
    expect(await mapping.locator('tr', { hasText: '公民' }).locator('td.num').textContent()).toBe('1');
    await app.screenshot('ledger-01-mapping');

    // Counting with 法人 unmapped lists its row as not counted…
    await page.getByRole('button', { name: '统计表三' }).click();
    const compare = page.getByRole('region', { name: '台账统计的表三' });
    await compare.waitFor();
    expect(await page.getByRole('region', { name: '不能计入的行' }).textContent()).toContain('第 9 行（序号 8）：申请人类型“法人”');
    // …then back, 法人 → 其他组织, and every row counts.
    await page.getByRole('button', { name: '返回修改对应关系' }).click();
    await page.getByLabel('申请人类型“法人”对应').selectOption('otherOrg');
    await page.getByRole('button', { name: '统计表三' }).click();
    await compare.waitFor();
    expect(await compare.textContent()).toContain('不能计入 0 行');
    const ledgerCell = (key: string) => compare.locator(`button[data-key="${key}"]`);
    expect(await ledgerCell('t3.received.total').textContent()).toBe('9');
    expect(await ledgerCell('t3.other.unpaidFee.otherOrg').textContent()).toBe('1');
    // A blank report: every cell would change.
    expect(await compare.locator('td.changed').count()).toBe(2 * 175);
    await app.screenshot('ledger-02-compare');

    // Drill-down: the rows behind 结转下年度 总计.
    await ledgerCell('t3.carriedOver.total').click();
    const drill = page.getByRole('region', { name: '计入的台账行' });
    await drill.waitFor();
    expect(await drill.locator('tbody tr').count()).toBe(3);
    expect(await drill.locator('tbody tr').first().textContent()).toContain('2025-12-22');
    expect(await drill.locator('h3').textContent()).toContain('“四、结转下年度继续办理”行“总计”列');
    await app.screenshot('ledger-03-drill-down');

    await page.getByRole('button', { name: '全部采用' }).click();
    await compare.waitFor({ state: 'detached' });
    expect(await cellValue(page, 't3.received.natural')).toBe(String(EXPECTED_2021['received.natural']));
    expect(await cellValue(page, 't3.carriedOver.total')).toBe('3');
    expect(await cellValue(page, 't3.granted.research')).toBe('0');
    await app.screenshot('ledger-04-applied');

    // One undo step takes the whole table back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't3.received.natural')).toBe('');
    expect(await cellValue(page, 't3.carriedOver.total')).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellValue(page, 't3.received.natural')).toBe('4');

    // Saved: the file records the ledger it came from.
    const saved = join(app.documentsDir, '2025.nianbao');
    dialogs.answers.saveReport.push(saved);
    await page.keyboard.press('Control+s');
    await bridgeIdle(page);
    await expect.poll(async () => {
      try {
        const { readFileSync } = await import('node:fs');
        const parsed = parseReport(readFileSync(saved, 'utf8'));
        return parsed.ok ? parsed.doc.ledgerSource?.rows : undefined;
      } catch {
        return undefined;
      }
    }).toBe(13);

    // The mapping is remembered for the agency: the next import proposes 法人 → 其他组织.
    dialogs.answers.openLedger.push(csv);
    await page.getByRole('button', { name: '从台账生成表三' }).click();
    await mapping.waitFor();
    expect(await page.getByLabel('申请人类型“法人”对应').inputValue()).toBe('otherOrg');
    await page.getByRole('button', { name: '取消' }).click();
    await expectNoPageProblems(app.problems);
  });
});
