// The four faces of the report, parsed once with fontkit and kept (registering parsed fonts, not paths,
// is what keeps pdfkit fast: measured-facts). Characters a face lacks fall back per character to the
// next face of its chain, so nothing prints as a box.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { Font, Glyph, GlyphPosition } from 'fontkit';

/** serif: body and tables (仿宋 stand-in) · serifBold: title (小标宋) · sans: 一、 headings (黑体) · kai: （一） headings (楷体). */
export type FaceName = 'serif' | 'serifBold' | 'sans' | 'kai';
export const FACE_NAMES: readonly FaceName[] = ['serif', 'serifBold', 'sans', 'kai'];

export const FONT_FILES: Record<FaceName, string> = {
  serif: 'NotoSerifSC-Regular.ttf',
  serifBold: 'NotoSerifSC-Bold.ttf',
  sans: 'NotoSansSC-Medium.ttf',
  kai: 'NianbaoKai-Regular.ttf',
};

/** Where a character goes when the face asked for has no glyph for it. */
export const FALLBACK: Record<FaceName, FaceName[]> = {
  serif: ['serif', 'sans', 'kai'],
  serifBold: ['serifBold', 'serif', 'sans'],
  sans: ['sans', 'serif', 'kai'],
  kai: ['kai', 'serif', 'sans'],
};

/** assets/fonts of the source tree; the Electron main process passes process.resourcesPath + '/fonts'. */
export const DEFAULT_FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

export interface FontSet {
  dir: string;
  faces: Record<FaceName, Font>;
  /** The face that actually prints `ch` when `face` is asked for. */
  resolve(face: FaceName, codePoint: number): FaceName;
  /** True when some face of the chain has a glyph for the character. */
  covers(face: FaceName, codePoint: number): boolean;
}

export class MissingFontError extends Error {}

export function loadFontSet(dir: string = DEFAULT_FONT_DIR): FontSet {
  const missing = FACE_NAMES.map((f) => FONT_FILES[f]).filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new MissingFontError(
      `导出 PDF 所需的字体文件缺失（${missing.join('、')}，应在 ${dir}）。请重新安装年报助手；从源码运行时请执行 npm install（会复制字体）。`,
    );
  }
  const faces = {} as Record<FaceName, Font>;
  for (const face of FACE_NAMES) {
    let font: Font;
    try {
      font = fontkit.create(readFileSync(join(dir, FONT_FILES[face])));
    } catch {
      throw new MissingFontError(`导出 PDF 所需的字体文件 ${FONT_FILES[face]} 已损坏或不是字体文件（在 ${dir}）。请重新安装年报助手；从源码运行时请执行 npm install（会复制字体）。`);
    }
    faces[face] = withoutShaping(font);
  }
  // Per-face cache of resolved faces: resolution runs once per character and face, then is a map lookup.
  const cache: Record<FaceName, Map<number, FaceName>> = { serif: new Map(), serifBold: new Map(), sans: new Map(), kai: new Map() };
  const resolve = (face: FaceName, codePoint: number): FaceName => {
    const hit = cache[face].get(codePoint);
    if (hit) return hit;
    const found = FALLBACK[face].find((f) => faces[f].hasGlyphForCodePoint(codePoint)) ?? face;
    cache[face].set(codePoint, found);
    return found;
  };
  return {
    dir,
    faces,
    resolve,
    covers: (face, codePoint) => FALLBACK[face].some((f) => faces[f].hasGlyphForCodePoint(codePoint)),
  };
}

/**
 * The font with a layout() that maps characters to glyphs through the cmap only. Chinese needs no
 * shaping (the SC faces' default glyphs are the Simplified Chinese forms), and skipping it spares
 * parsing the large GSUB/GPOS tables of CJK fonts. The glyphs it returns carry their advance from the
 * hmtx table: fontkit's own Glyph.advanceWidth decodes the whole outline when a font has no vmtx
 * table (these have none), which made measuring the slowest part of a first export. pdfkit draws with
 * this layout too, so what is measured is what is drawn; subsetting and metrics stay fontkit's.
 */
function withoutShaping(font: Font): Font {
  const hmtx = (font as unknown as { hmtx: { metrics: { length: number; get(i: number): { advance: number } | undefined } } }).hmtx;
  const advanceOf = (id: number) => {
    const metrics = hmtx.metrics;
    return metrics.get(Math.min(id, metrics.length - 1))?.advance ?? 0;
  };
  const byCodePoint = new Map<number, Glyph>();
  const glyphFor = (codePoint: number): Glyph => {
    let glyph = byCodePoint.get(codePoint);
    if (!glyph) {
      const real = font.glyphForCodePoint(codePoint);
      glyph = {
        id: real.id,
        codePoints: [codePoint],
        advanceWidth: advanceOf(real.id),
        get path() {
          return real.path;
        },
      };
      byCodePoint.set(codePoint, glyph);
    }
    return glyph;
  };
  const unshaped = Object.create(font) as Font;
  unshaped.layout = (text: string) => {
    const glyphs: Glyph[] = [];
    const positions: GlyphPosition[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const glyph = glyphFor(ch.codePointAt(0)!);
      glyphs.push(glyph);
      positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += glyph.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };
  return unshaped;
}
