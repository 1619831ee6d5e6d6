// Shapes report texts take on the way from a government website to the clerk, turned back into the
// shapes the tokenizer reads (one table row a line, cells set off by tabs; or one cell a line):
//  - Markdown (an HTML-to-Markdown converter, a copy that keeps the table borders): “# 标题”,
//    “## 一、总体情况”, “| 规章 | 0 | 0 | 0 |” and the rule line “|---|---|” under a table's first row;
//  - a crawled page that writes each cell followed by “|” on a line of its own (“规章 |”, “0 |”, a lone
//    “|” ending the row);
//  - a crawled page on one line: the title, the section headings and the tables' cells all in a row,
//    set off by single spaces — the title and each section heading are put on lines of their own again.

/** “## 一、总体情况” → “一、总体情况”. */
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s*/;
/** “|---|:---:|”: the rule under a Markdown table's first row. Split on “|” rather than matched by one
 *  pattern: a pattern with a repeated group of spaces backtracks quadratically on a long run of spaces. */
function isMarkdownRule(line: string): boolean {
  const text = line.trim();
  if (!text.includes('|') || !/^[|:\-\s]+$/.test(text)) return false;
  const cells = text.split('|').map((c) => c.trim()).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => /^:?-{3,}:?$/.test(c));
}

export function normaliseTextShapes(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of splitRunTogether(lines)) {
    if (isMarkdownRule(line)) continue;
    const text = line.replace(MARKDOWN_HEADING, '');
    if (!text.includes('|')) {
      out.push(text);
      continue;
    }
    let body = text.trim();
    const closed = body.endsWith('|');
    if (body.startsWith('|')) body = body.slice(1);
    if (closed) body = body.slice(0, -1);
    const cells = body.split('|').map((c) => c.trim());
    if (cells.every((c) => c === '')) {
      // A lone “|” (or “||||”) ends a row of one-cell lines: an empty line separates.
      out.push('');
      continue;
    }
    // “规章 |”: one cell on its line, as the flattened shape writes it (a tab before the cell).
    out.push(cells.length === 1 && closed && !text.trim().startsWith('|') ? `\t${cells[0]}` : cells.join('\t'));
  }
  return out;
}

/** A section heading inside a line: a numeral with 、, then words ending in 情况 or 事项 (no sentence
 *  punctuation between), as every heading of spec §2 does — and table 3's row labels (“一、本年新收…数量”,
 *  “三、本年度办理结果”) do not. */
const INLINE_HEADING = /(?<=^|[\s\u3000。；;：:])([一二三四五六七八九十]{1,2}、[^\s，。；;：:、]{0,24}(?:、[^\s，。；;：:、]{1,16})?(?:情况|事项))(?=\s|[^\s，。；;：:、]|$)/gu;
/** A title at the start of a run-together line: “平潭综合实验区2022年度政府信息公开工作年度报告”. */
const LEADING_TITLE = /^\s*([^\s，。；;：:]{0,60}?\d{4}\s*年度?[^\s，。；;：:]{0,60}?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告)(?=\s)/u;
/** Fewer characters than this between two headings: they are a list of the sections. */
const LIST_GAP = 6;
/** Lines longer than this that hold two headings or more are a crawled page run together. */
const RUN_TOGETHER_LENGTH = 300;

/** A page crawled onto one line, back into lines: the title, then each section heading on its own line. */
export function splitRunTogether(lines: string[]): string[] {
  const out: string[] = [];
  // Only a line that is most of the text: a long paragraph of a text in lines that lists the sections
  // (“全文包括：一、总体情况；二、…”) stays as it is.
  const total = lines.reduce((n, l) => n + l.length, 0);
  for (const line of lines) {
    const runTogether = line.length > RUN_TOGETHER_LENGTH && line.length * 2 > total;
    const headings = runTogether ? [...line.matchAll(INLINE_HEADING)] : [];
    if (headings.length < 2) {
      out.push(line);
      continue;
    }
    let rest = line;
    const title = LEADING_TITLE.exec(rest);
    if (title) {
      out.push(title[1]!.trim());
      rest = rest.slice(title[0].length);
    }
    let from = 0;
    const found = [...rest.matchAll(INLINE_HEADING)];
    // Headings right after one another are a list of the sections (“全文包括 一、总体情况 二、主动公开…”),
    // not the sections themselves.
    const listed = (k: number) => {
      const gap = (a: RegExpMatchArray, b: RegExpMatchArray) => b.index! - (a.index! + a[0].length);
      return (k > 0 && gap(found[k - 1]!, found[k]!) < LIST_GAP) || (k + 1 < found.length && gap(found[k]!, found[k + 1]!) < LIST_GAP);
    };
    for (const [k, m] of found.entries()) {
      if (listed(k)) continue;
      const before = rest.slice(from, m.index).trim();
      if (before) out.push(before);
      out.push(m[1]!);
      from = m.index! + m[0].length;
    }
    const tail = rest.slice(from).trim();
    if (tail) out.push(tail);
  }
  return out;
}
