// The engine never throws, whatever the document holds, and every finding it returns is well-formed:
// a known rule and severity, a place, a non-empty Chinese message that shows the numbers it compares.
import { describe, expect, it } from 'vitest';
import { RULE_LABELS, runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/index';
import type { ReportDocument } from '../../../shared/model/report';
import { pingtanPreviousReport } from '../../fixtures/pingtan';
import { clean2019, clean2021, clone, shown } from './helpers';

const PLACES = ['meta', 't2', 't3', 't4', 'overview', 'problems', 'other'];
const SEVERITIES = ['error', 'confirm', 'hint'];

function expectWellFormed(list: Finding[]): void {
  for (const f of list) {
    expect(Object.keys(RULE_LABELS)).toContain(f.rule);
    expect(SEVERITIES).toContain(f.severity);
    expect(PLACES).toContain(f.place);
    expect(typeof f.target).toBe('string');
    expect(f.target).not.toBe('');
    expect(Array.isArray(f.cells)).toBe(true);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message).not.toMatch(/undefined|null|\[object/);
    // Numbers compared are both in the message (a bad amount is shown as typed, unrounded).
    for (const n of [f.expected, f.actual]) {
      if (n === undefined || !Number.isFinite(n)) continue;
      expect([shown(n), String(n)].some((s) => f.message.includes(s)), `${f.message} / ${n}`).toBe(true);
    }
  }
}

const odd = (doc: ReportDocument, patch: Record<string, unknown>) => ({ ...doc, ...patch }) as unknown as ReportDocument;

describe('runChecks on odd data', () => {
  const cases: [string, () => ReportDocument][] = [
    ['cells missing', () => odd(clean2021(), { cells: undefined })],
    ['cells null', () => odd(clean2021(), { cells: null })],
    ['cells empty', () => odd(clean2019(), { cells: {} })],
    ['sections missing', () => odd(clean2021(), { sections: undefined })],
    ['a section not text', () => odd(clean2021(), { sections: { overview: 12, problems: null } })],
    ['agency missing', () => odd(clean2021(), { agency: undefined })],
    ['explanations missing', () => odd(clean2021(), { explanations: undefined, sections: { overview: 'x', problems: 'y', other: '' } })],
    ['explanations with holes', () => odd(clean2021(), { explanations: [null, { rule: 'text.empty' }], sections: { overview: 'x', problems: 'y', other: '' } })],
    ['format unknown', () => odd(clean2021(), { format: 'x' })],
    ['format and year unknown', () => odd(clean2021(), { format: undefined, year: '二〇二二' })],
    ['settings odd', () => odd(clean2021(), { settings: { typedTotals: 'all' } })],
    [
      'NaN-like values',
      () => {
        const doc = clean2021();
        const cells = doc.cells as Record<string, unknown>;
        cells['t3.received.natural'] = Number.NaN;
        cells['t3.received.total'] = Number.POSITIVE_INFINITY;
        cells['t3.granted.natural'] = Number.NEGATIVE_INFINITY;
        cells['t3.carriedIn.natural'] = -0;
        cells['t2.fees.amount'] = Number.MAX_VALUE;
        cells['t2.licensing.decisions'] = 1e300;
        cells['t4.review.upheld'] = '3';
        cells['t4.review.other'] = {};
        cells['t4.review.pending'] = [];
        cells['t4.suitDirect.upheld'] = true;
        cells['t9.unknown.key'] = 5;
        return doc;
      },
    ],
  ];

  it.each(cases)('%s: no exception, well-formed findings', (_name, make) => {
    const doc = make();
    const list = runChecks({ report: doc });
    expectWellFormed(list);
    expectWellFormed(runChecks({ report: doc, previous: doc }));
    expectWellFormed(runChecks({ report: clean2021(), previous: doc }));
  });

  it('values that are not finite numbers are cell.invalid, one each', () => {
    const doc = cases.find(([n]) => n === 'NaN-like values')![1]();
    const invalid = runChecks({ report: doc }).filter((f) => f.rule === 'cell.invalid');
    expect(invalid.map((f) => f.target).sort()).toEqual(
      [
        't2.licensing.decisions', // 1e300: beyond safe integers
        't3.granted.natural',
        't3.received.natural',
        't3.received.total',
        't4.review.other',
        't4.review.pending',
        't4.review.upheld',
        't4.suitDirect.upheld',
      ].sort(),
    );
  });

  it('a randomly damaged report (seeded) never makes it throw', () => {
    let seed = 20230220;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const values: unknown[] = [null, undefined, 0, 1, 7, 74, -1, 2.5, 1.23456, Number.NaN, Number.POSITIVE_INFINITY, 1e12, -0];
    const texts = ['', ' ', '无', '信息处理费0元', '政'.repeat(1500), clean2021().sections.problems];
    const bases = [clean2019(), clean2021(), pingtanPreviousReport()];
    for (let round = 0; round < 300; round++) {
      const doc = clone(bases[Math.floor(random() * bases.length)]!);
      const keys = Object.keys(doc.cells);
      const changes = 1 + Math.floor(random() * 12);
      for (let c = 0; c < changes; c++) {
        const key = keys[Math.floor(random() * keys.length)]!;
        const v = values[Math.floor(random() * values.length)];
        if (v === undefined) delete doc.cells[key];
        else (doc.cells as Record<string, unknown>)[key] = v;
      }
      doc.sections.other = texts[Math.floor(random() * texts.length)]!;
      if (random() < 0.2) doc.sections.problems = texts[Math.floor(random() * texts.length)]!;
      if (random() < 0.1) doc.agency.level = '乡镇';
      const previous = random() < 0.7 ? clone(bases[Math.floor(random() * bases.length)]!) : undefined;
      const list = runChecks(previous ? { report: doc, previous } : { report: doc });
      expectWellFormed(list);
    }
  });
});
