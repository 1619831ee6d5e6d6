import { describe, expect, it } from 'vitest';
import type { AgencyLevel, ReportDocument } from '../../../shared/model/report';
import { byRule, clean2019, clean2021, cleanReport, findings, withCells, withParts } from './helpers';

describe('meta.required', () => {
  it('passes with an agency name and a year', () => {
    expect(byRule(findings(clean2021()), 'meta.required')).toEqual([]);
  });

  it('a missing or blank agency name is an error', () => {
    const doc = clean2021();
    doc.agency.name = '  ';
    const [f] = byRule(findings(doc), 'meta.required');
    expect(f).toMatchObject({ severity: 'error', target: 'agency.name', place: 'meta' });
    expect(f!.message).toContain('机关名称');
  });

  it('a missing year is an error', () => {
    const doc = clean2019() as unknown as Record<string, unknown>;
    delete doc.year;
    const list = findings(doc as unknown as ReportDocument);
    expect(byRule(list, 'meta.required').map((f) => f.target)).toEqual(['year']);
    expect(byRule(list, 'meta.formatYear')).toEqual([]);
  });
});

describe('meta.formatYear', () => {
  it('2019–2020 use the 2019 format, 2021 and later the 2021 format', () => {
    for (const year of [2019, 2020]) expect(byRule(findings({ ...clean2019(), year }), 'meta.formatYear')).toEqual([]);
    for (const year of [2021, 2022, 2030]) expect(byRule(findings({ ...clean2021(), year }), 'meta.formatYear')).toEqual([]);
  });

  it('the 2019 tables in a 2022 report are an error', () => {
    const [f] = byRule(findings({ ...clean2019(), year: 2022 }), 'meta.formatYear');
    expect(f).toMatchObject({ severity: 'error', target: 'format', place: 'meta' });
    expect(f!.message).toContain('报告年度为 2022 年，应使用 2021 年版格式');
    expect(f!.message).toContain('国办公开办函〔2021〕30号');
  });

  it('the 2021 tables in a 2020 report are an error', () => {
    const [f] = byRule(findings({ ...clean2021(), year: 2020 }), 'meta.formatYear');
    expect(f!.message).toContain('应使用 2019 年版格式');
    expect(f!.message).toContain('〔2019〕60号');
  });

  it('an unknown format is an error (and the cells are checked against the format of the year)', () => {
    const doc = { ...clean2021(), format: '2017' } as unknown as ReportDocument;
    const list = findings(doc);
    expect(byRule(list, 'meta.formatYear').map((f) => f.message)).toEqual([expect.stringContaining('无法识别本报告的表格格式“2017”')]);
    expect(byRule(list, 'cell.blank')).toEqual([]);
  });
});

describe.each(['2019', '2021'] as const)('t2.regulationsPower (%s format)', (format) => {
  const regulationKey = format === '2019' ? 't2.regulations.made' : 't2.regulations.issued';
  const at = (level: AgencyLevel, value: number) => {
    const doc = withCells(cleanReport(format), { [regulationKey]: value });
    doc.agency.level = level;
    return byRule(findings(doc), 't2.regulationsPower');
  };

  it('a town or county-level body reporting 规章 needs an explanation', () => {
    for (const level of ['乡镇', '县级'] as const) {
      const [f, ...rest] = at(level, 3);
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ severity: 'confirm', target: 'regulations', place: 't2', cells: [regulationKey], expected: 0, actual: 3 });
      expect(f!.message).toContain(`本机关为${level}机关，没有规章制定权`);
      expect(f!.message).toContain(' 3');
    }
  });

  it('passes with 0 规章, and for bodies with rule-making power', () => {
    expect(at('乡镇', 0)).toEqual([]);
    expect(at('县级', 0)).toEqual([]);
    for (const level of ['设区的市级', '省级', '国务院部门'] as const) expect(at(level, 3)).toEqual([]);
  });
});

describe('t3.otherShare', () => {
  it('2021: （六）其他处理 (three rows, total column) above 10 % of （七）总计 is a hint', () => {
    // Move 5 of the 37 “本机关不掌握” to 其他处理/3.其他: 4 + 5 = 9 of 75 = 12 %.
    const doc = withParts(clean2021(), { 't3.unavailable.notHeld.natural': 32, 't3.other.misc.natural': 5 });
    expect(byRule(findings(doc), 't3.resultSum')).toEqual([]);
    const [f] = byRule(findings(doc), 't3.otherShare');
    expect(f).toMatchObject({ severity: 'hint', target: 'other', place: 't3', actual: 9, expected: 7.5 });
    expect(f!.cells).toEqual(['t3.other.noCorrection.total', 't3.other.unpaidFee.total', 't3.other.misc.total', 't3.resultsTotal.total']);
    expect(f!.message).toBe(
      '表三“（六）其他处理”“总计”列共 9 件，占“（七）总计”75 件的 12%，超过 10%（10% 为 7.5 件）。请核对其中是否有应归入（一）至（五）项的申请。',
    );
  });

  it('2021: exactly 10 % passes, and so does the clean report (4 of 75)', () => {
    expect(byRule(findings(clean2021()), 't3.otherShare')).toEqual([]);
    // 10 of 100: received +25 into granted, other +6.
    const doc = withParts(clean2021(), { 't3.received.natural': 96, 't3.granted.natural': 40, 't3.other.misc.natural': 6 });
    expect(doc.cells['t3.resultsTotal.total']).toBe(100);
    expect(byRule(findings(doc), 't3.balance')).toEqual([]);
    expect(byRule(findings(doc), 't3.otherShare')).toEqual([]);
  });

  it('2019: the single （六）其他处理 row', () => {
    expect(byRule(findings(clean2019()), 't3.otherShare')).toEqual([]);
    const doc = withParts(clean2019(), { 't3.unavailable.notHeld.natural': 30, 't3.other.natural': 9 });
    const [f] = byRule(findings(doc), 't3.otherShare');
    expect(f).toMatchObject({ actual: 11, expected: 7.5 });
    expect(f!.cells).toEqual(['t3.other.total', 't3.resultsTotal.total']);
  });

  it('no hint without applications', () => {
    const zero = withParts(clean2019(), Object.fromEntries(Object.keys(clean2019().cells).filter((k) => k.startsWith('t3.')).map((k) => [k, 0])));
    expect(byRule(findings(zero), 't3.otherShare')).toEqual([]);
  });
});
