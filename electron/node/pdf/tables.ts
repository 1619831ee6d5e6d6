// Tables 2–4 drawn from the printed grids of the format definitions (GridTable: merged cells with
// rowSpan/colSpan, value cells carrying canonical keys). Own drawing with rectangles and text, because
// pdfkit's doc.table() draws a row span that crosses a page break on the wrong page and does not repeat
// header rows (measured-facts). Here a table is cut at row boundaries, preferably where no merged cell
// crosses; header rows repeat on every page; a merged cell that must be cut is drawn on both pages with
// its label repeated.
import { headerText } from '../../../shared/formats/index';
import { placeGridCells } from '../../../shared/formats/grid-placement';
import type { GridCell, GridTable } from '../../../shared/formats/types';
import type { ReportDocument } from '../../../shared/model/report';
import { breakLines, breakLinesBalanced, toAtoms, type Line } from './line-break';
import { baselineIn, PAGE, SIZES, TEXT_HEIGHT, TEXT_WIDTH, type Align, type Composer } from './page';

const PAD_X = 3;
const BORDER = 0.6;
/** Line pitch factor and vertical padding of a table's cells. */
interface TableStyle {
  size: number;
  lineFactor: number;
  padY: number;
  minRowHeight: number;
}
/** Smallest size a figure too wide for its column is set in (6-digit totals in table 3's narrow columns). */
const MIN_VALUE_SIZE = 7.5;
/** Merged cells taller than this are not row groups: a page break through them is no worse than any other. */
const BIG_CELL = 0.5;
/** Appended to a row label repeated on the next page because its rows were split (“（三）不予公开（续）”). */
export const CONTINUED = '（续）';

export interface PlacedCell {
  source: GridCell;
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  size: number;
  align: Align;
}

export interface TableLayout {
  table: GridTable['table'];
  style: TableStyle;
  colX: number[];
  header: PlacedCell[];
  headerHeights: number[];
  body: PlacedCell[];
  bodyHeights: number[];
  /** breakable[b]: a page may end before body row b (b = 1 … rows − 1). */
  breakable: boolean[];
}

/** Text printed in a cell: fixed labels as they are, numbers as given (no rounding, no unit), blank for null. */
export function cellText(cell: GridCell, doc: ReportDocument): string {
  if (cell.role !== 'value') return cell.text ?? '';
  const value = cell.key ? doc.cells[cell.key] : undefined;
  return value === null || value === undefined ? '' : formatNumber(value);
}

/** As given: 24252.3111 stays 24252.3111; no exponent notation for the values a report can hold. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toString();
  const text = value.toString();
  return /e/i.test(text) ? value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '') : text;
}

function styleOf(grid: GridTable): TableStyle {
  // Table 3 is long (23–25 rows of wrapped labels): 10.5 pt throughout (spec §7 allows it for its narrow
  // columns; published reports set the whole table that way) in compact rows keeps it on one A4 page
  // (2019) or two (2021). Tables 2 and 4: 12 pt in roomier rows (their one-character-a-line headers
  // stay apart from the figures for text extraction).
  if (grid.table === 't3') return { size: SIZES.tableNarrow, lineFactor: 1.2, padY: 1.75, minRowHeight: 16 };
  return { size: SIZES.table, lineFactor: 1.3, padY: 3, minRowHeight: 22 };
}

export function layoutTable(composer: Composer, grid: GridTable, doc: ReportDocument): TableLayout {
  const style = styleOf(grid);
  const widths = grid.table === 't3' ? t3Widths(composer, grid, doc) : grid.columnWidths;
  const totalWeight = widths.reduce((s, w) => s + w, 0);
  const colX = [PAGE.left];
  for (const w of widths) colX.push(colX[colX.length - 1]! + (w / totalWeight) * TEXT_WIDTH);

  const toPlaced = (rows: GridCell[][]) =>
    placeGridCells(rows, grid.columns).map(({ row, col, cell }) => ({
      source: cell,
      text: cellText(cell, doc),
      row,
      col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      size: styleOf(grid).size,
      align: 'center' as Align,
    }));
  const header = toPlaced(grid.headerRows);
  const body = toPlaced(grid.bodyRows);
  addProcurementUnit(body, doc);
  // A figure wider than its narrow column (a six-digit total) is set smaller rather than wrapped.
  for (const cell of body) {
    if (cell.source.role !== 'value' || cell.text === '') continue;
    const width = colX[cell.col + cell.colSpan]! - colX[cell.col]! - 2 * PAD_X;
    const natural = composer.measurer.measure('serif', cell.text).width;
    if (natural * cell.size > width) cell.size = Math.max(MIN_VALUE_SIZE, Math.floor((width / natural) * 2) / 2);
  }

  const measure = (cells: PlacedCell[], rowCount: number) => {
    const heights = Array<number>(rowCount).fill(style.minRowHeight);
    const need = (cell: PlacedCell) => {
      cell.align = alignOf(grid.table, cell, colX);
      const lines = cellLines(composer, cell, colX);
      return lines.length * cell.size * style.lineFactor + 2 * style.padY;
    };
    for (const cell of cells) if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row]!, need(cell));
    // Merged cells taller than their rows: spread the difference over the rows they span.
    for (const cell of cells) {
      if (cell.rowSpan === 1) continue;
      const have = sum(heights, cell.row, cell.row + cell.rowSpan);
      const missing = need(cell) - have;
      if (missing > 0) for (let r = cell.row; r < cell.row + cell.rowSpan; r++) heights[r]! += missing / cell.rowSpan;
    }
    return heights;
  };
  const headerHeights = measure(header, grid.headerRows.length);
  const bodyHeights = measure(body, grid.bodyRows.length);

  const breakable = grid.bodyRows.map((_, b) => {
    if (b === 0) return false;
    // Never right after a sub-table's title or header row (table 2): they belong to the rows below.
    const above = body.filter((c) => c.row === b - 1);
    return !above.every((c) => c.source.role === 'title' || c.source.role === 'header');
  });
  return { table: grid.table, style, colX, header, headerHeights, body, bodyHeights, breakable };
}

/**
 * Table 3's printed column widths (points): each figure column as narrow as its widest figure allows
 * (two characters of its header a line at least), the first label column two characters wide (三、本年度
 * 办理结果 stands in it over many rows), the second as the format says, and the row labels take the
 * rest — so that most of them fit on one line and the table on one page.
 */
function t3Widths(composer: Composer, grid: GridTable, doc: ReportDocument): number[] {
  const size = styleOf(grid).size;
  const weights = grid.columnWidths;
  const total = weights.reduce((s, w) => s + w, 0);
  const figureColumns = grid.columns - 3;
  const widths = weights.map((w) => (w / total) * TEXT_WIDTH);
  const columnOf = new Map<string, number>();
  for (const { col, cell } of placeGridCells(grid.bodyRows, grid.columns)) if (cell.key) columnOf.set(cell.key, col);
  const needed = Array<number>(grid.columns).fill(2 * size + 2 * PAD_X + 4);
  for (const [key, col] of columnOf) {
    const value = doc.cells[key];
    if (value === null || value === undefined) continue;
    const width = composer.measurer.measure('serif', formatNumber(value)).width * size + 2 * PAD_X + 2;
    needed[col] = Math.max(needed[col]!, Math.min(width, 3.5 * size + 2 * PAD_X));
  }
  for (let c = 3; c < 3 + figureColumns; c++) widths[c] = needed[c]!;
  widths[0] = 2 * size + 2 * PAD_X + 2;
  const used = widths.reduce((s, w, c) => (c === 2 ? s : s + w), 0);
  widths[2] = Math.max(TEXT_WIDTH - used, 6 * size);
  return widths;
}

/** 2019 format: the unit of 采购总金额 goes into its header when the user chose one (spec §3.2; the rule is
 *  shared/formats' headerText, as in the editor). */
export function addProcurementUnit(body: Pick<PlacedCell, 'source' | 'text'>[], doc: ReportDocument): void {
  for (const cell of body) if (cell.source.unitOf) cell.text = headerText(cell.source, doc.settings?.procurementUnit);
}

const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((s, x) => s + x, 0);

function cellWidth(cell: PlacedCell, colX: number[]): number {
  return colX[cell.col + cell.colSpan]! - colX[cell.col]! - 2 * PAD_X;
}

function cellLines(composer: Composer, cell: PlacedCell, colX: number[], size = cell.size): Line[] {
  if (cell.text === '') return [];
  const atoms = toAtoms([{ text: cell.text, face: 'serif' }], composer.measurer, size);
  const width = cellWidth(cell, colX);
  // Centred text: even lines; justified labels: greedy, the justification fills the lines.
  return cell.align === 'center' ? breakLinesBalanced(atoms, width, composer.measurer, size) : breakLines(atoms, width, width, composer.measurer, size);
}

/** Centred, except table 3's row labels in its wide label cells: set from the left (justified when they
 * wrap), as in the official template. Narrow merged labels (三、本年度办理结果) stay centred. */
function alignOf(table: GridTable['table'], cell: PlacedCell, colX: number[]): Align {
  if (table !== 't3' || cell.source.role !== 'label') return 'center';
  return cellWidth(cell, colX) >= 5 * cell.size ? 'justify' : 'center';
}

/** Height of the whole table (header once). */
export function tableHeight(t: TableLayout): number {
  return sum(t.headerHeights, 0, t.headerHeights.length) + sum(t.bodyHeights, 0, t.bodyHeights.length);
}

/** Height of the header and the first `rows` body rows: what must follow a table's heading on its page. */
export function tableHeadHeight(t: TableLayout, rows: number): number {
  return sum(t.headerHeights, 0, t.headerHeights.length) + sum(t.bodyHeights, 0, Math.min(rows, t.bodyHeights.length));
}

/**
 * Draws the table from the composer's position on, page by page. A page ends at the lowest row
 * boundary that fits, preferring a boundary between row groups (one that cuts no merged label except
 * the big ones, such as 三、本年度办理结果 which spans most of table 3) as long as the page it ends is
 * at most a third empty; otherwise the break falls inside a group, whose label is repeated with “（续）”.
 */
export function drawTable(composer: Composer, t: TableLayout): void {
  const n = t.bodyHeights.length;
  const headerHeight = sum(t.headerHeights, 0, t.headerHeights.length);
  const crossing = (b: number) => t.body.filter((c) => c.row < b && b < c.row + c.rowSpan);
  const big = TEXT_HEIGHT * BIG_CELL;
  const betweenGroups = (b: number) => t.breakable[b]! && crossing(b).every((c) => sum(t.bodyHeights, c.row, c.row + c.rowSpan) > big);

  let start = 0;
  let guard = 0;
  while (start < n) {
    if (++guard > 10_000) throw new Error('table pagination did not progress');
    composer.ensure(headerHeight + t.bodyHeights[start]!);
    const top = composer.y;
    const avail = composer.remaining - headerHeight;
    let fitEnd = start;
    let used = 0;
    while (fitEnd < n && used + t.bodyHeights[fitEnd]! <= avail + 0.01) used += t.bodyHeights[fitEnd++]!;
    if (fitEnd === n) {
      drawSegment(composer, t, start, n);
      return;
    }
    // Not even one row fits below the header (a row taller than a page): it is drawn anyway.
    if (fitEnd === start) fitEnd = start + 1;
    const emptyAfter = (b: number) => PAGE.bottom - (top + headerHeight + sum(t.bodyHeights, start, b));
    const allowedEmpty = TEXT_HEIGHT / 3;
    // No lone last row under a repeated header: at least two rows go to the next page where possible.
    const noWidow = (b: number) => n - b >= 2 || b - start <= 1;
    let cut = -1;
    for (let b = fitEnd; b > start && cut < 0; b--) if (betweenGroups(b) && noWidow(b) && emptyAfter(b) <= allowedEmpty) cut = b;
    for (let b = fitEnd; b > start && cut < 0; b--) if (t.breakable[b] && noWidow(b)) cut = b;
    for (let b = fitEnd; b > start && cut < 0; b--) if (t.breakable[b]) cut = b;
    if (cut < 0) cut = fitEnd;
    drawSegment(composer, t, start, cut);
    composer.newPage();
    start = cut;
  }
}

/** Header rows, then body rows [from, to), at the composer's position. */
function drawSegment(composer: Composer, t: TableLayout, from: number, to: number): void {
  let y = composer.y;
  const headerTops = tops(t.headerHeights, y);
  for (const cell of t.header) drawCell(composer, t, cell, headerTops[cell.row]!, sum(t.headerHeights, cell.row, cell.row + cell.rowSpan));
  y += sum(t.headerHeights, 0, t.headerHeights.length);
  const bodyTops = tops(t.bodyHeights.slice(from, to), y);
  for (const cell of t.body) {
    const first = Math.max(cell.row, from);
    const last = Math.min(cell.row + cell.rowSpan, to);
    if (first >= last) continue;
    // A label whose rows began on the previous page is repeated, marked as continued.
    const shown = cell.row < from && cell.source.role === 'label' && cell.text !== '' ? continued(cell) : cell;
    drawCell(composer, t, shown, bodyTops[first - from]!, sum(t.bodyHeights, first, last));
  }
  composer.y = y + sum(t.bodyHeights, from, to);
}

function continued(cell: PlacedCell): PlacedCell {
  return { ...cell, text: cell.text.endsWith(CONTINUED) ? cell.text : cell.text + CONTINUED };
}

function tops(heights: number[], y0: number): number[] {
  const out: number[] = [];
  let y = y0;
  for (const h of heights) {
    out.push(y);
    y += h;
  }
  return out;
}

function drawCell(composer: Composer, t: TableLayout, cell: PlacedCell, top: number, height: number): void {
  const pdf = composer.pdf;
  const x = t.colX[cell.col]!;
  const width = t.colX[cell.col + cell.colSpan]! - x;
  pdf.lineWidth(BORDER).strokeColor('black').rect(x, top, width, height).stroke();
  if (cell.text === '') return;
  // A merged cell cut by a page break may have less room than its text: shrink it to fit that part.
  let size = cell.size;
  let lines = cellLines(composer, cell, t.colX, size);
  const { lineFactor, padY } = t.style;
  while (lines.length * size * lineFactor + 2 * padY > height && size > 7) {
    size -= 0.5;
    lines = cellLines(composer, cell, t.colX, size);
  }
  const pitch = size * lineFactor;
  const textTop = top + (height - lines.length * pitch) / 2;
  const innerWidth = width - 2 * PAD_X;
  lines.forEach((line, i) => {
    composer.drawLine(line, x + PAD_X, baselineIn(textTop + i * pitch, pitch, size), innerWidth, size, cell.align);
  });
}
