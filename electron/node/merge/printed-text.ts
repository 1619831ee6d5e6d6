// The text a PDF prints, as lines, read with pdf.js: runs of text grouped into lines by their baseline
// and ordered by x, a tab where a run starts clearly after the previous one ends (a table cell border).
// The text importer reads such lines (a report's headings, narrative and tables) like pdftotext output.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is loaded on first use (about 100 ms): only the receiving office's runs need it. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Runs whose baselines differ by at most this (in PDF units) are one line. */
const SAME_LINE = 2;
/** A gap wider than this between two runs of a line separates cells. */
const CELL_GAP = 3;
export const MAX_PRINTED_PAGES = 200;

export type PrintedText = { ok: true; text: string; pages: number } | { ok: false; reason: 'no-text' | 'too-long' | 'unreadable'; message: string };

export async function readPrintedText(bytes: Uint8Array): Promise<PrintedText> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PRINTED_PAGES) {
      return { ok: false, reason: 'too-long', message: `PDF 有 ${pdf.numPages} 页，超过 ${MAX_PRINTED_PAGES} 页，不像一份年度报告，未读取其文字。` };
    }
    const lines: string[] = [];
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const rows: { y: number; runs: { x: number; end: number; s: string }[] }[] = [];
      for (const item of content.items) {
        const run = item as TextItem;
        if (typeof run.str !== 'string' || run.str === '') continue;
        const x = run.transform[4] as number;
        const y = run.transform[5] as number;
        let row = rows.find((r) => Math.abs(r.y - y) <= SAME_LINE);
        if (!row) {
          row = { y, runs: [] };
          rows.push(row);
        }
        row.runs.push({ x, end: x + run.width, s: run.str });
        chars += run.str.length;
      }
      rows.sort((a, b) => b.y - a.y);
      for (const row of rows) {
        row.runs.sort((a, b) => a.x - b.x);
        let line = '';
        let end: number | undefined;
        for (const run of row.runs) {
          if (end !== undefined && run.x - end > CELL_GAP) line += '\t';
          line += run.s;
          end = run.end;
        }
        lines.push(line);
      }
      page.cleanup();
    }
    if (chars === 0) {
      return { ok: false, reason: 'no-text', message: '这份 PDF 没有文字层（可能是扫描件），读不出其中的数字；需要文字识别（OCR），本程序不做。' };
    }
    return { ok: true, text: lines.join('\n'), pages: pdf.numPages };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: 'unreadable', message: `PDF 的文字读不出来（${detail}）。` };
  } finally {
    await task.destroy();
  }
}
