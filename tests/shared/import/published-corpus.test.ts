// The published-text corpus (tests/fixtures/published-text): report texts as found on the web, crawled,
// converted by other tools, printed by pdftotext. Of the cells a person can read there, the share the
// importer reads exactly is printed (the goal is 95 %), a floor is asserted, and a wrong number is never
// allowed: every cell the importer fills must be the one a person reads.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { importReportText } from '../../../shared/import/index';
import { loadCorpus } from '../../fixtures/published-text/corpus';

/** Share of readable cells read exactly, over the whole corpus (the goal: 95 %). */
const FLOOR = 0.96;
/** Texts whose title, year or agency the importer does not read yet (emptied as the variants are done). */
const TITLE_GAPS = new Set<string>([]);
const corpus = loadCorpus();

interface Score {
  readable: number;
  exact: number;
  wrong: string[];
}

function score(entry: (typeof corpus)[number]['entry'], text: string): Score & { ok: boolean; message?: string } {
  const result = importReportText(text, entry.options ?? {});
  const readableKeys = Object.keys(entry.cells).filter((k) => entry.cells[k] !== null && !entry.unreadable?.includes(k));
  if (!result.ok) return { ok: false, message: result.message, readable: readableKeys.length, exact: 0, wrong: [] };
  const { doc } = result;
  const wrong: string[] = [];
  let exact = 0;
  for (const key of readableKeys) if (doc.cells[key] === entry.cells[key]) exact++;
  for (const cell of formatModel(doc.format).cells) {
    const got = doc.cells[cell.key];
    if (got === null || got === undefined) continue;
    const want = entry.unreadable?.includes(cell.key) ? undefined : entry.cells[cell.key];
    if (got !== want) wrong.push(`${cell.key}: ${got} (${want === undefined ? '不可读' : want === null ? '空白' : want})`);
  }
  return { ok: true, readable: readableKeys.length, exact, wrong };
}

const results = corpus.map(({ entry, text }) => ({ entry, ...score(entry, text) }));

describe('published-text corpus', () => {
  it('prints the share of readable cells imported exactly', () => {
    const total = results.reduce((a, r) => a + r.readable, 0);
    const exact = results.reduce((a, r) => a + r.exact, 0);
    const lines = results.map((r) => `${r.entry.file.padEnd(40)} ${String(r.exact).padStart(4)}/${String(r.readable).padEnd(4)} ${r.ok ? '' : `拒绝：${r.message}`}`);
    console.log(`${lines.join('\n')}\n合计 ${exact}/${total} = ${((exact / total) * 100).toFixed(1)} %`);
    expect(exact / total).toBeGreaterThanOrEqual(FLOOR);
  });

  it.each(results.map((r) => [r.entry.file, r] as const))('%s: never a wrong number', (_file, r) => {
    expect(r.wrong).toEqual([]);
  });

  it.each(results.filter((r) => !TITLE_GAPS.has(r.entry.file)).map((r) => [r.entry.file, r] as const))('%s: year, agency and level as a person reads them', (_file, r) => {
    const result = importReportText(corpus.find((c) => c.entry === r.entry)!.text, r.entry.options ?? {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.year).toBe(r.entry.year);
    expect(result.doc.agency.name).toBe(r.entry.agency);
    if (r.entry.level) expect(result.doc.agency.level).toBe(r.entry.level);
  });
});
