// The website version: valid HTML (html-validate, recommended rules), self-contained (no script, no
// external resource, no font), semantic headings, the tables in their official merged layout with <th>
// and scope, and read back by the project's own importer (electron/node/import) to the same cells.
import { HtmlValidate } from 'html-validate';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import type { ReportDocument } from '../../../../shared/model/report';
import { importReportBytes } from '../../../../electron/node/import/index';
import { reportHtml } from '../../../../electron/node/publish/html';
import { denseReport2021 } from '../../../fixtures/dense-2021';
import { pingtanReport, seedReport } from '../pdf/helpers';

type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
const all = (node: Node, tag: string): Node[] => [...(node.tagName === tag ? [node] : []), ...(node.childNodes ?? []).flatMap((c) => all(c, tag))];
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const text = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(text).join(''));

const cases: [string, () => ReportDocument][] = [
  ['seed (2019)', seedReport],
  ['pingtan (2021)', pingtanReport],
  ['dense (2021)', denseReport2021],
];

describe.each(cases)('%s', (_name, make) => {
  const doc = { ...make(), issued: '2023-01-20' };
  const html = reportHtml(doc, { today: '2024-05-06' });
  const tree = parse(html) as unknown as Node;

  it('is valid HTML by html-validate (recommended rules)', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`))).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is self-contained: no script, no external resource, no font, CSS in the file', () => {
    expect(all(tree, 'script')).toEqual([]);
    for (const tag of ['link', 'img', 'iframe', 'object', 'embed', 'source']) expect(all(tree, tag), tag).toEqual([]);
    expect(html).not.toMatch(/@font-face|@import|url\(|src=|href=/i);
    expect(all(tree, 'style')).toHaveLength(1);
    const viewport = all(tree, 'meta').find((m) => attr(m, 'name') === 'viewport');
    expect(attr(viewport!, 'content')).toContain('width=device-width');
    // Tables scroll sideways inside their box on a narrow screen.
    expect(html).toMatch(/\.table-box\s*\{[^}]*overflow-x:\s*auto/);
  });

  it('has semantic headings: the title as h1, every section heading as h2, the 落款 last', () => {
    const model = formatModel(doc.format);
    expect(all(tree, 'h1').map(text)).toEqual([doc.title ?? `${doc.year}年${doc.agency.name}政府信息公开工作年度报告`]);
    expect(all(tree, 'h2').map(text)).toEqual(model.format.sections.map((s) => s.heading));
    const paragraphs = all(tree, 'p');
    expect(text(paragraphs[paragraphs.length - 1]!)).toBe(`${doc.agency.name}2023年1月20日`);
  });

  it('prints the three tables in their official merged layout with <th> and scope', () => {
    const model = formatModel(doc.format);
    const tables = all(tree, 'table');
    expect(tables).toHaveLength(3);
    (['t2', 't3', 't4'] as const).forEach((key, i) => {
      const grid = model.grids[key];
      const rows = all(tables[i]!, 'tr');
      expect(rows).toHaveLength(grid.headerRows.length + grid.bodyRows.length);
      [...grid.headerRows, ...grid.bodyRows].forEach((gridRow, r) => {
        const cells = (rows[r]!.childNodes ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th');
        expect(cells.map((c) => [Number(attr(c, 'rowspan') ?? 1), Number(attr(c, 'colspan') ?? 1)]), `${key} row ${r}`).toEqual(gridRow.map((g) => [g.rowSpan, g.colSpan]));
        gridRow.forEach((g, c) => {
          const cell = cells[c]!;
          if (g.role === 'value') {
            expect(cell.tagName).toBe('td');
            const value = doc.cells[g.key!];
            expect(text(cell)).toBe(value === null || value === undefined ? '' : String(value));
          } else {
            expect(cell.tagName).toBe('th');
            expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(attr(cell, 'scope'));
          }
        });
      });
    });
  });

  it('is read back by the HTML importer to the same cells, sections and date of issue', async () => {
    const back = await importReportBytes(Buffer.from(html, 'utf8'), '年报.html');
    if (!back.ok) throw new Error(back.message);
    expect(back.kind).toBe('html');
    expect(back.doc.format).toBe(doc.format);
    expect(back.doc.cells).toEqual(doc.cells);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const key of ['overview', 'problems', 'other'] as const) expect(squeeze(back.doc.sections[key]), key).toBe(squeeze(doc.sections[key]));
    expect(back.doc.issued).toBe('2023-01-20');
  });
});

describe('a draft website version', () => {
  const doc = { ...pingtanReport(), issued: '2023-01-20' };
  const draft = reportHtml(doc, { today: '2024-05-06', draft: true });
  const final = reportHtml(doc, { today: '2024-05-06' });
  const tree = parse(draft) as unknown as Node;

  it('says 草稿 — 未定稿，不得公开发布 above the title, inside the article (it goes along when copied), and in <title>', () => {
    const article = all(tree, 'article')[0]!;
    const first = (article.childNodes ?? []).find((c) => c.tagName)!;
    expect(first.tagName).toBe('p');
    expect(attr(first, 'class')).toBe('draft-mark');
    expect(text(first)).toBe('草稿 — 未定稿，不得公开发布');
    expect(text(all(tree, 'title')[0]!)).toMatch(/^（草稿）/);
    expect(all(tree, 'h1').map(text)).toEqual([text(all(parse(final) as unknown as Node, 'h1')[0]!)]);
  });

  it('the final version has no mark', () => {
    expect(final).not.toContain('草稿');
    expect(final).not.toContain('draft-mark');
  });

  it('is valid HTML by html-validate', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(draft);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`))).toEqual([]);
  });

  it('is read back by the HTML importer to the same cells, sections, title and date of issue', async () => {
    const back = await importReportBytes(Buffer.from(draft, 'utf8'), '年报（草稿）.html');
    if (!back.ok) throw new Error(back.message);
    expect(back.doc.cells).toEqual(doc.cells);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const key of ['overview', 'problems', 'other'] as const) expect(squeeze(back.doc.sections[key]), key).toBe(squeeze(doc.sections[key]));
    expect(back.doc.issued).toBe('2023-01-20');
    const finalBack = await importReportBytes(Buffer.from(final, 'utf8'), '年报.html');
    if (!finalBack.ok) throw new Error(finalBack.message);
    expect(back.doc.title).toBe(finalBack.doc.title);
    expect(back.doc.agency).toEqual(finalBack.doc.agency);
  });
});
