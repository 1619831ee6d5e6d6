// The Word version (.docx, made with the `docx` library): the same structure as the PDF — title, section
// headings, outline levels, the three tables as real Word tables (merged cells as gridSpan/vMerge, the
// header rows repeated on each page), the 落款 — in the official fonts (仿宋_GB2312, 方正小标宋简体, 黑体,
// 楷体_GB2312), each declared in the font table with the font Word or WPS takes where it is missing
// (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, 楷体_GB2312 → 楷体), so it opens right in WPS and Word.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { ReportDocument } from '../../../shared/model/report';
import { DRAFT_NOTICE, publication, type PublishedCell, type PublishedParagraph, type PublishedTable } from './publication';

/** Official faces and the installed face that stands in for each (the font table's altName). */
export const WORD_FONTS = {
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  title: { name: '方正小标宋简体', alt: '宋体' },
  heading: { name: '黑体', alt: 'SimHei' },
  kai: { name: '楷体_GB2312', alt: '楷体' },
} as const;
type FontRole = keyof typeof WORD_FONTS;

const MM_TWIPS = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * MM_TWIPS);
/** 22 lines in the 225 mm text block (GB/T 9704), as the PDF: exact line pitch in twips. */
const BODY_LINE = Math.round((225 * MM_TWIPS) / 22);
const TEXT_WIDTH = twips(156);

const run = (text: string, role: FontRole, halfPoints: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size: halfPoints, font: { ascii: WORD_FONTS[role].name, hAnsi: WORD_FONTS[role].name, eastAsia: WORD_FONTS[role].name, cs: WORD_FONTS[role].name }, ...extra });

/** `draft`: every page's header says 草稿 — 未定稿，不得公开发布 (in red, bold), so a draft is never taken for the final. */
export async function reportDocx(doc: ReportDocument, opts: { today: string; draft?: boolean }): Promise<Buffer> {
  const pub = publication(doc, opts.today, opts.draft ?? false);
  const body = 32; // 三号 16 pt
  const children: (Paragraph | Table)[] = [];
  const bodySpacing = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(22 * 20 * 1.6), lineRule: LineRuleType.EXACT }, children: [run(pub.title, 'title', 44)] }),
    new Paragraph({ spacing: bodySpacing, children: [] }),
  );
  for (const section of pub.sections) {
    children.push(
      new Paragraph({ keepNext: true, spacing: bodySpacing, indent: { firstLine: 2 * 320 }, alignment: AlignmentType.JUSTIFIED, children: [run(section.heading, 'heading', body)] }),
    );
    if (section.kind === 'text') for (const p of section.paragraphs) children.push(paragraph(p, body, bodySpacing));
    else {
      children.push(wordTable(section.table));
      children.push(new Paragraph({ spacing: { line: 240, before: 0, after: 0 }, children: [] }));
    }
  }
  // 落款: one blank line, then the agency name and the date, right-aligned four characters in.
  const signature = { alignment: AlignmentType.RIGHT, spacing: bodySpacing, indent: { right: 4 * 320 } };
  children.push(new Paragraph({ spacing: bodySpacing, children: [] }));
  if (pub.signature.agency) children.push(new Paragraph({ ...signature, keepNext: true, children: [run(pub.signature.agency, 'body', body)] }));
  children.push(new Paragraph({ ...signature, children: [run(pub.signature.date, 'body', body)] }));

  const document = new Document({
    creator: '年报助手',
    title: pub.title,
    description: `${doc.year}年度政府信息公开工作年度报告`,
    styles: { default: { document: { run: { font: { ascii: WORD_FONTS.body.name, eastAsia: WORD_FONTS.body.name, hAnsi: WORD_FONTS.body.name }, size: body }, paragraph: {} } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26), header: twips(15), footer: twips(28) },
          },
        },
        ...(pub.draft ? { headers: { default: draftHeader() } } : {}),
        children,
      },
    ],
  });
  return Packer.pack(document, 'nodebuffer', false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

function draftHeader(): Header {
  const red = { color: 'B00000', bold: true };
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: 'B00000', space: 2 } },
        children: [run(DRAFT_NOTICE.mark, 'heading', 28, red), run(` — ${DRAFT_NOTICE.text}`, 'heading', 24, red)],
      }),
    ],
  });
}

function paragraph(p: PublishedParagraph, size: number, spacing: object): Paragraph {
  const runs: TextRun[] = [];
  if (p.lead) runs.push(run(p.lead, p.level === 1 ? 'heading' : 'kai', size));
  if (p.rest) runs.push(run(p.rest, 'body', size));
  const headingOnly = (p.level === 1 || p.level === 2) && p.rest === '';
  return new Paragraph({ spacing, indent: { firstLine: 2 * 320 }, alignment: AlignmentType.JUSTIFIED, keepNext: headingOnly, children: runs });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function wordTable(table: PublishedTable): Table {
  const total = table.columnWidths.reduce((s, w) => s + w, 0);
  const widths = table.columnWidths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const size = table.table === 't3' ? 21 : 24; // 五号 10.5 pt for table 3, 小四 12 pt otherwise
  const spanWidth = (cell: PublishedCell) => widths.slice(cell.col, cell.col + cell.colSpan).reduce((s, w) => s + w, 0);
  const rowOf = (cells: PublishedCell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: { value: Math.round(size * 10 * 1.5), rule: HeightRule.ATLEAST },
      children: cells.map(
        (cell) =>
          new TableCell({
            ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
            ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
            width: { size: spanWidth(cell), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            borders: BORDERS,
            margins: { left: 50, right: 50, top: 20, bottom: 20 },
            children: [
              new Paragraph({
                alignment: table.table === 't3' && cell.role === 'label' && cell.colSpan > 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
                spacing: { line: 240, before: 0, after: 0 },
                children: cell.text ? [run(cell.text, 'body', size)] : [],
              }),
            ],
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [...table.headerRows.map((r) => rowOf(r, true)), ...table.bodyRows.map((r) => rowOf(r, false))],
  });
}

/** word/fontTable.xml declaring each official face with the face to use where it is not installed. */
const FONT_TABLE = (() => {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = Object.values(WORD_FONTS)
    .map((f) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.alt)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
})();
