// import-messages.ts: the importer's advice for a text naming no year (NEEDS_YEAR_ACTION, the CLI's words) and
// what the app says instead (APP_NEEDS_YEAR_ACTION: its small form asks for the year and the agency name;
// APP_NEEDS_LAST_YEAR_ACTION after 从上年报告开始: the year of last year's report).
import { describe, expect, it } from 'vitest';
import { needsYear } from '../../../../electron/node/app-core/import-ask-year';
import { APP_NEEDS_LAST_YEAR_ACTION, APP_NEEDS_YEAR_ACTION, NEEDS_YEAR_ACTION } from '../../../../electron/node/app-core/import-messages';
import { importReportText } from '../../../../shared/import/index';

/** What the importer answers for a text that names no year anywhere. */
function noYearMessage(): string {
  const result = importReportText('一、总体情况\n本机关认真贯彻落实《政府信息公开条例》。\n二、主动公开政府信息情况\n');
  if (result.ok || !result.needsYear) throw new Error('the importer should ask for the year');
  return result.message;
}

describe('NEEDS_YEAR_ACTION', () => {
  it('is the advice the importer ends its needs-year message with', () => {
    expect(noYearMessage().endsWith(NEEDS_YEAR_ACTION)).toBe(true);
  });
});

describe('APP_NEEDS_YEAR_ACTION', () => {
  it('takes the place of the importer’s advice in what the app says, keeping the reason', () => {
    const importer = noYearMessage();
    const app = needsYear(importer).message;
    expect(app).toBe(importer.slice(0, -NEEDS_YEAR_ACTION.length) + APP_NEEDS_YEAR_ACTION);
    expect(app).not.toContain(NEEDS_YEAR_ACTION);
    expect(APP_NEEDS_YEAR_ACTION).toMatch(/年度.*机关名称/);
  });
});

describe('APP_NEEDS_LAST_YEAR_ACTION', () => {
  it('is what 从上年报告开始 says instead: the year asked for is last year’s report’s, the new report the year after', () => {
    const importer = noYearMessage();
    const app = needsYear(importer, true).message;
    expect(app).toBe(importer.slice(0, -NEEDS_YEAR_ACTION.length) + APP_NEEDS_LAST_YEAR_ACTION);
    expect(APP_NEEDS_LAST_YEAR_ACTION).toMatch(/上年报告的年度.*机关名称/);
    expect(APP_NEEDS_LAST_YEAR_ACTION).toContain('下一年');
  });
});
