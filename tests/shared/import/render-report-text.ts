// Renders a report into text the way published reports arrive when pasted, from the format grids:
//  - 'flattened': one cell per line, tab-indented, header cells and merged-cell placeholders included,
//    long labels broken over lines, numbers written in several published ways (as in the seed);
//  - 'tabs': one table row per line, cells separated by tabs (a web page table copied);
//  - 'spaces': one table row per line, cells separated by runs of spaces (pdftotext -layout).
// Test fixture generator only: the importer must read all three back to the same report.
import { formatModel, getFormat } from '../../../shared/formats/index';
import type { GridCell, GridTable, TableId } from '../../../shared/formats/types';
import type { FormatId } from '../../../shared/formats/types';

export type TextStyle = 'flattened' | 'tabs' | 'spaces';

export interface RenderInput {
  title: string;
  format: FormatId;
  sections: { overview: string; problems: string; other: string };
  cells: Record<string, number | null>;
}

export interface RenderOptions {
  style: TextStyle;
  /** Print the first overview paragraph before “一、总体情况”, as published reports do. */
  preamble?: boolean;
  /** Replace a section heading as printed (e.g. the published typo “行政法复议”). */
  headings?: Partial<Record<string, string>>;
  /** Write some numbers the other ways published reports do (“　0”, “10,690”, full-width digits). */
  numberVariants?: boolean;
  /** Damage: text written in place of a cell's number (“二十一”, “/”, “-3”). */
  overrides?: Record<string, string>;
  /** Damage: cells left out of the text altogether. */
  omit?: string[];
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function writeNumber(value: number | null, key: string, variants: boolean): string {
  if (value === null) return '/';
  const plain = String(value);
  if (!variants) return plain;
  // Deterministic variety, chosen by the key so that every style of number appears in a table.
  const h = [...key].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7) % 4;
  if (h === 0) return `\u3000${plain}`;
  if (h !== 2 && value >= 1000 && Number.isInteger(value)) return value.toLocaleString('en-US');
  if (h === 2) return plain.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!);
  return plain;
}

/** Breaks a label the way copied PDF tables do: “本年新\n制作数量”, “（三）不予\n\n公开”. */
function breakLabel(text: string, role: GridCell['role']): string {
  const chars = [...text];
  if (role === 'header' && chars.length >= 6 && chars.length <= 10) return `${chars.slice(0, 3).join('')}\n${chars.slice(3).join('')}`;
  if (role === 'label' && text.startsWith('（') && chars.length === 7) return `${chars.slice(0, 5).join('')}\n\n${chars.slice(5).join('')}`;
  return text;
}

interface Placed {
  cell?: GridCell;
  /** Covered by a row span from a row above. */
  covered: boolean;
}

/** Each grid row laid out column by column, marking positions covered by row spans from above. */
function layout(grid: GridTable, rows: GridCell[][]): Placed[][] {
  const coveredUntil: number[] = Array(grid.columns).fill(-1);
  return rows.map((row, r) => {
    const placed: Placed[] = [];
    let col = 0;
    let next = 0;
    while (col < grid.columns) {
      if (coveredUntil[col]! >= r) {
        placed.push({ covered: true });
        col++;
        continue;
      }
      const cell = row[next++];
      if (!cell) break;
      placed.push({ cell, covered: false });
      for (let c = col; c < col + cell.colSpan; c++) coveredUntil[c] = r + cell.rowSpan - 1;
      col += cell.colSpan;
    }
    return placed;
  });
}

function renderTable(input: RenderInput, table: TableId, opts: RenderOptions): string[] {
  const grid = formatModel(input.format).grids[table];
  const rows = layout(grid, [...grid.headerRows, ...grid.bodyRows]);
  const out: string[] = [];
  const cellText = (p: Placed, flattened: boolean): string => {
    if (p.covered || !p.cell) return '';
    const c = p.cell;
    if (c.role === 'value') return opts.overrides?.[c.key!] ?? writeNumber(input.cells[c.key!] ?? null, c.key!, !!opts.numberVariants);
    return flattened ? breakLabel(c.text ?? '', c.role) : (c.text ?? '');
  };
  const omitted = (p: Placed) => !!p.cell?.key && !!opts.omit?.includes(p.cell.key);
  for (const all of rows) {
    const row = all.filter((p) => !omitted(p));
    if (opts.style === 'flattened') {
      for (const p of row) out.push(`\t${cellText(p, true)}`);
      out.push('');
    } else if (opts.style === 'tabs') {
      out.push(row.map((p) => cellText(p, false)).join('\t'));
    } else {
      out.push(`    ${row.filter((p) => !p.covered).map((p) => cellText(p, false)).join('    ')}`);
    }
  }
  return out;
}

export function renderReportText(input: RenderInput, opts: RenderOptions): string {
  const format = getFormat(input.format);
  const heading = (key: string) => opts.headings?.[key] ?? format.sections.find((s) => s.key === key)!.heading;
  const indent = (text: string) => text.split('\n').filter(Boolean).map((p) => `\u3000\u3000${p}`);
  const lines: string[] = ['', input.title];
  let overview = input.sections.overview;
  if (opts.preamble) {
    const [first, ...rest] = overview.split('\n');
    lines.push(first!);
    overview = rest.join('\n');
  }
  lines.push(heading('overview'), '', ...indent(overview), '');
  for (const table of ['t2', 't3', 't4'] as TableId[]) {
    lines.push(heading(table), '', ...renderTable(input, table, opts), '');
  }
  lines.push(heading('problems'), '', ...indent(input.sections.problems), '');
  if (input.sections.other) lines.push(heading('other'), '', ...indent(input.sections.other), '');
  return lines.join('\n');
}
