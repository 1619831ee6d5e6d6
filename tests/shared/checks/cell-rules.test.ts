import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { createReport } from '../../../shared/model/document';
import { byRule, cleanReport, findings, withCells } from './helpers';
import { runChecks } from '../../../shared/checks/index';
import { blankCellsToFill } from '../../../shared/checks/typed-totals';

describe.each(['2019', '2021'] as const)('cell.blank (%s format)', (format) => {
  it('passes when every cell is filled', () => {
    expect(byRule(findings(cleanReport(format)), 'cell.blank')).toEqual([]);
  });

  it('reports one finding per table, with every blank key (null or missing)', () => {
    const doc = withCells(cleanReport(format), {
      't3.granted.research': null,
      't3.carriedOver.otherOrg': undefined,
      't4.suitDirect.pending': null,
      't2.regulations.inForce': format === '2021' ? null : undefined,
      't2.regulations.made': format === '2019' ? null : undefined,
    });
    const blank = byRule(findings(doc), 'cell.blank');
    expect(blank.map((f) => f.target)).toEqual(['t2', 't3', 't4']);
    const t3 = blank[1]!;
    expect(t3).toMatchObject({ severity: 'error', place: 't3', actual: 2 });
    expect(t3.cells).toEqual(['t3.granted.research', 't3.carriedOver.otherOrg']);
    expect(t3.message).toContain('表三有 2 个单元格未填写');
    expect(t3.message).toContain('“（一）予以公开”行“科研机构”列');
    expect(blank[2]!.cells).toEqual(['t4.suitDirect.pending']);
  });

  it('a new, empty report gives exactly one finding per table listing the cells the user fills', () => {
    const doc = createReport({ year: format === '2019' ? 2020 : 2024, agencyName: '某镇人民政府' });
    const blank = byRule(findings(doc), 'cell.blank');
    const model = formatModel(format);
    const typed = (key: string) => !model.cellByKey.get(key)!.computed;
    // The computed totals are blank too, but they follow their parts: not cells to fill.
    expect(blank.map((f) => [f.target, f.cells])).toEqual([
      ['t2', model.keysByTable.t2.filter(typed)],
      ['t3', model.keysByTable.t3.filter(typed)],
      ['t4', model.keysByTable.t4.filter(typed)],
    ]);
    expect(blank[2]!.cells).toHaveLength(12);
    // The same cells 全部填0 fills.
    for (const f of blank) expect(f.cells).toEqual(blankCellsToFill(doc, f.target as 't2' | 't3' | 't4'));
    expect(blank[1]!.message).toContain(`${model.keysByTable.t3.filter(typed).length} 个单元格`);
    expect(blank[1]!.message).toContain('等 ');
    // Nothing to add up: no sum finding for an empty table.
    const sums = findings(doc).filter((f) => f.rule.startsWith('t3.') || f.rule === 't4.groupSum');
    expect(sums).toEqual([]);
  });

  it('counts a computed total while its table has typed totals, and a computed total blank beside filled parts', () => {
    const empty = createReport({ year: format === '2019' ? 2020 : 2024, agencyName: '某镇人民政府' });
    const typedT3 = { ...empty, settings: { ...empty.settings, typedTotals: ['t3' as const] } };
    const t3 = byRule(findings(typedT3), 'cell.blank').find((f) => f.target === 't3')!;
    expect(t3.cells).toEqual(formatModel(format).keysByTable.t3);
    // A file written elsewhere: every part of 表四's first group filled, its computed total left blank.
    const model = formatModel(format);
    const relation = model.sums.find((r) => r.table === 't4')!;
    const doc = withCells(cleanReport(format), { ...Object.fromEntries(relation.parts.map((k) => [k, 1])), [relation.total]: null });
    expect(byRule(findings(doc), 'cell.blank').find((f) => f.target === 't4')!.cells).toEqual([relation.total]);
  });
});

describe.each(['2019', '2021'] as const)('cell.invalid (%s format)', (format) => {
  it('accepts non-negative integer counts and 0', () => {
    expect(byRule(findings(cleanReport(format)), 'cell.invalid')).toEqual([]);
  });

  it('reports each bad count cell: negative, fraction, NaN, Infinity', () => {
    const doc = withCells(cleanReport(format), {
      't3.granted.natural': -1,
      't3.received.research': 2.5,
      't4.review.pending': Number.NaN,
      't4.suitDirect.other': Number.POSITIVE_INFINITY,
    });
    const invalid = byRule(findings(doc), 'cell.invalid');
    expect(invalid.map((f) => f.target)).toEqual(['t3.received.research', 't3.granted.natural', 't4.review.pending', 't4.suitDirect.other']);
    expect(invalid.every((f) => f.severity === 'error' && f.cells.length === 1 && f.cells[0] === f.target)).toBe(true);
    expect(invalid[0]!.message).toBe('表三“一、本年新收政府信息公开申请数量”行“科研机构”列为 2.5，件数必须是整数。请改为 0 或正整数。');
    expect(invalid[1]!.message).toContain('为 -1，件数不能为负数');
    expect(invalid[2]!.message).toContain('表四“行政复议”栏“尚未审结”的内容不是有效的数字');
    expect(invalid[2]!.actual).toBeUndefined();
  });
});

describe('cell names in messages', () => {
  it('a numbered row of table 3 is named with its group', () => {
    const [f] = byRule(findings(withCells(cleanReport('2021'), { 't3.withheld.stateSecret.natural': -1 })), 'cell.invalid');
    expect(f!.message).toBe('表三“（三）不予公开”中“1.属于国家秘密”行“自然人”列为 -1，件数不能为负数。请改为 0 或正整数。');
    const [g] = byRule(findings(withCells(cleanReport('2021'), { 't3.other.misc.total': 5 })), 't3.rowSum');
    expect(g!.message).toContain('表三“（六）其他处理”中“3.其他”行“总计”列为 5');
  });
});

describe('cell.invalid: kinds of table 2', () => {
  it('2021 fees.amount: up to 4 decimals, not negative', () => {
    const ok = ['24252.3111', '9116.36', '0', '1e-4', '123456789.1234'].map(Number);
    for (const amount of ok) {
      expect(byRule(findings(withCells(cleanReport('2021'), { 't2.fees.amount': amount })), 'cell.invalid'), String(amount)).toEqual([]);
    }
    const five = byRule(findings(withCells(cleanReport('2021'), { 't2.fees.amount': 1.23456 })), 'cell.invalid');
    expect(five).toHaveLength(1);
    expect(five[0]!.message).toBe('表二“行政事业性收费”行“本年收费金额（单位：万元）”列为 1.23456，金额最多保留 4 位小数。请四舍五入到 4 位小数。');
    expect(byRule(findings(withCells(cleanReport('2021'), { 't2.fees.amount': 1e-5 })), 'cell.invalid')).toHaveLength(1);
    const negative = byRule(findings(withCells(cleanReport('2021'), { 't2.fees.amount': -3 })), 'cell.invalid');
    expect(negative[0]!.message).toContain('金额不能为负数');
  });

  it('2019 change (本年增/减) may be negative but must be whole; procurement.amount is an amount', () => {
    const doc = withCells(cleanReport('2019'), { 't2.licensing.change': -7, 't2.penalties.change': 1.5, 't2.procurement.amount': 10.00001 });
    const invalid = byRule(findings(doc), 'cell.invalid');
    expect(invalid.map((f) => f.target)).toEqual(['t2.penalties.change', 't2.procurement.amount']);
    expect(invalid[0]!.message).toContain('增减数必须是整数');
    expect(invalid[0]!.message).toContain('1.5');
  });

  it('2019 counts of table 2 may not be negative', () => {
    const invalid = byRule(findings(withCells(cleanReport('2019'), { 't2.licensing.lastYearItems': -2 })), 'cell.invalid');
    expect(invalid.map((f) => f.target)).toEqual(['t2.licensing.lastYearItems']);
  });
});

describe('cell.invalid for refused entries kept as typed', () => {
  it('lists each with the reason of the value rule, blocks like an error, and is not counted blank', () => {
    const doc = { ...withCells(cleanReport('2021'), { 't3.granted.natural': null, 't2.fees.amount': null }) };
    doc.invalidCells = { 't3.granted.natural': '1o', 't2.fees.amount': '5949.088667' };
    const all = findings(doc);
    const invalid = byRule(all, 'cell.invalid');
    expect(invalid.map((f) => f.target)).toEqual(['t2.fees.amount', 't3.granted.natural']);
    expect(invalid[0]).toMatchObject({ severity: 'error', place: 't2', cells: ['t2.fees.amount'] });
    expect(invalid[0]!.message).toContain('“5949.088667”未被接受');
    expect(invalid[0]!.message).toContain('5949.0887');
    expect(invalid[1]!.message).toContain('“o”不是数字');
    expect(byRule(all, 'cell.blank')).toEqual([]);
    // The sums that need the refused cell wait for it rather than count it as 0.
    expect(byRule(all, 't3.rowSum').filter((f) => f.target === 'granted')).toEqual([]);
  });
});

describe('cell.implausible', () => {
  it('hints at a table 3 or 4 count of 50 000 or more, naming the cell, even when the sums balance', () => {
    const doc = withCells(cleanReport('2021'), { 't3.granted.natural': 801000081 });
    doc.settings = { typedTotals: [] };
    const hints = byRule(findings(doc), 'cell.implausible');
    expect(hints.map((f) => [f.target, f.severity])).toEqual([['t3.granted.natural', 'hint']]);
    expect(hints[0]!.message).toContain('连在了一起');
    // Table 2 (e.g. 行政许可 of a large city) is not judged by this rule.
    expect(byRule(findings(withCells(cleanReport('2021'), { 't2.licensing.decisions': 120000 })), 'cell.implausible')).toEqual([]);
  });

  it('with last year known: 1 000 or more and at least 100 times last year’s same cell', () => {
    const previous = cleanReport('2021');
    const doc = withCells(cleanReport('2021'), { 't4.review.upheld': 1200, 't3.received.commercial': 900 });
    const prevDoc = withCells(previous, { 't4.review.upheld': 12, 't3.received.commercial': 0 });
    doc.settings = { typedTotals: ['t3', 't4'] };
    const hints = byRule(runChecks({ report: doc, previous: prevDoc }), 'cell.implausible');
    expect(hints.map((f) => f.target)).toEqual(['t4.review.upheld']);
    expect(hints[0]!.message).toContain('上年同一格为 12，是上年的 100 倍');
  });
});
