// Unit names: spellings of the same government folded, departments kept apart, the roster text read, and
// the roster matched against the units' names.
import { describe, expect, it } from 'vitest';
import { matchRoster, nameSimilarity, normalizeUnitName, parseRosterText } from '../../../shared/merge/unit-names';

describe('unit names', () => {
  it('folds the spellings of the same government, keeps departments apart', () => {
    expect(normalizeUnitName('黄金镇人民政府')).toBe('黄金镇');
    expect(normalizeUnitName('黄金镇 政府')).toBe('黄金镇');
    expect(normalizeUnitName('黄金镇人民政府办公室')).toBe('黄金镇');
    expect(normalizeUnitName('某县教育局')).toBe('某县教育局');
    expect(normalizeUnitName('（某）县政府')).toBe('(某)县');
    expect(nameSimilarity('县卫生健康委员会', '县卫生健康局')).toBeGreaterThan(0.6);
    expect(nameSimilarity('黄金镇', '白马镇')).toBeLessThan(0.6);
  });

  it('reads a roster text: one name a line, BOM, comments and blank lines ignored, duplicates once', () => {
    expect(parseRosterText('\uFEFF# 2025 年应报单位\r\n黄金镇人民政府\r\n\r\n县教育局\n黄金镇政府\n')).toEqual(['黄金镇人民政府', '县教育局']);
  });

  it('matchRoster with no roster entry matching proposes nothing below the threshold', () => {
    const m = matchRoster(['甲'], ['乙']);
    expect(m).toEqual({ matched: [], unknown: [{ unit: 0 }], missing: ['乙'] });
  });
});
