// Every character the reports print has a glyph in the face that prints it: the seed text, the pingtan
// narrative, every label of both formats, the page numbers and the draft's fixed texts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import type { FormatId, GridTable } from '../../../../shared/formats/types';
import { SEVERITY_LABELS } from '../../../../shared/checks/types';
import { reportTitle } from '../../../../shared/model/report';
import type { FaceName } from '../../../../electron/node/pdf/fonts';
import { paragraphsOf } from '../../../../electron/node/pdf/narrative';
import { pingtanReport, SEED_PATH, seedReport, sharedExporter } from './helpers';

const fonts = sharedExporter().fonts;

function missingIn(face: FaceName, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (!fonts.faces[face].hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}

const gridTexts = (grid: GridTable) => [...grid.headerRows, ...grid.bodyRows].flat().map((c) => c.text ?? '');

function labelsOf(id: FormatId): string {
  const model = formatModel(id);
  return [
    ...model.format.sections.map((s) => s.heading),
    ...gridTexts(model.grids.t2),
    ...gridTexts(model.grids.t3),
    ...gridTexts(model.grids.t4),
    '（单位：元）（单位：万元）',
  ].join('');
}

/** Narrative paragraphs split by the face they are printed in. */
function narrativeByFace(sections: string[]): Record<FaceName, string> {
  const out: Record<FaceName, string> = { serif: '', serifBold: '', sans: '', kai: '' };
  for (const text of sections) for (const p of paragraphsOf(text)) for (const part of p.parts) out[part.face] += part.text;
  return out;
}

describe('glyph coverage of the faces', () => {
  it('the body face has every character of the seed text as published', () => {
    expect(missingIn('serif', readFileSync(SEED_PATH, 'utf8'))).toEqual([]);
  });

  it.each([
    ['seed', seedReport],
    ['pingtan', pingtanReport],
  ])('%s: each narrative part has its glyphs in the face that prints it, the title in the title face', (_name, load) => {
    const doc = load();
    const byFace = narrativeByFace(Object.values(doc.sections));
    expect(byFace.kai.length + byFace.sans.length).toBeGreaterThan(0);
    for (const face of ['serif', 'sans', 'kai'] as FaceName[]) expect(missingIn(face, byFace[face]), face).toEqual([]);
    expect(missingIn('serifBold', reportTitle(doc))).toEqual([]);
  });

  it.each(['2019', '2021'] as FormatId[])('%s format: every label and heading in the table and heading faces', (id) => {
    const labels = labelsOf(id);
    expect(labels).toContain('三、本年度办理结果');
    expect(missingIn('serif', labels)).toEqual([]);
    expect(missingIn('sans', formatModel(id).format.sections.map((s) => s.heading).join(''))).toEqual([]);
  });

  it('page numbers, watermark and the findings page', () => {
    expect(missingIn('serif', '— 0123456789 —')).toEqual([]);
    expect(missingIn('sans', '草稿附页：检查结果【】' + Object.values(SEVERITY_LABELS).join('') + 'abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toEqual([]);
    expect(missingIn('kai', '说明：')).toEqual([]);
  });

  it('falls back per character instead of printing a box', () => {
    expect(fonts.covers('kai', 0x4e00)).toBe(true);
    expect(fonts.resolve('kai', 0x4e00)).toBe('kai');
    // A rare character outside the kai subset (GB2312) but inside Noto Serif SC: printed in serif.
    const rare = '堃';
    expect(fonts.faces.kai.hasGlyphForCodePoint(rare.codePointAt(0)!)).toBe(false);
    expect(fonts.resolve('kai', rare.codePointAt(0)!)).toBe('serif');
  });
});
