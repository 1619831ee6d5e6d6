import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../../shared/checks/index';
import { formatModel } from '../../../shared/formats/index';
import type { ReportDocument } from '../../../shared/model/report';
import { previousBlock } from '../../../shared/model/previous';
import { pingtanPreviousReport } from '../../fixtures/pingtan';
import { byRule, clean2019, clean2021, clone, cleanReport, findings, withCells, withParts } from './helpers';

/** Last year's report for a clean report of either format: same format, consistent with it, different enough. */
function previousOf(doc: ReportDocument): ReportDocument {
  if (doc.format === '2021') return pingtanPreviousReport(doc);
  // 2019 → 2019: carriedOver of last year = carriedIn of this year (natural 1); other figures shifted.
  const prev = withParts(doc, {
    't3.received.natural': 50,
    't3.carriedIn.natural': 0,
    't3.granted.natural': 20,
    't3.unavailable.notHeld.natural': 23,
    't3.carriedOver.natural': 1,
    't2.licensing.decisions': 380,
    't4.review.corrected': 0,
    't4.review.upheld': 1,
  });
  prev.year = doc.year - 1;
  prev.sections = { ...prev.sections, problems: '信息公开栏目更新不及时，政策解读数量偏少。将明确专人负责，按时更新栏目内容。' };
  return prev;
}

describe.each(['2019', '2021'] as const)('with last year’s report (%s format)', (format) => {
  it('a consistent last year gives no prev.* finding', () => {
    const doc = cleanReport(format);
    const list = findings(doc, previousOf(doc));
    expect(list.filter((f) => f.rule.startsWith('prev.'))).toEqual([]);
  });

  it('prev.carryOver: this year’s carriedIn per column must be last year’s carriedOver', () => {
    const doc = cleanReport(format);
    const prev = withParts(previousOf(doc), { 't3.carriedOver.natural': 3, 't3.carriedOver.commercial': 1 });
    const carry = byRule(findings(doc, prev), 'prev.carryOver');
    expect(carry.map((f) => [f.target, f.expected, f.actual, f.severity, f.place])).toEqual([
      ['natural', 3, 1, 'confirm', 't3'],
      ['commercial', 1, 0, 'confirm', 't3'],
      ['total', 4, 1, 'confirm', 't3'],
    ]);
    expect(carry[0]!.cells).toEqual(['t3.carriedIn.natural']);
    expect(carry[0]!.message).toBe(
      '表三“二、上年结转政府信息公开申请数量”行“自然人”列为 1，但上年报告“四、结转下年度继续办理”行“自然人”列为 3（相差 2）。' +
        '上年结转的申请应等于上年报告中结转下年度继续办理的数量；请核对，或说明原因（如上年报告有误）。',
    );
  });

  it('prev.identical: all tables equal to last year’s', () => {
    const doc = cleanReport(format);
    const prev = clone(doc);
    prev.year -= 1;
    prev.sections.problems = '完全不同的一段文字，说的是别的问题。';
    const same = byRule(findings(doc, prev), 'prev.identical');
    expect(same.map((f) => [f.target, f.severity, f.place])).toEqual([['tables', 'confirm', 't3']]);
    expect(same[0]!.cells.length).toBe(Object.keys(doc.cells).length);
    expect(same[0]!.message).toContain('与上年报告完全相同');
    // One cell differs: no finding.
    expect(byRule(findings(withCells(doc, { 't2.penalties.decisions': 62 }), prev), 'prev.identical')).toEqual([]);
  });

  it('prev.identical: tables of all zeros repeat legitimately', () => {
    const doc = cleanReport(format);
    for (const key of Object.keys(doc.cells)) doc.cells[key] = 0;
    const prev = clone(doc);
    prev.year -= 1;
    prev.sections.problems = '另一段文字。';
    expect(byRule(findings(doc, prev), 'prev.identical')).toEqual([]);
  });

  it('prev.identical: section 五 at least 80 % similar to last year’s', () => {
    const doc = cleanReport(format);
    const prev = previousOf(doc);
    prev.sections.problems = doc.sections.problems.replace(/2022/g, '2021').replace(/2023/g, '2022');
    const [f, ...rest] = byRule(findings(doc, prev), 'prev.identical');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ target: 'problems', place: 'problems', severity: 'confirm', expected: 80 });
    expect(f!.actual).toBeGreaterThanOrEqual(80);
    expect(f!.message).toContain(`相似度为 ${f!.actual}%`);
  });
});

describe('prev.identical across formats', () => {
  it('compares the cells both formats share (2020 report in the 2019 format → 2021 report)', () => {
    const doc = clean2021();
    doc.year = 2021;
    const prev = clean2019();
    // Make every shared cell equal: all of table 4, table 3 except （六）, and the three decisions of table 2.
    for (const key of Object.keys(prev.cells)) if (key in doc.cells) doc.cells[key] = prev.cells[key]!;
    const shared = Object.keys(prev.cells).filter((k) => k in doc.cells);
    expect(shared.length).toBeGreaterThan(150);
    const [f] = byRule(findings(doc, prev), 'prev.identical');
    expect(f!.cells).toEqual(formatModel('2021').cells.map((c) => c.key).filter((k) => shared.includes(k)));
  });
});

describe('prev.inForce (2021 → 2021 only)', () => {
  it('inForce = last year’s inForce + issued − repealed, for 规章 and 行政规范性文件', () => {
    const doc = clean2021();
    const prev = withCells(pingtanPreviousReport(doc), { 't2.normativeDocs.inForce': 600, 't2.regulations.inForce': 2 });
    const hints = byRule(findings(doc, prev), 'prev.inForce');
    expect(hints.map((f) => [f.target, f.expected, f.actual, f.severity, f.place])).toEqual([
      ['regulations', 2, 0, 'hint', 't2'],
      ['normativeDocs', 633, 698, 'hint', 't2'],
    ]);
    expect(hints[1]!.message).toBe(
      '表二“行政规范性文件”行“现行有效件数”列为 698，但上年现行有效 600 件加本年制发 88 件、减本年废止 55 件应为 633（相差 65）。' +
        '如本年集中清理过文件或上年数字有误，可忽略；否则请核对这三项。',
    );
  });

  it('does not run against a 2019-format previous year, nor when a cell is blank', () => {
    const doc = clean2021();
    expect(byRule(findings(doc, clean2019()), 'prev.inForce')).toEqual([]);
    const prev = withCells(pingtanPreviousReport(doc), { 't2.normativeDocs.inForce': null, 't2.regulations.inForce': 5 });
    expect(byRule(findings(withCells(doc, { 't2.regulations.issued': null }), prev), 'prev.inForce')).toEqual([]);
  });
});

describe('prev.jump', () => {
  const jumps = (doc: ReportDocument, prev: ReportDocument) => byRule(findings(doc, prev), 'prev.jump').map((f) => [f.target, f.expected, f.actual]);

  it('flags a key total that grows more than ×5 or falls below ÷5 (both formats)', () => {
    for (const format of ['2019', '2021'] as const) {
      const doc = cleanReport(format);
      const prev = withCells(previousOf(doc), {
        't3.received.total': 14, // 74 > 5 × 14
        't3.resultsTotal.total': 400, // 75 × 5 < 400
        't2.licensing.decisions': 1,
        't2.penalties.decisions': doc.cells['t2.penalties.decisions']! * 5, // exactly ÷5: not more than
      });
      expect(jumps(doc, prev)).toEqual([
        ['received', 14, 74],
        ['resultsTotal', 400, 75],
        ['licensing', 1, format === '2019' ? 402 : 10690],
      ]);
    }
  });

  it('the message shows both years, the factor and the difference', () => {
    const doc = clean2021();
    const prev = withCells(pingtanPreviousReport(doc), { 't3.received.total': 10 });
    const [f] = byRule(findings(doc, prev), 'prev.jump');
    expect(f!.message).toBe(
      '表三“一、本年新收政府信息公开申请数量”行“总计”列本年为 74，是上年（10）的 7.4 倍，变化超过 5 倍（相差 64）。请核对是否填错（如多写或少写了一位数）；如属实，可在总体情况中说明原因。',
    );
    expect(f).toMatchObject({ severity: 'hint', place: 't3', cells: ['t3.received.total'] });
  });

  it('zero: 0 → 0 never, 0 → fewer than 10 never, 0 → 10 or more always', () => {
    const doc = clean2021();
    const prev = pingtanPreviousReport(doc);
    const cur = (v: number) => withCells(doc, { 't4.review.total': v });
    const before = (v: number) => withCells(prev, { 't4.review.total': v });
    expect(jumps(cur(0), before(0))).toEqual([]);
    expect(jumps(cur(9), before(0))).toEqual([]);
    expect(jumps(cur(10), before(0))).toEqual([['review', 0, 10]]);
    expect(jumps(cur(0), before(12))).toEqual([['review', 12, 0]]);
    // Small figures: 1 → 6 is more than ×5 but below 10.
    expect(jumps(cur(6), before(1))).toEqual([]);
  });

  it('suits: direct + after review together', () => {
    const doc = withCells(clean2021(), { 't4.suitDirect.total': 8, 't4.suitAfterReview.total': 4 });
    const prev = withCells(pingtanPreviousReport(doc), { 't4.suitDirect.total': 2, 't4.suitAfterReview.total': 0 });
    const [f] = byRule(findings(doc, prev), 'prev.jump');
    expect(f).toMatchObject({ target: 'suits', place: 't4', expected: 2, actual: 12, cells: ['t4.suitDirect.total', 't4.suitAfterReview.total'] });
    expect(f!.message).toContain('表四行政诉讼总计（未经复议直接起诉与复议后起诉之和）本年为 12');
  });

  it('skips a metric with a blank cell in either year', () => {
    const doc = withCells(clean2021(), { 't3.received.total': null });
    const prev = withCells(pingtanPreviousReport(doc), { 't3.received.total': 1 });
    expect(byRule(findings(doc, prev), 'prev.jump')).toEqual([]);
  });
});

describe('last year kept in the file (the previous block)', () => {
  const SHA = 'a'.repeat(64);
  it.each(['2019', '2021'] as const)('runs the prev.* rules from the block when no previous report is given (%s format)', (format) => {
    const doc = cleanReport(format);
    const prev = withParts(previousOf(doc), { 't3.carriedOver.natural': 3 });
    const given = findings(doc, prev).filter((f) => f.rule.startsWith('prev.') || f.rule === 'cell.implausible');
    expect(byRule(given, 'prev.carryOver').length).toBeGreaterThan(0);
    const withBlock = { ...doc, previous: previousBlock(prev, { fileName: '上年.docx', kind: 'docx' }, SHA) };
    expect(findings(withBlock).filter((f) => f.rule.startsWith('prev.') || f.rule === 'cell.implausible')).toEqual(given);
    // Without a block and without --previous: no prev.* finding at all.
    expect(findings(doc).filter((f) => f.rule.startsWith('prev.'))).toEqual([]);
  });

  it('a report given explicitly wins over the block', () => {
    const doc = cleanReport('2021');
    const wrong = withParts(previousOf(doc), { 't3.carriedOver.natural': 9 });
    const right = previousOf(doc);
    const withBlock = { ...doc, previous: previousBlock(wrong, { fileName: '旧.nianbao', kind: 'report' }, SHA) };
    expect(byRule(findings(withBlock), 'prev.carryOver').length).toBeGreaterThan(0);
    expect(byRule(findings(withBlock, right), 'prev.carryOver')).toEqual([]);
  });

  it('prev.identical reads section 五 from the block', () => {
    const doc = cleanReport('2021');
    const prev = previousOf(doc);
    prev.sections.problems = doc.sections.problems;
    const block = previousBlock(prev, { fileName: '上年.html', kind: 'html' }, SHA);
    expect(block.problems).toBe(doc.sections.problems);
    expect(byRule(findings({ ...doc, previous: block }), 'prev.identical').map((f) => f.target)).toEqual(['problems']);
  });

  it('ignores a malformed block instead of throwing (odd data)', () => {
    const doc = cleanReport('2021') as unknown as Omit<ReportDocument, 'previous'> & { previous: unknown };
    for (const odd of [null, 7, { cells: null, format: '2021' }, { cells: {}, format: '1999' }]) {
      doc.previous = odd;
      expect(() => findings(doc as ReportDocument)).not.toThrow();
      expect(findings(doc as ReportDocument).filter((f) => f.rule.startsWith('prev.'))).toEqual([]);
    }
  });
});

describe('textSimilarity', () => {
  it('is 1 for equal texts, ignores whitespace, low for different texts', () => {
    const a = '一是重大行政决策预公开程度需进一步加强，意见征集形式较为单一。';
    expect(textSimilarity(a, a)).toBe(1);
    expect(textSimilarity(a, a.replace(/，/g, '， \n'))).toBe(1);
    expect(textSimilarity(a, '信息公开栏目更新不及时，政策解读数量偏少。')).toBeLessThan(0.2);
    expect(textSimilarity('无', '无')).toBe(1);
    expect(textSimilarity('无', '有')).toBe(0);
  });

  it('gives the same value from the cache', () => {
    const a = clean2021().sections.problems;
    const b = `${a}另外，还要加强培训。`;
    const first = textSimilarity(a, b);
    expect(textSimilarity(a, b)).toBe(first);
    expect(first).toBeGreaterThan(0.9);
    expect(first).toBeLessThan(1);
  });
});
