// A report page saved from a website (.html/.htm): the DOM's text blocks and tables (rowspan/colspan)
// through parse5, in whatever encoding the page declares (UTF-8, GB2312/GBK/GB18030, Big5 …).
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { ImportedBlock, ImportedCell, ImportedDocument } from '../../../shared/import/document';
import { deeperThan, MAX_TREE_DEPTH } from './tree-depth';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export class HtmlError extends Error {}

/** The page's text: BOM first, then the meta charset, then UTF-8; refuses what none of these decodes. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (declared) {
    // GB2312 pages are usually GBK in fact (characters beyond GB2312): decode with the superset.
    const label = /^(gb2312|gbk|x-gbk|gb_2312-80|euc-cn)$/i.test(declared) ? 'gb18030' : declared.toLowerCase();
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw new HtmlError(`网页声明的字符编码“${declared}”无法识别，无法读取。请在浏览器中打开该网页，另存为“网页，仅 HTML”（UTF-8 编码）后再导入，或复制全文粘贴导入。`);
    }
    try {
      return { text: decoder.decode(bytes), encoding: declared };
    } catch {
      // A page that declares one encoding but is saved in another (a browser re-saved it as UTF-8).
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        throw new HtmlError(`网页声明的字符编码是“${declared}”，但内容不符合该编码（文件可能已损坏或被转存过），无法可靠读取。请在浏览器中重新保存该网页后再导入，或复制全文粘贴导入。`);
      }
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new HtmlError('网页没有声明字符编码，内容既不是 UTF-8 也不是 GBK，无法识别。请在浏览器中打开该网页，另存为“网页，仅 HTML”后再导入，或复制全文粘贴导入。');
    }
  }
}

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'button', 'textarea']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'caption', 'hr', 'body', 'html',
]);

/** A report page has a handful of tables and some thousands of elements; far more is not a report, and
 *  building its tree costs seconds and hundreds of MB (100,000 nested tables: 2.4 s, 363 MB) before its
 *  depth could be checked. Counted in the text, in one pass, before parsing. */
export const MAX_HTML_TABLES = 1_000;
export const MAX_HTML_ELEMENTS = 200_000;

/** Start tags in the text: all of them, and those of tables (`<table` followed by a space, / or >). */
export function countStartTags(text: string): { elements: number; tables: number } {
  let elements = 0;
  let tables = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    elements++;
    if (text.slice(i + 1, i + 6).toLowerCase() === 'table') {
      const after = text.charAt(i + 6);
      if (after === '>' || after === '/' || after === ' ' || after === '\t' || after === '\n' || after === '\r' || after === '\f') tables++;
    }
  }
  return { elements, tables };
}

export function readHtml(bytes: Uint8Array): ImportedDocument {
  const { text } = decodeHtml(bytes);
  const { elements, tables } = countStartTags(text);
  if (tables > MAX_HTML_TABLES || elements > MAX_HTML_ELEMENTS) {
    const what = tables > MAX_HTML_TABLES ? `${tables} 个表格（一份年度报告只有几个）` : `${elements} 个元素`;
    throw new HtmlError(`网页中有 ${what}，不像一份年度报告（文件可能已损坏或是刻意构造的），未导入。请在浏览器中重新保存该网页后再导入，或复制全文粘贴导入。`);
  }
  const document = parse(text);
  if (deeperThan(document as unknown as Node, childrenOf)) {
    throw new HtmlError(`网页的元素嵌套超过 ${MAX_TREE_DEPTH} 层，不像一份年度报告（文件可能已损坏或是刻意构造的），未导入。请在浏览器中重新保存该网页后再导入，或复制全文粘贴导入。`);
  }
  const blocks: ImportedBlock[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) blocks.push({ kind: 'paragraph', text: t });
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      line += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('tagName' in node) && node.nodeName !== '#document') return;
    const tag = 'tagName' in node ? node.tagName : '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table') {
      flush();
      blocks.push({ kind: 'table', rows: readTable(node as Element) });
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const c of childrenOf(node)) walk(c);
    if (block) flush();
  };
  walk(document as unknown as Node);
  flush();
  return { source: 'html', paragraphsAreLines: false, blocks };
}

function childrenOf(node: Node): Node[] {
  const content = (node as Element).nodeName === 'template' ? [] : (node as Element).childNodes;
  return (content ?? []) as Node[];
}

const span = (e: Element, name: string) => Math.min(1000, Math.max(1, Number(e.attrs.find((a) => a.name === name)?.value ?? 1) || 1));

/** Rows (tr, also inside thead/tbody/tfoot, not of nested tables) and their td/th cells. */
function readTable(table: Element): ImportedCell[][] {
  const rows: ImportedCell[][] = [];
  const visit = (e: Element) => {
    for (const c of childrenOf(e) as Element[]) {
      if (!('tagName' in c)) continue;
      if (c.tagName === 'tr') {
        rows.push((childrenOf(c) as Element[]).filter((td) => 'tagName' in td && (td.tagName === 'td' || td.tagName === 'th')).map((td) => ({ text: textOf(td), rowSpan: span(td, 'rowspan'), colSpan: span(td, 'colspan') })));
      } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** A cell's text: its paragraphs joined without a separator, whitespace collapsed. */
function textOf(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeName === '#text') out += (n as DefaultTreeAdapterMap['textNode']).value;
    else if ('tagName' in n && !SKIP.has(n.tagName)) for (const c of childrenOf(n)) walk(c);
  };
  walk(node);
  return out.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
}
