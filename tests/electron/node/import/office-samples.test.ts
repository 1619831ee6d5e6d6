// Each office sample (../shared/samples/office: the seed and the 平潭 2022 report as .docx, .html and
// .pdf, made by LibreOffice) imports cell-exact with its narrative sections in place, through the one
// intermediate and the one table reader.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../../../electron/node/import/index';
import { formatModel } from '../../../../shared/formats/index';
import { importReportText } from '../../../../shared/import/index';
import { pingtan, repoRoot, seedText } from '../../../shared/import/fixtures';

const office = (name: string) => resolve(repoRoot, '..', 'shared', 'samples', 'office', name);

async function imported(name: string) {
  const result = await importReportFile(office(name));
  if (!result.ok) throw new Error(result.message);
  return result;
}

const seed = (() => {
  const result = importReportText(seedText);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
})();

describe.each(['docx', 'html', 'pdf'] as const)('the office samples as .%s', (ext) => {
  it('平潭 2022: every cell and every section as published', async () => {
    const { doc, kind, problems } = await imported(`pingtan-2022.${ext}`);
    expect(kind).toBe(ext);
    expect(doc.year).toBe(2022);
    expect(doc.agency.name).toBe('平潭综合实验区');
    expect(doc.format).toBe('2021');
    for (const cell of formatModel('2021').cells) expect(doc.cells[cell.key], cell.key).toBe(pingtan.cells[cell.key]);
    expect(doc.sections).toEqual(pingtan.sections);
    const unexpected = problems.filter((p) => p.place !== 'meta' && !p.message.includes('“总计”列没有印出'));
    expect(unexpected).toEqual([]);
  });

  it('黄金镇 2019 (the seed): the same cells as the seed text import, narrative in place', async () => {
    const { doc } = await imported(`huangjin-2019.${ext}`);
    expect(doc.year).toBe(2019);
    expect(doc.agency).toEqual(seed.agency);
    expect(doc.format).toBe('2019');
    for (const cell of formatModel('2019').cells) expect(doc.cells[cell.key], cell.key).toBe(seed.cells[cell.key]);
    expect(doc.sections.overview).toBe(seed.sections.overview);
    expect(doc.sections.problems).toBe(seed.sections.problems);
  });
});

describe('what the PDF front end cannot see is said, cell by cell', () => {
  it('the 总计 columns the LibreOffice PDF cut off at the page edge are named and computed, not read', async () => {
    const { problems, doc } = await imported('pingtan-2022.pdf');
    const clipped = problems.filter((p) => p.message.includes('“总计”列没有印出'));
    expect(clipped.map((p) => p.place)).toEqual(['t3', 't4']);
    expect(clipped[0]!.cells).toContain('t3.received.total');
    expect(clipped[1]!.cells).toEqual(['t4.suitAfterReview.total']);
    expect(doc.cells['t3.received.total']).toBe(74);
  });
});

describe('a report printed in the other format’s layout', () => {
  it('a 2022 report on the 2019 tables imports as printed and says so', async () => {
    const { importReportBytes } = await import('../../../../electron/node/import/index');
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(office('huangjin-2019.html'), 'utf8').replace(/2019年黄金镇/g, '2022年黄金镇');
    const result = await importReportBytes(new TextEncoder().encode(html), '黄金镇2022.html');
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.year).toBe(2022);
    expect(result.doc.format).toBe('2019');
    expect(result.problems.some((p) => p.place === 'meta' && p.message.includes('应使用 2021 年格式') && p.message.includes('已按文本的格式读入'))).toBe(true);
    for (const cell of formatModel('2019').cells) expect(result.doc.cells[cell.key], cell.key).toBe(seed.cells[cell.key]);
  });
});
