// planMerge: the receiving office's decisions, as a pure function: years and formats never mixed, a resend
// replacing the earlier file, marked PDFs left out until included, the roster, and the comparison with the
// office's own report.
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../shared/merge/plan-merge';
import { unit, unitReport } from './helpers';

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
