// electron/node/pdf/page.ts: the GB/T 9704 page (A4, the margins, 22 body lines) and the Composer drawing on
// real pdfkit pages — when a new page starts, paragraphs wrapped and carried over, headings kept with what
// follows, page numbers outside the text block (odd right, even left), the draft's watermark as outlines.
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACE_NAMES, loadFontSet, type FaceName, type FontSet } from '../../../../electron/node/pdf/fonts';
import { baselineIn, BODY_PITCH, Composer, MM, PAGE, SIZES, TEXT_HEIGHT, TEXT_WIDTH } from '../../../../electron/node/pdf/page';
import { createMeasurer } from '../../../../electron/node/pdf/text-measure';

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet();
});

/** A composer on a fresh pdfkit document; `finish` ends it and gives the PDF's bytes. */
function composer(draft = false) {
  const pdf = new PDFDocument({ autoFirstPage: false, compress: false });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const faceId = (face: FaceName) => `f-${face}`;
  for (const face of FACE_NAMES) pdf.registerFont(faceId(face), fonts.faces[face] as unknown as PDFKit.Mixins.PDFFontSource);
  const c = new Composer(pdf, createMeasurer(fonts), faceId, { draft, fonts });
  return {
    c,
    finish: () => {
      pdf.end();
      return done;
    },
  };
}

/** Each page's text items with their x and baseline measured from the page's top-left corner. */
async function pageTexts(bytes: Buffer): Promise<{ text: string; x: number; baseline: number }[][]> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4]!, baseline: page.view[3]! - item.transform[5]! }] : [])));
  }
  await task.destroy();
  return pages;
}

const body = { size: SIZES.body, pitch: BODY_PITCH, indent: 2 * SIZES.body, align: 'justify' as const };

describe('the page', () => {
  it('is A4 with the margins of GB/T 9704 and 22 body lines in the text block', () => {
    expect(PAGE.width).toBeCloseTo(595.28, 1);
    expect(PAGE.height).toBeCloseTo(841.89, 1);
    expect(PAGE.top).toBeCloseTo(37 * MM);
    expect(PAGE.height - PAGE.bottom).toBeCloseTo(35 * MM);
    expect(PAGE.left).toBeCloseTo(28 * MM);
    expect(PAGE.width - PAGE.right).toBeCloseTo(26 * MM);
    expect(TEXT_WIDTH).toBeCloseTo(156 * MM);
    expect(BODY_PITCH * 22).toBeCloseTo(TEXT_HEIGHT);
  });

  it('baselineIn centres the ideographic em box in the line box', () => {
    expect(baselineIn(100, 30, 16)).toBeCloseTo(100 + 15 + 0.38 * 16);
  });
});

describe('Composer', () => {
  it('starts the first page on the first ensure, a new one only when the height no longer fits', () => {
    const { c } = composer();
    expect(c.pageCount).toBe(0);
    c.ensure(10);
    expect(c.pageCount).toBe(1);
    expect(c.atPageTop).toBe(true);
    c.y = PAGE.bottom - 20;
    c.ensure(20);
    expect(c.pageCount).toBe(1);
    expect(c.remaining).toBeCloseTo(20);
    c.ensure(21);
    expect(c.pageCount).toBe(2);
    expect(c.y).toBe(PAGE.top);
  });

  it('a paragraph takes one pitch a line, 22 lines a page, and goes on on the next page', () => {
    const { c } = composer();
    c.newPage();
    c.paragraph([{ text: '政'.repeat(10), face: 'serif' }], body);
    expect(c.y).toBeCloseTo(PAGE.top + BODY_PITCH);
    // A line holds TEXT_WIDTH / 16 pt = 27 characters (25 after the two-character indent): 30 lines of text.
    c.paragraph([{ text: '政'.repeat(25 + 29 * 27), face: 'serif' }], body);
    expect(c.pageCount).toBe(2);
    expect(c.y).toBeCloseTo(PAGE.top + (1 + 30 - 22) * BODY_PITCH);
  });

  it('a heading that would be the last line of a page goes to the next page with what it keeps with', () => {
    const { c } = composer();
    c.newPage();
    c.y = PAGE.bottom - BODY_PITCH; // room for one line
    c.paragraph([{ text: '二、主动公开政府信息情况', face: 'sans' }], { ...body, keepWithNext: BODY_PITCH });
    expect(c.pageCount).toBe(2);
    expect(c.y).toBeCloseTo(PAGE.top + BODY_PITCH);
    c.y = PAGE.bottom - BODY_PITCH;
    c.paragraph([{ text: '正文一行。', face: 'serif' }], body);
    expect(c.pageCount).toBe(2);
  });

  it('numbers the pages “— n —” below the text block, odd pages right and even pages left, one character in', async () => {
    const { c, finish } = composer();
    c.newPage();
    c.paragraph([{ text: '第一页', face: 'serif' }], body);
    c.newPage();
    c.paragraph([{ text: '第二页', face: 'serif' }], body);
    const pages = await pageTexts(await finish());
    const number = (items: { text: string; x: number; baseline: number }[]) => items.find((i) => /—/.test(i.text))!;
    const [one, two] = [number(pages[0]!), number(pages[1]!)];
    expect(one.text.replace(/\s+/g, ' ')).toBe('— 1 —');
    expect(two.text.replace(/\s+/g, ' ')).toBe('— 2 —');
    expect(one.baseline).toBeCloseTo(PAGE.bottom + 7 * MM + 0.35 * SIZES.pageNumber, 0);
    expect(one.x).toBeGreaterThan(PAGE.width / 2);
    expect(two.x).toBeCloseTo(PAGE.left + SIZES.pageNumber, 0);
    const bodyLine = pages[0]!.find((i) => i.text.includes('第一页'))!;
    expect(bodyLine.x).toBeCloseTo(PAGE.left + 2 * SIZES.body, 0);
    expect(bodyLine.baseline).toBeCloseTo(baselineIn(PAGE.top, BODY_PITCH, SIZES.body), 0);
  });

  it('a draft page carries the 草稿 watermark as outlines, not as text; a final page none', async () => {
    const grey = /0\.87\d* 0\.87\d* 0\.87\d* scn\nf/; // #dedede, filled
    const draft = composer(true);
    draft.c.newPage();
    draft.c.paragraph([{ text: '正文', face: 'serif' }], body);
    const draftPdf = await draft.finish();
    expect(draftPdf.toString('latin1')).toMatch(grey);
    expect((await pageTexts(draftPdf))[0]!.map((i) => i.text).join('')).not.toContain('草稿');
    const final = composer(false);
    final.c.newPage();
    final.c.paragraph([{ text: '正文', face: 'serif' }], body);
    expect((await final.finish()).toString('latin1')).not.toMatch(grey);
  });

  it('collects the characters drawn that no face has, once each, in order; spaces are not missing', () => {
    const { c } = composer();
    c.newPage();
    c.drawRun('甲\ue000 乙\ue001\ue000', 'serif', PAGE.left, PAGE.top, 16);
    expect([...c.missingGlyphs]).toEqual(['\ue000', '\ue001']);
  });
});
