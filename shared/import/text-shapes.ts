// Shapes report texts take on the way from a government website to the clerk, turned back into the
// shapes the tokenizer reads (one table row a line, cells set off by tabs; or one cell a line):
//  - Markdown (an HTML-to-Markdown converter, a copy that keeps the table borders): “# 标题”,
//    “## 一、总体情况”, “| 规章 | 0 | 0 | 0 |” and the rule line “|---|---|” under a table's first row;
//  - a crawled page that writes each cell followed by “|” on a line of its own (“规章 |”, “0 |”, a lone
//    “|” ending the row).

/** “## 一、总体情况” → “一、总体情况”. */
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s*/;
/** “|---|:---:|”: the rule under a Markdown table's first row. */
const MARKDOWN_RULE = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$/;

export function normaliseTextShapes(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (MARKDOWN_RULE.test(line)) continue;
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
