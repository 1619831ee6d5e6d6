// The Chinese line breaker on its own: 避头尾 rules, unbroken numbers and dashes, exact justification.
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  breakLinesBalanced,
  justifySpacing,
  lineRuns,
  NO_LINE_END,
  NO_LINE_START,
  toAtoms,
  type Line,
  type Measurer,
} from '../../../../electron/node/pdf/line-break';

const lineText = (line: Line) => line.atoms.map((a) => a.text).join('');

/** Every character one unit wide (CJK-like), so line widths count characters. */
const unit: Measurer = {
  resolve: (face) => face,
  measure: (_face, text) => ({ width: [...text].length, glyphs: [...text].length }),
};
const lines = (text: string, width: number, first = width) =>
  breakLines(toAtoms([{ text, face: 'serif' }], unit, 1), first, width, unit, 1).map(lineText);

describe('line breaking', () => {
  it('fills lines greedily with single characters', () => {
    expect(lines('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation: the last character goes along', () => {
    // Greedy would give “一二三四|，五六”; the comma may not start a line.
    expect(lines('一二三四，五六', 4)).toEqual(['一二三', '四，五六']);
    expect(lines('一二三四。”五六', 4)).toEqual(['一二三', '四。”五六'.slice(0, 4), '六']);
  });

  it('never ends a line with opening punctuation', () => {
    expect(lines('一二三《四五》', 4)).toEqual(['一二三', '《四五》']);
    expect(lines('一二三“四五”六', 4)).toEqual(['一二三', '“四五”', '六']);
  });

  it('keeps numbers, phone numbers and ——/…… whole', () => {
    expect(lines('电话0591-23165385联系', 14)).toEqual(['电话', '0591-23165385联', '系']);
    expect(lines('共14571条信息', 5)).toEqual(['共', '14571', '条信息']);
    expect(lines('一二三——四五', 4)).toEqual(['一二三', '——四五']);
    expect(lines('一二三……。', 4)).toEqual(['一二', '三……。']);
  });

  it('breaks a word longer than a whole line by characters', () => {
    expect(lines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('honours the first-line indent', () => {
    expect(lines('一二三四五六七八', 4, 2)).toEqual(['一二', '三四五六', '七八']);
  });

  it('obeys both rules on real text at many widths', () => {
    const text =
      '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）等文件要求，汇总编制而成。“一日一检查，三日一维护，一周一清理”……';
    for (let width = 6; width <= 30; width++) {
      const result = lines(text, width);
      expect(result.join('')).toBe(text);
      result.forEach((line, i) => {
        if (i > 0) expect(NO_LINE_START.has(line[0]!), `width ${width}: “${line}”`).toBe(false);
        if (i < result.length - 1) expect(NO_LINE_END.has(line[line.length - 1]!), `width ${width}: “${line}”`).toBe(false);
        expect([...line].length).toBeLessThanOrEqual(width);
      });
    }
  });

  it('justifies every line but the last to the exact width', () => {
    const atoms = toAtoms([{ text: '一二三四，五六七八九十', face: 'serif' }], unit, 1);
    const result = breakLines(atoms, 4, 4, unit, 1);
    const first = result[0]!;
    expect(lineText(first)).toBe('一二三');
    const spacing = justifySpacing(first, 4);
    // 3 glyphs, 2 gaps: 1 unit of room spread as 0.5 each.
    expect(spacing).toBeCloseTo(0.5);
    const runs = lineRuns(first, spacing);
    expect(runs).toEqual([{ text: '一二三', face: 'serif', x: 0, spacing: 0.5 }]);
    expect(justifySpacing(result[result.length - 1]!, 4)).toBe(0);
  });

  it('balances centred lines: the fewest lines, then the most even', () => {
    const balanced = (text: string, width: number) =>
      breakLinesBalanced(toAtoms([{ text, face: 'serif' }], unit, 1), width, unit, 1).map(lineText);
    expect(lines('（三）不予公开', 3)).toEqual(['（三）', '不予公', '开']);
    expect(balanced('（三）不予公开', 3)).toEqual(['（三）', '不予', '公开']);
    expect(balanced('结果维持', 2)).toEqual(['结果', '维持']);
    expect(balanced('一二三四五六七', 6)).toEqual(['一二三四', '五六七']);
    // The same rules as greedy breaking: the comma stays with the character before it.
    expect(balanced('一二，三四', 3)).toEqual(['一二，', '三四']);
  });

  it('puts the justification gaps between atoms: numbers and words are not letter-spaced', () => {
    const atoms = toAtoms([{ text: '共2022件，abc二', face: 'serif' }], unit, 1);
    const [line] = breakLines(atoms, 20, 20, unit, 1);
    const withLast = { ...line!, last: false };
    // 6 atoms (共 2022 件 ， abc 二), width 11: 9 units of room in 5 gaps.
    const gap = justifySpacing(withLast, 20);
    expect(gap).toBeCloseTo(9 / 5);
    const runs = lineRuns(withLast, gap);
    expect(runs.map((r) => [r.text, r.spacing])).toEqual([
      ['共', gap],
      ['2022', 0],
      ['件，', gap],
      ['abc', 0],
      ['二', gap],
    ]);
    // The last atom ends exactly at the line's width.
    const last = runs[runs.length - 1]!;
    expect(last.x + 1).toBeCloseTo(20);
  });

  it('splits a line into runs per face', () => {
    const mixed: Measurer = { ...unit, resolve: (face, cp) => (cp === 0x4e8c ? 'kai' : face) };
    const atoms = toAtoms([{ text: '一二三', face: 'serif' }], mixed, 1);
    const [line] = breakLines(atoms, 10, 10, mixed, 1);
    expect(lineRuns(line!, 0)).toEqual([
      { text: '一', face: 'serif', x: 0, spacing: 0 },
      { text: '二', face: 'kai', x: 1, spacing: 0 },
      { text: '三', face: 'serif', x: 2, spacing: 0 },
    ]);
  });
});

describe('text the rules cannot be kept for', () => {
  it('a run of closing punctuation longer than a line fills lines instead of one mark a line', () => {
    expect(lines('。'.repeat(30), 10)).toEqual(['。'.repeat(10), '。'.repeat(10), '。'.repeat(10)]);
    // Where a legal break exists the rule still applies: “等” goes along with the marks after it.
    const result = lines(`等等${'。'.repeat(30)}`, 10);
    expect(result.join('')).toBe(`等等${'。'.repeat(30)}`);
    expect(result.slice(1).map((line) => [...line].length)).toEqual([10, 10, 10, 1]);
  });

  it('a URL wider than a line starts on the line it follows and fills it', () => {
    const url = `http://${'a'.repeat(40)}.gov.cn`;
    const result = lines(`访问网址：${url}查看。`, 20);
    expect(result.join('')).toBe(`访问网址：${url}查看。`);
    // The first line is full, not “访问网址：” stretched over the width.
    expect([...result[0]!].length).toBeGreaterThanOrEqual(19);
    expect(result[0]!.startsWith('访问网址：http')).toBe(true);
  });
});
