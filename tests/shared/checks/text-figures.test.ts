// extractMentions and parseChineseNumber: the figures a narrative states about the tables, read only from
// plain statements about this body and this year; small counts in Chinese numerals.
import { describe, expect, it } from 'vitest';
import { extractMentions, MAX_SENTENCE, parseChineseNumber } from '../../../shared/checks/text-figures';
import { pingtanReport } from '../../fixtures/pingtan';

describe('extractMentions', () => {
  it('reads the figures of the pingtan-2022 narrative', () => {
    const doc = pingtanReport();
    expect(extractMentions(doc.sections.overview, { year: 2022, agencyName: doc.agency.name }).map((m) => [m.kind, m.value])).toEqual([
      ['normativeDocs', 88],
      ['normativeDocsInForce', 698],
      ['received', 75],
      ['review', 2],
      ['suits', 1],
      ['casesClosed', NaN],
    ]);
  });


  it('gives each figure as written, its sentence and the sentence’s range in the text', () => {
    const text = '一、总体情况\n本年度共收到政府信息公开申请两件。行政复议案件３件。';
    const [received, review, ...rest] = extractMentions(text, 2025);
    expect(rest).toEqual([]);
    expect(received).toMatchObject({ kind: 'received', value: 2, said: '两件', sentence: '本年度共收到政府信息公开申请两件' });
    expect(text.slice(received!.start, received!.end)).toBe(received!.sentence);
    // Full-width digits are read, and positions stay those of the text.
    expect(review).toMatchObject({ kind: 'review', value: 3 });
    expect(text.slice(review!.start, review!.end)).toBe('行政复议案件３件');
    expect(review!.sentence.slice(review!.at)).toMatch(/^3/);
  });

  it('reads a figure for the body’s own region, not for a bigger one nor in a department’s report', () => {
    const county = { year: 2025, agencyName: '某县人民政府' };
    const department = { year: 2025, agencyName: '某县教育局' };
    const kinds = (text: string, scope: { year: number; agencyName: string }) => extractMentions(text, scope).map((m) => [m.kind, m.value]);
    expect(kinds('全县共收到政府信息公开申请12件。', county)).toEqual([['received', 12]]);
    expect(kinds('全市共收到政府信息公开申请12件。', county)).toEqual([]);
    expect(kinds('全县共收到政府信息公开申请12件。', department)).toEqual([]);
    expect(kinds('本机关共收到政府信息公开申请12件。', department)).toEqual([['received', 12]]);
  });

  it('reads the report’s year and not another', () => {
    expect(extractMentions('2025年共收到政府信息公开申请12件。', 2025).map((m) => m.value)).toEqual([12]);
    expect(extractMentions('2024年共收到政府信息公开申请12件。', 2025)).toEqual([]);
  });

  it('reads an outcome in words as NaN, with the groups of table 4 it is about', () => {
    const [m] = extractMentions('本年度行政诉讼案件均获维持。', 2025);
    expect(m).toMatchObject({ kind: 'casesUpheld', scope: 'suits', said: '均获维持' });
    expect(m!.value).toBeNaN();
  });

  it('reads fees in 万元, with the text’s rounding as tolerance', () => {
    const [exact] = extractMentions('收取行政事业性收费911636元。', 2025);
    expect(exact).toMatchObject({ kind: 'fees', value: 91.1636 });
    const [rounded] = extractMentions('收取行政事业性收费9116万元。', 2025);
    expect(rounded!.value).toBe(9116);
    expect(rounded!.tolerance).toBeGreaterThan(exact!.tolerance);
  });
});

describe('sentence length', () => {
  it('a “sentence” longer than MAX_SENTENCE characters (a paste without sentence ends) is not read', () => {
    const scope = { year: 2022, agencyName: '平潭综合实验区' };
    const statement = '收到政府信息公开申请21件、';
    const within = statement.repeat(Math.floor(MAX_SENTENCE / statement.length));
    expect(extractMentions(within, scope).length).toBe(Math.floor(MAX_SENTENCE / statement.length));
    expect(extractMentions(within + statement, scope)).toEqual([]);
    // The sentences around it are still read.
    expect(extractMentions(`收到政府信息公开申请21件。${within}${statement}。办结21件。`, scope).map((m) => m.kind)).toEqual(['received', 'resultsTotal']);
  });
});

describe('Chinese numerals', () => {
  it('reads small counts as reports write them', () => {
    expect(['一', '两', '十', '十二', '二十', '二十五', '一百零五', '一百一十', '三千'].map(parseChineseNumber)).toEqual([1, 2, 10, 12, 20, 25, 105, 110, 3000]);
    expect(['二〇二二', '一二', '百', '十十'].map(parseChineseNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
