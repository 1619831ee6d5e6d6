// Small page helpers shared by the end-to-end scenarios.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatModel } from '../../shared/formats/index';
import type { FormatId, TableId } from '../../shared/formats/types';

export function cell(page: Page, key: string): Locator {
  return page.locator(`input[data-key="${key}"]`);
}

export async function goToStep(page: Page, title: string): Promise<void> {
  await page.locator('.step-rail .step-title', { hasText: title }).first().click();
  await page.locator('#step-heading', { hasText: title }).waitFor();
}

/** Types values into consecutive cells: click the first, then value + Tab for each. */
export async function typeAlong(page: Page, firstKey: string, values: string[]): Promise<void> {
  await cell(page, firstKey).click();
  for (const v of values) {
    if (v !== '') await page.keyboard.type(v);
    await page.keyboard.press('Tab');
  }
}

export async function cellValue(page: Page, key: string): Promise<string> {
  return cell(page, key).inputValue();
}

/** Every value cell of a table as shown in the grid: key → text. */
export async function gridValues(page: Page, table: TableId): Promise<Record<string, string>> {
  return page.$$eval(`table[data-table="${table}"] input[data-key]`, (inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).dataset.key!, (i as HTMLInputElement).value])),
  );
}

export function editableKeys(format: FormatId, table: TableId): string[] {
  const model = formatModel(format);
  return model.keysByTable[table].filter((k) => !model.cellByKey.get(k)!.computed);
}

/** Pastes text at the focused element as a paste from Excel/WPS would arrive (a real paste event
 *  carrying text/plain). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const target = document.activeElement;
    if (!target) throw new Error('nothing focused');
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export async function findingRules(page: Page): Promise<string[]> {
  return page.$$eval('.findings-panel li.finding', (items) => items.map((i) => `${(i as HTMLElement).dataset.rule}|${(i as HTMLElement).dataset.target}`));
}

export async function expectNoPageProblems(problems: string[]): Promise<void> {
  expect(problems, problems.join('\n')).toEqual([]);
}
