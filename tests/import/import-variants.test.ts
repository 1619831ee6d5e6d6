// Variants of published reports as clerks paste them: a cell holding two numbers separated by a space.
// Every cell comes back or is reported, never guessed.
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../shared/import/index';
import { pingtan, seedText } from './fixtures';
import { renderReportText } from './render-report-text';

function read(text: string) {
  const result = importReportText(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}


describe('a cell with a space inside the number', () => {
  it('“1 2” in one cell is not read as 12: that cell is blank and reported, its neighbours read', () => {
    const text = renderReportText(pingtan, { style: 'flattened', overrides: { 't3.granted.natural': '2 1' } });
    const { doc, problems } = read(text);
    expect(doc.cells['t3.granted.natural']).toBeNull();
    expect(doc.cells['t3.granted.commercial']).toBe(pingtan.cells['t3.granted.commercial']);
    const reported = problems.find((p) => p.key === 't3.granted.natural');
    expect(reported?.message).toContain('“2 1”不是数字');
  });

  it('a space after the sign is still a signed number (本年增/减 “－ 3”)', () => {
    const { doc } = read(seedText.replace(/(行政许可\n\t)　0(\n\t)　0/, '$1　5$2－ 3'));
    expect(doc.cells['t2.licensing.lastYearItems']).toBe(5);
    expect(doc.cells['t2.licensing.change']).toBe(-3);
  });
});
