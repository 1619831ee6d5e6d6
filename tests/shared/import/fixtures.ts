import { computeTotals } from '../../../shared/checks/totals';
// Shared inputs of the importer and CLI tests: the seed text, the 2021 sample and a 2019 report with
// non-zero numbers in every kind of cell.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatModel } from '../../../shared/formats/index';
import type { RenderInput } from './render-report-text';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const seedPath = resolve(repoRoot, '..', 'shared', 'seed', 'huangjin-2019.txt');
export const samplePath = resolve(repoRoot, '..', 'shared', 'samples', 'pingtan-2022.json');

export const seedText = readFileSync(seedPath, 'utf8');

interface Sample extends RenderInput {
  year: number;
  agency: { name: string; level: string };
}

export const pingtan: Sample = JSON.parse(readFileSync(samplePath, 'utf8'));

/** A 2019-format report where every cell has its own value (negative 本年增/减, amounts with decimals). */
export function numbered2019(): RenderInput & { year: number } {
  const cells: Record<string, number> = {};
  formatModel('2019').cells.forEach((c, i) => {
    if (c.kind === 'signedCount') cells[c.key] = i % 2 ? -(i % 7) - 1 : i;
    else if (c.kind === 'amount') cells[c.key] = 1234.5678;
    else cells[c.key] = (i * 7) % 23;
  });
  // Totals as their parts add up (a report whose printed totals disagree is switched to typed totals,
  // tested separately in import-seed.test.ts).
  const totals = computeTotals({ format: '2019', cells });
  for (const c of formatModel('2019').cells) if (c.computed) cells[c.key] = totals[c.key]!;
  return {
    title: '2020年某某县人民政府政府信息公开工作年度报告',
    year: 2020,
    format: '2019',
    sections: {
      overview: '2020年，本县认真贯彻《条例》。\n（一）主动公开\n全年主动公开政府信息1,234条。',
      problems: '一是公开内容不够全面。\n二是解读形式单一。',
      other: '本机关2020年未收取信息处理费。',
    },
    cells,
  };
}
