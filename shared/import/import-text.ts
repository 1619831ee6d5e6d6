// Reads a published report pasted as text (from a government website or copied out of a PDF) into a
// report document: title → year, agency and level; the narrative of sections 一, 五 and 六; every cell
// of tables 2, 3 and 4, read through the format definitions. What cannot be read is reported by
// section and cell and left blank.
import { formatIdForYear, formatModel, getFormat, reportYearProblem, SECTION_HEADINGS, TABLE_NAMES } from '../formats/index';
import { TABLE_IDS, type FormatId, type SectionKey, type TableId } from '../formats/types';
import { REPORT_PLACES } from '../formats/vocabulary';
import { computeTotals } from '../checks/totals';
import { differingTotals, withTotalsMode } from '../checks/typed-totals';
import { createReport } from '../model/document';
import { reportTitle } from '../model/report';
import { guessAgencyLevel, tentativeAgencyLevel } from './agency-level';
import { paragraphs as wrappedParagraphs, removePageFurniture } from './narrative';
import { findSignature } from './signature';
import { findSections, findTitle, type SectionHeading } from './outline';
import { formatOnlyHeaders, readTable, resolveDigitRuns, tableSpec, type TableReading } from './table-reader';
import { readTableInOrder } from './table-in-order';
import { classify, tokenize, type Token } from './table-tokens';
import { quote, splitLines, stripLine, toHalfWidth } from './text-normalize';
import { normaliseTextShapes } from './text-shapes';
import type { ImportOptions, ImportProblem, ImportResult } from './types';

const SECTION_LIMIT = 100000;
/** How far into the text a title is looked for when no section heading comes first. */
const TITLE_SEARCH_LINES = 40;

/** What to do when the text names no year — each front end says its own way instead (the CLI: --year/--agency;
 *  the app asks for the year and agency in a form: electron/node/app-core/import-ask-year.ts). */
export const NEEDS_YEAR_ACTION = '请指定报告年度和机关名称后重新导入（或在文本开头补上标题）。';

/** Heading of the findings page the app adds to a draft PDF: the report's text ends before it. */
export const DRAFT_FINDINGS_HEADING = '草稿附页：检查结果';

export function importReportText(text: string, opts: ImportOptions = {}): ImportResult {
  return importLines(removePageFurniture(normaliseTextShapes(splitLines(text))), opts);
}

/** How a front end that knows its document's structure (Word, web page, PDF) hands it over: for each
 *  line that is a table row, its cells exactly as the document holds them (no splitting at spaces),
 *  and whether each line is a whole paragraph (then wrapped-line joining does not apply). */
export interface LineStructure {
  rowCells: (string[] | undefined)[];
  exactParagraphs: boolean;
}

/** The importer proper, on the report's lines (page furniture already removed). */
export function importLines(all: string[], opts: ImportOptions = {}, structure?: LineStructure): ImportResult {
  const draftPage = all.findIndex((l) => stripLine(l) === DRAFT_FINDINGS_HEADING);
  const body = draftPage >= 0 ? all.slice(0, draftPage) : all;
  // The 落款 (agency name and date of issue) ends the report; it is not text of section 六.
  const signature = findSignature(body);
  const lines = signature ? body.slice(0, signature.from) : body;
  const tokenizeRegion = (from: number, to: number): Token[] => (structure ? tokenizeStructured(lines, structure.rowCells, from, to) : tokenize(lines, from, to));
  const paragraphs = (part: string[]) => (structure?.exactParagraphs ? part.map(stripLine).filter(Boolean).join('\n') : wrappedParagraphs(part));
  const sectionDefs = getFormat('2019').sections;
  let headings = findSections(lines, sectionDefs);
  let firstHeading = headings.find((h) => h !== undefined);
  const title = findTitle(lines, Math.min(firstHeading?.line ?? TITLE_SEARCH_LINES, TITLE_SEARCH_LINES));

  // Only a table copied, without its heading (“三、收到和处理…”): read it as that section.
  let tableOnly: TableId | undefined;
  if (!firstHeading) {
    const from = title ? title.lastLine + 1 : 0;
    tableOnly = bareTable(lines, from, tokenizeRegion);
    if (tableOnly) {
      const index = sectionDefs.findIndex((s) => s.key === tableOnly);
      headings = sectionDefs.map((_, i) => (i === index ? { index, line: from - 1, rest: '' } : undefined));
      firstHeading = headings[index];
    }
  }

  if (!firstHeading) {
    return {
      ok: false,
      message: title
        ? `只找到标题${quote(title.text, 60)}，没有找到“${SECTION_HEADINGS.overview}”等任何章节，也就没有表格可读。请粘贴报告的全文。`
        : `这段文字不像政府信息公开工作年度报告：没有找到标题（如“2019年某某镇政府信息公开工作年度报告”），也没有“${SECTION_HEADINGS.overview}”“${SECTION_HEADINGS.t3}”等章节和表格。`,
    };
  }

  const problems: ImportProblem[] = [];
  const meta = (message: string) => problems.push({ place: 'meta', message });

  // Year and agency from the title.
  let year = title?.year ?? opts.year;
  if (!title) {
    // Year and agency the user gave (the app's form, the CLI's --year/--agency) need no checking again.
    if (opts.year !== undefined && opts.agencyName?.trim()) meta(`没有找到报告标题，年度（${opts.year} 年）和机关名称（${opts.agencyName.trim().slice(0, 100)}）按指定填写。`);
    else meta('没有找到报告标题（“某年某机关政府信息公开工作年度报告”），年度和机关名称请核对。');
  }
  if (year === undefined) {
    year = statisticsYear(lines);
    if (year !== undefined) meta(`标题中没有年度，按文中的统计时限定为 ${year} 年，请核对。`);
  }
  if (year === undefined) {
    return {
      ok: false,
      needsYear: true,
      message: `读不出报告年度：没有找到标题（如“2019年某某镇政府信息公开工作年度报告”），文中也没有统计时限。${NEEDS_YEAR_ACTION}`,
    };
  }
  const yearProblem = reportYearProblem(year);
  if (yearProblem) return { ok: false, message: yearProblem };
  if (title && opts.year !== undefined && opts.year !== title.year) {
    meta(`标题中的年度是 ${title.year}，按指定改为 ${opts.year}。`);
    year = opts.year;
  }
  const agencyName = (opts.agencyName ?? title?.agency ?? '').trim().slice(0, 100);
  if (!agencyName) meta('读不出机关名称，请在基本信息中填写。');
  let level = opts.level;
  if (!level) {
    level = guessAgencyLevel(agencyName);
    if (!level) {
      const tentative = tentativeAgencyLevel(agencyName);
      level = tentative.level;
      const cityNote = tentative.unit === '市' ? '（县级市请改为“县级”）' : '';
      meta(`从机关名称${agencyName ? `“${agencyName}”` : ''}看不出机关层级，已按名称暂定为“${level}”${cityNote}，请在基本信息中确认。`);
    }
  }

  // Regions: each found heading up to the next found heading.
  const regionOf = (index: number): { from: number; to: number; heading: SectionHeading } | undefined => {
    const heading = headings[index];
    if (!heading) return undefined;
    const next = headings.slice(index + 1).find((h) => h !== undefined);
    return { from: heading.line + 1, to: next ? next.line : lines.length, heading };
  };
  const tokens: Partial<Record<TableId, Token[]>> = {};
  for (const table of TABLE_IDS) {
    const region = regionOf(sectionDefs.findIndex((s) => s.key === table));
    if (region) tokens[table] = tokenizeRegion(region.from, region.to);
  }

  // Format: by year, unless the tables as pasted show the other one.
  const byYear = formatIdForYear(year);
  const format = detectFormat(tokens, byYear, problems, year);

  const doc = createReport({ year, agencyName, level, format, ...(opts.now ? { now: opts.now } : {}) });
  // The title as printed, when it is not what the default would give (and names this year).
  const printedTitle = title?.text.replace(/\s+/g, '').slice(0, 200);
  if (printedTitle && !title!.inSentence && title!.year === year && printedTitle !== reportTitle(doc) && printedTitle.includes('政府信息公开工作年度报告')) doc.title = printedTitle;
  if (signature?.issued) doc.issued = signature.issued;

  // Narrative: the preamble (text between title and 一、) opens the overview.
  const preambleFrom = title ? title.lastLine + 1 : 0;
  const before = lines.slice(0, title ? title.line : 0).map(stripLine).filter(Boolean);
  if (before.length > 0) meta(`标题之前的文字未导入：${quote(before.join(' '), 40)}。`);
  const preamble = tableOnly ? '' : paragraphs(lines.slice(preambleFrom, firstHeading.line));
  if (tableOnly) meta(`文本中只有${TABLE_NAMES[tableOnly]}，没有章节标题；已按“${sectionDefs.find((s) => s.key === tableOnly)!.heading}”读入该表。`);
  const narrative = (key: SectionKey): string => {
    const index = sectionDefs.findIndex((s) => s.key === key);
    const region = regionOf(index);
    if (!region) {
      problems.push({ place: key, message: `没有找到“${sectionDefs[index]!.heading}”，该部分留空。` });
      return '';
    }
    return paragraphs([region.heading.rest, ...lines.slice(region.from, region.to)]);
  };
  const sections = { overview: [preamble, narrative('overview')].filter(Boolean).join('\n'), problems: narrative('problems'), other: narrative('other') };
  for (const key of ['overview', 'problems', 'other'] as SectionKey[]) {
    if (sections[key].length > SECTION_LIMIT) {
      problems.push({ place: key, message: `正文超过 ${SECTION_LIMIT} 字，超出部分未导入。` });
      sections[key] = sections[key].slice(0, SECTION_LIMIT);
    }
  }
  doc.sections = sections;

  // Tables.
  const model = formatModel(format);
  const readings: Partial<Record<TableId, TableReading>> = {};
  for (const table of TABLE_IDS) {
    const heading = sectionDefs.find((s) => s.key === table)!.heading;
    const keys = model.keysByTable[table];
    const tableTokens = tokens[table];
    if (!tableTokens) {
      problems.push({ place: table, cells: keys, message: `没有找到“${heading}”及其表格，${TABLE_NAMES[table]}的 ${keys.length} 格留空。` });
      continue;
    }
    let reading = readTable(tableTokens, format, table, { fuzzy: true });
    // Labels and numbers come apart in some conversions (pdftotext without -layout): the numbers in order.
    if (table !== 't2' && reading.complete.size < tableSpec(format, table).rows.length) reading = readTableInOrder(tableTokens, format, table, reading) ?? reading;
    readings[table] = reading;
    for (const [key, value] of reading.values) doc.cells[key] = value;
    for (const [key, text] of reading.invalid) doc.invalidCells = { ...doc.invalidCells, [key]: text.slice(0, 200) };
    if (reading.clippedTotals.length > 0) {
      const computed = computeTotals(doc, [table]);
      const missingParts = reading.clippedTotals.filter((k) => computed[k] === null || computed[k] === undefined);
      for (const key of reading.clippedTotals) doc.cells[key] = computed[key] ?? null;
      problems.push({
        place: table,
        cells: reading.clippedTotals,
        message: `原文${TABLE_NAMES[table]}右侧的“总计”列没有印出（表格超出页面被截去），这 ${reading.clippedTotals.length} 格按各分项之和计算${missingParts.length > 0 ? `，其中 ${missingParts.length} 格因分项未读出而留空` : ''}，请对照原文核对。`,
      });
    }
    // 2019 采购总金额 has no unit in the template: the one written in the cell becomes the report's.
    const unit = reading.units.get('t2.procurement.amount');
    if (unit === '元' || unit === '万元') {
      doc.settings = { ...doc.settings, procurementUnit: unit };
      problems.push({ place: 't2', key: 't2.procurement.amount', message: `${TABLE_NAMES.t2}“政府集中采购”的采购总金额原文写有单位“${unit}”，已把金额单位设为${unit}。` });
    }
    if (reading.found.size === 0) {
      problems.push({ place: table, cells: keys, message: `“${heading}”下没有读到表格数据，${TABLE_NAMES[table]}的 ${keys.length} 格留空。` });
      continue;
    }
    for (const row of tableSpec(format, table).rows) {
      if (reading.found.has(row.index)) continue;
      const what = row.label === undefined ? '数据' : `“${row.display}”行`;
      problems.push({ place: table, key: row.keys[0], cells: row.keys, message: `${TABLE_NAMES[table]}中没有找到${what}，${row.label === undefined ? '这' : '该行 '}${row.keys.length} 格留空。` });
    }
    // Rows of digits run together with several readings: table 3's column relations may leave one.
    if (table === 't3' && reading.ambiguousRuns) {
      for (const d of resolveDigitRuns(doc.cells, format, reading)) {
        const row = tableSpec(format, table).rows.find((r) => r.keys[0] === d.keys[0])!;
        reading.problems = reading.problems.filter((p) => p.key !== d.keys[0] || !p.message.includes('种拆法'));
        reading.problems.push({
          place: table,
          key: d.keys[0],
          cells: d.keys,
          message: `${TABLE_NAMES[table]}“${row.display}”行的数字连在一起，行合计允许 ${d.before} 种拆法，加上各列的合计与勾稽关系只剩一种：${d.values.join('、')}，已按此读入，请对照原文核对。`,
        });
      }
    }
    problems.push(...reading.problems);
  }

  // A published report's totals are kept as printed. Where they disagree with their parts, the table is
  // switched to typed totals: the editor would otherwise recompute them and silently hide the mistake,
  // while the sum checks should show it.
  for (const table of ['t3', 't4'] as const) {
    const differing = differingTotals(doc, table).map((d) => model.cellByKey.get(d.key)!);
    if (differing.length === 0) continue;
    doc.settings = withTotalsMode(doc, table, true).settings;
    // A total whose parts were not all read differs because of the blanks, not because the report is wrong.
    const blank = (key: string) => doc.cells[key] === null || doc.cells[key] === undefined;
    const partsMissing = (key: string) => model.sums.some((s) => s.total === key && s.parts.some(blank));
    const unread = differing.filter((c) => partsMissing(c.key));
    const wrong = differing.filter((c) => !partsMissing(c.key));
    if (wrong.length > 0) {
      problems.push({
        place: table,
        cells: wrong.map((c) => c.key),
        message: `${TABLE_NAMES[table]}中有 ${wrong.length} 个印刷的总计与分项之和不一致，已按原文保留并改为“手填总计”；请在检查中逐项核对。`,
      });
    }
    if (unread.length > 0) {
      problems.push({
        place: table,
        cells: unread.map((c) => c.key),
        message: `${TABLE_NAMES[table]}中有 ${unread.length} 个印刷的总计因部分分项没有读出而无法核对，已按原文保留并改为“手填总计”；补齐分项后请在检查中核对。`,
      });
    }
  }

  // A text that stops inside a table was most likely not copied completely.
  const lastSection = [...headings].reverse().find((h) => h !== undefined)!;
  const lastKey = sectionDefs[lastSection.index]!.key;
  if (lastKey === 't2' || lastKey === 't3' || lastKey === 't4') {
    const reading = readings[lastKey];
    const rows = tableSpec(format, lastKey).rows;
    if (reading && reading.found.size > 0 && !reading.found.has(rows.length - 1)) {
      const last = rows[reading.lastFound];
      meta(`文本在${TABLE_NAMES[lastKey]}中途结束${last ? `（最后读到“${last.display}”行）` : ''}，可能没有复制完整；之后的行和章节留空。`);
    }
  }

  return { ok: true, doc, problems: sortProblems(problems), detectedFormat: format };
}

/** Rows a bare table needs before the text is taken for it: enough labels that chance is ruled out.
 *  Table 4 has no row labels, so it is never recognised without its heading. */
const BARE_TABLE_ROWS: Partial<Record<TableId, number>> = { t3: 5, t2: 3 };

/** The table a text without section headings holds, when its row labels are there. */
function bareTable(lines: string[], from: number, tokenizeRegion: (from: number, to: number) => Token[]): TableId | undefined {
  const tokens = tokenizeRegion(from, lines.length);
  for (const table of ['t3', 't2'] as const) {
    const found = Math.max(...(['2019', '2021'] as FormatId[]).map((f) => readTable(tokens, f, table, { fuzzy: false }).found.size));
    if (found >= BARE_TABLE_ROWS[table]!) return table;
  }
  return undefined;
}

/** Tokens of lines[from, to): a table row's cells as the document holds them (one token each, an empty
 *  cell a blank), other lines as text. */
function tokenizeStructured(lines: string[], rowCells: (string[] | undefined)[], from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const cells = rowCells[i];
    if (cells) {
      for (const cell of cells) out.push(classify(cell.replace(/\s+/g, ' ').trim(), i));
      out.push({ kind: 'break', text: '', norm: '', line: i });
      i++;
      continue;
    }
    let j = i;
    while (j < to && !rowCells[j]) j++;
    out.push(...tokenize(lines, i, j));
    i = j;
  }
  return out;
}

/** “统计时限为2022年1月1日至…” — the report year when the title lacks one. */
function statisticsYear(lines: string[]): number | undefined {
  for (const line of lines) {
    const m = /统计.{0,20}?(\d{4})年1月1日/.exec(toHalfWidth(line));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Which format's tables the text holds: table 3's （六） rows decide, then table 2's. */
function detectFormat(tokens: Partial<Record<TableId, Token[]>>, byYear: FormatId, problems: ImportProblem[], year: number): FormatId {
  const evidence = (table: TableId): FormatId | undefined => {
    const list = tokens[table];
    if (!list) return undefined;
    // Rows of this format only, read with the right number of values, plus headers of this format only.
    const text = list.filter((t) => t.kind === 'text').map((t) => t.norm).join('');
    const score = (format: FormatId) => {
      const other: FormatId = format === '2019' ? '2021' : '2019';
      const otherKeys = new Set(formatModel(other).keysByTable[table]);
      const reading = readTable(list, format, table, { fuzzy: false });
      const rows = tableSpec(format, table).rows.filter((r) => reading.complete.has(r.index) && r.keys.some((k) => !otherKeys.has(k))).length;
      return rows + formatOnlyHeaders(format, table).filter((h) => text.includes(h)).length;
    };
    const s2019 = score('2019');
    const s2021 = score('2021');
    if (s2019 > s2021) return '2019';
    if (s2021 > s2019) return '2021';
    return undefined;
  };
  const t3 = evidence('t3');
  const t2 = evidence('t2');
  const format = t3 ?? t2 ?? byYear;
  if (format !== byYear) {
    const where = t3 ? `${TABLE_NAMES.t3}的行` : `${TABLE_NAMES.t2}的栏目`;
    problems.push({
      place: 'meta',
      message: `报告年度 ${year} 应使用 ${byYear} 年格式，但文本中${where}是 ${format} 年格式。已按文本的格式读入，检查时会提示格式与年度不符。`,
    });
  }
  if (t3 && t2 && t2 !== t3) {
    problems.push({ place: 't2', message: `${TABLE_NAMES.t2}看起来是 ${t2} 年格式，而${TABLE_NAMES.t3}是 ${t3} 年格式；已按 ${t3} 年格式读入，${TABLE_NAMES.t2}可能读不全，请核对。` });
  }
  return format;
}


function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => REPORT_PLACES.indexOf(a.p.place) - REPORT_PLACES.indexOf(b.p.place) || a.i - b.i)
    .map(({ p }) => p);
}
