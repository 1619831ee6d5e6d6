// electron/node/pdf/tables.ts: tables 2–4 from the format's printed grids — the text of each cell (numbers as
// given), the column layout, the unit of 采购总金额 in its header, and drawing across pages with the header
// rows repeated and a split group's label marked （续）.
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import type { GridCell } from '../../../../shared/formats/types';
import type { ReportDocument } from '../../../../shared/model/report';
import { FACE_NAMES, loadFontSet, type FaceName, type FontSet } from '../../../../electron/node/pdf/fonts';
import { Composer, PAGE, SIZES } from '../../../../electron/node/pdf/page';
import { addProcurementUnit, cellText, CONTINUED, drawTable, formatNumber, layoutTable, tableHeadHeight, tableHeight } from '../../../../electron/node/pdf/tables';
import { createMeasurer } from '../../../../electron/node/pdf/text-measure';
import { pingtanReport, seedReport } from './helpers';

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet();
});

function composer() {
  const pdf = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const faceId = (face: FaceName) => `f-${face}`;
  for (const face of FACE_NAMES) pdf.registerFont(faceId(face), fonts.faces[face] as unknown as PDFKit.Mixins.PDFFontSource);
  const c = new Composer(pdf, createMeasurer(fonts), faceId, { draft: false, fonts });
  return { c, finish: () => (pdf.end(), done) };
}

/** Each page's text, whitespace removed, in drawing order. */
async function pageTexts(bytes: Buffer): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
  }
  await task.destroy();
  return pages;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('formatNumber', () => {
  it('prints numbers as given: integers, decimals unrounded, negatives, no exponent notation', () => {
    expect(formatNumber(71)).toBe('71');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(24252.3111)).toBe('24252.3111');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(0.000015)).toBe('0.000015');
    expect(formatNumber(1.23e-7)).toBe('0'); // would print as 1.23e-7: four decimals instead
    expect(formatNumber(0)).toBe('0');
  });
});

describe('cellText', () => {
  const doc = { cells: { 't3.received.natural': 12, 't3.received.commercial': null } } as unknown as ReportDocument;
  const value = (key: string | undefined): GridCell => ({ role: 'value', key, rowSpan: 1, colSpan: 1 }) as GridCell;

  it('a label prints its text; a value cell its figure, blank when empty or unknown', () => {
    expect(cellText({ role: 'label', text: '（一）自然人', rowSpan: 1, colSpan: 1 } as GridCell, doc)).toBe('（一）自然人');
    expect(cellText({ role: 'label', rowSpan: 1, colSpan: 1 } as GridCell, doc)).toBe('');
    expect(cellText(value('t3.received.natural'), doc)).toBe('12');
    expect(cellText(value('t3.received.commercial'), doc)).toBe('');
    expect(cellText(value('t3.nothing'), doc)).toBe('');
    expect(cellText(value(undefined), doc)).toBe('');
  });
});

describe('addProcurementUnit', () => {
  const headerCells = () => formatModel('2019').grids.t2.headerRows.flat().concat(formatModel('2019').grids.t2.bodyRows.flat());

  it('adds the unit the user chose to the header of 采购总金额 (2019 format) only', () => {
    const cells = headerCells().map((source) => ({ source, text: source.text ?? '' }));
    const withUnit = cells.filter((c) => c.source.unitOf);
    expect(withUnit).toHaveLength(1);
    const doc = { ...seedReport(), settings: { procurementUnit: '万元' as const } };
    addProcurementUnit(cells, doc);
    expect(withUnit[0]!.text).toBe(`${withUnit[0]!.source.text}（单位：万元）`);
    const others = cells.filter((c) => !c.source.unitOf);
    expect(others.every((c) => c.text === (c.source.text ?? ''))).toBe(true);
  });

  it('leaves the header alone when no unit was chosen', () => {
    const cells = headerCells().map((source) => ({ source, text: source.text ?? '' }));
    addProcurementUnit(cells, { ...seedReport(), settings: {} });
    expect(cells.every((c) => c.text === (c.source.text ?? ''))).toBe(true);
  });
});

describe('layoutTable', () => {
  it('spreads the columns over the text width; table 3 in the narrow size, tables 2 and 4 in the table size', () => {
    const { c } = composer();
    const doc = pingtanReport();
    for (const key of ['t2', 't3', 't4'] as const) {
      const t = layoutTable(c, formatModel('2021').grids[key], doc);
      expect(t.colX[0]).toBeCloseTo(PAGE.left);
      expect(t.colX[t.colX.length - 1]).toBeCloseTo(PAGE.right);
      expect(t.colX.every((x, i) => i === 0 || x > t.colX[i - 1]!)).toBe(true);
      expect(t.style.size).toBe(key === 't3' ? SIZES.tableNarrow : SIZES.table);
      expect(t.bodyHeights).toHaveLength(formatModel('2021').grids[key].bodyRows.length);
      expect(t.breakable[0]).toBe(false);
    }
  });

  it('prints each value cell\'s figure; a figure too wide for its column is set smaller, not below 7.5 pt', () => {
    const { c } = composer();
    const doc = pingtanReport();
    // Table 3's figure columns widen for their figures up to 3.5 characters: eight digits do not fit.
    doc.cells['t3.received.natural'] = 12345678;
    const t = layoutTable(c, formatModel('2021').grids.t3, doc);
    const cell = t.body.find((p) => p.source.key === 't3.received.natural')!;
    expect(cell.text).toBe('12345678');
    expect(cell.size).toBeLessThan(SIZES.tableNarrow);
    expect(cell.size).toBeGreaterThanOrEqual(7.5);
    const small = t.body.find((p) => p.source.key === 't3.received.commercial')!;
    expect(small.size).toBe(SIZES.tableNarrow);
  });

  it('tableHeight is the header and every row; tableHeadHeight the header and the first rows asked for', () => {
    const { c } = composer();
    const t = layoutTable(c, formatModel('2021').grids.t3, pingtanReport());
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(tableHeight(t)).toBeCloseTo(sum(t.headerHeights) + sum(t.bodyHeights));
    expect(tableHeadHeight(t, 0)).toBeCloseTo(sum(t.headerHeights));
    expect(tableHeadHeight(t, 3)).toBeCloseTo(sum(t.headerHeights) + sum(t.bodyHeights.slice(0, 3)));
    expect(tableHeadHeight(t, 1000)).toBeCloseTo(tableHeight(t));
  });
});

describe('drawTable', () => {
  it('a table that fits is drawn on the page it starts on, below the position it starts at', async () => {
    const { c, finish } = composer();
    c.newPage();
    const t = layoutTable(c, formatModel('2021').grids.t4, pingtanReport());
    c.y = PAGE.top + 100;
    drawTable(c, t);
    expect(c.pageCount).toBe(1);
    expect(c.y).toBeCloseTo(PAGE.top + 100 + tableHeight(t));
    const [page] = await pageTexts(await finish());
    expect(page).toContain(squeeze(formatModel('2021').grids.t4.headerRows[0]![0]!.text ?? ''));
  });

  it('started low on a page, table 3 goes on over the next: the header repeated, a split group\'s label marked （续）', async () => {
    const { c, finish } = composer();
    c.newPage();
    const grid = formatModel('2021').grids.t3;
    const t = layoutTable(c, grid, pingtanReport());
    c.y = PAGE.bottom - tableHeight(t) / 2;
    drawTable(c, t);
    expect(c.pageCount).toBe(2);
    const pages = await pageTexts(await finish());
    const header = squeeze(formatModel('2021').format.t3.applicantHeader);
    expect(pages[0]).toContain(header);
    expect(pages[1]).toContain(header);
    expect(pages[1]).toContain(CONTINUED);
    expect(pages[0]).not.toContain(CONTINUED);
  });
});
