import { describe, expect, it } from 'vitest';
import { isBlankMark, normLabel, parseNumber, parseNumberWithUnit, quote, splitLines, stripLine, toHalfWidth } from '../../../shared/import/text-normalize';

describe('toHalfWidth', () => {
  it('turns full-width ASCII forms into ASCII and keeps CJK punctuation', () => {
    expect(toHalfWidth('２０２１年（一）ＡＢ～！')).toBe('2021年(一)AB~!');
    expect(toHalfWidth('“规章”、。')).toBe('“规章”、。');
    // The ideographic space is not a full-width ASCII form.
    expect(toHalfWidth('\u3000')).toBe('\u3000');
  });
});

describe('normLabel', () => {
  it('compares labels without white space, quotes or full-width forms, and with 1、 as 1.', () => {
    expect(normLabel('“1、 规章 ”')).toBe('1.规章');
    expect(normLabel('１．规章')).toBe('1.规章');
    expect(normLabel('（七）\u200b总 计')).toBe('(七)总计');
    expect(normLabel('「行政复议」')).toBe('行政复议');
  });

  it('keeps a 、 that does not follow a digit', () => {
    expect(normLabel('一、总体情况')).toBe('一、总体情况');
  });
});

describe('splitLines / stripLine', () => {
  it('accepts any line ending and drops the BOM and zero-width characters', () => {
    expect(splitLines('\uFEFF表二\r\n表三\r表四\n结\u200b束\u2060')).toEqual(['表二', '表三', '表四', '结束']);
    expect(splitLines('')).toEqual(['']);
  });

  it('stripLine removes indentation of every kind', () => {
    expect(stripLine('\t\u3000\u00a0 规章 \u3000')).toBe('规章');
  });
});

describe('parseNumber', () => {
  it('reads numbers as published', () => {
    expect(parseNumber('　0')).toBe(0);
    expect(parseNumber('２１')).toBe(21);
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('－3')).toBe(-3);
    expect(parseNumber('－ 3')).toBe(-3);
    expect(parseNumber('24252.3111')).toBe(24252.3111);
    expect(parseNumber('−5')).toBe(-5);
  });

  it('refuses what is not one number', () => {
    expect(parseNumber('1 2')).toBeUndefined();
    expect(parseNumber('十二')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1,23')).toBeUndefined();
    expect(parseNumber('3件')).toBeUndefined();
  });
});

describe('parseNumberWithUnit', () => {
  it('reads a number followed by its unit, money units before count units', () => {
    expect(parseNumberWithUnit('3件')).toEqual({ value: 3, unit: '件' });
    expect(parseNumberWithUnit('３ 件')).toEqual({ value: 3, unit: '件' });
    expect(parseNumberWithUnit('24252.3111万元')).toEqual({ value: 24252.3111, unit: '万元' });
    expect(parseNumberWithUnit('12元')).toEqual({ value: 12, unit: '元' });
  });

  it('has no unit for a plain number, and nothing for a unit alone or a word', () => {
    expect(parseNumberWithUnit('12')).toEqual({ value: 12 });
    expect(parseNumberWithUnit('件')).toBeUndefined();
    expect(parseNumberWithUnit('若干件')).toBeUndefined();
  });
});

describe('isBlankMark', () => {
  it('reads the marks people put in empty cells as blank', () => {
    for (const mark of ['', '  ', '/', '－', '—', '——', '– ', '无', ' 空 ', '*', '／']) expect(isBlankMark(mark), mark).toBe(true);
  });

  it('never reads 0 or words as blank', () => {
    for (const text of ['0', '０', '无效', '-1', '空白处']) expect(isBlankMark(text), text).toBe(false);
  });
});

describe('quote', () => {
  it('quotes text on one line', () => {
    expect(quote('  表二\n  规章 ')).toBe('“表二 规章”');
  });

  it('cuts long text by characters, not UTF-16 units', () => {
    expect(quote('政'.repeat(31))).toBe(`“${'政'.repeat(30)}…”`);
    expect(quote('政'.repeat(30))).toBe(`“${'政'.repeat(30)}”`);
    expect(quote('𠀀'.repeat(5), 4)).toBe('“𠀀𠀀𠀀𠀀…”');
  });
});
