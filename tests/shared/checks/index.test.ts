// runChecks, the check engine: every rule applied in a stable order (basic information, cells, sums, texts,
// last year), last year's report given or kept in the file, a format it cannot use replaced by the year's,
// and the user's explanations attached to the confirm findings they answer.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import type { RuleId } from '../../../shared/checks/index';
import { previousBlock } from '../../../shared/model/previous';
import type { ReportDocument } from '../../../shared/model/report';
import { pingtanPreviousReport } from '../../fixtures/pingtan';
import { clean2021, withCells } from './helpers';

/** A 2021 report with one error (t4 total), two confirms (fee statement, carry-over) and hints. */
function mixed() {
  const doc = withCells(clean2021(), { 't4.review.total': 0 });
  doc.sections.other = '无。';
  doc.sections.overview = '政'.repeat(1200);
  const prev = withCells(pingtanPreviousReport(clean2021()), { 't3.carriedOver.natural': 4, 't3.carriedOver.total': 4 });
  return { doc, prev };
}

const rules = (report: ReportDocument, previous?: ReportDocument) => runChecks(previous ? { report, previous } : { report }).map((f) => f.rule);

describe('runChecks', () => {
  it('a confirm finding carries the explanation stored under its rule + target; others do not', () => {
    const { doc, prev } = mixed();
    doc.explanations = [
      { rule: 'text.feeStatement', target: 'other', text: '本机关依申请公开不收费，已在总体情况中说明。' },
      { rule: 'prev.carryOver', target: 'natural', text: '上年报告有误，已更正。' },
      { rule: 't4.groupSum', target: 'review', text: '错误不能靠说明放行' },
      { rule: 'text.overviewLength', target: 'overview', text: '提示无需说明' },
    ];
    const list = runChecks({ report: doc, previous: prev });
    const fee = list.find((f) => f.rule === 'text.feeStatement')!;
    expect(fee.explanation).toBe('本机关依申请公开不收费，已在总体情况中说明。');
    const carry = list.filter((f) => f.rule === 'prev.carryOver');
    expect(carry.map((f) => [f.target, f.explanation])).toEqual([
      ['natural', '上年报告有误，已更正。'],
      ['total', undefined],
    ]);
    expect(list.find((f) => f.rule === 't4.groupSum')!.explanation).toBeUndefined();
    expect(list.find((f) => f.rule === 'text.overviewLength')!.explanation).toBeUndefined();
  });

  it('returns the findings in a stable order: basic information, cells, sums, texts, last year', () => {
    const { prev } = mixed();
    const doc = withCells(clean2021(), { 't4.review.total': 0, 't3.granted.commercial': null });
    doc.agency = { ...doc.agency, name: '' };
    doc.sections.problems = '';
    const order: RuleId[] = ['meta.required', 'cell.blank', 't4.groupSum', 'text.empty', 'prev.carryOver'];
    const list = rules(doc, withCells(prev, { 't3.carriedOver.natural': 4, 't3.carriedOver.total': 4 }));
    const firsts = order.map((r) => list.indexOf(r));
    expect(firsts.every((i) => i >= 0), list.join()).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });

  it('compares with the previous block kept in the file when no previous report is given; one given wins', () => {
    const { prev } = mixed();
    const doc: ReportDocument = { ...clean2021(), previous: previousBlock(prev, { fileName: '上年.docx', kind: 'docx' }, 'e'.repeat(64)) };
    expect(rules(doc)).toContain('prev.carryOver');
    expect(rules(doc, pingtanPreviousReport(clean2021()))).not.toContain('prev.carryOver');
    expect(rules(clean2021())).toEqual([]);
  });

  it('checks a report of an unknown format against the format of its year, and says so', () => {
    const doc = { ...clean2021(), format: '2030' } as unknown as ReportDocument;
    const list = runChecks({ report: doc });
    expect(list.map((f) => f.rule)).toEqual(['meta.formatYear']);
    // The cells are still read as the 2021 format's: a broken total is found.
    expect(rules(withCells(doc, { 't4.review.total': 0 }))).toEqual(['meta.formatYear', 't4.groupSum']);
  });
});
