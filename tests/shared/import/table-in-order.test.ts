import { describe, expect, it } from 'vitest';
import { readTableInOrder } from '../../../shared/import/table-in-order';
import { tableSpec, type TableReading } from '../../../shared/import/table-reader';
import { tokenize } from '../../../shared/import/table-tokens';

const nothingByLabel = (): TableReading => ({
  values: new Map(),
  found: new Set(),
  complete: new Set(),
  problems: [],
  lastFound: -1,
  units: new Map(),
  invalid: new Map(),
  clippedTotals: [],
});

const tokens = (lines: string[]) => tokenize(lines, 0, lines.length);

// Table 4 in the order of its cells: 行政复议 (维持, 纠正, 其他, 尚未审结, 总计), then the two 行政诉讼 groups.
const T4 = [1, 2, 0, 1, 4, 0, 1, 0, 0, 1, 2, 0, 0, 1, 3];
// The header words as pdftotext without -layout writes them, after the figures: three 总计 columns.
const T4_HEADER = '行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 总计 总计';

describe('readTableInOrder', () => {
  it('reads the numbers of a table in the table’s order when every sum holds', () => {
    const reading = readTableInOrder(tokens([T4.join(' '), T4_HEADER]), '2021', 't4', nothingByLabel())!;
    expect(reading).toBeDefined();
    const keys = tableSpec('2021', 't4').rows[0]!.keys;
    expect(keys.map((k) => reading.values.get(k))).toEqual(T4);
    expect(reading.complete).toEqual(new Set([0]));
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]!.message).toContain('已按表格顺序逐行读入其中的 15 个数');
    expect(reading.problems[0]!.message).toContain('请对照原文核对');
  });

  it('refuses when a sum does not hold (the numbers are then not in the table’s order)', () => {
    const swapped = [...T4];
    [swapped[0], swapped[4]] = [swapped[4]!, swapped[0]!];
    expect(readTableInOrder(tokens([swapped.join(' '), T4_HEADER]), '2021', 't4', nothingByLabel())).toBeUndefined();
  });

  it('refuses when there are more or fewer numbers than value cells', () => {
    expect(readTableInOrder(tokens([T4.slice(1).join(' '), T4_HEADER]), '2021', 't4', nothingByLabel())).toBeUndefined();
    expect(readTableInOrder(tokens([[...T4, 0].join(' '), T4_HEADER]), '2021', 't4', nothingByLabel())).toBeUndefined();
  });

  it('refuses a blank mark where a sum needs a number, and a number written with a unit', () => {
    const blank = T4.map(String);
    blank[1] = '/';
    expect(readTableInOrder(tokens([blank.join(' '), T4_HEADER]), '2021', 't4', nothingByLabel())).toBeUndefined();
    const unit = T4.map(String);
    unit[1] = '2件';
    expect(readTableInOrder(tokens([unit.join(' '), T4_HEADER]), '2021', 't4', nothingByLabel())).toBeUndefined();
  });

  it('refuses when a row the labels placed completely reads otherwise', () => {
    const keys = tableSpec('2021', 't4').rows[0]!.keys;
    const byLabel = nothingByLabel();
    byLabel.complete.add(0);
    keys.forEach((k, i) => byLabel.values.set(k, T4[i]!));
    expect(readTableInOrder(tokens([T4.join(' '), T4_HEADER]), '2021', 't4', byLabel)).toBeDefined();
    byLabel.values.set(keys[0]!, 9);
    expect(readTableInOrder(tokens([T4.join(' '), T4_HEADER]), '2021', 't4', byLabel)).toBeUndefined();
  });

  it('never reads table 2, whose rows have different numbers of cells', () => {
    expect(readTableInOrder(tokens(['1 0 4 2 0 5 7 8 0 12.5']), '2021', 't2', nothingByLabel())).toBeUndefined();
  });

  it('computes table 3’s 总计 column cut off at the page edge from its parts, and checks the balance', () => {
    const rows = tableSpec('2021', 't3').rows;
    const width = rows[0]!.keys.length;
    // Header without its 总计 column; every row all zeros but received = carried over = 1 for 自然人.
    const header = '申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他';
    const values = rows.map((r) => r.keys.slice(0, width - 1).map((k) => (k === 't3.received.natural' || k === 't3.carriedOver.natural' ? 1 : 0)));
    const reading = readTableInOrder(tokens([header, ...values.map((v) => v.join(' '))]), '2021', 't3', nothingByLabel())!;
    expect(reading).toBeDefined();
    expect(reading.values.get('t3.received.natural')).toBe(1);
    expect(reading.values.get('t3.received.total')).toBe(1);
    expect(reading.values.get('t3.carriedOver.total')).toBe(1);
    expect(reading.values.get('t3.resultsTotal.total')).toBe(0);
    expect(reading.problems[0]!.message).toContain(`右侧被截去的“总计”列 ${rows.length} 格按分项之和计算`);
    // 1 received and none carried over: the balance of the 自然人 column no longer holds.
    const unbalanced = rows.map((r) => r.keys.slice(0, width - 1).map((k) => (k === 't3.received.natural' ? 1 : 0)));
    expect(readTableInOrder(tokens([header, ...unbalanced.map((v) => v.join(' '))]), '2021', 't3', nothingByLabel())).toBeUndefined();
  });
});
