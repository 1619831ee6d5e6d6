import { describe, expect, it } from 'vitest';
import { formatOnlyHeaders, readTable, tableSpec } from '../../../shared/import/table-reader';
import { tokenize } from '../../../shared/import/table-tokens';

const read = (lines: string[], table: 't2' | 't3' | 't4' = 't2', fuzzy = true) => readTable(tokenize(lines, 0, lines.length), '2021', table, { fuzzy });

describe('tableSpec', () => {
  it('has one row spec per value row of the printed grid, named by its innermost label', () => {
    const spec = tableSpec('2021', 't2');
    expect(spec.rows.map((r) => r.display)).toEqual(['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
    expect(spec.rows[0]!.keys).toEqual(['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.inForce']);
    expect(spec.rows[0]!.outer).toEqual(['第二十条第(一)项']);
    expect(tableSpec('2021', 't2')).toBe(spec);
  });

  it('gives table 4 one row without a label, of all its cells', () => {
    const [row] = tableSpec('2021', 't4').rows;
    expect(row!.label).toBeUndefined();
    expect(row!.keys).toHaveLength(15);
  });
});

describe('formatOnlyHeaders', () => {
  it('names the column headers only one format prints', () => {
    expect(formatOnlyHeaders('2021', 't2')).toEqual(['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额(单位:万元)']);
    expect(formatOnlyHeaders('2019', 't2')).toContain('采购总金额');
    expect(formatOnlyHeaders('2021', 't3')).toEqual([]);
  });
});

describe('readTable', () => {
  it('reads every row by its label, with full-width and grouped numbers, and a “/” as blank, never 0', () => {
    const reading = read([
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t3\t0\t12',
      '行政规范性文件\t5\t/\t20',
      '行政许可\t１,047',
      '行政处罚\t8',
      '行政强制\t0',
      '行政事业性收费\t24252.3111',
    ]);
    expect(Object.fromEntries(reading.values)).toEqual({
      't2.regulations.issued': 3,
      't2.regulations.repealed': 0,
      't2.regulations.inForce': 12,
      't2.normativeDocs.issued': 5,
      't2.normativeDocs.repealed': null,
      't2.normativeDocs.inForce': 20,
      't2.licensing.decisions': 1047,
      't2.penalties.decisions': 8,
      't2.enforcement.decisions': 0,
      't2.fees.amount': 24252.3111,
    });
    expect([...reading.complete].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(reading.problems.map((p) => p.message)).toEqual(['表二“行政规范性文件”行“本年废止件数”列：原文为“/”，不当作 0，已留空。']);
  });

  it('does not shift the other rows when one is missing or in another order', () => {
    const reading = read(['行政强制\t2', '规章\t1\t0\t4', '行政许可\t9']);
    expect(Object.fromEntries(reading.values)).toEqual({
      't2.enforcement.decisions': 2,
      't2.regulations.issued': 1,
      't2.regulations.repealed': 0,
      't2.regulations.inForce': 4,
      't2.licensing.decisions': 9,
    });
    expect(reading.found.has(3)).toBe(false);
    expect(reading.problems).toEqual([]);
  });

  it('leaves a row with the wrong number of values blank and says so, never guessing', () => {
    const reading = read(['规章\t3\t0']);
    expect(reading.values.get('t2.regulations.issued')).toBeNull();
    expect(reading.values.get('t2.regulations.inForce')).toBeNull();
    expect(reading.complete.has(0)).toBe(false);
    expect(reading.problems[0]!.message).toBe('表二“规章”行应有 3 个数，读到 2 个（3、0），无法确定各对应哪一格，整行留空，请对照原文填写。');
  });

  it('keeps a refused entry as printed, refuses a money unit in a count, and reads a repeated row once', () => {
    const reading = read(['行政强制\t-3', '行政许可\t3万元', '行政许可\t4']);
    expect(reading.values.get('t2.enforcement.decisions')).toBeNull();
    expect(reading.invalid.get('t2.enforcement.decisions')).toBe('-3');
    expect(reading.values.get('t2.licensing.decisions')).toBeNull();
    const messages = reading.problems.map((p) => p.message);
    expect(messages[0]).toContain('原文“-3”不能照录');
    expect(messages[1]).toBe('表二“行政许可”行“本年处理决定数量”列：原文“3万元”带金额单位，不是件数，已留空，请对照原文填写。');
    expect(messages[2]).toBe('表二“行政许可”行出现了不止一次，只读入第一次。');
  });

  it('reports text that is not part of the table, and a row it cannot name', () => {
    const reading = read(['规章\t1\t0\t4', '行政处伐\t8', '注：本表由办公室填报'], 't2', false);
    expect(reading.values.has('t2.penalties.decisions')).toBe(false);
    expect(reading.problems.map((p) => p.message)).toEqual(['表二中有无法识别的行“行政处伐”（数字 8），未导入。', '表二中有文字不属于表格，未导入：“注：本表由办公室填报”。']);
  });

  it('reads a misspelt label of the next expected row only when fuzzy matching is on, and says so', () => {
    const lines = ['规章\t1\t0\t4', '行政规范性文件\t2\t0\t5', '行证许可\t7'];
    expect(read(lines, 't2', false).values.has('t2.licensing.decisions')).toBe(false);
    const reading = read(lines, 't2', true);
    expect(reading.values.get('t2.licensing.decisions')).toBe(7);
    expect(reading.problems.map((p) => p.message)).toEqual(['表二的行名“行证许可”与格式中的“行政许可”不完全一致，已按“行政许可”行读入，请核对。']);
  });

  it('reads table 4’s one unlabelled row of fifteen numbers in order', () => {
    const reading = read(['行政复议', Array.from({ length: 15 }, (_, i) => String(i)).join('\t')], 't4');
    expect(reading.values.get('t4.review.upheld')).toBe(0);
    expect(reading.values.get('t4.review.total')).toBe(4);
    expect(reading.values.get('t4.suitAfterReview.total')).toBe(14);
    expect(reading.problems).toEqual([]);
  });
});
