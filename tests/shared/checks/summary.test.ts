import { describe, expect, it } from 'vitest';
import { blockingFindings, countBySeverity, findingsByPlace, isExplained, runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/index';
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

describe('explanations', () => {
  it('isExplained: only confirm findings with non-blank text', () => {
    const base: Finding = { rule: 'text.feeStatement', severity: 'confirm', target: 'other', place: 'other', cells: [], message: 'x' };
    expect(isExplained(base)).toBe(false);
    expect(isExplained({ ...base, explanation: ' \u3000\n' })).toBe(false);
    expect(isExplained({ ...base, explanation: '已说明' })).toBe(true);
    expect(isExplained({ ...base, severity: 'error', explanation: '已说明' })).toBe(false);
  });
});

describe('summary helpers', () => {
  it('countBySeverity, findingsByPlace, blockingFindings', () => {
    const { doc, prev } = mixed();
    doc.explanations = [{ rule: 'prev.carryOver', target: 'natural', text: '上年报告有误。' }];
    const list = runChecks({ report: doc, previous: prev });
    expect(list.map((f) => `${f.rule}/${f.target}`).sort()).toEqual(
      ['prev.carryOver/natural', 'prev.carryOver/total', 't4.groupSum/review', 'text.feeStatement/other', 'text.overviewLength/overview'].sort(),
    );
    expect(countBySeverity(list)).toEqual({ error: 1, confirm: 3, hint: 1 });
    const places = findingsByPlace(list);
    expect(Object.keys(places).sort()).toEqual(['meta', 'other', 'overview', 'problems', 't2', 't3', 't4']);
    expect(places.t3.map((f) => f.target)).toEqual(['natural', 'total']);
    expect(places.t4.map((f) => f.rule)).toEqual(['t4.groupSum']);
    expect(places.meta).toEqual([]);
    const blocking = blockingFindings(list);
    expect(blocking.map((f) => `${f.rule}/${f.target}`)).toEqual(['t4.groupSum/review', 'text.feeStatement/other', 'prev.carryOver/total']);
    expect(countBySeverity([])).toEqual({ error: 0, confirm: 0, hint: 0 });
  });
});
