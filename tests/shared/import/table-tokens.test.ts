import { describe, expect, it } from 'vitest';
import { classify, isFlattened, tokenize, type Token } from '../../../shared/import/table-tokens';

/** kind:text of each token, for compact expectations. */
const brief = (tokens: Token[]) => tokens.map((t) => (t.kind === 'number' ? `${t.value}${t.unit ?? ''}` : t.kind === 'text' ? t.text : `<${t.kind}>`));

describe('classify', () => {
  it('reads numbers (full-width, with a unit), blank marks and labels', () => {
    expect(classify('３件', 5)).toEqual({ kind: 'number', text: '３件', norm: '３件', value: 3, unit: '件', line: 5 });
    expect(classify('1,047', 0)).toEqual({ kind: 'number', text: '1,047', norm: '1,047', value: 1047, line: 0 });
    expect(classify('——', 2)).toEqual({ kind: 'blank', text: '——', norm: '', line: 2 });
    expect(classify('“1、 规章”', 3)).toEqual({ kind: 'text', text: '“1、 规章”', norm: '1.规章', line: 3 });
  });

  it('reads 0 as a number, never as a blank', () => {
    expect(classify('0', 0).kind).toBe('number');
    expect(classify('０', 0).value).toBe(0);
  });
});

describe('isFlattened', () => {
  it('is true when most non-empty lines hold one tab-indented cell', () => {
    expect(isFlattened(['\t规章', '\t5', '\t', '', '\t0'])).toBe(true);
    expect(isFlattened(['\t本年新', '制作数量', '\t3', '\t0'])).toBe(true);
  });

  it('is false for a table with a row per line, and for no lines', () => {
    expect(isFlattened(['规章\t5\t0', '规范性文件\t3\t1'])).toBe(false);
    expect(isFlattened(['\t规章', '规范性文件  3  1', '行政许可  2  0'])).toBe(false);
    expect(isFlattened([])).toBe(false);
    expect(isFlattened(['', '  '])).toBe(false);
  });
});

describe('tokenize, flattened tables', () => {
  it('gives one token a line: a tab-only line is an empty cell, an empty line a break', () => {
    const tokens = tokenize(['\t规章', '\t5', '\t', '', '\t0'], 0, 5);
    expect(brief(tokens)).toEqual(['规章', '5', '<blank>', '<break>', '0']);
    expect(tokens.map((t) => t.line)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the unindented rest of a broken label as its own text token', () => {
    expect(brief(tokenize(['\t本年新', '制作数量', '\t3', '\t—'], 0, 4))).toEqual(['本年新', '制作数量', '3', '<blank>']);
  });

  it('numbers tokens by their line in the whole text', () => {
    const lines = ['表二', '\t规章', '\t5', '表三'];
    expect(tokenize(lines, 1, 3).map((t) => [t.text, t.line])).toEqual([
      ['规章', 1],
      ['5', 2],
    ]);
  });
});

describe('tokenize, a row per line', () => {
  it('splits on tabs; an empty piece between tabs is an empty cell; each row ends with a break', () => {
    expect(brief(tokenize(['规章\t5\t\t0', '规范性文件\t3\t1\t'], 0, 2))).toEqual([
      '规章', '5', '<blank>', '0', '<break>',
      '规范性文件', '3', '1', '<blank>', '<break>',
    ]);
  });

  it('splits on runs of spaces and on ideographic spaces, a mixed run being one separator', () => {
    expect(brief(tokenize(['  行政许可    　1047  3件  '], 0, 1))).toEqual(['行政许可', '1047', '3件', '<break>']);
    expect(brief(tokenize(['规章\u30005\u30000'], 0, 1))).toEqual(['规章', '5', '0', '<break>']);
  });

  it('separates single-space numbers and keeps a label split by single spaces as one token with its words', () => {
    const tokens = tokenize(['合计 0 0 0', '处理 缴纳费用 2'], 0, 2);
    expect(brief(tokens)).toEqual(['合计', '0', '0', '0', '<break>', '处理缴纳费用', '2', '<break>']);
    expect(tokens[0]!.words).toBeUndefined();
    expect(tokens[5]!.words).toEqual(['处理', '缴纳费用']);
  });

  it('reads an empty line as a break and a blank mark as blank', () => {
    expect(brief(tokenize(['', '规章  /  ０'], 0, 2))).toEqual(['<break>', '规章', '<blank>', '0', '<break>']);
  });

  it('reads a long row without losing a cell', () => {
    const row = ['总计', ...Array.from({ length: 5000 }, (_, i) => String(i))].join('\t');
    const tokens = tokenize([row], 0, 1);
    expect(tokens).toHaveLength(5002);
    expect(tokens[5000]!.value).toBe(4999);
  });
});
