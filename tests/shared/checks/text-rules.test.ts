import { describe, expect, it } from 'vitest';
import { countCharacters, mentionsFee } from '../../../shared/checks/index';
import type { ReportDocument } from '../../../shared/model/report';
import { byRule, clean2019, clean2021, cleanReport, findings } from './helpers';

function withSections(doc: ReportDocument, sections: Partial<ReportDocument['sections']>): ReportDocument {
  return { ...doc, sections: { ...doc.sections, ...sections } };
}

describe.each(['2019', '2021'] as const)('text.empty (%s format)', (format) => {
  it('passes when the three sections have text', () => {
    expect(byRule(findings(cleanReport(format)), 'text.empty')).toEqual([]);
  });

  it('an empty or whitespace-only overview or problems section is an error', () => {
    const doc = withSections(cleanReport(format), { overview: '', problems: ' \n\u3000\t' });
    const empty = byRule(findings(doc), 'text.empty');
    expect(empty.map((f) => [f.target, f.place, f.severity])).toEqual([
      ['overview', 'overview', 'error'],
      ['problems', 'problems', 'error'],
    ]);
    expect(empty[0]!.message).toContain('“一、总体情况”还没有填写');
    expect(empty[1]!.message).toContain('“五、存在的主要问题及改进情况”还没有填写');
  });

  it(`an empty section 六 is a ${format === '2021' ? 'confirm (fees must be stated)' : 'hint'}`, () => {
    const doc = withSections(cleanReport(format), { other: '  ' });
    const list = findings(doc);
    const empty = byRule(list, 'text.empty');
    expect(empty.map((f) => [f.target, f.severity])).toEqual([['other', format === '2021' ? 'confirm' : 'hint']]);
    if (format === '2021') expect(empty[0]!.message).toContain('信息处理费');
    // Not also text.feeStatement: one finding for one gap.
    expect(byRule(list, 'text.feeStatement')).toEqual([]);
  });
});

describe('text.overviewLength', () => {
  const overview = (n: number) => '政'.repeat(n);

  it('2021: more than 1000 characters is a hint; 1000 is fine', () => {
    expect(byRule(findings(withSections(clean2021(), { overview: overview(1000) })), 'text.overviewLength')).toEqual([]);
    const [f] = byRule(findings(withSections(clean2021(), { overview: overview(1001) })), 'text.overviewLength');
    expect(f).toMatchObject({ severity: 'hint', target: 'overview', place: 'overview', expected: 1000, actual: 1001 });
    expect(f!.message).toBe('“一、总体情况”共 1001 字，超过 1000 字（格式要求“篇幅原则上不超过一千字”），超出 1 字。可适当精简。');
  });

  it('does not count whitespace and line breaks; counts a surrogate pair once', () => {
    const text = `${overview(500)}\n\n${'　'.repeat(300)}${overview(499)}   𠀀`;
    expect(countCharacters(text)).toBe(1000);
    expect(byRule(findings(withSections(clean2021(), { overview: text })), 'text.overviewLength')).toEqual([]);
  });

  it('2019 has no length limit', () => {
    expect(byRule(findings(withSections(clean2019(), { overview: overview(5000) })), 'text.overviewLength')).toEqual([]);
  });
});

describe('text.feeStatement', () => {
  it('2021: section 六 that says nothing about 信息处理费 needs an explanation', () => {
    const [f, ...rest] = byRule(findings(withSections(clean2021(), { other: '无其他需要报告的事项。' })), 'text.feeStatement');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'confirm', target: 'other', place: 'other' });
    expect(f!.message).toContain('没有提到信息处理费');
  });

  it.each([
    '2022年，无收取信息处理费情况。',
    '本年度未收取信息处理费。',
    '信息处理费0元。',
    '本机关未收取政府信息公开处理费。',
    '依申请公开工作中，没有向申请人收取任何费用。',
    '（一）收取信息处理费情况：无。（二）人大代表建议和政协提案办理结果公开情况……',
  ])('accepts “%s”', (other) => {
    expect(mentionsFee(other)).toBe(true);
    expect(byRule(findings(withSections(clean2021(), { other })), 'text.feeStatement')).toEqual([]);
  });

  it.each(['无。', '本年度无其他需要报告的事项。', '2023年将继续推进政务公开标准化规范化建设。'])('flags “%s”', (other) => {
    expect(mentionsFee(other)).toBe(false);
  });

  it('2019 does not ask for it', () => {
    expect(byRule(findings(withSections(clean2019(), { other: '无。' })), 'text.feeStatement')).toEqual([]);
  });
});
