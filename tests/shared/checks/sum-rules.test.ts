import { describe, expect, it } from 'vitest';
import { byRule, cleanReport, findings, withCells } from './helpers';

const OTHER_ROW = { '2019': 'other', '2021': 'other.misc' } as const;

describe.each(['2019', '2021'] as const)('sum rules (%s format)', (format) => {
  const clean = () => cleanReport(format);

  it('all pass on the clean report', () => {
    const list = findings(clean());
    for (const rule of ['t3.rowSum', 't3.resultSum', 't3.balance', 't4.groupSum'] as const) expect(byRule(list, rule)).toEqual([]);
  });

  it('t3.rowSum: a row total that is not the sum of the six applicant columns', () => {
    const doc = withCells(clean(), { 't3.received.total': 80 });
    const [f, ...rest] = byRule(findings(doc), 't3.rowSum');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', target: 'received', place: 't3', expected: 74, actual: 80 });
    expect(f!.cells[0]).toBe('t3.received.total');
    expect(f!.cells).toHaveLength(7);
    expect(f!.message).toBe(
      '表三“一、本年新收政府信息公开申请数量”行“总计”列为 80，但该行六类申请人之和为 74（相差 6）。请核对该行各类申请人的数字，或修改总计。',
    );
  });

  it('t3.rowSum also covers the （七）总计 row', () => {
    const doc = withCells(clean(), { 't3.resultsTotal.total': 70 });
    const rows = byRule(findings(doc), 't3.rowSum');
    expect(rows.map((f) => f.target)).toEqual(['resultsTotal']);
    // …and the column sum of the total column fails too: 70 is not Σ of the result rows' totals (75).
    expect(byRule(findings(doc), 't3.resultSum').map((f) => [f.target, f.expected, f.actual])).toEqual([['total', 75, 70]]);
  });

  it(`t3.resultSum: a result row of （六）其他处理 (${OTHER_ROW[format]}) changed without its total`, () => {
    const key = `t3.${OTHER_ROW[format]}.natural`;
    // The clean value is 2 in 2019 (pingtan's three rows merged) and 0 in 2021; add 3 either way.
    const before = format === '2019' ? 2 : 0;
    const doc = withCells(clean(), { [key]: before + 3 });
    const col = byRule(findings(doc), 't3.resultSum');
    expect(col.map((f) => f.target)).toEqual(['natural']);
    expect(col[0]).toMatchObject({ expected: 75, actual: 72 });
    expect(col[0]!.cells).toContain(key);
    // Total + result rows: 2 + 8 + 3 + 5 + （六） (1 row in 2019, 3 in 2021).
    expect(col[0]!.cells).toHaveLength(1 + (format === '2019' ? 19 : 21));
    // The row of （六） no longer adds up either.
    expect(byRule(findings(doc), 't3.rowSum').map((f) => f.target)).toEqual([OTHER_ROW[format]]);
  });

  it('t3.resultSum: the message of the spec example', () => {
    // （七）总计 “自然人” 12 while the results add up to 14.
    const doc = withCells(clean(), {
      't3.resultsTotal.natural': 12,
      't3.granted.natural': 4,
      't3.partlyGranted.natural': 2,
      't3.withheld.internalAffairs.natural': 0,
      't3.withheld.processInformation.natural': 0,
      't3.withheld.enforcementFiles.natural': 0,
      't3.unavailable.notHeld.natural': 8,
      [`t3.${OTHER_ROW[format]}.natural`]: 0,
      ...(format === '2021' ? { 't3.other.noCorrection.natural': 0 } : {}),
    });
    const natural = byRule(findings(doc), 't3.resultSum').find((f) => f.target === 'natural');
    expect(natural!.message).toBe('表三“（七）总计”行“自然人”列为 12，但各项办理结果之和为 14（相差 2）。请核对各项办理结果，或修改总计。');
  });

  it('t3.balance: received + carriedIn must equal resultsTotal + carriedOver, per column', () => {
    const doc = withCells(clean(), { 't3.carriedOver.natural': 2, 't3.carriedOver.total': 2 });
    const bal = byRule(findings(doc), 't3.balance');
    expect(bal.map((f) => [f.target, f.expected, f.actual])).toEqual([
      ['natural', 72, 74],
      ['total', 75, 77],
    ]);
    expect(bal[1]!.message).toBe(
      '表三“总计”列：一、本年新收政府信息公开申请数量（74）加二、上年结转政府信息公开申请数量（1）共 75，' +
        '但（七）总计（75）加四、结转下年度继续办理（2）共 77（相差 2）。表中规定第一项加第二项之和等于第三项加第四项之和，请核对这四项。',
    );
    expect(bal[0]!.cells).toEqual(['t3.received.natural', 't3.carriedIn.natural', 't3.resultsTotal.natural', 't3.carriedOver.natural']);
    expect(byRule(findings(doc), 't3.rowSum')).toEqual([]);
  });

  it('t4.groupSum: a total printed as 0 next to non-zero results', () => {
    const doc = withCells(clean(), { 't4.review.total': 0 });
    const [f, ...rest] = byRule(findings(doc), 't4.groupSum');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ target: 'review', place: 't4', expected: 2, actual: 0 });
    expect(f!.message).toBe('表四“行政复议”栏“总计”为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 2（相差 2）。请核对各项结果，或修改总计。');
    const suit = byRule(findings(withCells(clean(), { 't4.suitAfterReview.pending': 4 })), 't4.groupSum');
    expect(suit.map((f) => f.target)).toEqual(['suitAfterReview']);
    expect(suit[0]!.message).toContain('“复议后起诉”栏“总计”为 0');
  });
});

describe('sum rules with blank cells', () => {
  it('skip a relation whose total is blank (cell.blank reports it)', () => {
    const doc = withCells(cleanReport('2021'), { 't3.granted.total': null });
    const list = findings(doc);
    expect(byRule(list, 't3.rowSum')).toEqual([]);
    expect(byRule(list, 'cell.blank').map((f) => f.cells)).toEqual([['t3.granted.total']]);
    // The total column's result sum counts the blank granted.total as 0: 75 typed vs 54.
    expect(byRule(list, 't3.resultSum').map((f) => [f.target, f.expected, f.actual])).toEqual([['total', 54, 75]]);
  });

  it('skip a relation whose parts are all blank', () => {
    const doc = withCells(cleanReport('2021'), { 't4.review.upheld': null, 't4.review.corrected': null, 't4.review.other': null, 't4.review.pending': null });
    expect(byRule(findings(doc), 't4.groupSum')).toEqual([]);
    const applicants = ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg'];
    const row = withCells(cleanReport('2019'), Object.fromEntries(applicants.map((c) => [`t3.received.${c}`, null])));
    expect(byRule(findings(row), 't3.rowSum')).toEqual([]);
    expect(byRule(findings(row), 'cell.blank')[0]!.cells).toHaveLength(6);
  });

  it('count blank parts as 0 when some parts are filled, and say so', () => {
    const doc = withCells(cleanReport('2019'), { 't4.review.corrected': null });
    const [f] = byRule(findings(doc), 't4.groupSum');
    expect(f).toMatchObject({ expected: 1, actual: 2 });
    expect(f!.message).toContain('（其中 1 个空白单元格按 0 计）');
  });

  it('t3.balance is skipped when one side is entirely blank, and counts a single blank as 0', () => {
    const oneSide = withCells(cleanReport('2021'), { 't3.resultsTotal.commercial': null, 't3.carriedOver.commercial': null });
    expect(byRule(findings(oneSide), 't3.balance')).toEqual([]);
    const single = withCells(cleanReport('2021'), { 't3.carriedIn.natural': null });
    expect(byRule(findings(single), 't3.balance').map((f) => [f.target, f.expected, f.actual])).toEqual([['natural', 71, 72]]);
  });

  it('skip relations with a cell that is not a number (cell.invalid reports it)', () => {
    const doc = withCells(cleanReport('2021'), { 't3.granted.natural': Number.NaN });
    const list = findings(doc);
    expect(byRule(list, 't3.rowSum')).toEqual([]);
    expect(byRule(list, 't3.resultSum')).toEqual([]);
    expect(byRule(list, 'cell.invalid')).toHaveLength(1);
  });
});
