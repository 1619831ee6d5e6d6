// The report's vocabulary: table names and section headings agree with the formats, the places of the report
// in reading order, and the report years supported (those a format covers, up to LAST_SUPPORTED_YEAR).
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../shared/formats/definitions';
import { TABLE_IDS } from '../../../shared/formats/types';
import {
  FIRST_REPORT_YEAR,
  FIRST_SUPPORTED_YEAR,
  isSupportedYear,
  LAST_SUPPORTED_YEAR,
  PLACE_NAMES,
  REPORT_PLACES,
  reportYearProblem,
  SECTION_HEADINGS,
  TABLE_NAMES,
} from '../../../shared/formats/vocabulary';

const covers = (year: number) => Object.values(FORMATS).filter((f) => f.firstYear <= year && (f.lastYear === undefined || year <= f.lastYear));

describe('TABLE_NAMES', () => {
  it('name each table by the numeral of its section: 二、… is 表二', () => {
    for (const table of TABLE_IDS) expect(TABLE_NAMES[table]).toBe(`表${SECTION_HEADINGS[table].slice(0, 1)}`);
  });
});

describe('SECTION_HEADINGS', () => {
  it('are the headings of both formats, by section', () => {
    for (const format of Object.values(FORMATS)) expect(Object.fromEntries(format.sections.map((s) => [s.key, s.heading]))).toEqual(SECTION_HEADINGS);
  });
});

describe('REPORT_PLACES and PLACE_NAMES', () => {
  it('are 基本信息, then the six sections in the order the report prints them, named by their headings', () => {
    expect(REPORT_PLACES).toEqual(['meta', ...FORMATS['2021'].sections.map((s) => s.key)]);
    expect(PLACE_NAMES.meta).toBe('基本信息');
    for (const place of REPORT_PLACES.slice(1)) expect(PLACE_NAMES[place]).toBe(SECTION_HEADINGS[place as keyof typeof SECTION_HEADINGS]);
  });
});

describe('reportYearProblem', () => {
  it('accepts every year a format covers, up to the last supported year', () => {
    for (const year of [FIRST_SUPPORTED_YEAR, 2020, 2021, 2025, LAST_SUPPORTED_YEAR]) {
      expect(reportYearProblem(year), String(year)).toBeNull();
      expect(covers(year)).toHaveLength(1);
    }
    expect(covers(FIRST_SUPPORTED_YEAR - 1)).toEqual([]);
  });

  it('says why a year cannot be a report’s, in the words every layer shows', () => {
    expect(reportYearProblem(FIRST_SUPPORTED_YEAR - 1)).toBe(
      `${FIRST_SUPPORTED_YEAR - 1} 年度的年报使用 ${FIRST_SUPPORTED_YEAR} 年以前的旧格式，年报助手不支持；请填写 ${FIRST_SUPPORTED_YEAR} 年度及以后的年份。`,
    );
    expect(reportYearProblem(LAST_SUPPORTED_YEAR + 1)).toBe(`报告年度不能晚于 ${LAST_SUPPORTED_YEAR} 年。`);
    expect(reportYearProblem(2024.5)).toBe('报告年度“2024.5”不是有效的年份，请填写四位年份（如 2024）。');
    expect(reportYearProblem(Number.NaN)).toContain('不是有效的年份');
  });

  it('reports exist before the supported years (from the Regulations of 2008), just not in a format the app has', () => {
    expect(FIRST_REPORT_YEAR).toBeLessThan(FIRST_SUPPORTED_YEAR);
    expect(reportYearProblem(FIRST_REPORT_YEAR)).toContain('旧格式');
  });
});

describe('isSupportedYear', () => {
  it('is true for a number reportYearProblem accepts, false for anything else', () => {
    expect(isSupportedYear(2024)).toBe(true);
    for (const no of ['2024', null, undefined, 2024.5, Number.NaN, FIRST_SUPPORTED_YEAR - 1, LAST_SUPPORTED_YEAR + 1]) expect(isSupportedYear(no), String(no)).toBe(false);
  });
});
