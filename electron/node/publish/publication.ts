// The report as a publication, independent of the medium: title, sections with their paragraphs
// (outline levels of spec §7), the three tables as placed grids (merged cells with their spans, texts as
// printed, canonical keys on value cells) and the 落款. The website version and the Word file are both
// written from this, so they carry the same structure as the PDF.
import { formatModel } from '../../../shared/formats/index';
import type { GridCell, TableId } from '../../../shared/formats/types';
import { issueDateText, reportTitle, type ReportDocument } from '../../../shared/model/report';
import { paragraphsOf, type OutlineLevel } from '../pdf/narrative';
import { placeGridCells } from '../../../shared/formats/grid-placement';
import { addProcurementUnit, cellText } from '../pdf/tables';

export interface PublishedParagraph {
  level: OutlineLevel;
  /** A heading that runs on into its paragraph keeps the heading face up to its first 。: that part. */
  lead: string;
  rest: string;
}

export interface PublishedCell {
  text: string;
  role: GridCell['role'];
  key?: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface PublishedTable {
  table: TableId;
  columns: number;
  /** Relative widths (sum arbitrary). */
  columnWidths: number[];
  /** Rows of cells in reading order; a cell covered by a span above is not repeated. */
  headerRows: PublishedCell[][];
  bodyRows: PublishedCell[][];
}

export type PublishedSection =
  | { kind: 'text'; heading: string; paragraphs: PublishedParagraph[] }
  | { kind: 'table'; heading: string; table: PublishedTable };

/** The mark a draft website or Word version carries (the PDF draft has its 草稿 watermark); a final has none. */
export const DRAFT_NOTICE = { mark: '草稿', text: '未定稿，不得公开发布' } as const;

export interface Publication {
  title: string;
  /** A draft: the notice shown above the title (HTML) or in the page header (Word). */
  draft: boolean;
  sections: PublishedSection[];
  signature: { agency: string; date: string };
}

/** `issued`: the date of issue printed when the report has none (the day of the export). */
export function publication(doc: ReportDocument, issued: string, draft = false): Publication {
  const model = formatModel(doc.format);
  const sections: PublishedSection[] = model.format.sections.map((section) => {
    const key = section.key;
    if (key === 't2' || key === 't3' || key === 't4') return { kind: 'table', heading: section.heading, table: publishedTable(doc, key) };
    const paragraphs = paragraphsOf(doc.sections[key] ?? '', section.heading).map((p) => {
      const [first, second] = p.parts;
      const isHeading = p.level === 1 || p.level === 2;
      return { level: p.level, lead: isHeading ? first!.text : '', rest: isHeading ? (second?.text ?? '') : p.parts.map((x) => x.text).join('') };
    });
    return { kind: 'text', heading: section.heading, paragraphs };
  });
  return { title: reportTitle(doc), draft, sections, signature: { agency: doc.agency.name.trim(), date: issueDateText(doc.issued ?? issued) } };
}

function publishedTable(doc: ReportDocument, table: TableId): PublishedTable {
  const grid = formatModel(doc.format).grids[table];
  const rowsOf = (rows: GridCell[][]) => {
    const placed = placeGridCells(rows, grid.columns).map(({ row, col, cell }) => ({
      source: cell,
      text: cellText(cell, doc),
      role: cell.role,
      ...(cell.key ? { key: cell.key } : {}),
      row,
      col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
    }));
    return placed;
  };
  const header = rowsOf(grid.headerRows);
  const body = rowsOf(grid.bodyRows);
  addProcurementUnit(body, doc);
  const byRow = (cells: typeof body, count: number) =>
    Array.from({ length: count }, (_, r) => cells.filter((c) => c.row === r).map(({ source: _s, ...cell }) => cell));
  return {
    table,
    columns: grid.columns,
    columnWidths: grid.columnWidths,
    headerRows: byRow(header, grid.headerRows.length),
    bodyRows: byRow(body, grid.bodyRows.length),
  };
}
