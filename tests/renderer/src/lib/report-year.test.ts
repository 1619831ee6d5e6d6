// The report year as typed on the start page and in 基本信息 (report-year.ts): full-width digits and 年/年度
// are taken, anything else is refused with the reason.
import { describe, expect, it } from 'vitest';
import { parseReportYear } from '../../../../renderer/src/lib/report-year';

describe('parseReportYear', () => {
  it('takes the year as a Chinese IME types it', () => {
    expect(parseReportYear('２０２０')).toEqual({ ok: true, year: 2020 });
    expect(parseReportYear(' 2021年 ')).toEqual({ ok: true, year: 2021 });
    expect(parseReportYear('2100')).toEqual({ ok: true, year: 2100 });
    expect(parseReportYear('２０２２年度')).toEqual({ ok: true, year: 2022 });
    expect(parseReportYear('2 0 2 3')).toEqual({ ok: true, year: 2023 });
  });

  it('says why a year is refused', () => {
    const message = (raw: string) => {
      const r = parseReportYear(raw);
      return r.ok ? null : r.message;
    };
    expect(message('2018')).toContain('2018 年度的年报使用 2019 年以前的旧格式');
    expect(message('2008')).toContain('不支持');
    expect(message('2101')).toBe('报告年度不能晚于 2100 年。');
    expect(message('')).toContain('请填写报告年度');
    expect(message('20')).toContain('不是四位年份');
    expect(message('2020.5')).toContain('不是四位年份');
  });
});
