// The words and bounds of the report every layer uses: table names, section headings, the order of the
// report's places (the wizard's steps, where findings and import problems belong), and the report years the
// app supports. Written here once; tests/vocabulary.test.ts fails when one is written out elsewhere.
import { FORMATS } from './definitions';
import type { SectionKey, TableId } from './types';

/** How the official text names each table. */
export const TABLE_NAMES: Readonly<Record<TableId, string>> = { t2: '表二', t3: '表三', t4: '表四' };

/** The six headings of the report (the same in both formats), by section or table. */
export const SECTION_HEADINGS: Readonly<Record<SectionKey | TableId, string>> = Object.fromEntries(
  FORMATS['2021'].sections.map((s) => [s.key, s.heading]),
) as Record<SectionKey | TableId, string>;

/** The report's places in reading order: 基本信息 (meta), then the six sections. A finding, an import
 *  problem and a wizard step each belong to one. */
export const REPORT_PLACES = ['meta', 'overview', 't2', 't3', 't4', 'problems', 'other'] as const;
export type ReportPlace = (typeof REPORT_PLACES)[number];

/** Annual reports exist from 2008, the year the Regulations took effect (a published report of an earlier
 *  year is not one; a title naming one is not read as a report title). */
export const FIRST_REPORT_YEAR = 2008;
/** The first year one of the two official formats covers: the earliest format's first year (2019). */
export const FIRST_SUPPORTED_YEAR = Math.min(...Object.values(FORMATS).map((f) => f.firstYear));
/** The last year a report file may carry. */
export const LAST_SUPPORTED_YEAR = 2100;

/** Why `year` cannot be a report's year, in the words every layer shows (start page, CLI, file, import);
 *  null when it can. */
export function reportYearProblem(year: number): string | null {
  if (!Number.isInteger(year)) return `报告年度“${String(year)}”不是有效的年份，请填写四位年份（如 2024）。`;
  if (year < FIRST_SUPPORTED_YEAR) {
    return `${year} 年度的年报使用 ${FIRST_SUPPORTED_YEAR} 年以前的旧格式，年报助手不支持；请填写 ${FIRST_SUPPORTED_YEAR} 年度及以后的年份。`;
  }
  if (year > LAST_SUPPORTED_YEAR) return `报告年度不能晚于 ${LAST_SUPPORTED_YEAR} 年。`;
  return null;
}

export function isSupportedYear(year: unknown): year is number {
  return typeof year === 'number' && reportYearProblem(year) === null;
}

/** What each place is called where the user reads it (the wizard's steps, the CLI's problem list). */
export const PLACE_NAMES: Readonly<Record<ReportPlace, string>> = { meta: '基本信息', ...SECTION_HEADINGS };
