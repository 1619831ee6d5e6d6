// Text copied out of a published PDF: `pdftotext -layout` of the pingtan sample typeset with wrapped
// labels, merged cells and page numbers (fixtures/pingtan-2022.pdftotext.txt, made by
// fixtures/make-pdftotext-fixture.mjs).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { importReportText } from '../../../shared/import/index';
import { pingtan } from './fixtures';

const pdfText = readFileSync(resolve(import.meta.dirname, 'fixtures', 'pingtan-2022.pdftotext.txt'), 'utf8');

function read(text: string) {
  const result = importReportText(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('pdftotext -layout output', () => {
  it('the fixture really has the hard parts: wrapped labels, interleaved merged labels, page numbers', () => {
    expect(pdfText).toContain('\f');
    expect(pdfText).toMatch(/^\s*—1—\s*$/m);
    expect(pdfText).toMatch(/^\s*（二）部分公开（区分处理的，只计这一情\s*$/m);
    expect(pdfText).toMatch(/^\s*处理\s*$/m);
  });

  it('every cell and every paragraph comes back', () => {
    const { doc, problems } = read(pdfText);
    expect(doc.format).toBe('2021');
    for (const key of formatModel('2021').cells.map((c) => c.key)) expect(doc.cells[key], key).toBe(pingtan.cells[key]);
    expect(doc.sections).toEqual(pingtan.sections);
    expect(problems.map((p) => p.place)).toEqual(['meta']); // only the level to confirm
  });

  it('without indentation (copied from a PDF viewer) the cells still come back and no text is lost', () => {
    const { doc } = read(pdfText.replace(/^ +/gm, ''));
    for (const key of formatModel('2021').cells.map((c) => c.key)) expect(doc.cells[key], key).toBe(pingtan.cells[key]);
    for (const key of ['overview', 'problems', 'other'] as const) {
      expect(doc.sections[key].replace(/\n/g, '')).toBe(pingtan.sections[key].replace(/\n/g, ''));
    }
  });
});
