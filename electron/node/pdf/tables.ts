// Tables 2–4 drawn from the printed grids of the format definitions (GridTable: merged cells with
// rowSpan/colSpan, value cells carrying canonical keys). Own drawing with rectangles and text, because
// pdfkit's doc.table() draws a row span that crosses a page break on the wrong page and does not repeat
// header rows (measured-facts). Here a table is cut at row boundaries, preferably where no merged cell
// crosses; header rows repeat on every page; a merged cell that must be cut is drawn on both pages with
// its label repeated.
import type { GridCell, GridTable } from '../../../shared/formats/types';
import type { ReportDocument } from '../../../shared/model/report';
import { breakLines, breakLinesBalanced, toAtoms, type Line } from './line-break';
import { baselineIn, PAGE, SIZES, TEXT_HEIGHT, TEXT_WIDTH, type Align, type Composer } from './page';

const PAD_X = 3;
const PAD_Y = 3;
const MIN_ROW_HEIGHT = 22;
const BORDER = 0.6;
const pitchOf = (size: number) => size * 1.3;

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

/** Places grid rows into slots (HTML table algorithm: a cell takes the next column not covered from above). */
function place(rows: GridCell[][], columns: number): { row: number; col: number; cell: GridCell }[] {
  const taken: boolean[][] = [];
  const out: { row: number; col: number; cell: GridCell }[] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      if (c + cell.colSpan > columns) throw new Error(`grid row ${r} is wider than ${columns} columns`);
      out.push({ row: r, col: c, cell });
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![c + dc] = true;
      }
      c += cell.colSpan;
    }
  });
  return out;
}

function styleOf(grid: GridTable, cell: GridCell, col: number): { size: number } {
  // Table 3's seven narrow numeric columns: 10.5 pt (spec §7); everything else 12 pt.
  if (grid.table === 't3' && col >= grid.columns - 7 && cell.colSpan === 1) return { size: SIZES.tableNarrow };
  return { size: SIZES.table };
}

export function layoutTable(composer: Composer, grid: GridTable, doc: ReportDocument): TableLayout {
  const totalWeight = grid.columnWidths.reduce((s, w) => s + w, 0);
  const colX = [PAGE.left];
  for (const w of grid.columnWidths) colX.push(colX[colX.length - 1]! + (w / totalWeight) * TEXT_WIDTH);

  const toPlaced = (rows: GridCell[][]) =>
    place(rows, grid.columns).map(({ row, col, cell }) => ({
      source: cell,
      text: cellText(cell, doc),
      row,
      col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      size: styleOf(grid, cell, col).size,
      align: 'center' as Align,
    }));
  const header = toPlaced(grid.headerRows);
  const body = toPlaced(grid.bodyRows);
  addProcurementUnit(body, doc);

  const measure = (cells: PlacedCell[], rowCount: number) => {
    const heights = Array<number>(rowCount).fill(MIN_ROW_HEIGHT);
    const need = (cell: PlacedCell) => {
      cell.align = alignOf(grid.table, cell, colX);
      const lines = cellLines(composer, cell, colX);
      return lines.length * pitchOf(cell.size) + 2 * PAD_Y;
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
  return { table: grid.table, colX, header, headerHeights, body, bodyHeights, breakable };
}

/** 2019 format: the unit of 采购总金额 goes into its header when the user chose one (spec §3.2). */
function addProcurementUnit(body: PlacedCell[], doc: ReportDocument): void {
  const unit = doc.settings?.procurementUnit;
  if (!unit) return;
  const value = body.find((c) => c.source.key === 't2.procurement.amount');
  if (!value) return;
  const header = body
    .filter((c) => c.source.role === 'header' && c.row < value.row && c.col <= value.col && value.col < c.col + c.colSpan)
    .sort((a, b) => b.row - a.row)[0];
  if (header) header.text = `${header.text}（单位：${unit}）`;
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

/** Draws the table from the composer's position on, page by page. */
export function drawTable(composer: Composer, t: TableLayout): void {
  const n = t.bodyHeights.length;
  const headerHeight = sum(t.headerHeights, 0, t.headerHeights.length);
  const crossing = (b: number) => t.body.filter((c) => c.row < b && b < c.row + c.rowSpan);
  const clean = (b: number) => b === n || (t.breakable[b]! && crossing(b).length === 0);
  const nextClean = (from: number) => {
    let b = from + 1;
    while (b < n && !clean(b)) b++;
    return b;
  };
  const fitsFreshPage = (from: number, to: number) => headerHeight + sum(t.bodyHeights, from, to) <= TEXT_HEIGHT + 0.01;

  let start = 0;
  let guard = 0;
  while (start < n) {
    if (++guard > 10_000) throw new Error('table pagination did not progress');
    composer.ensure(headerHeight + t.bodyHeights[start]!);
    const avail = composer.remaining - headerHeight;
    let fitEnd = start;
    let used = 0;
    while (fitEnd < n && used + t.bodyHeights[fitEnd]! <= avail + 0.01) used += t.bodyHeights[fitEnd++]!;
    if (fitEnd === n) {
      drawSegment(composer, t, start, n);
      return;
    }
    if (fitEnd === start) {
      // Not even one row fits below the header: the composer's ensure() already moved to a fresh page
      // unless the row is taller than a page; then it is drawn anyway.
      fitEnd = start + 1;
    }
    // Prefer the last boundary that cuts no merged cell, when the block after it fits on one page.
    let lastClean = -1;
    for (let b = fitEnd; b > start; b--) {
      if (clean(b)) {
        lastClean = b;
        break;
      }
    }
    let cut = lastClean > 0 && fitsFreshPage(lastClean, nextClean(lastClean)) ? lastClean : -1;
    if (cut < 0) {
      // The block at hand is taller than a page: cut inside merged cells, but not inside a small one.
      const small = TEXT_HEIGHT / 2;
      const from = Math.max(start, lastClean);
      const keepsSmall = (b: number) => crossing(b).every((c) => sum(t.bodyHeights, c.row, c.row + c.rowSpan) > small);
      for (let b = fitEnd; b > from && cut < 0; b--) if (t.breakable[b] && keepsSmall(b)) cut = b;
      for (let b = fitEnd; b > from && cut < 0; b--) if (t.breakable[b]) cut = b;
      if (cut < 0) cut = lastClean > start ? lastClean : fitEnd;
    }
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
    drawCell(composer, t, cell, bodyTops[first - from]!, sum(t.bodyHeights, first, last));
  }
  composer.y = y + sum(t.bodyHeights, from, to);
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
  while (lines.length * pitchOf(size) + 2 * PAD_Y > height && size > 7) {
    size -= 0.5;
    lines = cellLines(composer, cell, t.colX, size);
  }
  const pitch = pitchOf(size);
  const textTop = top + (height - lines.length * pitch) / 2;
  const innerWidth = width - 2 * PAD_X;
  lines.forEach((line, i) => {
    composer.drawLine(line, x + PAD_X, baselineIn(textTop + i * pitch, pitch, size), innerWidth, size, cell.align);
  });
}
