// buildSummaryReport: the summary of a merge plan is an ordinary report of the group's format, listing the
// merged units and the cells some left blank; no plan with units, no summary.
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../shared/merge/plan-merge';
import { buildSummaryReport } from '../../../shared/merge/summary-report';
import { parseReportData, serializeReport } from '../../../shared/model/document';
import { NOW, unit, unitReport } from './helpers';

describe('buildSummaryReport', () => {
  it('is an ordinary report of the group’s format, valid by the schema, listing the merged units', () => {
    const a = unitReport('甲镇', 2025, { 't3.received.natural': 4 });
    const b = unitReport('乙镇', 2025, { 't3.received.natural': null });
    const plan = planMerge([unit('in/甲镇.nianbao', a, { sha256: '1'.repeat(64) }), unit('in/乙镇.pdf', b, { sha256: '2'.repeat(64), source: 'pdf-verified' })], []);
    const doc = buildSummaryReport(plan, { agencyName: '某县人民政府办公室', level: '县级', now: NOW })!;
    expect(doc.format).toBe('2021');
    expect(doc.year).toBe(2025);
    expect(doc.agency).toEqual({ name: '某县人民政府办公室', level: '县级' });
    expect(doc.sections).toEqual({ overview: '', problems: '', other: '' });
    expect(doc.cells['t3.received.natural']).toBe(4);
    expect(doc.merged?.units).toEqual([
      { name: '甲镇', file: '甲镇.nianbao', sha256: '1'.repeat(64), source: 'file' },
      { name: '乙镇', file: '乙镇.pdf', sha256: '2'.repeat(64), source: 'pdf-verified' },
    ]);
    expect(doc.merged?.incomplete['t3.received.natural']).toEqual(['乙镇']);
    const reparsed = parseReportData(JSON.parse(serializeReport(doc)));
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok) expect(reparsed.doc.merged).toEqual(doc.merged);
  });

  it('nothing included: no summary', () => {
    const plan = planMerge([], []);
    expect(buildSummaryReport(plan, { agencyName: '某县' })).toBeUndefined();
  });
  it('carries the sum’s settings, lists only the included units by file name (either separator) and whose figures a marked PDF gave', () => {
    const a = unitReport('甲镇', 2020, { 't2.procurement.amount': 1.5, 't4.review.upheld': 2 });
    a.settings = { procurementUnit: '万元', typedTotals: ['t4'] };
    a.cells['t4.review.total'] = 0; // a typed 总计 that does not add up: the summary keeps typed totals
    const printed = unitReport('乙镇', 2020, { 't4.review.upheld': 3 });
    const b = unit('C:\\收到\\乙镇.pdf', unitReport('乙镇', 2020, { 't4.review.upheld': 1 }), { source: 'pdf-edited', printed, printedDiffers: ['t4.review.upheld'] });
    const otherYear = unit('/收到/丙镇.nianbao', unitReport('丙镇', 2025, {}));
    const plan = planMerge([unit('/收到/甲镇.nianbao', a), b, otherYear], [], { include: new Map([[b.path, 'printed']]) });
    const doc = buildSummaryReport(plan, { agencyName: '某县人民政府办公室', region: '某县' })!;
    expect(doc.format).toBe('2019');
    expect(doc.agency.region).toBe('某县');
    expect(doc.settings).toEqual({ typedTotals: ['t4'], procurementUnit: '万元' });
    expect(doc.cells['t4.review.upheld']).toBe(5); // 2 + 3 printed
    expect(doc.merged?.units.map((u) => [u.file, u.dataUsed])).toEqual([
      ['甲镇.nianbao', undefined],
      ['乙镇.pdf', 'printed'],
    ]);
  });
});
