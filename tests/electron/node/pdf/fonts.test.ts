// electron/node/pdf/fonts.ts: the four faces loaded from a font folder (a missing or damaged file named in
// Chinese), the per-character fallback along each face's chain, and the unshaped layout (cmap glyphs,
// hmtx advances) that measuring and drawing share.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONT_DIR, FACE_NAMES, FALLBACK, FONT_FILES, loadFontSet, MissingFontError, type FontSet } from '../../../../electron/node/pdf/fonts';

const dirs: string[] = [];
const tempFontDir = (files: string[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
  dirs.push(dir);
  for (const file of files) copyFileSync(join(DEFAULT_FONT_DIR, file), join(dir, file));
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function refusal(dir: string): string {
  try {
    loadFontSet(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(MissingFontError);
    return (e as Error).message;
  }
  throw new Error('expected a MissingFontError');
}

const cp = (ch: string) => ch.codePointAt(0)!;

describe('loadFontSet', () => {
  let fonts: FontSet;
  beforeAll(() => {
    fonts = loadFontSet();
  });

  it('names every font file missing from the folder, and the folder', () => {
    const empty = tempFontDir([]);
    const message = refusal(empty);
    for (const file of Object.values(FONT_FILES)) expect(message).toContain(file);
    expect(message).toContain(empty);
    expect(message).toMatch(/^导出 PDF 所需的字体文件缺失/);
    const oneMissing = refusal(tempFontDir([FONT_FILES.serif, FONT_FILES.serifBold, FONT_FILES.sans]));
    expect(oneMissing).toMatch(/^导出 PDF 所需的字体文件缺失（NianbaoKai-Regular\.ttf，应在 /);
  });

  it('names a file that is there but no font', () => {
    const dir = tempFontDir([FONT_FILES.serif, FONT_FILES.serifBold, FONT_FILES.sans]);
    writeFileSync(join(dir, FONT_FILES.kai), 'not a font');
    expect(refusal(dir)).toMatch(/^导出 PDF 所需的字体文件 NianbaoKai-Regular\.ttf 已损坏或不是字体文件/);
  });

  it('loads the four faces from the folder given', () => {
    expect(fonts.dir).toBe(DEFAULT_FONT_DIR);
    expect(Object.keys(fonts.faces).sort()).toEqual([...FACE_NAMES].sort());
    for (const face of FACE_NAMES) expect(fonts.faces[face].hasGlyphForCodePoint(cp('政'))).toBe(true);
  });

  it('prints a character in the face asked for when it has it, else in the next face of the chain that has it', () => {
    expect(fonts.resolve('kai', cp('一'))).toBe('kai');
    // 堃 is outside the kai face (GB2312) but in Noto Serif SC: kai falls back to serif.
    expect(fonts.faces.kai.hasGlyphForCodePoint(cp('堃'))).toBe(false);
    expect(fonts.resolve('kai', cp('堃'))).toBe('serif');
    expect(fonts.covers('kai', cp('堃'))).toBe(true);
    for (const face of FACE_NAMES) expect(FALLBACK[face][0]).toBe(face);
  });

  it('a character no face has: not covered, and left in the face asked for (printed as a box there)', () => {
    const none = 0xe000; // private use
    for (const face of FACE_NAMES) {
      expect(fonts.covers(face, none)).toBe(false);
      expect(fonts.resolve(face, none)).toBe(face);
    }
  });

  it('lays out text through the cmap: the real glyphs, advances from the font\'s metrics, no shaping', () => {
    const real = fontkit.create(readFileSync(join(DEFAULT_FONT_DIR, FONT_FILES.serif)));
    const run = fonts.faces.serif.layout('政府信息公开 2025');
    expect(run.glyphs.map((g) => g.id)).toEqual([...'政府信息公开 2025'].map((ch) => real.glyphForCodePoint(cp(ch)).id));
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([...'政府信息公开 2025'].map((ch) => [cp(ch)]));
    expect(run.glyphs.map((g) => g.advanceWidth)).toEqual([...'政府信息公开 2025'].map((ch) => real.glyphForCodePoint(cp(ch)).advanceWidth));
    // CJK ideographs are one em wide; the run's advance is the sum of its glyphs'.
    for (const g of run.glyphs.slice(0, 6)) expect(g.advanceWidth).toBe(fonts.faces.serif.unitsPerEm);
    expect(run.advanceWidth).toBe(run.glyphs.reduce((s, g) => s + g.advanceWidth, 0));
    expect(run.positions.map((p) => p.xAdvance)).toEqual(run.glyphs.map((g) => g.advanceWidth));
    expect(run.glyphs[0]!.path.toSVG()).toBe(real.glyphForCodePoint(cp('政')).path.toSVG());
    // Characters outside the Basic Multilingual Plane are one glyph each, not two surrogates.
    expect(fonts.faces.serif.layout('𠀀').glyphs).toHaveLength(1);
  });
});
