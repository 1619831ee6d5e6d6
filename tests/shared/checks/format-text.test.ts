import { describe, expect, it } from 'vitest';
import { columnLabel, difference, listSome, nameOf, num, rowLabel } from '../../../shared/checks/format-text';
import { formatModel } from '../../../shared/formats/index';
import type { CellDef } from '../../../shared/formats/index';

const cell = (key: string): CellDef => formatModel('2021').cellByKey.get(key)!;

describe('num', () => {
  it('writes integers as they are and rounds floating-point noise to 4 decimals', () => {
    expect(num(12)).toBe('12');
    expect(num(-3)).toBe('-3');
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(24252.31114)).toBe('24252.3111');
    expect(num(1.23456)).toBe('1.2346');
  });

  it('writes non-finite numbers without throwing', () => {
    expect(num(Number.NaN)).toBe('NaN');
    expect(num(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('difference', () => {
  it('is the absolute difference, written as a number', () => {
    expect(difference(3, 5)).toBe('（相差 2）');
    expect(difference(5, 3)).toBe('（相差 2）');
    expect(difference(0.1 + 0.2, 0)).toBe('（相差 0.3）');
  });
});

describe('listSome', () => {
  it('lists all items with 、 up to the maximum', () => {
    expect(listSome(['表二', '表三', '表四'], 3)).toBe('表二、表三、表四');
    expect(listSome([], 3)).toBe('');
  });

  it('cuts a longer list and says how many there are in all', () => {
    expect(listSome(['甲', '乙', '丙', '丁'], 2)).toBe('甲、乙等 4 处');
  });
});

describe('nameOf / rowLabel / columnLabel', () => {
  it('names a numbered row of table 3 with its group', () => {
    expect(nameOf(cell('t3.withheld.stateSecret.natural'))).toBe('表三“（三）不予公开”中“1.属于国家秘密”行“自然人”列');
  });

  it('names other cells as cellName does', () => {
    expect(nameOf(cell('t2.regulations.issued'))).toBe('表二“规章”行“本年制发件数”列');
    expect(nameOf(cell('t3.received.natural'))).toBe('表三“一、本年新收政府信息公开申请数量”行“自然人”列');
    expect(nameOf(cell('t4.review.upheld'))).toBe('表四“行政复议”栏“结果维持”');
  });

  it('takes the innermost row and column label, or the key when there is none', () => {
    expect(rowLabel(cell('t3.withheld.stateSecret.commercial'))).toBe('1.属于国家秘密');
    expect(columnLabel(cell('t3.withheld.stateSecret.commercial'))).toBe('商业企业');
    const bare: CellDef = { ...cell('t2.regulations.issued'), rowLabels: [], columnLabels: [] };
    expect(rowLabel(bare)).toBe('t2.regulations.issued');
    expect(columnLabel(bare)).toBe('t2.regulations.issued');
  });
});
