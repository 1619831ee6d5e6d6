// Rough edges a first-time user runs into, found by walking through the wizard by keyboard at
// 1366×768, each pinned by a scenario against the real main-process handlers: messages that outlived
// their report, Ctrl+Z in a text field undoing something out of sight, typed totals overwritten without
// a word, and more.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../shared/import/index';
import { createReport, serializeReport } from '../../shared/model/document';
import type { ReportDocument } from '../../shared/model/report';
import { SEED_TEXT_PATH, type AppHarness, useE2eApp } from './harness';
import { cell, cellValue, findingRules, goToStep, gridValues, pasteText } from './helpers';

const seedText = readFileSync(SEED_TEXT_PATH, 'utf8');

let app: AppHarness;
useE2eApp((opened) => (app = opened));

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
    await expect.poll(() => page.getByTestId('report-title').inputValue()).toContain('黄金镇人民政府2020年');
    expect(await warning.count()).toBe(0);
  });
});

async function newReport2020(): Promise<void> {
  const { page } = app;
  if ((await page.locator('.start-page').count()) === 0) await backToStart();
  await page.fill('input[name="year"]', '2020');
  await page.fill('input[name="agencyName"]', '黄金镇人民政府');
  await page.locator('input[name="agencyName"]').press('Enter');
  await page.locator('.editor').waitFor();
}

async function activeCellKey(): Promise<string | undefined> {
  return app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key);
}

describe('undo and redo show what they change', () => {
  it('Ctrl+Z in a text area undoes its own typing first, then the change elsewhere, showing where', async () => {
    const { page } = app;
    await newReport2020();
    await goToStep(page, '二、主动公开政府信息情况');
    await cell(page, 't2.regulations.made').click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await goToStep(page, '五、存在的主要问题及改进情况');
    const area = page.locator('#section-problems');
    await area.click();
    await page.keyboard.type('一是公开不够及时。');
    await page.keyboard.press('Control+z');
    await expect.poll(() => area.inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => area.inputValue()).toBe('一是公开不够及时。');
    await page.keyboard.press('Control+z');
    await expect.poll(() => area.inputValue()).toBe('');
    // Nothing of this box is left to undo: the next Ctrl+Z undoes the table cell, and the wizard goes there.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#step-heading').textContent()).toBe('二、主动公开政府信息情况');
    await expect.poll(() => cellValue(page, 't2.regulations.made')).toBe('');
    expect(await page.locator('.message.notice').textContent()).toContain('已撤销“二、主动公开政府信息情况”中的上一步修改');
  });

  it('the 撤销 button and Ctrl+Z/Ctrl+Y in the grid go to the step of the change, cursor on its cell', async () => {
    const { page } = app;
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    // The previous test undid the text typed in 五 and then the 4 typed into table 2: 重做 brings the 4
    // back and shows table 2 with the cell.
    await page.getByRole('button', { name: '重做', exact: true }).click();
    await page.locator('#step-heading', { hasText: '二、主动公开政府信息情况' }).waitFor();
    await expect.poll(() => activeCellKey()).toBe('t2.regulations.made');
    expect(await cellValue(page, 't2.regulations.made')).toBe('4');
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    await cell(page, 't4.review.upheld').click();
    await page.keyboard.press('Control+z');
    await page.locator('#step-heading', { hasText: '二、主动公开政府信息情况' }).waitFor();
    await expect.poll(() => cellValue(page, 't2.regulations.made')).toBe('');
    await expect.poll(() => activeCellKey()).toBe('t2.regulations.made');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellValue(page, 't2.regulations.made')).toBe('4');
    await expect.poll(() => activeCellKey()).toBe('t2.regulations.made');
    // Redo of the text typed in 五 goes there.
    await page.keyboard.press('Control+y');
    await page.locator('#step-heading', { hasText: '五、存在的主要问题及改进情况' }).waitFor();
    await expect.poll(() => page.locator('#section-problems').inputValue()).toBe('一是公开不够及时。');
  });
});

describe('typed totals', () => {
  it('asks before computed totals replace typed ones that differ, keeps them on 保留, and the switch is one undo step', async () => {
    const { page } = app;
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    await cell(page, 't4.review.upheld').click();
    await pasteText(page, '1\t2\t3\t4\n');
    const typed = page.getByRole('checkbox', { name: /手工填写合计/ });
    await typed.check();
    await cell(page, 't4.review.total').click();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    // Unticking: a dialog names the total and both numbers; the default button keeps what was typed.
    await typed.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('表四有 1 个手工填写的合计与各项之和不同');
    expect(await dialog.textContent()).toContain('行政复议，总计：手工填写 99，各项之和 10');
    await app.screenshot('qa-typed-totals-dialog');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await typed.isChecked()).toBe(true);
    expect(await cellValue(page, 't4.review.total')).toBe('99');
    // Esc keeps them too.
    await typed.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await cellValue(page, 't4.review.total')).toBe('99');
    // Confirmed: replaced by the sum, and Ctrl+Z brings the typed total and the setting back.
    await typed.click();
    await dialog.getByRole('button', { name: '改为自动计算' }).click();
    await expect.poll(() => cellValue(page, 't4.review.total')).toBe('10');
    expect(await typed.isChecked()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't4.review.total')).toBe('99');
    expect(await typed.isChecked()).toBe(true);
    // Totals that equal their sums are switched without a question.
    await cell(page, 't4.review.total').click();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await typed.click();
    await expect.poll(() => typed.isChecked()).toBe(false);
    expect(await dialog.count()).toBe(0);
  });
});

describe('六、其他需要报告的事项', () => {
  it('asks for the 信息处理费 statement only in the 2021 format; the provincial sub-items stay optional in both', async () => {
    const { page } = app;
    await goToStep(page, '六、其他需要报告的事项');
    // This is a 2020 report in the 2019 format: no fee demand, no fee button.
    expect(await page.locator('.narrative-step .hint').first().textContent()).not.toContain('信息处理费');
    expect(await page.getByRole('button', { name: /信息处理费/ }).count()).toBe(0);
    await page.locator('summary', { hasText: '可选小标题' }).click();
    await page.getByRole('button', { name: '插入：落实政务公开工作要点情况' }).click();
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe('（一）落实政务公开工作要点情况\n');
    await page.keyboard.type('本年度按要点落实。');
    await page.getByRole('button', { name: '插入：政务公开工作创新情况' }).click();
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe(
      '（一）落实政务公开工作要点情况\n本年度按要点落实。\n（二）政务公开工作创新情况\n',
    );

    await backToStart();
    await page.fill('input[name="year"]', '2021');
    await page.fill('input[name="agencyName"]', '黄金镇人民政府');
    await page.locator('input[name="agencyName"]').press('Enter');
    await page.locator('.editor').waitFor();
    await goToStep(page, '六、其他需要报告的事项');
    expect(await page.locator('.narrative-step .hint').first().textContent()).toContain('收取信息处理费的情况在此处报告');
    await page.getByRole('button', { name: '插入：本年度本机关未收取信息处理费。' }).click();
    await expect.poll(() => page.locator('#section-other').inputValue()).toBe('本年度本机关未收取信息处理费。');
  });
});

describe('the report year', () => {
  it('explains a year before 2019 or after 2100, and takes full-width digits on the start page and in 基本信息', async () => {
    const { page } = app;
    await backToStart();
    const hint = page.locator('.start-page form .hint');
    await page.fill('input[name="year"]', '2018');
    await expect.poll(() => hint.textContent()).toBe('2018 年度的年报使用 2019 年以前的旧格式，年报助手不支持；请填写 2019 年度及以后的年份。');
    await page.fill('input[name="agencyName"]', '黄金镇人民政府');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await expect.poll(() => page.locator('.form-problem').textContent()).toContain('旧格式');
    expect(await page.locator('.editor').count()).toBe(0);
    await page.fill('input[name="year"]', '2101');
    await expect.poll(() => hint.textContent()).toBe('报告年度不能晚于 2100 年。');
    await page.fill('input[name="year"]', '２０２０');
    await expect.poll(() => hint.textContent()).toContain('2020 年度使用2019年版格式');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => page.getByTestId('report-title').inputValue()).toBe('黄金镇人民政府2020年政府信息公开工作年度报告');
    // 基本信息: the year typed through the IME.
    const year = page.locator('.meta-step input[name="year"]');
    await year.fill('２０１９');
    await expect.poll(() => page.getByTestId('report-title').inputValue()).toBe('黄金镇人民政府2019年政府信息公开工作年度报告');
    expect(await page.locator('.meta-step .form-problem').count()).toBe(0);
    await year.fill('2017');
    await expect.poll(() => page.locator('.meta-step .form-problem').textContent()).toContain('旧格式');
    expect(await page.getByTestId('report-title').inputValue()).toBe('黄金镇人民政府2019年政府信息公开工作年度报告');
  });
});

describe('paste from Excel/WPS', () => {
  // The whole 2019 table 2 selected in a spreadsheet laid out like the printed table: sub-table titles,
  // header rows, row names, merged cells copied as value + empty cell, Windows line ends, final newline.
  const table2 = [
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
    '规章\t0\t0\t0',
    '规范性文件\t2\t2\t15',
    '第二十条第（五）项\t\t\t',
    '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
    '行政许可\t12\t-3\t340',
    '其他对外管理服务事项\t4\t－３\t20',
    '第二十条第（六）项\t\t\t',
    '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
    '行政处罚\t30\t0\t25',
    '行政强制\t2\t+1\t0',
    '第二十条第（八）项\t\t\t',
    '信息内容\t上一年项目数量\t本年增/减\t',
    '行政事业性收费\t1\t0\t',
    '第二十条第（九）项\t\t\t',
    '信息内容\t采购项目数量\t采购总金额\t',
    '政府集中采购\t3\t"1,250.5"\t',
  ].join('\r\n') + '\r\n';

  it('takes the whole 2019 table 2 with its titles, headers and row names', async () => {
    const { page } = app;
    await goToStep(page, '二、主动公开政府信息情况');
    await cell(page, 't2.regulations.made').click();
    await pasteText(page, table2);
    await expect.poll(() => page.locator('.cell-message.info').textContent()).toBe(
      '已按行名对应粘贴 8 行、22 格。按 Ctrl+Z 可撤销。',
    );
    const expected: Record<string, string> = {
      't2.normativeDocs.totalPublic': '15',
      't2.licensing.change': '-3',
      't2.otherServices.change': '-3',
      't2.enforcement.change': '1',
      't2.fees.lastYearItems': '1',
      't2.fees.change': '0',
      't2.procurement.items': '3',
      't2.procurement.amount': '1250.5',
    };
    for (const [key, value] of Object.entries(expected)) expect(await cellValue(page, key), key).toBe(value);
    await app.screenshot('qa-paste-table-2');
    // One undo step.
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't2.procurement.amount')).toBe('');
    expect(await cellValue(page, 't2.normativeDocs.totalPublic')).toBe('');
  });

  it('refuses a block too large with what to do; keeps a non-number as pasted, marked, with its reason', async () => {
    const { page } = app;
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    await cell(page, 't4.review.upheld').click();
    await pasteText(page, '1\t2\n3\t4\n');
    await expect.poll(() => page.locator('.cell-message.error').textContent()).toContain('复制的数据有 2 行 × 2 列，从此格起放不下');
    await pasteText(page, '结果维持\t结果纠正\n1\t/\n');
    await expect.poll(() => page.locator('.cell-message.error').first().textContent()).toContain('1 格不是有效的数字');
    expect(await cellValue(page, 't4.review.upheld')).toBe('1');
    expect(await cellValue(page, 't4.review.corrected')).toBe('/');
    await expect.poll(() => findingRules(page)).toContain('cell.invalid|t4.review.corrected');
    // The header row alone is dropped; one row of 15, its totals equal to the sums.
    await pasteText(page, '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t2\t0\t0\t3\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1\n');
    await expect.poll(() => page.locator('.cell-message.info').textContent()).toBe('已粘贴 15 格（已略去一并复制的表头或标题 1 行）。按 Ctrl+Z 可撤销。');
    expect(await cellValue(page, 't4.review.total')).toBe('3');
    expect(await findingRules(page)).not.toContain('cell.invalid|t4.review.corrected');
  });
});

describe('the checks panel', () => {
  // The seed report as a 2020 report with one finding of each kind the panel can send the user to.
  function reportWithFindings(): { doc: ReportDocument; previous: ReportDocument } {
    const imported = importReportText(seedText);
    if (!imported.ok) throw new Error(imported.message);
    const doc = structuredClone(imported.doc);
    doc.year = 2020;
    doc.agency.level = '乡镇';
    doc.settings = { ...doc.settings, typedTotals: ['t3', 't4'] };
    doc.cells['t2.regulations.made'] = 2;
    doc.cells['t3.received.natural'] = (doc.cells['t3.received.natural'] ?? 0) + 5;
    doc.cells['t3.granted.commercial'] = null;
    doc.cells['t4.review.total'] = 99;
    doc.sections.problems = '';
    doc.sections.other = '本机关无其他需要报告的事项。';
    const previous = structuredClone(imported.doc);
    previous.year = 2019;
    previous.cells['t3.carriedOver.total'] = 77;
    return { doc, previous };
  }

  it('goes to the right step and cell or text for each kind of finding', async () => {
    const { page } = app;
    const { doc, previous } = reportWithFindings();
    const path = join(app.documentsDir, 'findings.nianbao');
    const previousPath = join(app.documentsDir, 'previous.nianbao');
    writeFileSync(path, serializeReport(doc));
    writeFileSync(previousPath, serializeReport(previous));
    await openReportFile(path);
    app.dialogs.answers.openImport.push(previousPath);
    await page.getByRole('button', { name: '载入上年报告，对比检查…' }).click();
    await page.locator('.findings-panel .previous', { hasText: 'previous.nianbao' }).waitFor();
    const expected: Record<string, string> = {
      'cell.blank|t3': 'cell:t3.granted.commercial',
      't3.rowSum|received': 'cell:t3.received.total',
      't3.balance|natural': 'cell:t3.received.natural',
      't4.groupSum|review': 'cell:t4.review.total',
      'text.empty|problems': 'text:section-problems',
      't2.regulationsPower|regulations': 'cell:t2.regulations.made',
      'prev.carryOver|total': 'cell:t3.carriedIn.total',
      'prev.jump|review': 'cell:t4.review.total',
    };
    expect((await findingRules(page)).sort()).toEqual(Object.keys(expected).sort());
    for (const [finding, target] of Object.entries(expected)) {
      const [rule, tgt] = finding.split('|');
      await goToStep(page, '基本信息');
      await page.locator(`.findings-panel li.finding[data-rule="${rule}"][data-target="${tgt}"] button.finding-message`).click();
      await expect
        .poll(() =>
          page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            return el?.dataset.key ? `cell:${el.dataset.key}` : el?.tagName === 'TEXTAREA' ? `text:${el.id}` : String(el?.tagName);
          }),
        )
        .toBe(target);
    }
    await app.screenshot('qa-findings-panel');
  });

  it('全部填0 fills only that table’s blanks as one undo step, which Ctrl+Z shows in its table', async () => {
    const { page } = app;
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    const t4Before = await gridValues(page, 't4');
    await page.locator('li.finding[data-rule="cell.blank"][data-target="t3"]').getByRole('button', { name: '全部填0' }).click();
    await expect.poll(() => findingRules(page)).not.toContain('cell.blank|t3');
    expect(await gridValues(page, 't4')).toEqual(t4Before);
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    expect(await cellValue(page, 't3.granted.commercial')).toBe('0');
    // Typed totals stay as they were.
    expect(await cellValue(page, 't3.received.total')).toBe(String(reportWithFindings().doc.cells['t3.received.total']));
    await goToStep(page, '四、政府信息公开行政复议、行政诉讼情况');
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await page.locator('#step-heading', { hasText: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await expect.poll(() => cellValue(page, 't3.granted.commercial')).toBe('');
    await expect.poll(() => activeCellKey()).toBe('t3.granted.commercial');
  });

  it('keeps explanations through save and reopen', async () => {
    const { page } = app;
    const field = page.locator('.findings-panel textarea[data-explain="t2.regulationsPower|regulations"]');
    // Every explanation field has the same label; its description says which finding it explains.
    const description = await field.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(description).toContain('本机关为乡镇机关，没有规章制定权');
    await field.fill('本镇无规章制定权，此处为上级规章在本镇的转发数，已与县司法局核实。');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    await backToStart();
    await page.locator('button.recent', { hasText: 'findings.nianbao' }).click();
    await page.locator('.editor').waitFor();
    await expect.poll(() => field.inputValue()).toBe('本镇无规章制定权，此处为上级规章在本镇的转发数，已与县司法局核实。');
    await goToStep(page, '检查与导出');
    expect(await page.locator('.export-step').textContent()).toContain('已作说明的事项（1）');
    const onExport = page.locator('.export-step textarea[data-explain="t2.regulationsPower|regulations"]');
    expect(await onExport.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toContain('没有规章制定权');
  });
});

describe('keyboard only', () => {
  it('Alt+digit goes to a step with the focus where work starts, so typing goes into it', async () => {
    const { page } = app;
    await goToStep(page, '基本信息');
    await page.keyboard.press('Alt+4');
    await page.locator('#step-heading', { hasText: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await expect.poll(() => activeCellKey()).toBe('t3.received.natural');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await cellValue(page, 't3.received.natural')).toBe('7');
    // Already on the step: the cursor stays where it is.
    await page.keyboard.press('Alt+4');
    await expect.poll(() => activeCellKey()).toBe('t3.carriedIn.natural');
    await page.keyboard.press('Alt+6');
    await page.locator('#step-heading', { hasText: '五、' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-problems');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('agencyName');
    await page.keyboard.press('Alt+8');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    // Every control is reached by Tab with a visible focus ring.
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring).toEqual({ tag: 'BUTTON', outline: 'solid', width: '2px' });
  });
});

describe('Ctrl+Z in a cell', () => {
  it('takes back an unfinished entry (a lone minus) and nothing more', async () => {
    const { page } = app;
    await backToStart();
    await newReport2020();
    await goToStep(page, '二、主动公开政府信息情况');
    await cell(page, 't2.licensing.lastYearItems').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('-');
    expect(await cellValue(page, 't2.licensing.change')).toBe('-');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't2.licensing.change')).toBe('');
    expect(await cellValue(page, 't2.licensing.lastYearItems')).toBe('5');
    // A finished entry is undone as one step, the one before stays.
    await page.keyboard.type('－３');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't2.licensing.change')).toBe('');
    expect(await cellValue(page, 't2.licensing.lastYearItems')).toBe('5');
  });
});

describe('undo after save', () => {
  it('an undo after saving makes the report unsaved again, and the redo back makes it saved', async () => {
    const { page } = app;
    await goToStep(page, '二、主动公开政府信息情况');
    app.dialogs.answers.saveReport.push(join(app.documentsDir, 'undo-after-save.nianbao'));
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('已保存');
    await cell(page, 't2.licensing.decisions').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellValue(page, 't2.licensing.lastYearItems')).toBe('');
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellValue(page, 't2.licensing.lastYearItems')).toBe('5');
    expect(await page.getByTestId('save-state').textContent()).toBe('已保存');
  });
});


describe('F6', () => {
  it('moves the focus out of a table to the checks and back, where Tab would go cell by cell', async () => {
    const { page } = app;
    await goToStep(page, '三、收到和处理政府信息公开申请情况');
    await cell(page, 't3.granted.natural').click();
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.findings-panel .panel-body') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('finding-message');
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.top-bar') !== null)).toBe(true);
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('step');
    await page.keyboard.press('F6');
    // Back in the table, on the cell the cursor was on.
    await expect.poll(() => activeCellKey()).toBe('t3.granted.natural');
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('step');
  });
});
