import { describe, expect, it } from 'vitest';
import { joinLines, removeBracketed, trimChars, trimEndChars, trimStartChars, WHITE_SPACE } from '../../../shared/text/trim';

describe('trimEndChars / trimStartChars / trimChars', () => {
  it('removes only the given characters, at the given end', () => {
    expect(trimEndChars('　年报　 ', ' \u3000')).toBe('　年报');
    expect(trimStartChars('　年报　 ', ' \u3000')).toBe('年报　 ');
    expect(trimChars('\t 　年报 报告　\t', ' \t\u3000')).toBe('年报 报告');
  });

  it('returns the same text when nothing is to be removed, and empty text when all is', () => {
    expect(trimChars('表二', ' ')).toBe('表二');
    expect(trimChars('　 　', ' \u3000')).toBe('');
    expect(trimChars('', ' ')).toBe('');
  });

  it('handles a long run of spaces followed by something else (the case a regex makes quadratic)', () => {
    const text = `${' '.repeat(200_000)}x${' '.repeat(200_000)}`;
    expect(trimEndChars(text, ' ')).toBe(`${' '.repeat(200_000)}x`);
    expect(trimChars(text, ' ')).toBe('x');
  });
});

describe('joinLines', () => {
  it('turns each line break with its surrounding white space into one space', () => {
    expect(joinLines('无法写入 \n   请另存为')).toBe('无法写入 请另存为');
    expect(joinLines('一\n\n二\n三')).toBe('一 二 三');
  });

  it('leaves one-line text alone', () => {
    expect(joinLines('  已保存  ')).toBe('  已保存  ');
  });
});

describe('removeBracketed', () => {
  it('removes a bracketed note, full-width or ASCII', () => {
    expect(removeBracketed('收到日期（年/月/日）', '（(', '）)')).toBe('收到日期');
    expect(removeBracketed('金额(万元)合计', '（(', '）)')).toBe('金额合计');
  });

  it('removes each opener up to the first closer after it', () => {
    expect(removeBracketed('甲（乙（丙）丁）戊', '（', '）')).toBe('甲丁）戊');
  });

  it('keeps an opener that has no closer after it', () => {
    expect(removeBracketed('甲（乙）丙（丁', '（', '）')).toBe('甲丙（丁');
    expect(removeBracketed('（'.repeat(100_000), '（', '）')).toBe('（'.repeat(100_000));
  });
});

describe('WHITE_SPACE', () => {
  it('holds every character /\\s/ matches in the BMP, and the zero-width space', () => {
    const missing: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch) && !WHITE_SPACE.includes(ch)) missing.push(c.toString(16));
    }
    expect(missing).toEqual([]);
    expect(WHITE_SPACE).toContain('\u200b');
    expect(WHITE_SPACE).toContain('\u3000');
  });
});
