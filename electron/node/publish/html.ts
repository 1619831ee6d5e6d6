// The website version: one self-contained HTML file (CSS in its own <style>, no scripts, no external
// resources, no web fonts) with semantic headings, the three tables in their official merged layout
// (rowspan/colspan, <th> with scope) that scroll sideways inside their box on a phone, and the 落款.
// It pastes into a CMS editor as real tables.
import type { ReportDocument } from '../../../shared/model/report';
import { DRAFT_NOTICE, publication, type PublishedCell, type PublishedParagraph, type PublishedTable } from './publication';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body { margin: 0; background: #fff; color: #111; }
main { max-width: 52em; margin: 0 auto; padding: 1.5em 1em 3em; font-family: "仿宋_GB2312", "仿宋", FangSong, "STFangsong", "Noto Serif CJK SC", serif; font-size: 16px; line-height: 1.8; }
h1 { font-family: "方正小标宋简体", "华文中宋", "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 1.6em; font-weight: bold; text-align: center; line-height: 1.5; margin: 0.5em 0 1em; }
h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 1.1em; margin: 1.2em 0 0.4em; text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, "STKaiti", serif; font-size: 1em; font-weight: normal; margin: 0.6em 0 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.lead-1 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
.lead-2 { font-family: "楷体_GB2312", "楷体", KaiTi, "STKaiti", serif; }
.table-box { overflow-x: auto; margin: 0.5em 0 1em; }
table { border-collapse: collapse; margin: 0 auto; font-size: 14px; line-height: 1.4; min-width: 36em; }
th, td { border: 1px solid #000; padding: 0.2em 0.35em; text-align: center; vertical-align: middle; font-weight: normal; }
th.label { text-align: left; }
td { font-variant-numeric: tabular-nums; white-space: nowrap; }
.signature { text-align: right; text-indent: 0; margin-top: 2em; padding-right: 4em; }
.signature span { display: inline-block; text-align: center; }
`.trim();

const DRAFT_STYLE = `.draft-mark { text-indent: 0; text-align: center; color: #b00000; border: 2px solid #b00000; padding: 0.3em 0.5em; margin: 0 0 1em; font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }`;

/** `draft`: the file says so above the title (and in its <title>), so a draft is never taken for the final. */
export function reportHtml(doc: ReportDocument, opts: { today: string; draft?: boolean }): string {
  const pub = publication(doc, opts.today, opts.draft ?? false);
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push('<html lang="zh-CN">');
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${pub.draft ? `（${DRAFT_NOTICE.mark}）` : ''}${escape(pub.title)}</title>`);
  out.push(`<style>\n${STYLE}${pub.draft ? `\n${DRAFT_STYLE}` : ''}\n</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push('<main>');
  out.push('<article>');
  // Inside the article, so that copying the report into a website editor takes the mark along.
  if (pub.draft) out.push(`<p class="draft-mark"><strong>${DRAFT_NOTICE.mark}</strong> — ${DRAFT_NOTICE.text}</p>`);
  out.push(`<h1>${escape(pub.title)}</h1>`);
  for (const section of pub.sections) {
    out.push('<section>');
    out.push(`<h2>${escape(section.heading)}</h2>`);
    if (section.kind === 'text') for (const p of section.paragraphs) out.push(paragraphHtml(p));
    else out.push(tableHtml(section.table, section.heading));
    out.push('</section>');
  }
  const { agency, date } = pub.signature;
  out.push(`<p class="signature"><span>${agency ? `${escape(agency)}<br>` : ''}${escape(date)}</span></p>`);
  out.push('</article>');
  out.push('</main>');
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

function paragraphHtml(p: PublishedParagraph): string {
  // A heading line on its own is a heading; one that runs on into its paragraph stays a paragraph with
  // its lead set off.
  if ((p.level === 1 || p.level === 2) && p.rest === '') return `<h3>${escape(p.lead)}</h3>`;
  if (p.lead) return `<p><strong class="lead-${p.level}">${escape(p.lead)}</strong>${escape(p.rest)}</p>`;
  return `<p>${escape(p.rest)}</p>`;
}

function tableHtml(table: PublishedTable, heading: string): string {
  const rows: string[] = [];
  rows.push('<div class="table-box">');
  rows.push(`<table>`);
  rows.push(`<caption hidden>${escape(heading.replace(/^[一二三四五六]、/, ''))}</caption>`);
  if (table.headerRows.length > 0) {
    rows.push('<thead>');
    for (const row of table.headerRows) rows.push(`<tr>${row.map((c) => cellHtml(c, true)).join('')}</tr>`);
    rows.push('</thead>');
  }
  rows.push('<tbody>');
  for (const row of table.bodyRows) rows.push(`<tr>${row.map((c) => cellHtml(c, false)).join('')}</tr>`);
  rows.push('</tbody>');
  rows.push('</table>');
  rows.push('</div>');
  return rows.join('\n');
}

function cellHtml(cell: PublishedCell, inHead: boolean): string {
  const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  if (cell.role === 'value') return `<td${spans}>${escape(cell.text)}</td>`;
  // Column headers (and table 2's sub-table titles and header rows) name the columns below; row labels
  // name their rows (a merged label its group of rows).
  const isColumnHeader = inHead || cell.role === 'header' || cell.role === 'title';
  const scope = isColumnHeader ? (cell.colSpan > 1 ? 'colgroup' : 'col') : cell.rowSpan > 1 ? 'rowgroup' : 'row';
  const cls = !isColumnHeader && cell.colSpan > 1 ? ' class="label"' : '';
  return `<th scope="${scope}"${spans}${cls}>${escape(cell.text)}</th>`;
}
