// electron/node/pdf/exporter.ts: the exported PDF as a reader and a machine see it — text (pdftotext) with every
// label and every number in reading order, embedded fonts (pdffonts), the embedded report file (pdfdetach),
// metadata, the round trip through importPdf, determinism, final vs draft, the 落款, and the line-breaking
// rule on real output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../../shared/checks/index';
import { importReportText } from '../../../../shared/import/index';
import { RULE_LABELS, type Finding } from '../../../../shared/checks/types';
import { formatModel } from '../../../../shared/formats/index';
import type { GridTable } from '../../../../shared/formats/types';
import { serializeReport } from '../../../../shared/model/document';
import { reportTitle, type ReportDocument } from '../../../../shared/model/report';
import { ATTACHMENT_NAME, HASH_INFO_KEY, importPdf, sha256Hex } from '../../../../electron/node/pdf/index';
import { blockedMessage, issueDate, missingGlyphsMessage } from '../../../../electron/node/pdf/exporter';
import { NO_LINE_END, NO_LINE_START } from '../../../../electron/node/pdf/line-break';
import { formatNumber } from '../../../../electron/node/pdf/tables';
import { exportOk, pdfText, pingtanReport, poppler, seedReport, sharedExporter, withExplanations } from './helpers';

let seed: ReportDocument;
let pingtan: ReportDocument;
let seedPdf: Buffer;
let pingtanPdf: Buffer;

beforeAll(async () => {
  seed = withExplanations({ ...seedReport(), settings: { procurementUnit: '万元' } });
  // Some numbers with decimals and negatives, to see them printed as given.
  seed.cells['t2.procurement.amount'] = 24252.3111;
  seed.cells['t2.licensing.change'] = -3;
  seed.cells['t2.licensing.lastYearItems'] = 12;
  pingtan = withExplanations(pingtanReport());
  [seedPdf, pingtanPdf] = [await exportOk(seed, 'final'), await exportOk(pingtan, 'final')];
});

const squeeze = (text: string) => text.replace(/\s+/g, '');
const gridTexts = (grid: GridTable) => [...grid.headerRows, ...grid.bodyRows].flat().flatMap((c) => (c.text ? [c.text] : []));

/**
 * The raw text (content order) as a list of items: each number on its own, the text between numbers
 * joined without whitespace (wrapped labels come back in one piece).
 */
function items(raw: string): string[] {
  const out: string[] = [];
  for (const token of raw.split(/\s+/).filter(Boolean)) {
    if (/^-?\d+(\.\d+)?$/.test(token)) out.push(token);
    else if (out.length > 0 && !/^-?\d+(\.\d+)?$/.test(out[out.length - 1]!)) out[out.length - 1] += token;
    else out.push(token);
  }
  return out;
}

/** Index of the item at/after `from` that ends with `label`, then the next values must follow. */
function expectRow(list: string[], from: number, label: string, values: string[]): number {
  const at = list.findIndex((item, i) => i >= from && item.endsWith(label));
  expect(at, `label ${label}`).toBeGreaterThanOrEqual(0);
  expect(list.slice(at + 1, at + 1 + values.length), `values after ${label}`).toEqual(values);
  return at + 1 + values.length;
}

describe.each([
  ['seed (2019 format)', () => seed, () => seedPdf],
  ['pingtan (2021 format)', () => pingtan, () => pingtanPdf],
])('%s', (_name, getDoc, getPdf) => {
  it('has the title, every section heading and every label of its format', () => {
    const doc = getDoc();
    // Raw (content order) text: each cell's lines come together, not mixed with the neighbouring cells'.
    const text = squeeze(pdfText(getPdf(), 'raw'));
    const model = formatModel(doc.format);
    expect(text).toContain(reportTitle(doc));
    for (const section of model.format.sections) expect(text).toContain(section.heading);
    for (const grid of [model.grids.t2, model.grids.t3, model.grids.t4]) {
      for (const label of gridTexts(grid)) expect(text, label).toContain(squeeze(label));
    }
  });

  it('prints every number after its row label, in column order', () => {
    const doc = getDoc();
    const model = formatModel(doc.format);
    const list = items(pdfText(getPdf(), 'raw'));
    const value = (key: string) => formatNumber(doc.cells[key]!);
    // Table 2: label, then the row's values.
    let pos = list.findIndex((i) => i.includes('二、主动公开政府信息情况'));
    for (const sub of model.format.t2.subTables) {
      for (const row of sub.rows) pos = expectRow(list, pos, row.label, sub.columns.map((c) => value(`t2.${row.key}.${c.key}`)));
    }
    // Table 3: every row, its seven columns in order.
    pos = list.findIndex((i) => i.includes('三、收到和处理政府信息公开申请情况'));
    for (const row of model.format.t3.rows) {
      pos = expectRow(list, pos, row.labels[row.labels.length - 1]!, model.format.t3.columns.map((c) => value(`t3.${row.key}.${c.key}`)));
    }
    // Table 4: one row of 15 values after the last header label.
    pos = list.findIndex((i) => i.includes('四、政府信息公开行政复议、行政诉讼情况'));
    const t4Values = model.keysByTable.t4.map(value);
    expect(list.slice(pos + 1, pos + 1 + t4Values.length)).toEqual(t4Values);
    expect(t4Values).toHaveLength(15);
  });

  it('embeds every font as a subset', () => {
    const run = poppler('pdffonts', getPdf(), ['{pdf}']);
    run.cleanup();
    const rows = run.stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row, row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('carries the report file, byte-equal to serializeReport, with its SHA-256 in the metadata', () => {
    const doc = getDoc();
    const run = poppler('pdfdetach', getPdf(), ['-saveall', '-o', '{dir}', '{pdf}']);
    const detached = readFileSync(join(run.dir, ATTACHMENT_NAME));
    run.cleanup();
    const expected = Buffer.from(serializeReport(doc), 'utf8');
    expect(detached.equals(expected)).toBe(true);
    const info = poppler('pdfinfo', getPdf(), ['-meta', '{pdf}']);
    info.cleanup();
    expect(info.stdout).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(info.stdout).toContain(`${HASH_INFO_KEY}:${sha256Hex(expected)}`);
    const basic = poppler('pdfinfo', getPdf(), ['{pdf}']);
    basic.cleanup();
    expect(basic.stdout).toMatch(new RegExp(`Title:\\s+${reportTitle(doc)}`));
    expect(basic.stdout).toMatch(new RegExp(`Author:\\s+${doc.agency.name}`));
  });

  it('prints the header rows of table 3, and 三、本年度办理结果, on every page of the table', () => {
    const doc = getDoc();
    const t3 = formatModel(doc.format).format.t3;
    const pages = pdfText(getPdf(), 'raw').split('\f').map(squeeze);
    const rowLabels = t3.rows.map((r) => squeeze(r.labels[r.labels.length - 1]!));
    const tablePages = pages.filter((page) => rowLabels.some((label) => page.includes(label)));
    // Both reports' table 3 fits one page now (layout.test.ts splits a denser one and sees the break).
    expect(tablePages.length).toBeGreaterThanOrEqual(1);
    for (const page of tablePages) {
      expect(page).toContain(squeeze(t3.noteHeader));
      expect(page).toContain(t3.applicantHeader);
      for (const column of t3.columns) expect(page).toContain(column.label);
    }
    // Every page with rows of 三、本年度办理结果 shows that label: the row span is cut, not lost.
    const results = t3.rows.filter((r) => r.labels[0] === '三、本年度办理结果').map((r) => squeeze(r.labels[r.labels.length - 1]!));
    for (const page of tablePages.filter((p) => results.some((label) => p.includes(label)))) expect(page).toContain('三、本年度办理结果');
  });

  it('round-trips through importPdf', async () => {
    const result = await importPdf(getPdf());
    expect(result.ok && result.doc).toEqual(getDoc());
  });

  it('breaks no line before closing or after opening punctuation', () => {
    const lines = pdfText(getPdf()).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      expect(NO_LINE_START.has(line[0]!), line).toBe(false);
      expect(NO_LINE_END.has(line[line.length - 1]!), line).toBe(false);
    }
  });
});

describe('numbers as given', () => {
  it('prints decimals and negatives unchanged, blank cells blank, the procurement unit in its header', async () => {
    const text = pdfText(seedPdf, 'raw');
    expect(text).toContain('24252.3111');
    expect(squeeze(text)).toContain('采购总金额（单位：万元）');
    expect(items(text)).toContain('-3');
    const blank = { ...pingtan, cells: { ...pingtan.cells, 't3.received.research': null } };
    const draft = await exportOk(blank, 'draft');
    const list = items(pdfText(draft, 'raw'));
    // The row now has six numbers: the blank cell printed nothing, not 0.
    const at = list.findIndex((i) => i.endsWith('一、本年新收政府信息公开申请数量'));
    expect(list.slice(at + 1, at + 7)).toEqual(['71', '3', '0', '0', '0', '74']);
  });
});

describe('determinism', () => {
  it('the same report gives byte-identical PDFs', async () => {
    expect((await exportOk(pingtan, 'final')).equals(pingtanPdf)).toBe(true);
  });

  it('a later meta.updated changes the dates, not the layout', async () => {
    const later = await exportOk({ ...pingtan, meta: { ...pingtan.meta, updated: '2024-01-01T00:00:00Z' } }, 'final');
    expect(later.equals(pingtanPdf)).toBe(false);
    const info = poppler('pdfinfo', later, ['{pdf}']);
    info.cleanup();
    expect(info.stdout).toMatch(/CreationDate:.*2024/);
  });
});

describe('final and draft', () => {
  const broken = () => {
    const doc = structuredClone(pingtan);
    doc.cells['t3.received.natural'] = 70; // row sum and balance no longer hold
    doc.sections.problems = '';
    return doc;
  };

  it('final is refused while errors remain, listing them', async () => {
    const result = await sharedExporter().exportPdf(broken(), { mode: 'final' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('blocked');
    expect(result.message).toMatch(/不能导出正式版：还有 (待填写 \d+ 处、)?\d+ 处错误/);
    const rules = result.findings.map((f) => f.rule);
    expect(rules).toContain('t3.rowSum');
    expect(rules).toContain('text.empty');
    expect(result.findings.every((f) => f.severity === 'error' || f.severity === 'confirm')).toBe(true);
  });

  it('final is refused while a confirm finding has no explanation, accepted once it has one', async () => {
    const doc = structuredClone(pingtan);
    doc.explanations = [];
    doc.sections.other = '本年度无其他需要报告的事项。'; // says nothing about fees: a confirm finding
    const confirm = runChecks({ report: doc }).filter((f) => f.severity === 'confirm');
    expect(confirm.length).toBeGreaterThan(0);
    const refused = await sharedExporter().exportPdf(doc, { mode: 'final' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('须说明');
    const explained = await sharedExporter().exportPdf(withExplanations(doc), { mode: 'final' });
    expect(explained.ok).toBe(true);
  });

  it('a draft can always be exported: 草稿 on every page and a last page listing the findings', async () => {
    const doc = broken();
    doc.explanations = [{ rule: 'text.feeStatement', target: 'other', text: '本年度未收取信息处理费，已在六中说明。' }];
    const result = await sharedExporter().exportPdf(doc, { mode: 'draft' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const final = await exportOk(withExplanations(pingtan), 'final');
    const pages = pageCount(result.pdf);
    // The watermark is drawn as outlines (so it never mixes into copied text): look for it in the pixels.
    // Every page has hundreds more pixels of its grey than the same page of the final PDF.
    for (let page = 1; page < pages; page++) {
      const draftGrey = lightGreyPixels(result.pdf, page);
      expect(draftGrey, `page ${page}`).toBeGreaterThan(lightGreyPixels(final, Math.min(page, pageCount(final))) + 300);
    }
    expect(lightGreyPixels(result.pdf, pages)).toBeGreaterThan(300);
    expect(pdfText(result.pdf)).not.toMatch(/草(?!稿附页)/); // not in the text layer, except the findings page
    const last = poppler('pdftotext', result.pdf, ['-f', String(pages), '-l', String(pages), '{pdf}', '-']);
    last.cleanup();
    const lastText = squeeze(last.stdout);
    expect(lastText).toContain('草稿附页：检查结果');
    for (const f of result.findings) {
      // The rule's Chinese name, not its id.
      expect(lastText).toContain(squeeze(`【${{ error: '错误', confirm: '须说明', hint: '提示' }[f.severity]}】${RULE_LABELS[f.rule]}：`));
      expect(lastText).toContain(squeeze(f.message));
    }
    expect(lastText).not.toMatch(/(meta|cell|t[234]|text|prev)\.[a-zA-Z]+/);
    expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
  });

  it('the final PDF has no watermark and no findings page', () => {
    expect(pdfText(pingtanPdf)).not.toContain('草稿');
    for (let page = 1; page <= pageCount(pingtanPdf); page++) expect(lightGreyPixels(pingtanPdf, page), `page ${page}`).toBeLessThan(250);
  });
});

function pageCount(pdf: Uint8Array): number {
  const run = poppler('pdfinfo', pdf, ['{pdf}']);
  run.cleanup();
  return Number(/Pages:\s+(\d+)/.exec(run.stdout)![1]);
}

/** Pixels of exactly the watermark's grey (#dedede) on one page rendered in greyscale at 20 dpi. */
function lightGreyPixels(pdf: Uint8Array, page: number): number {
  const run = poppler('pdftoppm', pdf, ['-gray', '-r', '20', '-f', String(page), '-l', String(page), '-singlefile', '{pdf}', '{dir}/page']);
  const pgm = readFileSync(join(run.dir, 'page.pgm'));
  run.cleanup();
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let count = 0;
  for (const v of pixels) if (v === 0xde) count++;
  return count;
}

describe('the 落款', () => {
  it('ends the report with the agency name over the date of issue, right of centre, after the last section', async () => {
    const doc = { ...withExplanations(pingtanReport()), issued: '2023-01-20' };
    const pdf = await exportOk(doc, 'final');
    const pages = pdfText(pdf, 'layout').split('\f').filter((p) => p.trim() !== '');
    const lines = pages[pages.length - 1]!.split('\n').filter((l) => l.trim() !== '' && !/^\s*—\s*\d+\s*—\s*$/.test(l));
    const [name, date] = lines.slice(-2).map((l) => l.trim());
    expect(name).toBe(doc.agency.name);
    expect(date).toBe('2023年1月20日');
    // Both set off to the right (right-aligned with a four-character inset, the name centred over the
    // date), where the section's text starts at the left margin.
    const column = (line: string) => line.length - line.trimStart().length;
    const textColumn = column(lines[lines.length - 3]!);
    for (const line of lines.slice(-2)) expect(column(line), line).toBeGreaterThan(textColumn + 10);
    // The text before it is section 六's last sentence.
    expect(lines[lines.length - 3]!.replace(/\s+/g, '')).toContain(doc.sections.other.replace(/\s+/g, '').slice(-8));
  });

  it('prints the day given as today when the report has no date of issue, else the day of its last save', async () => {
    const doc = withExplanations(pingtanReport());
    const given = await sharedExporter().exportPdf(doc, { mode: 'final', today: '2024-03-05' });
    if (!given.ok) throw new Error(given.message);
    expect(squeeze(pdfText(given.pdf))).toContain('2024年3月5日');
    const saved = await exportOk(doc, 'final');
    expect(squeeze(pdfText(saved))).toContain('2023年2月20日');
  });

  it('is read back by the text importer as the date of issue, not as text of section 六', async () => {
    const doc = { ...withExplanations(pingtanReport()), issued: '2023-01-20' };
    const imported = importReportText(pdfText(await exportOk(doc, 'final')));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.doc.issued).toBe('2023-01-20');
    expect(squeeze(imported.doc.sections.other)).toBe(squeeze(doc.sections.other));
  });
});

describe('the exporter\'s messages and dates', () => {
  const finding = (severity: 'error' | 'confirm'): Finding => ({ rule: 'sum.row', severity, target: 't3.received.total', message: 'x' }) as unknown as Finding;

  it('blockedMessage counts errors and unexplained confirm findings, naming only the kinds there are', () => {
    expect(blockedMessage([finding('error'), finding('error')])).toBe('不能导出正式版：还有 2 处错误。请先填写、改正或写明说明；也可以先导出草稿（带“草稿”水印和问题清单）。');
    expect(blockedMessage([finding('confirm')])).toMatch(/^不能导出正式版：还有 1 处须说明未说明。/);
    expect(blockedMessage([finding('error'), finding('confirm'), finding('confirm')])).toMatch(/^不能导出正式版：还有 1 处错误、2 处须说明未说明。/);
    // Blank cells and empty sections are 待填写, counted one by one, as the app's screens say.
    const blank = { rule: 'cell.blank', severity: 'error', target: 't4', place: 't4', cells: ['a', 'b', 'c'], message: 'x' } as unknown as Finding;
    expect(blockedMessage([blank, finding('error')])).toMatch(/^不能导出正式版：还有 待填写 3 处、1 处错误。/);
  });

  it('missingGlyphsMessage names each character with its code point, four hex digits at least', () => {
    expect(missingGlyphsMessage(['𠀀', '\u0378'])).toBe('以下 2 个字符在 PDF 所带的字体中都没有字形，印成了方框：“𠀀”（U+20000）、“\u0378”（U+0378）。请改用常用字或文字说明，或在打印稿上手写补上。');
  });

  it('issueDate: the report\'s own date, else the day given, else the local day of the last save', () => {
    const doc = { ...pingtanReport(), issued: '2026-01-20' } as ReportDocument;
    expect(issueDate(doc, '2026-02-01')).toBe('2026-01-20');
    const undated = { ...pingtanReport(), issued: undefined, meta: { ...pingtanReport().meta, updated: '2026-03-04T10:00:00.000Z' } } as ReportDocument;
    expect(issueDate(undated, '2026-02-01')).toBe('2026-02-01');
    const local = new Date('2026-03-04T10:00:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(issueDate(undated)).toBe(`${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`);
  });
});
