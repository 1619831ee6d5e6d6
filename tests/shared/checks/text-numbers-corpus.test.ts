// The text.numbers corpus (text-numbers-corpus.ts): every case is checked as a report whose section 一 is
// the sentence and whose tables hold the case's figures. Prints a precision/recall table per kind of
// figure; the goal is no false alarm and every contradiction found.
import { describe, expect, it } from 'vitest';
import { FIGURE_LABELS, runChecks } from '../../../shared/checks/index';
import type { FigureKind } from '../../../shared/checks/index';
import type { ReportDocument } from '../../../shared/model/report';
import { CORPUS, CORPUS_SENTENCES, toCells } from './text-numbers-corpus';
import type { CorpusCase } from './text-numbers-corpus';
import { cleanReport } from './helpers';

function reportOf(c: CorpusCase): ReportDocument {
  const doc = cleanReport(c.format);
  doc.agency = { ...doc.agency, name: c.agency };
  doc.sections = { overview: c.text, problems: '无。', other: '无。' };
  Object.assign(doc.cells, toCells(c.format, c.tables));
  return doc;
}

function flagged(c: CorpusCase): FigureKind[] {
  return runChecks({ report: reportOf(c) })
    .filter((f) => f.rule === 'text.numbers')
    .map((f) => f.target as FigureKind);
}

interface Tally {
  stated: number;
  tp: number;
  fp: number;
  fn: number;
}

describe('text.numbers corpus', () => {
  const results = CORPUS.map((c) => ({ c, found: flagged(c) }));

  it(`has at least 150 sentences, about half of the cases true statements (${CORPUS_SENTENCES} sentences, ${CORPUS.length} cases)`, () => {
    expect(CORPUS_SENTENCES).toBeGreaterThanOrEqual(150);
    const trueCases = CORPUS.filter((c) => c.flags.length === 0).length;
    expect(trueCases / CORPUS.length).toBeGreaterThan(0.4);
    expect(trueCases / CORPUS.length).toBeLessThan(0.7);
    for (const style of ['city', 'county', 'town', 'department']) expect(CORPUS.some((c) => c.style === style), style).toBe(true);
    for (const format of ['2019', '2021']) expect(CORPUS.some((c) => c.format === format), format).toBe(true);
  });

  it('no false alarm and every contradiction found (precision/recall per kind of figure)', () => {
    const tally = new Map<FigureKind, Tally>((Object.keys(FIGURE_LABELS) as FigureKind[]).map((k) => [k, { stated: 0, tp: 0, fp: 0, fn: 0 }]));
    const wrong: string[] = [];
    for (const { c, found } of results) {
      for (const k of c.flags) {
        const t = tally.get(k)!;
        t.stated++;
        if (found.includes(k)) t.tp++;
        else {
          t.fn++;
          wrong.push(`missed ${k}: ${c.text} ${JSON.stringify(c.tables)}`);
        }
      }
      for (const k of found) {
        if (c.flags.includes(k)) continue;
        tally.get(k)!.fp++;
        wrong.push(`false alarm ${k}: ${c.text} ${JSON.stringify(c.tables)}`);
      }
    }
    const pct = (a: number, b: number) => (b === 0 ? '   —  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
    const lines = [
      `text.numbers corpus: ${CORPUS_SENTENCES} sentences, ${CORPUS.length} cases (${CORPUS.filter((c) => c.flags.length === 0).length} with nothing to flag)`,
      'kind                     contradictions  found  false alarms  missed  precision  recall',
    ];
    let sum = { stated: 0, tp: 0, fp: 0, fn: 0 };
    for (const [k, t] of tally) {
      if (t.stated === 0 && t.fp === 0) continue;
      sum = { stated: sum.stated + t.stated, tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn };
      lines.push(`${k.padEnd(25)}${String(t.stated).padStart(14)}${String(t.tp).padStart(7)}${String(t.fp).padStart(14)}${String(t.fn).padStart(8)}   ${pct(t.tp, t.tp + t.fp)}  ${pct(t.tp, t.stated)}`);
    }
    lines.push(`${'all'.padEnd(25)}${String(sum.stated).padStart(14)}${String(sum.tp).padStart(7)}${String(sum.fp).padStart(14)}${String(sum.fn).padStart(8)}   ${pct(sum.tp, sum.tp + sum.fp)}  ${pct(sum.tp, sum.stated)}`);
    console.log(lines.join('\n'));
    expect(wrong).toEqual([]);
  });
});
