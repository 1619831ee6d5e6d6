// Damage at random places (a cell left out, “/”, a word, a unit, a blank) in every paste style, with
// and without the number variants of published reports (“　0”, “1,048”, full-width digits): every cell
// the importer fills holds the number printed for that very cell. A fixed seed keeps it repeatable.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import type { FormatId } from '../../../shared/formats/types';
import { importReportText } from '../../../shared/import/index';
import { renderReportText, type TextStyle } from './render-report-text';

/** Text written in place of a number, and the value it stands for when it is one. */
const DAMAGE: [string, number | undefined][] = [
  ['', undefined],
  ['/', undefined],
  ['—', undefined],
  ['二十一', undefined],
  ['abc', undefined],
  ['3万元', undefined],
  ['12件', 12],
  ['１２', 12],
  ['7', 7],
];

function random(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

describe.each(['2019', '2021'] as FormatId[])('%s format, random damage', (format) => {
  it('never puts a number into another cell', () => {
    const cells: Record<string, number> = {};
    formatModel(format).cells.forEach((c, i) => (cells[c.key] = c.kind === 'amount' ? 1000 + i + 0.25 : 1000 + i));
    const input = {
      title: `${format === '2019' ? 2020 : 2022}年某某县人民政府政府信息公开工作年度报告`,
      format,
      sections: { overview: '总体情况良好。', problems: '问题。', other: '无。' },
      cells,
    };
    const rnd = random(format === '2019' ? 7 : 11);
    const keys = formatModel(format).cells.map((c) => c.key);
    for (let trial = 0; trial < 60; trial++) {
      const style = rnd.pick(['flattened', 'tabs', 'spaces'] as TextStyle[]);
      const overrides: Record<string, string> = {};
      const omit: string[] = [];
      for (let k = 1 + Math.floor(rnd.next() * 3); k > 0; k--) {
        const key = rnd.pick(keys);
        if (rnd.next() < 0.3) omit.push(key);
        else overrides[key] = rnd.pick(DAMAGE)[0];
      }
      const result = importReportText(renderReportText(input, { style, overrides, omit, numberVariants: rnd.next() < 0.5 }));
      if (!result.ok) throw new Error(result.message);
      const where = `${style} ${JSON.stringify({ overrides, omit })}`;
      for (const [key, value] of Object.entries(result.doc.cells)) {
        if (value === null) continue;
        expect(omit, where).not.toContain(key);
        const expected = key in overrides ? DAMAGE.find(([text]) => text === overrides[key])![1] : cells[key];
        expect(value, `${key} ${where}`).toBe(expected);
      }
    }
  });
});
