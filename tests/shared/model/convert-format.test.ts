import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { convertFormat, createReport, describeConversion, parseReport, serializeReport, type ReportDocument } from '../../../shared/model/index';

const NOW = '2026-01-05T09:30:00.000Z';
const AT = '2026-02-01T08:00:00.000Z';

/** A 2020 report in the 2019 format with hand-picked values in every kind of cell. */
function report2020(): ReportDocument {
  const doc = createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇', now: NOW });
  Object.assign(doc.cells, {
    't2.regulations.made': 2,
    't2.normativeDocs.made': 7,
    't2.normativeDocs.published': 7, // 2019 only
    't2.normativeDocs.totalPublic': 40, // 2019 only
    't2.licensing.lastYearItems': 12, // 2019 only
    't2.licensing.decisions': 356,
    't2.penalties.decisions': 21,
    't2.enforcement.decisions': 0,
    't2.procurement.amount': 88.5, // 2019 only
    't3.received.natural': 10,
    't3.received.commercial': 2,
    't3.received.total': 12,
    't3.granted.natural': 6,
    't3.other.natural': 3,
    't3.other.commercial': 1,
    't3.resultsTotal.natural': 9,
    't3.carriedOver.natural': 1,
    't4.review.upheld': 2,
    't4.suitDirect.pending': 1,
  });
  return doc;
}

describe('convertFormat 2019 → 2021', () => {
  const before = report2020();
  const r = convertFormat(before, '2021', AT);

  it('moves the cells both formats have, and the renamed ones', () => {
    expect(r.doc.format).toBe('2021');
    const c = r.doc.cells;
    expect(c['t2.regulations.issued']).toBe(2); // 本年新制作数量 → 本年制发件数
    expect(c['t2.normativeDocs.issued']).toBe(7);
    expect(c['t2.licensing.decisions']).toBe(356);
    expect(c['t2.penalties.decisions']).toBe(21);
    expect(c['t2.enforcement.decisions']).toBe(0);
    expect(c['t3.received.natural']).toBe(10);
    expect(c['t3.received.total']).toBe(12);
    expect(c['t3.granted.natural']).toBe(6);
    expect(c['t3.other.misc.natural']).toBe(3); // （六）其他处理 → 3.其他
    expect(c['t3.other.misc.commercial']).toBe(1);
    expect(c['t3.other.noCorrection.natural']).toBeNull();
    expect(c['t3.other.unpaidFee.natural']).toBeNull();
    expect(c['t4.review.upheld']).toBe(2);
    expect(c['t4.suitDirect.pending']).toBe(1);
    // Exactly the 2021 keys, no 2019 key left behind.
    expect(Object.keys(c).sort()).toEqual(formatModel('2021').cells.map((x) => x.key).sort());
    expect(r.moved).toContainEqual({ from: 't2.regulations.made', to: 't2.regulations.issued', value: 2 });
    expect(r.moved).toContainEqual({ from: 't3.other.natural', to: 't3.other.misc.natural', value: 3 });
    expect(r.moved).toContainEqual({ from: 't3.received.natural', to: 't3.received.natural', value: 10 });
    // Only cells that had a value are listed as moved: 13 of the 19 values above (4 are 2019-only, and
    // the computed totals t3.received.total and t3.resultsTotal.natural are computed again, not listed).
    expect(r.moved).toHaveLength(13);
    expect(c['t3.resultsTotal.natural']).toBe(9);
    // With typed totals in table 3 they are the user's numbers and listed.
    const typed = convertFormat({ ...before, settings: { typedTotals: ['t3'] } }, '2021', AT);
    expect(typed.moved).toContainEqual({ from: 't3.received.total', to: 't3.received.total', value: 12 });
  });

  it('lists the cells with no source to be filled, computed totals left out', () => {
    expect(r.toFill).toEqual(
      expect.arrayContaining(['t2.regulations.repealed', 't2.regulations.inForce', 't2.normativeDocs.repealed', 't2.normativeDocs.inForce', 't2.fees.amount', 't3.other.noCorrection.natural', 't3.other.unpaidFee.otherOrg']),
    );
    // 2 t2 rows × 2 columns + 1 fee + 2 rows of 其他处理 × 6 applicant columns (总计 is computed).
    expect(r.toFill).toHaveLength(4 + 1 + 12);
    expect(r.toFill).not.toContain('t3.other.noCorrection.total');
  });

  it('drops the values with no place, and keeps them in the history', () => {
    expect(r.dropped).toEqual([
      { key: 't2.normativeDocs.published', value: 7 },
      { key: 't2.normativeDocs.totalPublic', value: 40 },
      { key: 't2.licensing.lastYearItems', value: 12 },
      { key: 't2.procurement.amount', value: 88.5 },
    ]);
    expect(r.doc.history).toEqual([
      { at: AT, action: 'convert', from: '2019', to: '2021', dropped: { 't2.normativeDocs.published': 7, 't2.normativeDocs.totalPublic': 40, 't2.licensing.lastYearItems': 12, 't2.procurement.amount': 88.5 } },
    ]);
    // The input is not changed.
    expect(before.format).toBe('2019');
    expect(before.cells['t2.regulations.made']).toBe(2);
  });

  it('writes a file that opens again (schema v6, history included)', () => {
    const back = parseReport(serializeReport(r.doc));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.doc.history).toEqual(r.doc.history);
      expect(back.doc.cells['t3.other.misc.natural']).toBe(3);
    }
  });

  it('describes the lists with the cells’ names in both formats', () => {
    const text = describeConversion(r, '2019', '2021');
    expect(text.moved).toContain('表二“规章”行“本年新制作数量”列 → 表二“规章”行“本年制发件数”列：2');
    expect(text.moved).toContain('表三“（六）其他处理”行“自然人”列 → 表三“3.其他”行“自然人”列：3');
    expect(text.toFill).toContain('表二“行政事业性收费”行“本年收费金额（单位：万元）”列');
    expect(text.dropped).toContain('表二“政府集中采购”行“采购总金额”列：88.5');
  });
});

describe('convertFormat 2021 → 2019', () => {
  it('adds the three rows of 其他处理 back into one and lists the 2021-only values as dropped', () => {
    const doc = createReport({ year: 2020, agencyName: '黄金镇人民政府', format: '2021', now: NOW });
    Object.assign(doc.cells, {
      't2.normativeDocs.issued': 5,
      't2.normativeDocs.inForce': 31,
      't2.fees.amount': 1.25,
      't3.other.noCorrection.natural': 1,
      't3.other.unpaidFee.natural': 2,
      't3.other.misc.natural': 4,
      't3.other.misc.research': 1,
    });
    const r = convertFormat(doc, '2019', AT);
    expect(r.doc.format).toBe('2019');
    expect(r.doc.cells['t2.normativeDocs.made']).toBe(5);
    expect(r.doc.cells['t3.other.natural']).toBe(7);
    expect(r.doc.cells['t3.other.research']).toBe(1);
    expect(r.doc.cells['t3.other.commercial']).toBeNull();
    expect(r.moved.filter((m) => m.to === 't3.other.natural').map((m) => m.from).sort()).toEqual(['t3.other.misc.natural', 't3.other.noCorrection.natural', 't3.other.unpaidFee.natural']);
    expect(r.dropped).toEqual([
      { key: 't2.normativeDocs.inForce', value: 31 },
      { key: 't2.fees.amount', value: 1.25 },
    ]);
    expect(r.toFill).toContain('t2.normativeDocs.published');
    expect(r.toFill).toContain('t2.procurement.amount');
    expect(r.toFill).not.toContain('t2.normativeDocs.made');
  });

  it('keeps a refused entry refused where it moves, and drops the parts it cannot be added to', () => {
    const doc = createReport({ year: 2022, agencyName: '某局', now: NOW });
    doc.cells['t3.other.misc.natural'] = 2;
    doc.invalidCells = { 't3.other.noCorrection.natural': '1o', 't3.granted.natural': '-3' };
    const r = convertFormat(doc, '2019', AT);
    expect(r.doc.invalidCells).toEqual({ 't3.other.natural': '1o', 't3.granted.natural': '-3' });
    expect(r.doc.cells['t3.other.natural']).toBeNull();
    expect(r.dropped).toContainEqual({ key: 't3.other.misc.natural', value: 2 });
  });
});

describe('convertFormat: marks that name cells', () => {
  it('carries proposed marks and a summary’s incomplete cells to the new keys, and leaves out those with no place', () => {
    const doc = report2020();
    doc.proposed = { cells: ['t3.carriedIn.natural', 't2.licensing.lastYearItems'], sections: ['problems'] };
    doc.merged = { units: [], incomplete: { 't3.other.natural': ['甲镇'], 't2.regulations.made': ['乙镇'], 't2.procurement.items': ['丙镇'] } };
    const r = convertFormat(doc, '2021', AT);
    expect(r.doc.proposed).toEqual({ cells: ['t3.carriedIn.natural'], sections: ['problems'] });
    expect(r.doc.merged?.incomplete).toEqual({ 't3.other.misc.natural': ['甲镇'], 't2.regulations.issued': ['乙镇'] });
  });
});

describe('round trip 2019 → 2021 → 2019', () => {
  it('gives back every value: those that had a place in 2021 as they are, the dropped ones proposed', () => {
    const start = report2020();
    const there = convertFormat(start, '2021', AT);
    const back = convertFormat(there.doc, '2019', AT);
    for (const [key, value] of Object.entries(start.cells)) expect(back.doc.cells[key], key).toBe(value);
    expect(back.doc.proposed?.cells.sort()).toEqual(there.dropped.map((d) => d.key).sort());
    expect(back.dropped).toEqual([]);
    expect(back.doc.history?.map((h) => `${h.from}→${h.to}`)).toEqual(['2019→2021', '2021→2019']);
  });

  it('returns the document unchanged when it already is in that format', () => {
    const doc = report2020();
    const r = convertFormat(doc, '2019', AT);
    expect(r.doc).toBe(doc);
    expect(r.moved).toEqual([]);
  });
});

describe('converting back offers the values the earlier conversion kept', () => {
  it('proposes the kept values in the cells that are blank after converting back (待确认), not to be filled', () => {
    const start = report2020();
    const there = convertFormat(start, '2021', AT);
    const back = convertFormat(there.doc, '2019', AT);
    for (const { key, value } of there.dropped) expect(back.doc.cells[key], key).toBe(value);
    expect(back.offered).toEqual(there.dropped);
    expect(back.keptNow).toEqual([]);
    expect(back.doc.proposed).toEqual({ cells: there.dropped.map((d) => d.key), sections: [] });
    expect(back.toFill).not.toContain('t2.procurement.amount');
    expect(back.toFill).toContain('t2.procurement.items');
    // The values are still in the history; this conversion dropped nothing.
    expect(back.doc.history?.map((h) => h.dropped)).toEqual([there.doc.history![0]!.dropped, {}]);
    const text = describeConversion(back, '2021', '2019');
    expect(text.offered).toContain('表二“政府集中采购”行“采购总金额”列：88.5（待确认）');
    expect(text.offered).toHaveLength(4);
    // The file opens again with the marks.
    const parsed = parseReport(serializeReport(back.doc));
    expect(parsed.ok && parsed.doc.proposed?.cells).toEqual(there.dropped.map((d) => d.key));
  });

  it('keeps the marks the report had and adds the offered cells', () => {
    const doc = report2020();
    doc.proposed = { cells: ['t3.carriedIn.natural'], sections: ['problems'] };
    const back = convertFormat(convertFormat(doc, '2021', AT).doc, '2019', AT);
    expect(back.doc.proposed?.sections).toEqual(['problems']);
    expect(back.doc.proposed?.cells).toEqual(['t3.carriedIn.natural', 't2.normativeDocs.published', 't2.normativeDocs.totalPublic', 't2.licensing.lastYearItems', 't2.procurement.amount']);
  });

  it('never overwrites a value the cell has now, and lists it', () => {
    // 2021: 3.其他 could not be added to a refused part, so its value was dropped going to 2019.
    const doc = createReport({ year: 2022, agencyName: '某局', now: NOW });
    doc.cells['t3.other.misc.natural'] = 2;
    doc.cells['t3.other.misc.commercial'] = 4;
    doc.invalidCells = { 't3.other.noCorrection.natural': '1o', 't3.other.noCorrection.commercial': '5o' };
    const there = convertFormat(doc, '2019', AT);
    expect(there.dropped).toEqual([
      { key: 't3.other.misc.natural', value: 2 },
      { key: 't3.other.misc.commercial', value: 4 },
    ]);
    // In 2019 the user corrects one entry and clears the other.
    const corrected: ReportDocument = { ...there.doc, cells: { ...there.doc.cells, 't3.other.natural': 3 }, invalidCells: {} };
    const back = convertFormat(corrected, '2021', AT);
    expect(back.doc.cells['t3.other.misc.natural']).toBe(3);
    expect(back.keptNow).toEqual([{ key: 't3.other.misc.natural', kept: 2, now: 3 }]);
    expect(back.doc.cells['t3.other.misc.commercial']).toBe(4);
    expect(back.offered).toEqual([{ key: 't3.other.misc.commercial', value: 4 }]);
    expect(back.doc.proposed?.cells).toEqual(['t3.other.misc.commercial']);
    // The row's computed total follows the offered part.
    expect(back.doc.cells['t3.other.misc.total']).toBe(7);
    expect(describeConversion(back, '2019', '2021').keptNow).toEqual(['表三“3.其他”行“自然人”列：现为 3，不改动（上次转换前为 2）']);
  });

  it('brings a refused entry back refused, not proposed', () => {
    const doc = report2020();
    delete doc.cells['t2.procurement.amount'];
    doc.invalidCells = { 't2.procurement.amount': '8o.5' };
    const there = convertFormat(doc, '2021', AT);
    expect(there.dropped).toContainEqual({ key: 't2.procurement.amount', value: '8o.5' });
    const back = convertFormat(there.doc, '2019', AT);
    expect(back.doc.invalidCells).toEqual({ 't2.procurement.amount': '8o.5' });
    expect(back.doc.cells['t2.procurement.amount']).toBeNull();
    expect(back.doc.proposed?.cells).not.toContain('t2.procurement.amount');
    expect(describeConversion(back, '2021', '2019').offered).toContain('表二“政府集中采购”行“采购总金额”列：“8o.5”（原输入有误，恢复后请改正）');
  });

  it('uses the newest conversion out of the target format', () => {
    const first = convertFormat(report2020(), '2021', AT);
    const back = convertFormat(first.doc, '2019', AT);
    // Back in 2019 the user changes 采购总金额 and converts again; then back once more.
    const changed: ReportDocument = { ...back.doc, cells: { ...back.doc.cells, 't2.procurement.amount': 90 } };
    const again = convertFormat(changed, '2021', AT);
    const last = convertFormat(again.doc, '2019', AT);
    expect(last.doc.cells['t2.procurement.amount']).toBe(90);
    expect(last.offered).toContainEqual({ key: 't2.procurement.amount', value: 90 });
  });

  it('offers nothing to a report never converted, or converted only into the target format', () => {
    const r = convertFormat(report2020(), '2021', AT);
    expect(r.offered).toEqual([]);
    expect(r.doc.proposed).toBeUndefined();
  });
});
