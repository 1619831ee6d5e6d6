import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../shared/checks/index';
import type { ReportDocument } from '../../shared/model/report';
import { pingtanReport } from '../fixtures/pingtan';
import { byRule, cleanReport, findings, withCells } from './helpers';

const numbers = (doc: ReportDocument) => byRule(findings(doc), 'text.numbers');
const withOverview = (doc: ReportDocument, overview: string): ReportDocument => ({ ...doc, sections: { ...doc.sections, overview } });

describe('text.numbers on pingtan-2022', () => {
  it('reads the figures of its narrative', () => {
    const doc = pingtanReport();
    expect(extractMentions(doc.sections.overview, 2022).map((m) => [m.metric, m.value])).toEqual([
      ['normativeDocs', 88],
      ['received', 75],
      ['review', 2],
      ['suits', 1],
    ]);
  });

  it('“收到政府信息公开申请75件” = received 74 + carriedIn 1 is not flagged', () => {
    expect(numbers(pingtanReport())).toEqual([]);
  });

  it('flags the narrative when the table says otherwise, showing the sentence and both numbers', () => {
    const doc = withCells(pingtanReport(), { 't3.received.total': 70 });
    const [f, ...rest] = numbers(doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'confirm', target: 'received', place: 'overview', expected: 70, actual: 75 });
    expect(f!.cells).toEqual(['t3.received.total', 't3.carriedIn.total']);
    expect(f!.message).toBe(
      '“一、总体情况”中写道：“2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%”，' +
        '其中的 75 件与表三“一、本年新收政府信息公开申请数量”行“总计”列的 70 不符（加上年结转 1 件为 71；相差 5）。请核对正文或表格，或说明原因。',
    );
  });

  it('flags 行政复议 and 规范性文件 figures against tables 4 and 2', () => {
    const doc = withCells(pingtanReport(), { 't4.review.total': 5, 't2.normativeDocs.issued': 90 });
    expect(numbers(doc).map((f) => [f.target, f.expected, f.actual])).toEqual([
      ['normativeDocs', 90, 88],
      ['review', 5, 2],
    ]);
  });
});

describe.each(['2019', '2021'] as const)('text.numbers (%s format)', (format) => {
  const year = format === '2019' ? 2020 : 2022;
  const check = (overview: string) => numbers(withOverview(cleanReport(format), overview)).map((f) => [f.target, f.expected, f.actual]);

  it('each kind of figure against its cell', () => {
    // Clean tables: received 74, carriedIn 1, resultsTotal 75, carriedOver 0, review 2, suits 1 (+0).
    expect(check(`${year}年，共收到政府信息公开申请74件，全部按期办结75件，无结转。`)).toEqual([]);
    expect(check(`${year}年，共收到政府信息公开申请21件。`)).toEqual([['received', 74, 21]]);
    expect(check(`本年度已办结政府信息公开申请70件。`)).toEqual([['resultsTotal', 75, 70]]);
    expect(check(`结转下年度继续办理3件。`)).toEqual([['carriedOver', 0, 3]]);
    expect(check(`上年结转申请4件。`)).toEqual([['carriedIn', 1, 4]]);
    expect(check(`发生行政复议案件7件。`)).toEqual([['review', 2, 7]]);
    expect(check(`发生行政诉讼案件3件。`)).toEqual([['suits', 1, 3]]);
    const docs = format === '2019' ? 12 : 88;
    expect(check(`本年度制发规范性文件${docs}件。`)).toEqual([]);
    expect(check(`本年度制发规范性文件${docs + 1}件。`)).toEqual([['normativeDocs', docs, docs + 1]]);
  });

  it('stays silent about what it cannot read with confidence', () => {
    const silent = [
      `${year - 1}年共收到政府信息公开申请21件。`, // another year
      '与去年相比，收到政府信息公开申请21件。',
      '收到政府信息公开申请同比增加21件。',
      '收到政府信息公开申请约21件。',
      '收到政府信息公开申请21件次。',
      '累计收到政府信息公开申请300件。',
      '行政复议决定维持1件，行政诉讼败诉1件。',
      '行政复议、行政诉讼案件共9件。',
      '收到政府信息公开申请一百件。', // Chinese numerals are not read
      '现行有效规范性文件500件，本年废止规范性文件3件。',
    ];
    for (const text of silent) expect(check(text), text).toEqual([]);
  });

  it('one finding per kind of figure, the first contradiction', () => {
    expect(check('收到政府信息公开申请21件。另收到政府信息公开申请22件。')).toEqual([['received', 74, 21]]);
  });

  it('reads section 五 and 六 too, and skips blank table cells', () => {
    const doc = cleanReport(format);
    doc.sections.other = '本年度收到政府信息公开申请30件，未收取信息处理费。';
    expect(numbers(doc).map((f) => [f.place, f.target])).toEqual([['other', 'received']]);
    expect(numbers(withCells(doc, { 't3.received.total': null }))).toEqual([]);
  });
});
