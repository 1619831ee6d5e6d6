import { describe, expect, it } from 'vitest';
import { formatIdForYear, formatModel } from '../shared/formats/index';

describe('format model', () => {
  it('has the cell counts of the spec', () => {
    const m19 = formatModel('2019');
    const m21 = formatModel('2021');
    expect(m19.keysByTable.t3).toHaveLength(161);
    expect(m21.keysByTable.t3).toHaveLength(175);
    expect(m19.keysByTable.t4).toHaveLength(15);
    expect(m21.keysByTable.t4).toHaveLength(15);
    expect(m19.keysByTable.t2).toHaveLength(22);
    expect(m21.keysByTable.t2).toHaveLength(10);
  });
  it('picks the format by year', () => {
    expect(formatIdForYear(2019)).toBe('2019');
    expect(formatIdForYear(2020)).toBe('2019');
    expect(formatIdForYear(2021)).toBe('2021');
    expect(formatIdForYear(2025)).toBe('2021');
  });
});
