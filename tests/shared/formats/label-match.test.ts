// Row labels as real reports write them, matched to the official rows.
import { describe, expect, it } from 'vitest';
import { labelSimilarity, matchLabel, normaliseLabel, tableRowLabels } from '../../../shared/formats/label-match';

const rows = tableRowLabels('2021', 't3').filter((r) => r.labels.length > 0);
const candidates = rows.map((r) => ({ item: r.keys[0]!.replace(/\.natural$/, ''), label: r.labels[r.labels.length - 1]! }));
const match = (text: string) => matchLabel(text, candidates)?.item;

describe('label matching', () => {
  it('normalises numbering, brackets and spaces', () => {
    expect(normaliseLabel(' 1、属于 国家秘密')).toBe('1.属于国家秘密');
    expect(normaliseLabel('（一）予以公开')).toBe('(一)予以公开');
  });

  it('finds official rows, spelt as printed or as real reports misspell them', () => {
    expect(match('1.属于国家秘密')).toBe('t3.withheld.stateSecret');
    expect(match('1、属于国家秘密')).toBe('t3.withheld.stateSecret');
    expect(match('属于国家秘密')).toBe('t3.withheld.stateSecret');
    expect(match('2.其他法律行政止公开')).toBe('t3.withheld.prohibitedByLaw');
    expect(match('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('t3.partlyGranted');
    expect(match('3.其他')).toBe('t3.other.misc');
  });

  it('answers nothing for headers and unrelated text', () => {
    expect(match('自然人')).toBeUndefined();
    expect(match('申请人情况')).toBeUndefined();
    expect(match('本机关')).toBeUndefined();
    expect(labelSimilarity('2.重复申请', '3.重复申请')).toBeLessThan(0.7);
  });
});
