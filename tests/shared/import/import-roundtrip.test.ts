// Reports rendered to text in the shapes pasted text arrives in (flattened cells as in the seed, one row
// per line with tabs, one row per line with runs of spaces) must come back cell for cell.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { importReportText } from '../../../shared/import/index';
import { numbered2019, pingtan } from './fixtures';
import { renderReportText, type TextStyle } from './render-report-text';

const STYLES: TextStyle[] = ['flattened', 'tabs', 'spaces'];

describe('2021 format: the pingtan sample round-trips', () => {
  it.each(STYLES)('%s', (style) => {
    const text = renderReportText(pingtan, {
      style,
      preamble: true,
      numberVariants: style !== 'spaces',
      // As published, its section 四 heading has the typo “行政法复议”.
      headings: { t4: '四、政府信息公开行政法复议、行政诉讼情况' },
    });
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.message);
    const { doc, problems } = result;
    expect(doc.format).toBe('2021');
    expect(doc.year).toBe(2022);
    expect(doc.agency.name).toBe('平潭综合实验区');
    expect(doc.sections).toEqual(pingtan.sections);
    const keys = formatModel('2021').cells.map((c) => c.key);
    expect(keys).toHaveLength(200);
    for (const key of keys) expect(doc.cells[key], key).toBe(pingtan.cells[key]);
    // Non-zero figures of every table really arrived.
    expect(doc.cells['t2.licensing.decisions']).toBe(10690);
    expect(doc.cells['t2.fees.amount']).toBe(9116.36);
    expect(doc.cells['t3.unavailable.notHeld.natural']).toBe(37);
    expect(doc.cells['t3.other.misc.commercial']).toBe(2);
    expect(doc.cells['t4.review.total']).toBe(2);
    // 平潭综合实验区 does not show its level: the only thing to confirm.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ place: 'meta' });
    expect(problems[0]!.message).toContain('机关层级');
  });
});

describe('2019 format with a value in every cell round-trips', () => {
  it.each(STYLES)('%s', (style) => {
    const input = numbered2019();
    const result = importReportText(renderReportText(input, { style, numberVariants: style !== 'spaces' }));
    if (!result.ok) throw new Error(result.message);
    expect(result.problems).toEqual([]);
    expect(result.doc.format).toBe('2019');
    expect(result.doc.agency).toEqual({ name: '某某县人民政府', level: '县级' });
    expect(result.doc.sections).toEqual(input.sections);
    for (const cell of formatModel('2019').cells) expect(result.doc.cells[cell.key], cell.key).toBe(input.cells[cell.key]);
    expect(Object.values(input.cells).some((v) => (v ?? 0) < 0)).toBe(true);
  });
});
