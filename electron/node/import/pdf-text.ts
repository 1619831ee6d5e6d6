// Any PDF with a text layer (made by Word, WPS, LibreOffice or a CMS): text runs with their positions
// through pdf.js, rebuilt into visual lines (rows) and the pieces of a line separated by column gaps
// (cells). Runs split words arbitrarily (“（三）政府信息管” + “理”), so pieces come from positions,
// never from run boundaries. A PDF without a text layer (a scan) is named as such.
import type { ImportedBlock, ImportedDocument } from '../../../shared/import/document';
import { PAGE_NUMBER } from '../../../shared/import/narrative';
import { DecompressionLimitError } from '../files/bounded-inflate';
import { checkPdfStreams } from '../pdf/stream-bounds';

export class PdfTextError extends Error {}

/** A year's report is a few dozen pages; a PDF of more is something else (or made to cost time): pdf.js
 *  would read every page's text, about 2 ms a page on a fast machine, before the importer could say so. */
export const MAX_PDF_TEXT_PAGES = 300;

export const tooManyPagesMessage = (pages: number) =>
  `此 PDF 共 ${pages} 页，远多于一份年度报告（最多读取 ${MAX_PDF_TEXT_PAGES} 页），没有读取。请确认选择的是年度报告本身；如果报告在一个更大的文件中，请把报告那几页另存为一个 PDF 再导入。`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is loaded on first use (about 100 ms): only PDF imports need it. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

interface Run {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

/** A gap of at least this many font sizes between two runs separates cells of a table row. */
const CELL_GAP = 0.9;
/** A gap of at least this many font sizes is a space between words (“行政事业性收费 9116.36”). Narrower
 *  gaps between Chinese and Latin text are the office suite's automatic spacing (“2022 年” printed for
 *  “2022年”), not a space in the text; between two Latin words a narrower gap still is one. */
const WORD_GAP = 0.3;
const LATIN_WORD_GAP = 0.15;
const LATIN = /[A-Za-z0-9.,%)]$/;

export async function readPdfText(bytes: Uint8Array): Promise<ImportedDocument> {
  try {
    checkPdfStreams(bytes);
  } catch (e) {
    if (e instanceof DecompressionLimitError) throw new PdfTextError(`${e.message}未导入。请确认这是报告的 PDF，或改为导入报告的 Word 文档、网页。`);
    throw e;
  }
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new PdfTextError('此 PDF 设有打开密码，无法读取。请用原程序去掉密码后另存一份 PDF 再导入，或导入报告的 Word 文档、网页。');
    }
    throw new PdfTextError('PDF 文件已损坏或不完整，无法读取。请重新下载或导出该 PDF，或改为导入报告的 Word 文档、网页。');
  }
  try {
    if (doc.numPages > MAX_PDF_TEXT_PAGES) throw new PdfTextError(tooManyPagesMessage(doc.numPages));
    const lines: Line[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, x, y] = item.transform as number[];
        const size = Math.hypot(a!, b!) || Math.abs(d!) || 10;
        runs.push({ text: item.str, x: x!, y: y!, end: x! + item.width, size });
        chars += item.str.trim().length;
      }
      lines.push(...pageLines(runs).filter((l) => !PAGE_NUMBER.test(l.text)));
      page.cleanup();
    }
    if (chars === 0) {
      throw new PdfTextError(`此 PDF 共 ${doc.numPages} 页，没有文字层，是扫描件或图片：需要先做文字识别（OCR），年报助手不能直接读取。请改为导入报告的 Word 文档、网页，或复制报告文字粘贴导入。`);
    }
    return { source: 'pdf', paragraphsAreLines: false, blocks: paragraphBlocks(lines) };
  } finally {
    await doc.destroy();
  }
}

interface Line {
  text: string;
  x0: number;
  end: number;
  size: number;
  /** Pieces separated by column gaps: a table row, never joined with other lines. */
  row: boolean;
  /** An empty line (a larger vertical gap) comes before it. */
  gapBefore: boolean;
}

const OUTLINE_START = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．]|[①-⑳])/;

/** Width the line's first unbreakable word takes: a run of Latin letters and digits, or one character
 *  (Latin at about half a font size each). */
function firstWordWidth(line: Line): number {
  const latin = /^[A-Za-z0-9.,%\-]+/.exec(line.text.trimStart())?.[0].length ?? 0;
  return latin > 0 ? latin * line.size * 0.55 : line.size;
}

/** The most frequent value, rounded to whole points. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/** Lines back into paragraphs: a line continues the paragraph above when that one reached the text's
 *  right edge and this one starts at the left edge without an outline number (a first-line indent or
 *  a short line ends a paragraph). Table rows and wrapped cell labels stay lines of their own. */
function paragraphBlocks(lines: Line[]): ImportedBlock[] {
  const text = lines.filter((l) => !l.row && l.text.length >= 10);
  const left = mode(text.map((l) => l.x0));
  const right = mode(text.map((l) => l.end));
  const blocks: ImportedBlock[] = [];
  let open: Line | undefined;
  for (const line of lines) {
    if (line.gapBefore) blocks.push({ kind: 'paragraph', text: '' });
    const continues =
      open !== undefined &&
      !line.gapBefore &&
      !line.row &&
      Math.abs(line.size - open.size) < 0.5 &&
      // The line above was full: the first word of this line (a CJK character, or a Latin word that
      // cannot be broken, such as “2019”) would not have fitted after it.
      open.end + firstWordWidth(line) >= right - open.size * 0.5 &&
      Math.abs(line.x0 - left) < line.size * 0.5 &&
      !OUTLINE_START.test(line.text);
    const last = blocks[blocks.length - 1];
    if (continues && last?.kind === 'paragraph') last.text += line.text;
    else blocks.push({ kind: 'paragraph', text: line.row ? line.text : line.text.trim() });
    open = line.row || Math.abs(line.x0 - left) >= line.size * 0.5 && line.end < right - line.size * 1.5 ? undefined : line;
    if (line.row) open = undefined;
  }
  return blocks;
}

/** Visual lines of one page, top to bottom: runs on one baseline (within a third of the font size —
 *  numbers in table cells sit a point off the label's baseline), ordered left to right. Pieces
 *  separated by a column gap are joined with a tab; the indentation of a line is kept as spaces, as
 *  pdftotext -layout writes it, so paragraphs and wrapped labels are recognised the same way. */
function pageLines(runs: Run[]): Line[] {
  if (runs.length === 0) return [];
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.y - run.y) <= Math.max(last[0]!.size, run.size) * 0.35) last.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  let previousY: number | undefined;
  for (const group of groups) {
    group.sort((p, q) => p.x - q.x);
    const size = Math.max(...group.map((r) => r.size));
    // An empty line where the gap to the line above is more than one and a half line heights.
    const gapBefore = previousY !== undefined && previousY - group[0]!.y > size * 2.2;
    previousY = group[0]!.y;
    let text = '';
    let end = group[0]!.x;
    for (const run of group) {
      const gap = run.x - end;
      const piece = run.text.trimEnd();
      if (gap >= size * CELL_GAP) text += '\t';
      else if ((gap >= size * WORD_GAP || (gap >= size * LATIN_WORD_GAP && LATIN.test(text) && /^[A-Za-z0-9(]/.test(piece))) && !/\s$/.test(text)) text += ' ';
      text += text.endsWith('\t') || text.endsWith(' ') ? piece.replace(/^\s+/, '') : piece;
      end = Math.max(end, run.end);
    }
    lines.push({ text: text.trimEnd(), x0: group[0]!.x, end, size, row: text.includes('\t'), gapBefore });
  }
  return lines;
}
