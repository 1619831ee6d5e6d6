// Measuring with the parsed fontkit faces. Widths are cached per face and text for the exporter's
// lifetime: the same labels and characters come back in every export.
import type { FaceName, FontSet } from './fonts';
import type { Measurer } from './line-break';

export function createMeasurer(fonts: FontSet): Measurer {
  const caches: Record<FaceName, Map<string, { width: number; glyphs: number }>> = {
    serif: new Map(),
    serifBold: new Map(),
    sans: new Map(),
    kai: new Map(),
  };
  return {
    resolve: fonts.resolve,
    measure(face, text) {
      const cache = caches[face];
      let m = cache.get(text);
      if (!m) {
        const font = fonts.faces[face];
        // The same shaping pdfkit applies when it draws the run (fontkit layout with default features).
        const run = font.layout(text);
        m = { width: run.advanceWidth / font.unitsPerEm, glyphs: run.glyphs.length };
        cache.set(text, m);
      }
      return m;
    },
  };
}
