// The receiving office's decisions, as pure functions: sums checked against figures computed by hand,
// blank cells kept visible, years and formats never mixed, a resend replacing the earlier file, marked
// PDFs left out until included, the roster, and the comparison with the office's own report.
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../shared/checks/totals';
import { formatModel, type FormatId } from '../../../shared/formats/index';
import { planMerge, type ReadUnit } from '../../../shared/merge/plan-merge';
import { sumReports } from '../../../shared/merge/sum-reports';
import { buildSummaryReport } from '../../../shared/merge/summary-report';
import { matchRoster, nameSimilarity, normalizeUnitName, parseRosterText } from '../../../shared/merge/unit-names';
import { createReport, parseReportData, serializeReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';

const NOW = '2026-02-01T09:00:00.000Z';

/** A report whose every cell is 0, then the given cells, totals computed. */
function unitReport(name: string, year: number, cells: Record<string, number | null>, updated = NOW): ReportDocument {
  const doc = createReport({ year, agencyName: name, now: updated });
  for (const key of Object.keys(doc.cells)) doc.cells[key] = 0;
  Object.assign(doc.cells, cells);
  doc.cells = computeTotals(doc);
  return doc;
}

const unit = (path: string, doc: ReportDocument, extra: Partial<ReadUnit> = {}): ReadUnit => ({
  path,
  sha256: 'a'.repeat(64),
  source: 'file',
  doc,
  exportedAt: doc.meta.updated,
  ...extra,
});

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

describe('planMerge', () => {
  it('groups by year and format: a 2020 report among 2021 ones is named and left out', () => {
    const units = [
      unit('a.nianbao', unitReport('甲镇', 2025, { 't3.received.natural': 1 })),
      unit('b.nianbao', unitReport('乙镇', 2025, { 't3.received.natural': 2 })),
      unit('c.nianbao', unitReport('丙镇', 2020, { 't3.received.natural': 100 })),
    ];
    const plan = planMerge(units, []);
    expect(plan.group).toEqual({ year: 2025, format: '2021' });
    expect(plan.groups).toEqual([
      { year: 2025, format: '2021', count: 2 },
      { year: 2020, format: '2019', count: 1 },
    ]);
    expect(plan.rows.find((r) => r.path === 'c.nianbao')?.status).toEqual({ kind: 'otherGroup' });
    expect(plan.notices.some((n) => n.includes('c.nianbao') && n.includes('2020'))).toBe(true);
    expect(plan.sum?.cells['t3.received.natural']).toBe(3);
    // The user may choose the other group instead.
    const other = planMerge(units, [], { group: { year: 2020, format: '2019' } });
    expect(other.sum?.cells['t3.received.natural']).toBe(100);
  });

  it('the same unit twice (a corrected resend): the later export counts, and it says so', () => {
    const first = unitReport('甲镇人民政府', 2025, { 't3.received.natural': 9 }, '2026-01-10T08:00:00.000Z');
    const resend = unitReport('甲镇政府', 2025, { 't3.received.natural': 10 }, '2026-01-20T08:00:00.000Z');
    const plan = planMerge([unit('resend.pdf', resend), unit('first.pdf', first), unit('b.nianbao', unitReport('乙镇', 2025, { 't3.received.natural': 1 }))], []);
    expect(plan.rows.find((r) => r.path === 'first.pdf')?.status).toEqual({ kind: 'superseded', by: 'resend.pdf' });
    expect(plan.sum?.cells['t3.received.natural']).toBe(11);
    expect(plan.notices.some((n) => n.includes('first.pdf') && n.includes('resend.pdf'))).toBe(true);
  });

  it('a PDF changed after export is marked and left out until included, naming whose figures count', () => {
    const embedded = unitReport('甲镇', 2025, { 't3.received.natural': 5 });
    const printed = unitReport('甲镇', 2025, { 't3.received.natural': 50 });
    const edited = unit('edited.pdf', embedded, { source: 'pdf-edited', printed, printedDiffers: ['t3.received.natural'] });
    const other = unit('b.nianbao', unitReport('乙镇', 2025, { 't3.received.natural': 1 }));
    const plan = planMerge([edited, other], []);
    const row = plan.rows.find((r) => r.path === 'edited.pdf')!;
    expect(row.status.kind).toBe('marked');
    expect(plan.sum?.cells['t3.received.natural']).toBe(1);
    const withPrinted = planMerge([edited, other], [], { include: new Map([['edited.pdf', 'printed']]) });
    expect(withPrinted.sum?.cells['t3.received.natural']).toBe(51);
    expect(withPrinted.rows.find((r) => r.path === 'edited.pdf')?.dataUsed).toBe('printed');
    const withEmbedded = planMerge([edited, other], [], { include: new Map([['edited.pdf', 'embedded']]) });
    expect(withEmbedded.sum?.cells['t3.received.natural']).toBe(6);
  });

  it('overview rows carry the check status and the totals that matter', () => {
    const doc = unitReport('甲镇', 2025, { 't3.received.natural': 8, 't3.carriedIn.natural': 1, 't3.granted.natural': 6, 't3.carriedOver.natural': 3, 't4.review.upheld': 2, 't4.suitDirect.upheld': 1, 't4.suitAfterReview.pending': 1 });
    doc.cells['t3.granted.commercial'] = null; // one blank cell: an error
    const plan = planMerge([unit('a.nianbao', doc)], []);
    const row = plan.rows[0]!;
    expect(row.totals).toEqual({ received: 8, handled: 6, carriedOver: 3, review: 2, suits: 2 });
    expect(row.findings.error).toBeGreaterThan(0);
    expect(row.level).toBe('乡镇');
  });

  it('roster: a missing unit, an unknown one, spellings folded, a fuzzy match only proposed', () => {
    const units = [
      unit('a.nianbao', unitReport('黄金镇人民政府', 2025, {})),
      unit('b.nianbao', unitReport('县教育局', 2025, {})),
      unit('c.nianbao', unitReport('新华街道办事处', 2025, {})),
      unit('d.nianbao', unitReport('县卫生健康委员会', 2025, {})),
    ];
    const roster = ['黄金镇政府', '县教育局', '县卫生健康局', '白马镇人民政府'];
    const plan = planMerge(units, [], { roster });
    expect(plan.roster?.missing.sort()).toEqual(['白马镇人民政府', '县卫生健康局'].sort());
    const unknown = plan.roster!.unknown;
    expect(unknown.map((u) => u.unit).sort()).toEqual(['县卫生健康委员会', '新华街道办事处'].sort());
    expect(unknown.find((u) => u.unit === '县卫生健康委员会')?.candidate?.rosterName).toBe('县卫生健康局');
    expect(unknown.find((u) => u.unit === '新华街道办事处')?.candidate).toBeUndefined();
    expect(plan.rows.find((r) => r.path === 'a.nianbao')?.rosterName).toBe('黄金镇政府');
    // Confirmed by the user: the fuzzy match counts, and the entry is no longer missing.
    const confirmed = planMerge(units, [], { roster, confirmedMatches: new Map([['d.nianbao', '县卫生健康局']]) });
    expect(confirmed.roster?.missing).toEqual(['白马镇人民政府']);
    expect(confirmed.rows.find((r) => r.path === 'd.nianbao')?.rosterName).toBe('县卫生健康局');
  });

  it('hierarchical check: every cell where the office’s own report differs from the sum', () => {
    const units = [unit('a.nianbao', unitReport('甲镇', 2025, { 't3.received.natural': 4 })), unit('b.nianbao', unitReport('乙镇', 2025, { 't3.received.natural': 6 }))];
    const parent = unitReport('某县人民政府', 2025, { 't3.received.natural': 17 });
    const plan = planMerge(units, [], { parent });
    const keys = plan.parentDifferences!.map((d) => d.key);
    expect(keys).toEqual(['t3.received.natural', 't3.received.total']);
    expect(plan.parentDifferences![0]).toMatchObject({ parent: 17, sum: 10 });
    expect(plan.parentDifferences![0]!.name).toContain('自然人');
  });
});

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
});

describe('unit names', () => {
  it('folds the spellings of the same government, keeps departments apart', () => {
    expect(normalizeUnitName('黄金镇人民政府')).toBe('黄金镇');
    expect(normalizeUnitName('黄金镇 政府')).toBe('黄金镇');
    expect(normalizeUnitName('黄金镇人民政府办公室')).toBe('黄金镇');
    expect(normalizeUnitName('某县教育局')).toBe('某县教育局');
    expect(normalizeUnitName('（某）县政府')).toBe('(某)县');
    expect(nameSimilarity('县卫生健康委员会', '县卫生健康局')).toBeGreaterThan(0.6);
    expect(nameSimilarity('黄金镇', '白马镇')).toBeLessThan(0.6);
  });

  it('reads a roster text: one name a line, BOM, comments and blank lines ignored, duplicates once', () => {
    expect(parseRosterText('\uFEFF# 2025 年应报单位\r\n黄金镇人民政府\r\n\r\n县教育局\n黄金镇政府\n')).toEqual(['黄金镇人民政府', '县教育局']);
  });

  it('matchRoster with no roster entry matching proposes nothing below the threshold', () => {
    const m = matchRoster(['甲'], ['乙']);
    expect(m).toEqual({ matched: [], unknown: [{ unit: 0 }], missing: ['乙'] });
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
