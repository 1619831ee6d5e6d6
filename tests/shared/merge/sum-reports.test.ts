// sumReports: the sum of the units' reports cell by cell, checked against figures computed by hand; cells
// some units left blank kept visible, 采购总金额 in 元 and 万元, typed totals, formats never mixed.
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../shared/checks/totals';
import { formatModel, type FormatId } from '../../../shared/formats/index';
import { sumReports } from '../../../shared/merge/sum-reports';
import { createReport } from '../../../shared/model/document';
import { NOW, unitReport } from './helpers';

describe('sumReports', () => {
  it('sums three 2021 units cell by cell (figures computed by hand)', () => {
    const a = unitReport('甲镇人民政府', 2025, { 't3.received.natural': 12, 't3.granted.natural': 7, 't3.unavailable.notHeld.natural': 5, 't4.review.upheld': 1, 't2.fees.amount': 0.1 });
    const b = unitReport('乙镇人民政府', 2025, { 't3.received.natural': 3, 't3.received.commercial': 2, 't3.granted.commercial': 2, 't3.granted.natural': 3, 't4.review.pending': 2, 't2.fees.amount': 0.2 });
    const c = unitReport('县教育局', 2025, { 't3.received.natural': 30, 't3.carriedIn.natural': 1, 't3.granted.natural': 29, 't3.carriedOver.natural': 2, 't4.suitDirect.corrected': 1, 't2.fees.amount': 1.2345 });
    const sum = sumReports('2021', [
      { name: '甲镇', doc: a },
      { name: '乙镇', doc: b },
      { name: '县教育局', doc: c },
    ]);
    expect(sum.cells['t3.received.natural']).toBe(45); // 12 + 3 + 30
    expect(sum.cells['t3.received.commercial']).toBe(2);
    expect(sum.cells['t3.received.total']).toBe(47); // 12 + 5 + 30
    expect(sum.cells['t3.granted.natural']).toBe(39); // 7 + 3 + 29
    expect(sum.cells['t3.resultsTotal.total']).toBe(46); // 12 + 5 + 29
    expect(sum.cells['t3.carriedOver.natural']).toBe(2);
    expect(sum.cells['t4.review.total']).toBe(3); // 1 + 2
    expect(sum.cells['t4.suitDirect.total']).toBe(1);
    expect(sum.cells['t2.fees.amount']).toBe(1.5345); // 0.1 + 0.2 + 1.2345, exactly
    expect(sum.incomplete).toEqual({});
    expect(sum.typedTotals).toEqual([]);
  });

  it('keeps a cell some units left blank visible: sum of the others, listing who left it blank', () => {
    const a = unitReport('甲镇人民政府', 2025, { 't3.received.natural': 4 });
    const b = unitReport('乙镇人民政府', 2025, { 't3.received.natural': null, 't2.fees.amount': null });
    const c = unitReport('丙镇人民政府', 2025, { 't3.received.natural': 6, 't2.fees.amount': null });
    const sum = sumReports('2021', [
      { name: '甲镇人民政府', doc: a },
      { name: '乙镇人民政府', doc: b },
      { name: '丙镇人民政府', doc: c },
    ]);
    expect(sum.cells['t3.received.natural']).toBe(10);
    expect(sum.incomplete['t3.received.natural']).toEqual(['乙镇人民政府']);
    expect(sum.cells['t2.fees.amount']).toBe(0);
    expect(sum.incomplete['t2.fees.amount']).toEqual(['乙镇人民政府', '丙镇人民政府']);
  });

  it('a cell blank in every unit stays blank, not 0', () => {
    const a = unitReport('甲', 2025, { 't3.received.natural': null });
    const b = unitReport('乙', 2025, { 't3.received.natural': null });
    const sum = sumReports('2021', [{ name: '甲', doc: a }, { name: '乙', doc: b }]);
    expect(sum.cells['t3.received.natural']).toBeNull();
    expect(sum.incomplete['t3.received.natural']).toBeUndefined();
  });

  it('2019: 采购总金额 in 元 and 万元 is summed in 元, exactly', () => {
    const a = unitReport('甲镇', 2020, { 't2.procurement.amount': 1.5 });
    a.settings = { procurementUnit: '万元' };
    const b = unitReport('乙镇', 2020, { 't2.procurement.amount': 2500.25 });
    b.settings = { procurementUnit: '元' };
    const sum = sumReports('2019', [{ name: '甲镇', doc: a }, { name: '乙镇', doc: b }]);
    expect(sum.procurementUnit).toBe('元');
    expect(sum.cells['t2.procurement.amount']).toBe(17500.25); // 15000 + 2500.25
    const only万元 = sumReports('2019', [{ name: '甲镇', doc: a }]);
    expect(only万元.procurementUnit).toBe('万元');
    expect(only万元.cells['t2.procurement.amount']).toBe(1.5);
  });

  it('a unit whose typed total does not add up makes the summary keep typed totals, so the sum rule shows it', () => {
    const a = unitReport('甲镇', 2025, { 't4.review.upheld': 11 });
    a.settings = { typedTotals: ['t4'] };
    a.cells['t4.review.total'] = 0; // printed 总计 0 next to results summing to 11
    const b = unitReport('乙镇', 2025, { 't4.review.upheld': 1 });
    const sum = sumReports('2021', [{ name: '甲镇', doc: a }, { name: '乙镇', doc: b }]);
    expect(sum.cells['t4.review.total']).toBe(1);
    expect(sum.cells['t4.review.upheld']).toBe(12);
    expect(sum.typedTotals).toEqual(['t4']);
  });

  it('refuses to sum a report of the other format', () => {
    const a = unitReport('甲镇', 2020, {});
    expect(() => sumReports('2021', [{ name: '甲镇', doc: a }])).toThrow(/2019/);
  });
});

describe('every cell of both formats is summed', () => {
  it.each(['2019', '2021'] as FormatId[])('%s: the sum of two reports is twice one report in every cell', (format) => {
    const year = format === '2019' ? 2020 : 2025;
    const doc = createReport({ year, agencyName: '甲', now: NOW });
    let n = 1;
    for (const c of formatModel(format).cells) doc.cells[c.key] = c.computed ? null : n++;
    doc.cells = computeTotals(doc);
    const sum = sumReports(format, [{ name: '甲', doc }, { name: '乙', doc }]);
    for (const c of formatModel(format).cells) expect(sum.cells[c.key], c.key).toBe(2 * (doc.cells[c.key] as number));
  });
});
