// Page geometry after GB/T 9704-2012 (spec §7) and the drawing of text lines on pdfkit pages: A4,
// margins 37/35/28/26 mm, 22 body lines a page, page numbers “— n —” 7 mm below the text block, odd
// pages right and even pages left, one character in from the edge.
import type { FaceName, FontSet } from './fonts';
import { breakLines, justifySpacing, lineRuns, toAtoms, type Line, type Measurer, type StyledText } from './line-break';

export const MM = 72 / 25.4;
export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  top: 37 * MM,
  bottom: (297 - 35) * MM,
  left: 28 * MM,
  right: (210 - 26) * MM,
};
export const TEXT_WIDTH = PAGE.right - PAGE.left;
export const TEXT_HEIGHT = PAGE.bottom - PAGE.top;

export const SIZES = { title: 22, body: 16, pageNumber: 14, table: 12, tableNarrow: 10.5, findings: 12 };
/** 22 lines in the 225 mm text block. */
export const BODY_PITCH = TEXT_HEIGHT / 22;

/** Baseline of a line of `size` points set in a line box of height `pitch`: the ideographic em box is centred. */
export const baselineIn = (top: number, pitch: number, size: number) => top + pitch / 2 + 0.38 * size;

export type Align = 'justify' | 'center' | 'left';

export interface PageOptions {
  draft: boolean;
  /** Needed for the draft watermark, drawn as glyph outlines. */
  fonts: FontSet;
}

/** Draws lines of text and keeps the vertical position; starts pages with their number and watermark. */
export class Composer {
  y = PAGE.top;
  pageCount = 0;
  /** Characters drawn that no face has a glyph for (printed as the .notdef box), in order of appearance. */
  readonly missingGlyphs = new Set<string>();

  constructor(
    readonly pdf: PDFKit.PDFDocument,
    readonly measurer: Measurer,
    private readonly faceName: (face: FaceName) => string,
    private readonly options: PageOptions,
  ) {}

  newPage(): void {
    this.pdf.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    this.pageCount++;
    if (this.options.draft) this.drawWatermark();
    this.drawPageNumber(this.pageCount);
    this.y = PAGE.top;
  }

  get remaining(): number {
    return PAGE.bottom - this.y;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.pageCount === 0 || this.y + height > PAGE.bottom + 0.01) this.newPage();
  }

  get atPageTop(): boolean {
    return this.y <= PAGE.top + 0.01;
  }

  layout(parts: StyledText[], size: number, width: number, firstIndent = 0): Line[] {
    const atoms = toAtoms(parts, this.measurer, size);
    return breakLines(atoms, width - firstIndent, width, this.measurer, size);
  }

  /** Draws one line with its baseline at `baseline`, `x` being the left edge of the available width. */
  drawLine(line: Line, x: number, baseline: number, width: number, size: number, align: Align): void {
    const spacing = align === 'justify' ? justifySpacing(line, width) : 0;
    const offset = align === 'center' ? (width - line.width) / 2 : 0;
    for (const run of lineRuns(line, spacing)) this.drawRun(run.text, run.face, x + offset + run.x, baseline, size, run.spacing);
  }

  drawRun(text: string, face: FaceName, x: number, baseline: number, size: number, spacing = 0): void {
    const font = this.options.fonts.faces[face];
    for (const ch of text) if (ch !== ' ' && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) this.missingGlyphs.add(ch);
    this.pdf.font(this.faceName(face)).fontSize(size);
    this.pdf.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing });
  }

  /**
   * A paragraph in the running text: lines of `pitch`, a page break wherever the page is full.
   * `keepWithNext` reserves room for that much more below the paragraph's last line (headings).
   */
  paragraph(parts: StyledText[], opts: { size: number; pitch: number; indent: number; align: Align; keepWithNext?: number }): void {
    const lines = this.layout(parts, opts.size, TEXT_WIDTH, opts.indent);
    lines.forEach((line, i) => {
      const isLast = i === lines.length - 1;
      this.ensure(opts.pitch + (isLast ? (opts.keepWithNext ?? 0) : 0));
      const indent = i === 0 ? opts.indent : 0;
      this.drawLine(line, PAGE.left + indent, baselineIn(this.y, opts.pitch, opts.size), TEXT_WIDTH - indent, opts.size, opts.align);
      this.y += opts.pitch;
    });
  }

  /**
   * A light diagonal 草稿 across the page, under the text. Drawn as glyph outlines, not as text: as
   * text it would be interleaved with the report's own lines when someone copies or extracts them.
   */
  private drawWatermark(): void {
    const pdf = this.pdf;
    const mark = watermarkOutlines(this.options.fonts);
    const size = 160;
    const scale = size / mark.unitsPerEm;
    pdf.save();
    pdf.rotate(-45, { origin: [PAGE.width / 2, PAGE.height / 2] });
    pdf.translate(PAGE.width / 2 - (mark.width * scale) / 2, PAGE.height / 2 + 0.38 * size);
    pdf.scale(scale, -scale);
    for (const glyph of mark.glyphs) {
      pdf.save();
      pdf.translate(glyph.x, 0);
      pdf.path(glyph.svg).fill('#dedede');
      pdf.restore();
    }
    pdf.restore();
    pdf.fillColor('black');
  }

  private drawPageNumber(n: number): void {
    const size = SIZES.pageNumber;
    const text = `— ${n} —`;
    const parts: StyledText[] = [{ text, face: 'serif' }];
    const [line] = this.layout(parts, size, TEXT_WIDTH);
    if (!line) return;
    // GB/T 9704: the dashes sit 7 mm below the text block; odd pages right, even pages left, one character in.
    const baseline = PAGE.bottom + 7 * MM + 0.35 * size;
    const x = n % 2 === 1 ? PAGE.right - size - line.width : PAGE.left + size;
    this.drawLine(line, x, baseline, line.width, size, 'left');
  }
}

interface WatermarkOutlines {
  unitsPerEm: number;
  width: number;
  glyphs: { svg: string; x: number }[];
}

/** The outlines of 草稿 in the sans face, in font units; computed once per font set. */
const watermarks = new WeakMap<FontSet, WatermarkOutlines>();
function watermarkOutlines(fonts: FontSet): WatermarkOutlines {
  let mark = watermarks.get(fonts);
  if (!mark) {
    const font = fonts.faces.sans;
    const run = font.layout('草稿');
    let x = 0;
    const glyphs = run.glyphs.map((glyph, i) => {
      const out = { svg: glyph.path.toSVG(), x };
      x += run.positions[i]!.xAdvance;
      return out;
    });
    mark = { unitsPerEm: font.unitsPerEm, width: run.advanceWidth, glyphs };
    watermarks.set(fonts, mark);
  }
  return mark;
}

