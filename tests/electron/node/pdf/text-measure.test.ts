import { describe, expect, it } from 'vitest';
import type { FaceName, FontSet } from '../../../../electron/node/pdf/fonts';
import { loadFontSet } from '../../../../electron/node/pdf/fonts';
import { createMeasurer } from '../../../../electron/node/pdf/text-measure';

/** A font whose every character advances `advance` units of `unitsPerEm`, counting layout calls. */
function fakeFont(advance: number, unitsPerEm = 1000) {
  const calls: string[] = [];
  const font = {
    unitsPerEm,
    layout(text: string) {
      calls.push(text);
      const glyphs = [...text];
      return { advanceWidth: glyphs.length * advance, glyphs };
    },
  };
  return { font, calls };
}

function fakeFonts() {
  const serif = fakeFont(1000);
  const sans = fakeFont(500, 2048);
  const resolved: [FaceName, number][] = [];
  const fonts = {
    dir: '/fonts',
    faces: { serif: serif.font, serifBold: serif.font, sans: sans.font, kai: serif.font },
    resolve: (face: FaceName, codePoint: number) => (resolved.push([face, codePoint]), 'kai' as FaceName),
    covers: () => true,
  } as unknown as FontSet;
  return { fonts, serif, sans, resolved };
}

describe('createMeasurer', () => {
  it('measures in em: the run’s advance over the face’s units per em, with the glyph count', () => {
    const { fonts } = fakeFonts();
    const measurer = createMeasurer(fonts);
    expect(measurer.measure('serif', '政府信息')).toEqual({ width: 4, glyphs: 4 });
    expect(measurer.measure('sans', '𠀀a')).toEqual({ width: (2 * 500) / 2048, glyphs: 2 });
    expect(measurer.measure('serif', '')).toEqual({ width: 0, glyphs: 0 });
  });

  it('lays out each text once per face', () => {
    const { fonts, serif, sans } = fakeFonts();
    const measurer = createMeasurer(fonts);
    measurer.measure('serif', '表二');
    measurer.measure('serif', '表二');
    measurer.measure('serif', '表三');
    measurer.measure('sans', '表二');
    measurer.measure('sans', '表二');
    expect(serif.calls).toEqual(['表二', '表三']);
    expect(sans.calls).toEqual(['表二']);
  });

  it('resolves faces through the font set', () => {
    const { fonts, resolved } = fakeFonts();
    expect(createMeasurer(fonts).resolve('serif', 0x653f)).toBe('kai');
    expect(resolved).toEqual([['serif', 0x653f]]);
  });

  it('measures Chinese characters of the bundled fonts one em wide', () => {
    const measurer = createMeasurer(loadFontSet());
    expect(measurer.measure('serif', '政府信息公开')).toEqual({ width: 6, glyphs: 6 });
    expect(measurer.measure('sans', '年度报告')).toEqual({ width: 4, glyphs: 4 });
    const latin = measurer.measure('serif', '2024').width;
    expect(latin).toBeGreaterThan(0);
    expect(latin).toBeLessThan(4);
  });
});
