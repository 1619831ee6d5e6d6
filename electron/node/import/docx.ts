// Word 2007+ / WPS (.docx): the document's own paragraphs and tables from word/document.xml, merged
// cells included (gridSpan across, vMerge down) — not a flattened text guess.
import { DOMParser, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import type { ImportedBlock, ImportedCell, ImportedDocument } from '../../../shared/import/document';
import { readZipEntries, ZipError } from './zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

import { deeperThan, MAX_TREE_DEPTH, xmlDeeperThan } from './tree-depth';
export class DocxError extends Error {}

const tooDeep = `文档正文的结构嵌套超过 ${MAX_TREE_DEPTH} 层（表格套表格…），不像一份年度报告（文件可能已损坏或是刻意构造的），未导入。请在 Word 或 WPS 中打开后重新“另存为”.docx 再导入。`;

/** Reads the body of a .docx (bytes of the zip). Throws DocxError with a Chinese message. */
export function readDocx(bytes: Uint8Array): ImportedDocument {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipEntries(bytes, (name) => name === 'word/document.xml' || name === '[Content_Types].xml' || name === 'xl/workbook.xml' || name === 'ppt/presentation.xml');
  } catch (e) {
    if (e instanceof ZipError) throw new DocxError(e.message);
    throw new DocxError('文件已损坏（压缩包结构不完整），无法读取。请在 Word 或 WPS 中打开后重新“另存为”.docx 再导入。');
  }
  const xml = entries.get('word/document.xml');
  if (!xml) {
    if (entries.has('xl/workbook.xml')) throw new DocxError('这是 Excel 表格，不是 Word 文档。请导入报告的 Word 文档、网页或 PDF。');
    if (entries.has('ppt/presentation.xml')) throw new DocxError('这是演示文稿，不是 Word 文档。请导入报告的 Word 文档、网页或 PDF。');
    throw new DocxError('文件中没有 Word 文档正文（word/document.xml），可能已损坏或不是 .docx 文档。请在 Word 或 WPS 中打开后另存为 .docx 再导入。');
  }
  let root: Element | null;
  const errors: string[] = [];
  const text = new TextDecoder('utf-8').decode(xml);
  if (xmlDeeperThan(text)) throw new DocxError(tooDeep);
  try {
    const dom = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(text, 'text/xml');
    root = dom.documentElement;
  } catch {
    root = null;
  }
  const body = root ? child(root, 'body') : undefined;
  if (!root || !body || errors.length > 0) {
    throw new DocxError('文档正文（word/document.xml）已损坏，无法读取。请在 Word 或 WPS 中打开后重新“另存为”.docx 再导入。');
  }
  if (deeperThan(body, elements)) throw new DocxError(tooDeep);
  const blocks: ImportedBlock[] = [];
  readBlocks(body, blocks);
  return { source: 'docx', paragraphsAreLines: false, blocks };
}

function elements(node: XmlNode): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}
const isW = (e: Element, name: string) => e.namespaceURI === W && e.localName === name;
const child = (e: Element, name: string) => elements(e).find((c) => isW(c, name));
const attr = (e: Element | undefined, name: string) => e?.getAttributeNS(W, name) ?? e?.getAttribute(`w:${name}`) ?? null;

/** Paragraphs and tables in document order; content controls (w:sdt) and the like are looked into. */
function readBlocks(container: Element, out: ImportedBlock[]): void {
  for (const e of elements(container)) {
    if (isW(e, 'p')) out.push({ kind: 'paragraph', text: paragraphText(e) });
    else if (isW(e, 'tbl')) out.push({ kind: 'table', rows: readTable(e) });
    else if (isW(e, 'sdt')) {
      const content = child(e, 'sdtContent');
      if (content) readBlocks(content, out);
    } else if (isW(e, 'customXml') || isW(e, 'ins') || isW(e, 'smartTag')) readBlocks(e, out);
  }
}

/** The text of a paragraph: runs, tabs as spaces, breaks as line breaks; deleted text (w:delText) and
 *  field codes (w:instrText) are not text. */
function paragraphText(p: Element): string {
  let text = '';
  const walk = (e: Element) => {
    for (const c of elements(e)) {
      if (c.namespaceURI !== W) continue;
      switch (c.localName) {
        case 't':
          text += c.textContent ?? '';
          break;
        case 'tab':
          text += '\t';
          break;
        case 'br':
        case 'cr':
          text += '\n';
          break;
        case 'del':
        case 'instrText':
        case 'delText':
        case 'pPr':
        case 'rPr':
          break;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return text;
}

/** Rows of real cells: a vMerge continuation is not a cell of its own, it adds to the span above. */
function readTable(tbl: Element): ImportedCell[][] {
  const rows: ImportedCell[][] = [];
  /** The cell starting at each grid column, for vertical merges. */
  const openAt = new Map<number, ImportedCell>();
  for (const tr of rowElements(tbl)) {
    const row: ImportedCell[] = [];
    let column = 0;
    for (const tc of cellElements(tr)) {
      const props = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(props && child(props, 'gridSpan'), 'val') ?? 1) || 1);
      const vMerge = props && child(props, 'vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      if (continues && openAt.has(column)) {
        openAt.get(column)!.rowSpan++;
      } else {
        const cell: ImportedCell = { text: cellText(tc), rowSpan: 1, colSpan: span };
        row.push(cell);
        for (let k = 0; k < span; k++) openAt.delete(column + k);
        if (vMerge !== undefined) openAt.set(column, cell);
      }
      column += span;
    }
    rows.push(row);
  }
  return rows;
}

function rowElements(tbl: Element): Element[] {
  const out: Element[] = [];
  for (const e of elements(tbl)) {
    if (isW(e, 'tr')) out.push(e);
    else if (isW(e, 'sdt') || isW(e, 'customXml')) out.push(...rowElements(child(e, 'sdtContent') ?? e));
  }
  return out;
}

function cellElements(tr: Element): Element[] {
  const out: Element[] = [];
  for (const e of elements(tr)) {
    if (isW(e, 'tc')) out.push(e);
    else if (isW(e, 'sdt') || isW(e, 'customXml')) out.push(...cellElements(child(e, 'sdtContent') ?? e));
  }
  return out;
}

/** A cell's paragraphs joined without a separator (a label wrapped into two paragraphs is one label);
 *  a table nested in a cell adds its cells' text. */
function cellText(tc: Element): string {
  const blocks: ImportedBlock[] = [];
  readBlocks(tc, blocks);
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.flat().map((c) => c.text).join(' ')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
