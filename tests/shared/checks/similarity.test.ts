import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../../shared/checks/similarity';

describe('textSimilarity (Dice coefficient of character bigrams)', () => {
  it('is 1 for equal texts and for texts that differ only in white space', () => {
    expect(textSimilarity('本机关依法公开政府信息', '本机关依法公开政府信息')).toBe(1);
    expect(textSimilarity('本机关 依法\n公开　政府信息', '本机关依法公开政府信息')).toBe(1);
  });

  it('counts shared bigrams: abcd / abce share ab, bc of 3 + 3', () => {
    expect(textSimilarity('abcd', 'abce')).toBeCloseTo(4 / 6, 12);
    // 本年, 年度 against 本年: 2·1 / (2 + 1).
    expect(textSimilarity('本年度', '本年')).toBeCloseTo(2 / 3, 12);
  });

  it('counts bigrams as a multiset: aaa has aa twice, aa once', () => {
    expect(textSimilarity('aaa', 'aa')).toBeCloseTo(2 / 3, 12);
    expect(textSimilarity('甲甲甲甲', '甲甲甲甲')).toBe(1);
  });

  it('is insensitive to reordered paragraphs except at the seam', () => {
    // AB BC CD against CD DA AB: 2 in common of 3 + 3.
    expect(textSimilarity('ABCD', 'CDAB')).toBeCloseTo(4 / 6, 12);
  });

  it('is 0 for texts with nothing in common, and symmetric', () => {
    expect(textSimilarity('政府信息', '年度报告')).toBe(0);
    const a = '2024年本机关共收到申请12件';
    const b = '2025年本机关共收到申请15件';
    expect(textSimilarity(a, b)).toBe(textSimilarity(b, a));
  });

  it('texts too short for a bigram are similar only when equal apart from white space', () => {
    expect(textSimilarity('无', ' 无 ')).toBe(1);
    expect(textSimilarity('无', '有')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('　', '')).toBe(0);
    expect(textSimilarity('无', '无无')).toBe(0);
  });

  it('does not answer from its cache for a different pair', () => {
    expect(textSimilarity('abcd', 'abcd')).toBe(1);
    expect(textSimilarity('abcd', 'wxyz')).toBe(0);
    expect(textSimilarity('abcd', 'abcd')).toBe(1);
    for (const t of ['p1', 'p2', 'p3', 'p4', 'p5']) textSimilarity(t, `${t}x`);
    expect(textSimilarity('abcd', 'abce')).toBeCloseTo(4 / 6, 12);
  });

  it('scores a long report that changed only its year well above 0.8', () => {
    const body = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。'.repeat(400);
    expect(textSimilarity(`2024年${body}`, `2025年${body}`)).toBeGreaterThan(0.99);
  });
});
