import { describe, expect, it } from 'vitest';
import { formatIdForYear, formatModel, getFormat, headerText } from '../../../shared/formats/index';

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

describe('per-format facts read from the definitions', () => {
  it('the header over the amount whose unit the report chooses carries it (2019 采购总金额); 2021 has none', () => {
    const headers = (id: '2019' | '2021') => formatModel(id).grids.t2.bodyRows.flat().filter((c) => c.role === 'header');
    const marked = headers('2019').filter((c) => c.unitOf);
    expect(marked.map((c) => [c.text, c.unitOf])).toEqual([['采购总金额', 't2.procurement.amount']]);
    expect(headerText(marked[0]!, '万元')).toBe('采购总金额（单位：万元）');
    expect(headerText(marked[0]!, undefined)).toBe('采购总金额');
    expect(headers('2021').some((c) => c.unitOf)).toBe(false);
    expect(headerText(headers('2021')[0]!, '万元')).toBe(headers('2021')[0]!.text);
  });

  it('only the 2021 format asks for 信息处理费 under 六; both name the other-results group', () => {
    expect([getFormat('2019').feeReportedUnderOther, getFormat('2021').feeReportedUnderOther]).toEqual([false, true]);
    for (const id of ['2019', '2021'] as const) {
      const rows = getFormat(id).t3.rows.filter((r) => r.labels[1] === getFormat(id).t3.otherResultsLabel);
      expect(rows.length).toBe(id === '2019' ? 1 : 3);
    }
  });
});
