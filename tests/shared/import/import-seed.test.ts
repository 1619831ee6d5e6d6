// The seed (黄金镇 2019, as published) must come through the text importer completely.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { importReportText } from '../../../shared/import/index';
import { seedText } from './fixtures';

const NOW = '2026-11-01T00:00:00.000Z';

function importSeed() {
  const result = importReportText(seedText, { now: NOW });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('importing the seed report', () => {
  it('reads title, year, agency, level and format', () => {
    const { doc } = importSeed();
    expect(doc.year).toBe(2019);
    expect(doc.agency).toEqual({ name: '黄金镇', level: '乡镇' });
    expect(doc.format).toBe('2019');
    expect(doc.meta.created).toBe(NOW);
  });

  it('reads every cell of tables 2, 3 and 4 as published', () => {
    const { doc } = importSeed();
    const model = formatModel('2019');
    // As published: 规范性文件 211 made / 10 published / 10 in public; every other cell 0.
    const published: Record<string, number> = {
      't2.normativeDocs.made': 211,
      't2.normativeDocs.published': 10,
      't2.normativeDocs.totalPublic': 10,
    };
    for (const cell of model.cells) expect(doc.cells[cell.key], cell.key).toBe(published[cell.key] ?? 0);
    const filled = (table: string) => model.keysByTable[table as 't2'].filter((k) => doc.cells[k] !== null && doc.cells[k] !== undefined);
    expect(filled('t3')).toHaveLength(161);
    expect(filled('t2')).toHaveLength(22);
    expect(filled('t4')).toHaveLength(15);
  });

  it('keeps the narrative of 一 (with the preamble) and 五, paragraph by paragraph', () => {
    const { doc } = importSeed();
    const overview = doc.sections.overview.split('\n');
    expect(overview[0]).toMatch(/^2019年，黄金镇严格按照《中华人民共和国政府信息公开条例》/);
    expect(overview[0]).toMatch(/现将我镇2019年政府信息公开工作情况报告如下：$/);
    expect(overview[1]).toBe('（一）工作概述');
    expect(overview).toContain('（二）主动公开信息情况');
    expect(overview.some((l) => l.startsWith('（一）强化领导、落实责任。'))).toBe(true);
    expect(overview.at(-1)).toMatch(/^2\.主动公开政府信息的主要类别。.*其它需要公开的信息等。$/);
    const problems = doc.sections.problems.split('\n');
    expect(problems[0]).toBe('（一）存在的主要问题');
    expect(problems).toContain('（二）改进措施');
    expect(problems.at(-1)).toMatch(/^（2）进一步梳理镇机关.*有效运作。$/);
    for (const text of [doc.sections.overview, doc.sections.problems]) {
      expect(text).not.toMatch(/^[\s\u3000\u00a0]/m); // indentation stripped
      expect(text).not.toMatch(/\n\n/); // empty lines dropped
      expect(text).not.toContain('第二十条'); // no table text in the narrative
    }
  });

  it('leaves section 六 empty and says so — the only problem in the seed', () => {
    const { doc, problems } = importSeed();
    expect(doc.sections.other).toBe('');
    expect(problems).toEqual([{ place: 'other', message: '没有找到“六、其他需要报告的事项”，该部分留空。' }]);
  });

  it('reads the same report from Windows line endings and a byte order mark', () => {
    const result = importReportText(`\uFEFF${seedText.replace(/\n/g, '\r\n')}`, { now: NOW });
    expect(result.ok && result.doc).toEqual(importSeed().doc);
  });
});

describe('printed totals that do not add up', () => {
  it('keeps them, switches the table to typed totals and reports it', async () => {
    const { importReportText } = await import('../../../shared/import/index');
    const { runChecks } = await import('../../../shared/checks/index');
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const seed = readFileSync(resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seed', 'huangjin-2019.txt'), 'utf8');
    // The seed's first table-3 row (本年新收) is seven zeros; make its 总计 read 5.
    const lines = seed.split('\n');
    const start = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
    lines[start + 7] = '\t5';
    const result = importReportText(lines.join('\n'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.cells['t3.received.total']).toBe(5);
    expect(result.doc.settings?.typedTotals).toEqual(['t3']);
    expect(result.problems.some((p) => p.place === 't3' && p.message.includes('手填总计'))).toBe(true);
    const rowSum = runChecks({ report: result.doc }).find((f) => f.rule === 't3.rowSum');
    expect(rowSum).toMatchObject({ target: 'received', expected: 0, actual: 5 });
  });

  it('leaves consistent tables on computed totals', async () => {
    const { importReportText } = await import('../../../shared/import/index');
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const seed = readFileSync(resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seed', 'huangjin-2019.txt'), 'utf8');
    const result = importReportText(seed);
    expect(result.ok && result.doc.settings?.typedTotals).toBeFalsy();
  });
});
