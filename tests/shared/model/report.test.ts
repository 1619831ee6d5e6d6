// The report's title (the user's, or the default built from agency and year) and its date of issue: a real
// YYYY-MM-DD day, today's local date by default, printed as the 落款 prints it.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReportTitle, isIssueDate, issueDateText, localIsoDate, reportTitle } from '../../../shared/model/report';

const agency = (name: string) => ({ name, level: '乡镇' as const });

describe('defaultReportTitle', () => {
  it('puts a name ending in 政府 before the year, any other name after it', () => {
    expect(defaultReportTitle({ year: 2023, agency: agency('洪泽区人民政府') })).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
    expect(defaultReportTitle({ year: 2019, agency: agency('黄金镇') })).toBe('2019年黄金镇政府信息公开工作年度报告');
    expect(defaultReportTitle({ year: 2024, agency: agency(' 某县教育局 ') })).toBe('2024年某县教育局政府信息公开工作年度报告');
    expect(defaultReportTitle({ year: 2024, agency: agency('某县人民政府 ') })).toBe('某县人民政府2024年政府信息公开工作年度报告');
    expect(defaultReportTitle({ year: 2024, agency: agency('黄金镇政府') })).toBe('黄金镇政府2024年政府信息公开工作年度报告');
  });
});

describe('reportTitle', () => {
  it('is the title written, trimmed; blank or absent, the default', () => {
    const doc = { year: 2024, agency: agency('黄金镇人民政府') };
    expect(reportTitle({ ...doc, title: ' 黄金镇2024年度政府信息公开工作年度报告\n' })).toBe('黄金镇2024年度政府信息公开工作年度报告');
    expect(reportTitle({ ...doc, title: ' \u3000 ' })).toBe(defaultReportTitle(doc));
    expect(reportTitle(doc)).toBe(defaultReportTitle(doc));
  });
});

describe('isIssueDate', () => {
  it('takes a real YYYY-MM-DD day only, leap years included', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2025-12-31', '2026-01-01']) expect(isIssueDate(ok), ok).toBe(true);
    for (const bad of ['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-20', '2025-01-20T00:00', ' 2025-01-20', '二〇二五年一月二十日']) {
      expect(isIssueDate(bad), bad).toBe(false);
    }
  });
});

describe('localIsoDate', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('is the local calendar day, zero-padded, late in the evening too', () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59, 59))).toBe('2025-01-05');
    expect(localIsoDate(new Date(2025, 11, 31, 0, 0, 1))).toBe('2025-12-31');
    expect(isIssueDate(localIsoDate(new Date()))).toBe(true);
  });

  it('in Beijing, an export just after midnight is dated that day, not the UTC day before', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(localIsoDate(new Date('2026-01-20T00:30:00+08:00'))).toBe('2026-01-20');
  });
});

describe('issueDateText', () => {
  it('prints the day without leading zeros, as the 落款 does', () => {
    expect(issueDateText('2025-01-05')).toBe('2025年1月5日');
    expect(issueDateText('2025-12-31')).toBe('2025年12月31日');
  });
});
