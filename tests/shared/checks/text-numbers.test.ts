// text.numbers: the figures a narrative states, compared with the tables (pingtan-2022 and every kind of
// figure in both formats); reading the figures themselves is tests/shared/checks/text-figures.test.ts.
import { describe, expect, it } from 'vitest';
import type { FigureKind } from '../../../shared/checks/index';
import type { ReportDocument } from '../../../shared/model/report';
import { pingtanReport } from '../../fixtures/pingtan';
import { byRule, cleanReport, findings, withCells } from './helpers';

const numbers = (doc: ReportDocument) => byRule(findings(doc), 'text.numbers');
const withOverview = (doc: ReportDocument, overview: string): ReportDocument => ({ ...doc, sections: { ...doc.sections, overview } });

describe('text.numbers on pingtan-2022', () => {
  it('“收到政府信息公开申请75件” = received 74 + carriedIn 1 is not flagged', () => {
    expect(numbers(pingtanReport())).toEqual([]);
  });

  it('flags the narrative when the table says otherwise: the sentence, the kind, the cells, both numbers, the difference, the range', () => {
    const doc = withCells(pingtanReport(), { 't3.received.total': 70 });
    const [f, ...rest] = numbers(doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'confirm', target: 'received', place: 'overview', expected: 70, actual: 75 });
    expect(f!.cells).toEqual(['t3.received.total', 't3.carriedIn.total']);
    const sentence = '2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%';
    expect(f!.message).toBe(
      `“一、总体情况”中写道：“${sentence}”，` +
        '其中收到的申请数 75 件与表三“一、本年新收政府信息公开申请数量”行“总计”列的 70 不符（加上年结转 1 件为 71；相差 5）。请核对正文或表格，或说明原因。',
    );
    expect(doc.sections.overview.slice(f!.range!.start, f!.range!.end)).toBe(sentence);
  });

  it('flags 行政复议, 规范性文件 and an outcome in words against tables 4 and 2', () => {
    const doc = withCells(pingtanReport(), { 't4.review.total': 5, 't2.normativeDocs.issued': 90, 't4.suitDirect.pending': 1, 't4.suitDirect.upheld': 0 });
    const list = numbers(doc);
    expect(list.map((f) => [f.target, f.expected, f.actual])).toEqual([
      ['normativeDocs', 90, 88],
      ['review', 5, 2],
      ['casesClosed', 1, 0],
    ]);
    expect(list[2]!.message).toContain('而表四中行政诉讼“未经复议直接起诉”“尚未审结”为 1，与“均已结案”不符（相差 1 件）');
    expect(list[2]!.cells).toEqual(['t4.suitDirect.pending']);
  });
});

// pingtan's tables (2021; the 2019 variant has the same tables 3 and 4): received 74, carriedIn 1,
// resultsTotal 75, carriedOver 0; granted 21, partlyGranted 9, withheld 4 (1+2+1), unavailable 37,
// notProcessed 0, other 4 (2021: 2+2; 2019: one row); review 2 (corrected 1, other 1), suits 1 (upheld).
// Table 2: 2021 issued 88, repealed 55, inForce 698, licensing 10690, penalties 2113, enforcement 0,
// fees 9116.36 万元; 2019 made 12, licensing 402, penalties 61, enforcement 4.
type Case = [kind: FigureKind, agrees: string, contradicts: string, expected: number, actual: number];

const BOTH: Case[] = [
  ['received', '本年度共收到政府信息公开申请74件。', '本年度共收到政府信息公开申请21件。', 74, 21],
  ['received', '全年受理政府信息公开申请七十五件。', '全年受理政府信息公开申请七十件。', 74, 70],
  ['resultsTotal', '本年度已办结政府信息公开申请75件。', '本年度已办结政府信息公开申请70件。', 75, 70],
  ['carriedIn', '上年结转政府信息公开申请1件。', '上年结转政府信息公开申请4件。', 1, 4],
  ['carriedOver', '政府信息公开申请无结转。', '政府信息公开申请结转下年度继续办理3件。', 0, 3],
  ['granted', '办结的申请中予以公开21件。', '办结的申请中予以公开二十件。', 21, 20],
  ['partlyGranted', '办结的申请中部分公开9件。', '办结的申请中部分公开8件。', 9, 8],
  ['grantedOrPartly', '办结的申请中予以公开及部分公开30件，占40%。', '办结的申请中予以公开及部分公开31件，占41.3%。', 30, 31],
  ['grantedOrPartly', '办结的申请中公开和部分公开30件。', '办结的申请中予以公开和部分公开29件。', 30, 29],
  ['withheld', '办结的申请中不予公开4件。', '办结的申请中不予公开5件。', 4, 5],
  ['unavailable', '办结的申请中无法提供37件。', '办结的申请中无法提供36件。', 37, 36],
  ['notProcessed', '办结的申请中没有不予处理的情况。', '办结的申请中不予处理两件。', 0, 2],
  ['otherResult', '办结的申请中其他处理4件。', '办结的申请中其他处理3件。', 4, 3],
  ['review', '发生政府信息公开行政复议案件2件。', '发生政府信息公开行政复议案件7件。', 2, 7],
  ['review', '被申请行政复议两起。', '被申请行政复议三起。', 2, 3],
  ['suits', '发生行政诉讼案件1宗。', '发生行政诉讼案件3宗。', 1, 3],
  ['suits', '行政诉讼一起。', '本年度未发生政府信息公开行政诉讼案件。', 1, 0],
  ['reviewAndSuits', '行政复议、行政诉讼案件共3件。', '行政复议和行政诉讼案件共4件。', 3, 4],
  ['casesUpheld', '行政诉讼1件，均获维持。', '行政复议2件，均获维持。', 1, 0],
  ['casesClosed', '行政诉讼案件均已审结。', '行政复议、行政诉讼案件均已结案。', 0, 0],
  ['notCorrected', '行政诉讼案件无被纠错情况。', '未发生行政复议被纠错的情况。', 1, 0],
  ['noLostSuit', '全年无败诉案件。', '全年无败诉案件。', 1, 0],
];

describe.each(['2019', '2021'] as const)('text.numbers (%s format)', (format) => {
  const year = format === '2019' ? 2020 : 2022;
  const check = (overview: string, cells: Record<string, number | null> = {}) =>
    numbers(withCells(withOverview(cleanReport(format), overview), cells)).map((f) => [f.target, f.expected, f.actual]);

  it.each(BOTH)('%s: “%s” agrees, “%s” is flagged', (kind, agrees, contradicts, expected, actual) => {
    expect(check(agrees), agrees).toEqual([]);
    // Outcomes: casesClosed needs a pending case, noLostSuit a lost suit; the review has one corrected.
    if (kind === 'casesClosed') {
      expect(check(contradicts, { 't4.review.pending': 1, 't4.review.other': 0 })).toEqual([[kind, 1, 0]]);
    } else if (kind === 'noLostSuit') {
      expect(check(contradicts, { 't4.suitDirect.corrected': 1, 't4.suitDirect.upheld': 0 })).toEqual([[kind, 1, 0]]);
    } else if (kind === 'notCorrected' || kind === 'casesUpheld') {
      expect(check(contradicts)).toEqual([[kind, 1, 0]]);
    } else {
      expect(check(contradicts)).toEqual([[kind, expected, actual]]);
    }
  });

  it('table 2 figures of the format', () => {
    if (format === '2021') {
      expect(check('本年度制发行政规范性文件88件，废止55件，现行有效698件。')).toEqual([]);
      expect(check('本年度制发行政规范性文件89件，废止54件，现行有效699件。')).toEqual([
        ['normativeDocs', 88, 89],
        ['normativeDocsRepealed', 55, 54],
        ['normativeDocsInForce', 698, 699],
      ]);
      expect(check('全年作出行政许可决定10,690件、行政处罚决定2113件，未作出行政强制决定。')).toEqual([]);
      expect(check('全年作出行政许可决定10,600件、行政处罚决定2103件，作出行政强制决定1件。')).toEqual([
        ['licensing', 10690, 10600],
        ['penalties', 2113, 2103],
        ['enforcement', 0, 1],
      ]);
      // Fees: 万元 in the cell; 元 in the text is converted; the text's rounding is allowed.
      expect(check('收取行政事业性收费9116.36万元。')).toEqual([]);
      expect(check('收取行政事业性收费91163600元。')).toEqual([]);
      expect(check('收取行政事业性收费9116万元。')).toEqual([]);
      expect(check('收取行政事业性收费9161.36万元。')).toEqual([['fees', 9116.36, 9161.36]]);
      const [fee] = numbers(withOverview(cleanReport(format), '收取行政事业性收费911636元。'));
      expect(fee!.message).toContain('其中行政事业性收费金额 911636元（即 91.1636 万元）与表二“行政事业性收费”行“本年收费金额（单位：万元）”列的 9116.36 万元 不符（相差 9025.1964 万元）');
    } else {
      expect(check('本年新制作规范性文件12件。作出行政许可决定402件，行政处罚决定61件，行政强制决定4件。')).toEqual([]);
      expect(check('本年新制作规范性文件13件。作出行政许可决定400件，行政处罚决定60件，行政强制决定5件。')).toEqual([
        ['normativeDocs', 12, 13],
        ['licensing', 402, 400],
        ['penalties', 61, 60],
        ['enforcement', 4, 5],
      ]);
      // The 2019 table has no 废止/现行有效 columns and no fee amount: nothing to compare.
      expect(check('废止规范性文件3件，现行有效规范性文件500件，收取行政事业性收费100万元。')).toEqual([]);
    }
  });

  it('a result group is the sum of its rows; “其他处理” is 1 row (2019) or 3 (2021)', () => {
    expect(check('办结的申请中不予公开4件。', { 't3.withheld.stateSecret.total': 1 })).toEqual([['withheld', 5, 4]]);
    const otherRow = format === '2019' ? 't3.other.total' : 't3.other.misc.total';
    // 2021: 2 (noCorrection) + 0 + 3 (misc).
    expect(check('办结的申请中其他处理4件。', { [otherRow]: 3 })).toEqual([['otherResult', format === '2019' ? 3 : 5, 4]]);
  });

  it('stays silent about what it cannot read with confidence', () => {
    const silent = [
      `${year - 1}年共收到政府信息公开申请21件。`, // another year
      '与去年相比，收到政府信息公开申请21件。',
      '收到政府信息公开申请同比增加21件。',
      '收到政府信息公开申请约21件。',
      '收到政府信息公开申请21件次。',
      '累计收到政府信息公开申请300件。',
      '收到政府信息公开申请20余件。',
      '行政复议决定维持1件，行政诉讼败诉1件。',
      '行政复议、行政诉讼各1件。',
      '收到政府信息公开申请，其中网上申请21件。',
      '网上申请21件，其中予以公开3件。',
      '因属于国家秘密不予公开1件。',
      '全市各级行政机关共收到政府信息公开申请5321件。',
      '主动公开政府信息14571条，其中规范性文件211条。',
      '全年召开会议4次，培训3期，共120人次。',
      '清理规范性文件120件，其中废止30件。',
      '公示行政许可决定信息10000条。',
      '除1件尚未审结外，其余行政复议案件均获维持。',
      '推进“一件事一次办”，办结事项1200件。',
    ];
    for (const text of silent) expect(check(text, { 't4.review.pending': 1, 't4.review.other': 0 }), text).toEqual([]);
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
