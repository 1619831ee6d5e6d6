// The one intermediate every front end produces (Word, web page, PDF, plain text): the document's
// paragraphs and tables in reading order, each table as rows of cells with their spans. The importer
// reads it through the same outline, narrative and table reader as pasted text, but takes table cells
// as the document holds them instead of guessing them from spacing.
import { importLines, type LineStructure } from './import-text';
import { PAGE_NUMBER } from './narrative';
import { splitLines } from './text-normalize';
import { normaliseTextShapes } from './text-shapes';
import type { ImportOptions, ImportResult } from './types';

export interface ImportedCell {
  /** The cell's text; paragraphs inside a cell are joined without a separator. */
  text: string;
  rowSpan: number;
  colSpan: number;
}

export type ImportedBlock =
  | { kind: 'paragraph'; text: string }
  /** Only the cells a row really has: a cell covered by a span from above or the left is not repeated. */
  | { kind: 'table'; rows: ImportedCell[][] };

export type ImportedSource = 'docx' | 'html' | 'pdf' | 'text';

export interface ImportedDocument {
  source: ImportedSource;
  blocks: ImportedBlock[];
  /** Paragraph blocks are whole paragraphs (Word, HTML), or visual lines to be joined (PDF, text). */
  paragraphsAreLines: boolean;
}

export const cell = (text: string, rowSpan = 1, colSpan = 1): ImportedCell => ({ text, rowSpan, colSpan });

/** Plain text as an intermediate: one paragraph block per line (the text importer's own tokenizer
 *  then finds the tables in it, as for pasted text), Markdown and crawled shapes brought back first. */
export function textDocument(text: string): ImportedDocument {
  return { source: 'text', paragraphsAreLines: true, blocks: normaliseTextShapes(splitLines(text)).map((line) => ({ kind: 'paragraph', text: line })) };
}

/** Number of table cells in the document that hold text (for “is this a report at all” messages). */
export function tableCellCount(doc: ImportedDocument): number {
  let n = 0;
  for (const b of doc.blocks) if (b.kind === 'table') for (const r of b.rows) n += r.filter((c) => c.text.trim()).length;
  return n;
}

export function importReportDocument(doc: ImportedDocument, opts: ImportOptions = {}): ImportResult {
  const lines: string[] = [];
  const rowCells: (string[] | undefined)[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      // Page numbers of a PDF or a pasted text are page furniture, never report text.
      if (doc.paragraphsAreLines && PAGE_NUMBER.test(block.text)) continue;
      // A paragraph with line breaks inside (a <br>, a soft break in Word) is several lines of text.
      for (const line of splitLines(block.text)) {
        lines.push(line);
        rowCells.push(undefined);
      }
      continue;
    }
    lines.push('');
    rowCells.push(undefined);
    for (const row of block.rows) {
      const texts = row.map((c) => c.text.replace(/\s+/g, ' ').trim());
      // A row with one non-empty cell across the table (a sub-table title such as “第二十条第（一）项”,
      // or a heading typeset inside the table) is a line of text, so headings inside tables are found.
      lines.push(texts.join('\t'));
      rowCells.push(texts.filter(Boolean).length <= 1 && row.length === 1 ? undefined : texts);
    }
    lines.push('');
    rowCells.push(undefined);
  }
  const structure: LineStructure = { rowCells, exactParagraphs: !doc.paragraphsAreLines };
  return importLines(lines, opts, structure);
}
