// The PDF's page layout as a reader sees it, measured on the PDF itself (pdf.js text positions): table 3
// on one page (2019 format) or at most two (2021), the header and a split group's label repeated, no
// heading as the last line of a page, and no page more than a third empty — except the last one and a
// page before a table that fits whole on the next. Pictures of the pages go to test-artifacts/ for review.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import { DRAFT_FINDINGS_HEADING } from '../../../../shared/import/import-text';
import type { ReportDocument } from '../../../../shared/model/report';
import { PAGE, TEXT_HEIGHT } from '../../../../electron/node/pdf/page';
import { denseReport2021 } from '../../../fixtures/dense-2021';
import { exportOk, pingtanReport, seedReport, withExplanations } from './helpers';

const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/pdf-layout/', import.meta.url));

interface PageText {
  /** Text lines (runs on one baseline joined), top to bottom, with their baseline from the page top. */
  lines: { text: string; baseline: number }[];
  joined: string;
  /** The text in drawing order: a table cell's lines come together. */
  stream: string;
}

async function readPages(pdf: Buffer): Promise<PageText[]> {
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  const document = await task.promise;
  const pages: PageText[] = [];
  for (let p = 1; p <= document.numPages; p++) {
    const page = await document.getPage(p);
    const height = page.view[3]!;
    const content = await page.getTextContent();
    const byLine = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const baseline = Math.round((height - item.transform[5]!) * 2) / 2;
      const list = byLine.get(baseline) ?? [];
      list.push({ x: item.transform[4]!, text: item.str });
      byLine.set(baseline, list);
    }
    const lines = [...byLine.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([baseline, runs]) => ({ baseline, text: runs.sort((a, b) => a.x - b.x).map((r) => r.text).join('') }))
      // The page number (“— 4 —”) sits below the text block.
      .filter((l) => l.baseline <= PAGE.bottom + 1);
    const stream = content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, '');
    pages.push({ lines, joined: lines.map((l) => l.text).join('').replace(/\s+/g, ''), stream });
  }
  await task.destroy();
  return pages;
}

/** Share of the text block left empty below the page's last line (its baseline plus a descent). */
const emptyShare = (page: PageText) => {
  const last = page.lines[page.lines.length - 1];
  if (!last) return 1;
  return Math.max(0, (PAGE.bottom - (last.baseline + 4)) / TEXT_HEIGHT);
};

function savePictures(name: string, pdf: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}${name}.pdf`;
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, `${ARTIFACTS}${name}`]);
}

interface Case {
  name: string;
  doc: ReportDocument;
  pdf: Buffer;
  pages: PageText[];
}

const cases: Record<string, Case> = {};

beforeAll(async () => {
  const docs: [string, ReportDocument][] = [
    ['seed-2019', withExplanations(seedReport())],
    ['pingtan-2021', withExplanations(pingtanReport())],
    ['dense-2021', denseReport2021()],
  ];
  for (const [name, doc] of docs) {
    const pdf = await exportOk(doc, name === 'dense-2021' ? 'draft' : 'final');
    savePictures(name, pdf);
    cases[name] = { name, doc, pdf, pages: await readPages(pdf) };
  }
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** First and last page (0-based) of a table: its heading's page through the page with its last row label. */
function tablePages(c: Case, table: 't2' | 't3' | 't4'): [number, number] {
  const model = formatModel(c.doc.format);
  const heading = squeeze(model.format.sections.find((s) => s.key === table)!.heading);
  const first = c.pages.findIndex((p) => p.joined.includes(heading));
  const grid = model.grids[table];
  const lastRow = grid.bodyRows[grid.bodyRows.length - 1]!;
  const lastLabel = squeeze(lastRow.find((cell) => cell.text)?.text ?? '');
  // The table ends on the first page from its heading on that holds its last row label.
  let last = first;
  while (lastLabel && last < c.pages.length - 1 && !c.pages[last]!.joined.includes(lastLabel)) last++;
  return [first, last];
}

describe.each(['seed-2019', 'pingtan-2021', 'dense-2021'])('%s', (name) => {
  it('prints table 3 on one page (2019 format) or at most two (2021), its header and split labels repeated', () => {
    const c = cases[name]!;
    const [first, last] = tablePages(c, 't3');
    expect(first).toBeGreaterThanOrEqual(0);
    const pages = last - first + 1;
    if (c.doc.format === '2019') expect(pages).toBe(1);
    else expect(pages).toBeLessThanOrEqual(2);
    if (name !== 'dense-2021') expect(pages, 'the 2021 table of a real report fits one page').toBe(1);
    const header = squeeze(formatModel(c.doc.format).format.t3.applicantHeader);
    for (let p = first; p <= last; p++) expect(c.pages[p]!.joined, `header on page ${p + 1}`).toContain(header);
    if (pages === 2) {
      // Every label repeated at the top of the second page is marked as continued.
      const next = c.pages[last]!;
      const continued = [...next.stream.matchAll(/([一二三四五六七]、[^（0-9]{2,10}|（[一二三四五六七]）[^（0-9]{2,6})（续）/g)].map((m) => m[1]!);
      expect(continued.length).toBeGreaterThan(0);
      for (const label of continued) expect(c.pages[first]!.stream, `${label} began on the page before`).toContain(label);
    }
  });

  it('keeps every table heading with its table and never ends a page with a heading', () => {
    const c = cases[name]!;
    c.pages.forEach((page, p) => {
      if (p === c.pages.length - 1) return;
      const lastLine = page.lines[page.lines.length - 1]!.text.trim();
      expect(lastLine, `last line of page ${p + 1}`).not.toMatch(/^([一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)[^。\d]{0,30}$/);
    });
  });

  it('leaves no page more than a third empty, except the last and a page before a table that fits whole on the next', () => {
    const c = cases[name]!;
    const tables = (['t2', 't3', 't4'] as const).map((t) => tablePages(c, t));
    const shares = c.pages.map(emptyShare);
    // A draft's findings page starts a page of its own: the page before it ends the report.
    const findingsPage = c.pages.findIndex((page) => page.joined.startsWith(squeeze(DRAFT_FINDINGS_HEADING)));
    const lastReportPage = findingsPage >= 0 ? findingsPage - 1 : c.pages.length - 1;
    shares.forEach((share, p) => {
      if (p >= lastReportPage) return;
      const beforeWholeTable = tables.some(([first, last]) => first === p + 1 && last === p + 1);
      if (beforeWholeTable) return;
      expect(share, `page ${p + 1} of ${name} is ${(share * 100).toFixed(0)} % empty`).toBeLessThanOrEqual(1 / 3);
    });
  });
});

it('splits the dense 2021 table between row groups or with the group label repeated as continued', () => {
  const c = cases['dense-2021']!;
  const [first, last] = tablePages(c, 't3');
  // The dense report's wide figures make table 3 taller than a page: it is split once.
  expect(last - first).toBe(1);
  // The page with the first part is filled (the break is not left early).
  expect(emptyShare(c.pages[first]!)).toBeLessThanOrEqual(1 / 3);
});
