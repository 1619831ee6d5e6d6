// The PDF export: an official-looking report (spec §7) that carries its own data. The report file
// (serializeReport) is embedded as `report.nianbao` (AFRelationship Data, PDF/A-3b) with its SHA-256 in
// the document information, so importPdf can read the report back from the PDF alone.
//
// createPdfExporter() parses the fonts once and keeps them: the Electron main process lives long, and
// font parsing is most of a cold export. Same report → byte-identical PDF: every date comes from
// doc.meta, and pdfkit derives the document ID from the document information.
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { blockingFindings, describeOpenWork, openWork, runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import { RULE_LABELS, SEVERITY_LABELS } from '../../../shared/checks/types';
import { formatModel } from '../../../shared/formats/index';
import { DRAFT_FINDINGS_HEADING } from '../../../shared/import/import-text';
import { serializeReport } from '../../../shared/model/document';
import { issueDateText, localIsoDate, reportTitle, type ReportDocument } from '../../../shared/model/report';
import { ATTACHMENT_NAME, ATTACHMENT_TYPE, HASH_INFO_KEY, PRINTED_INFO_KEY } from './constants';
import { printedFingerprint, recordPageContents } from './printed-fingerprint';
import { DEFAULT_FONT_DIR, FACE_NAMES, loadFontSet, type FaceName, type FontSet } from './fonts';
import type { Measurer } from './line-break';
import { paragraphsOf } from './narrative';
import { baselineIn, BODY_PITCH, Composer, PAGE, SIZES, TEXT_HEIGHT, TEXT_WIDTH } from './page';

/** Space between a table's heading and the table. */
const TABLE_GAP = 4;
import { drawTable, layoutTable, tableHeadHeight, tableHeight } from './tables';
import { createMeasurer } from './text-measure';

export const CREATOR = '年报助手';

export type ExportMode = 'final' | 'draft';

export interface ExportOptions {
  mode: ExportMode;
  /** Last year's report, for the prev.* checks. */
  previous?: ReportDocument;
  /** `YYYY-MM-DD`: the date of issue when the report has none (the day of the export; the app and the
   *  CLI pass today). Without it the day of the report's last save, so that a file gives one PDF. */
  today?: string;
}

export type PdfExportResult =
  /** `missingGlyphs`: characters no embedded font has, printed as boxes (e.g. “𠀀”, emoji) — tell the user. */
  | { ok: true; pdf: Buffer; findings: Finding[]; missingGlyphs: string[] }
  | { ok: false; reason: 'blocked'; findings: Finding[]; message: string };

export interface PdfExporter {
  readonly fonts: FontSet;
  exportPdf(doc: ReportDocument, opts: ExportOptions): Promise<PdfExportResult>;
}

export interface ExporterOptions {
  /** Folder with the font files (assets/fonts in the source tree, resources/fonts when packaged). */
  fontDir?: string;
}

export function createPdfExporter(options: ExporterOptions = {}): PdfExporter {
  const fonts = loadFontSet(options.fontDir ?? DEFAULT_FONT_DIR);
  const measurer = createMeasurer(fonts);
  return {
    fonts,
    async exportPdf(doc, opts) {
      const findings = runChecks({ report: doc, ...(opts.previous ? { previous: opts.previous } : {}) });
      if (opts.mode === 'final') {
        const blocking = blockingFindings(findings);
        if (blocking.length > 0) return { ok: false, reason: 'blocked', findings: blocking, message: blockedMessage(blocking) };
      }
      const issued = issueDate(doc, opts.today);
      const { pdf, missingGlyphs } = await renderPdf(doc, { draft: opts.mode === 'draft', findings, fonts, measurer, issued });
      return { ok: true, pdf, findings, missingGlyphs };
    },
  };
}

export function blockedMessage(blocking: Finding[]): string {
  return `不能导出正式版：还有 ${describeOpenWork(openWork(blocking)).join('、')}。请先填写、改正或写明说明；也可以先导出草稿（带“草稿”水印和问题清单）。`;
}

/** SHA-256 (hex) of the embedded report file. */
export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The date the 落款 prints: the report's own, else `today`, else the day of its last save. */
export function issueDate(doc: ReportDocument, today?: string): string {
  return doc.issued ?? today ?? localIsoDate(new Date(doc.meta.updated));
}

interface RenderContext {
  /** `YYYY-MM-DD` printed in the 落款. */
  issued: string;
  draft: boolean;
  findings: Finding[];
  fonts: FontSet;
  measurer: Measurer;
}

/** XMP (which pdfkit writes without escaping) would break on < > &: use their full-width forms there. */
const xmpSafe = (text: string) => text.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');

async function renderPdf(doc: ReportDocument, ctx: RenderContext): Promise<{ pdf: Buffer; missingGlyphs: string[] }> {
  const title = reportTitle(doc);
  const data = Buffer.from(serializeReport(doc), 'utf8');
  const hash = sha256Hex(data);
  const updated = new Date(doc.meta.updated);
  const created = new Date(doc.meta.created);
  const format = formatModel(doc.format).format;

  const info: Record<string, string | Date> = {
    Title: xmpSafe(title),
    Author: xmpSafe(doc.agency.name),
    Subject: `${doc.year}年度政府信息公开工作年度报告（${doc.format}年格式${ctx.draft ? '，草稿' : ''}）`,
    Keywords: `政府信息公开, 年度报告, ${doc.year}, ${HASH_INFO_KEY}:${hash}`,
    Creator: CREATOR,
    Producer: 'PDFKit',
    CreationDate: updated,
    ModDate: updated,
    [HASH_INFO_KEY]: hash,
  };
  const pdf = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: 'zh-CN',
    displayTitle: true,
    info: info as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const pageContents = recordPageContents(pdf);
  const faceId = (face: FaceName) => `nianbao-${face}`;
  for (const face of FACE_NAMES) pdf.registerFont(faceId(face), ctx.fonts.faces[face] as unknown as PDFKit.Mixins.PDFFontSource);

  const composer = new Composer(pdf, ctx.measurer, faceId, { draft: ctx.draft, fonts: ctx.fonts });
  composer.newPage();

  // Title: 22 pt serif bold (小标宋 stand-in), centred, then one empty body line.
  const titlePitch = SIZES.title * 1.6;
  for (const line of titleLines(composer, title)) {
    composer.paragraph([{ text: line, face: 'serifBold' }], { size: SIZES.title, pitch: titlePitch, indent: 0, align: 'center' });
  }
  composer.y += BODY_PITCH;

  const indent = 2 * SIZES.body;
  const grids = formatModel(doc.format).grids;
  for (const section of format.sections) {
    const key = section.key;
    if (key === 't2' || key === 't3' || key === 't4') {
      const table = layoutTable(composer, grids[key], doc);
      const headingHeight = BODY_PITCH + TABLE_GAP;
      const whole = headingHeight + tableHeight(table);
      if (!composer.atPageTop && whole > composer.remaining) {
        // Does not fit on what is left of this page: a table that fits whole on a page goes to the next
        // one; a longer one starts here unless only the last quarter of the page is left.
        if (whole <= TEXT_HEIGHT || composer.remaining < TEXT_HEIGHT / 4) composer.newPage();
      }
      // The heading keeps with the table's header and first rows (never the last line of a page).
      composer.paragraph([{ text: section.heading, face: 'sans' }], {
        size: SIZES.body,
        pitch: BODY_PITCH,
        indent,
        align: 'justify',
        keepWithNext: TABLE_GAP + tableHeadHeight(table, 3),
      });
      composer.y += TABLE_GAP;
      drawTable(composer, table);
      composer.y += BODY_PITCH / 2;
      continue;
    }
    composer.paragraph([{ text: section.heading, face: 'sans' }], { size: SIZES.body, pitch: BODY_PITCH, indent, align: 'justify', keepWithNext: BODY_PITCH });
    for (const para of paragraphsOf(doc.sections[key] ?? '', section.heading)) {
      const isHeading = para.level === 1 || para.level === 2;
      composer.paragraph(para.parts, {
        size: SIZES.body,
        pitch: BODY_PITCH,
        indent,
        align: 'justify',
        ...(isHeading ? { keepWithNext: BODY_PITCH } : {}),
      });
    }
  }

  drawSignature(composer, doc.agency.name, issueDateText(ctx.issued));

  if (ctx.draft) drawFindingsPage(composer, ctx.findings, [...composer.missingGlyphs]);
  const missingGlyphs = [...composer.missingGlyphs];

  // pdfkit's XMP has CreateDate only; PDF/A wants the Info dictionary's ModDate mirrored there too.
  const xmpDate = updated.toISOString().split('.')[0] + 'Z';
  pdf.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${xmpDate}</xmp:ModifyDate>
            <xmp:MetadataDate>${xmpDate}</xmp:MetadataDate>
        </rdf:Description>
        `);

  // Every page finished now, so the fingerprint of what is printed can go into the information
  // dictionary, which pdfkit writes in end() (flushPages again is a no-op there).
  pdf.flushPages();
  pdf.info[PRINTED_INFO_KEY as keyof PDFKit.DocumentInfo] = printedFingerprint(hash, pageContents) as never;

  pdf.file(data, {
    name: ATTACHMENT_NAME,
    type: ATTACHMENT_TYPE,
    description: '年报助手报告文件（用年报助手“从 PDF 导入”可读回）',
    creationDate: created,
    modifiedDate: updated,
    relationship: 'Data',
  } as PDFKit.Mixins.PDFAttachmentOptions);
  pdf.end();
  return { pdf: await done, missingGlyphs };
}

/**
 * The 落款 (spec §7, GB/T 9704): after one blank line, the agency's name over the date of issue, both in
 * the body face; the date ends four characters in from the right margin and the name is centred over
 * it (set further left when it is longer than the room there). Kept together on one page.
 */
function drawSignature(composer: Composer, agency: string, date: string): void {
  const size = SIZES.body;
  const inset = 4 * size;
  const widthOf = (text: string) => composer.layout([{ text, face: 'serif' }], size, 1e6)[0]?.width ?? 0;
  const dateWidth = widthOf(date);
  const dateRight = PAGE.right - inset;
  const centre = dateRight - dateWidth / 2;
  const nameLines = agency.trim() === '' ? [] : composer.layout([{ text: agency.trim(), face: 'serif' }], size, TEXT_WIDTH - inset);
  composer.ensure(BODY_PITCH * (2 + nameLines.length));
  if (!composer.atPageTop) composer.y += BODY_PITCH;
  for (const line of nameLines) {
    // Centred over the date where it fits; else as far right as the date's right edge allows.
    const x = Math.max(PAGE.left, Math.min(centre - line.width / 2, dateRight - line.width));
    composer.drawLine(line, x, baselineIn(composer.y, BODY_PITCH, size), line.width, size, 'left');
    composer.y += BODY_PITCH;
  }
  composer.drawLine(composer.layout([{ text: date, face: 'serif' }], size, 1e6)[0]!, dateRight - dateWidth, baselineIn(composer.y, BODY_PITCH, size), dateWidth, size, 'left');
  composer.y += BODY_PITCH;
}

/** What the user is told about characters printed as boxes (the CLI prints it, the draft's last page too). */
export function missingGlyphsMessage(chars: string[]): string {
  const list = chars.map((ch) => `“${ch}”（U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`).join('、');
  return `以下 ${chars.length} 个字符在 PDF 所带的字体中都没有字形，印成了方框：${list}。请改用常用字或文字说明，或在打印稿上手写补上。`;
}

const TITLE_TAIL = '政府信息公开工作年度报告';

/**
 * The title's lines: one if it fits; else broken before “政府信息公开工作年度报告” (the natural place);
 * else lines of balanced length rather than a full line and a stub.
 */
export function titleLines(composer: Composer, title: string): string[] {
  const widthOf = (text: string) => composer.layout([{ text, face: 'serifBold' }], SIZES.title, 1e6)[0]?.width ?? 0;
  if (widthOf(title) <= TEXT_WIDTH) return [title];
  if (title.endsWith(TITLE_TAIL)) {
    const head = title.slice(0, -TITLE_TAIL.length);
    if (widthOf(head) <= TEXT_WIDTH) return [head, TITLE_TAIL];
  }
  const layout = (width: number) => composer.layout([{ text: title, face: 'serifBold' }], SIZES.title, width);
  const count = layout(TEXT_WIDTH).length;
  let low = TEXT_WIDTH / count;
  let high = TEXT_WIDTH;
  while (high - low > 1) {
    const mid = (low + high) / 2;
    if (layout(mid).length > count) low = mid;
    else high = mid;
  }
  return layout(high).map((line) => line.atoms.map((a) => a.text).join(''));
}

/** Line breaks inside a message or an explanation become spaces: each finding is one paragraph. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** The draft's last page: every finding with its severity, the rule's Chinese name, message and explanation. */
function drawFindingsPage(composer: Composer, findings: Finding[], missingGlyphs: string[]): void {
  composer.newPage();
  composer.paragraph([{ text: DRAFT_FINDINGS_HEADING, face: 'sans' }], { size: SIZES.body, pitch: BODY_PITCH, indent: 0, align: 'center' });
  const size = SIZES.findings;
  const pitch = size * 1.6;
  const counts = { error: 0, confirm: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const summary =
    findings.length === 0
      ? '检查未发现问题。'
      : `共 ${findings.length} 项：错误 ${counts.error} 项，须说明 ${counts.confirm} 项，提示 ${counts.hint} 项。正式版须先改正全部错误，并为每项须说明的问题填写说明。`;
  composer.paragraph([{ text: summary, face: 'serif' }], { size, pitch, indent: 0, align: 'justify' });
  if (missingGlyphs.length > 0) {
    // The characters themselves would print as boxes again: their code points name them.
    const names = missingGlyphs.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join('、');
    composer.paragraph([{ text: `另有 ${missingGlyphs.length} 个字符在所带字体中没有字形，印成了方框（${names}）。请改用常用字或文字说明，或在打印稿上手写补上。`, face: 'serif' }], {
      size,
      pitch,
      indent: 0,
      align: 'justify',
    });
  }
  composer.y += pitch / 2;
  findings.forEach((f, i) => {
    const head = `${i + 1}. 【${SEVERITY_LABELS[f.severity]}】${RULE_LABELS[f.rule] ?? f.rule}：`;
    composer.paragraph(
      [
        { text: head, face: 'sans' },
        { text: oneLine(f.message), face: 'serif' },
      ],
      { size, pitch, indent: 0, align: 'justify' },
    );
    if (f.explanation && f.explanation.trim() !== '') {
      composer.paragraph(
        [
          { text: '说明：', face: 'kai' },
          { text: oneLine(f.explanation), face: 'serif' },
        ],
        { size, pitch, indent: 2 * size, align: 'justify' },
      );
    }
  });
}
