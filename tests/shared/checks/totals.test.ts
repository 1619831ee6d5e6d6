import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../shared/checks/index';
import { formatModel } from '../../../shared/formats/index';
import { createReport } from '../../../shared/model/document';
import { clean2019, clean2021, withCells } from './helpers';

describe.each(['2019', '2021'] as const)('computeTotals (%s format)', (format) => {
  const blankReport = () => createReport({ year: format === '2019' ? 2020 : 2023, agencyName: '某镇人民政府' });

  it('leaves every total blank when nothing is entered', () => {
    const cells = computeTotals(blankReport());
    for (const c of formatModel(format).cells) expect(cells[c.key], c.key).toBeNull();
  });

  it('fills row totals, the （七）总计 row and its total, and t4 totals; blanks count as 0', () => {
    const other = format === '2019' ? 't3.other' : 't3.other.misc';
    const doc = withCells(blankReport(), {
      't3.received.natural': 5,
      't3.received.commercial': 2,
      't3.granted.natural': 3,
      't3.unavailable.notHeld.natural': 1,
      [`${other}.commercial`]: 2,
      't4.review.upheld': 1,
      't4.review.pending': 2,
    });
    const cells = computeTotals(doc);
    expect(cells['t3.received.total']).toBe(7);
    expect(cells['t3.granted.total']).toBe(3);
    expect(cells[`${other}.total`]).toBe(2);
    expect(cells['t3.resultsTotal.natural']).toBe(4);
    expect(cells['t3.resultsTotal.commercial']).toBe(2);
    expect(cells['t3.resultsTotal.research']).toBeNull(); // no part entered in that column
    expect(cells['t3.resultsTotal.total']).toBe(6);
    expect(cells['t3.carriedIn.total']).toBeNull();
    expect(cells['t4.review.total']).toBe(3);
    expect(cells['t4.suitDirect.total']).toBeNull();
    // Parts are never touched.
    expect(cells['t3.received.research']).toBeNull();
  });

  it('overwrites wrong typed totals unless the table keeps typed totals', () => {
    const base = format === '2019' ? clean2019() : clean2021();
    const doc = withCells(base, { 't3.received.total': 999, 't3.resultsTotal.natural': 1, 't4.review.total': 0 });
    const computed = computeTotals(doc);
    expect(computed).toEqual(base.cells);

    doc.settings = { typedTotals: ['t3'] };
    const typedT3 = computeTotals(doc);
    expect(typedT3['t3.received.total']).toBe(999);
    expect(typedT3['t3.resultsTotal.natural']).toBe(1);
    expect(typedT3['t4.review.total']).toBe(2);

    doc.settings = { typedTotals: ['t3', 't4'] };
    expect(computeTotals(doc)).toEqual(doc.cells);
  });

  it('limits the work to the tables asked for', () => {
    const doc = withCells(format === '2019' ? clean2019() : clean2021(), { 't3.received.total': 999, 't4.review.total': 0 });
    const onlyT4 = computeTotals(doc, ['t4']);
    expect(onlyT4['t3.received.total']).toBe(999);
    expect(onlyT4['t4.review.total']).toBe(2);
  });

  it('returns a new map and leaves the document alone', () => {
    const doc = withCells(blankReport(), { 't3.received.natural': 5 });
    const before = JSON.stringify(doc);
    const cells = computeTotals(doc);
    expect(cells).not.toBe(doc.cells);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('a part that is not a finite number leaves its total blank', () => {
    const doc = withCells(blankReport(), { 't3.received.natural': Number.NaN, 't3.received.commercial': 2 });
    const cells = computeTotals(doc);
    expect(cells['t3.received.total']).toBeNull();
  });

  it('keeps keys that are missing as missing, but fills missing totals', () => {
    const doc = withCells(blankReport(), { 't3.received.natural': 4, 't3.received.total': undefined, 't3.received.research': undefined });
    const cells = computeTotals(doc);
    expect(cells['t3.received.total']).toBe(4);
    expect('t3.received.research' in cells).toBe(false);
  });
});
