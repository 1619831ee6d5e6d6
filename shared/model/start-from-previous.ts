// 从上年报告开始 / `nianbao new --from`: a new report for the next year (or a given one) begun from last
// year's report, read from whatever form it existed in. The agency, level and region carry over; the
// format follows the year. Some values are proposed — marked in `proposed` until the user confirms or
// edits them — and last year's figures are kept in the `previous` block for the prev.* checks:
//  - 上年结转 (t3.carriedIn.*) from last year's 结转下年度继续办理 (t3.carriedOver.*);
//  - 2019 → 2019 format: 上一年项目数量 from last year's 上一年项目数量 + 本年增/减;
//  - 2021 format: last year's 现行有效件数 stays in `previous` as the reference of prev.inForce;
//  - the three narrative sections, as a starting point (prev.identical warns if 五 stays the same).
import { computeTotals } from '../checks/totals';
import { isComputedCell } from '../checks/typed-totals';
import { cellName, formatModel, SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from '../formats/index';
import { reportYearProblem } from '../formats/vocabulary';
import { createReport } from './document';
import { previousBlock } from './previous';
import type { PreviousSourceKind, ReportDocument } from './report';

export interface StartFromPreviousOptions {
  /** The new report's year; default: last year's + 1. */
  year?: number;
  /** The file last year's report was read from (name without folder, kind) and the SHA-256 of its bytes. */
  source: { fileName: string; kind: PreviousSourceKind };
  sha256: string;
  /** ISO time for meta.created/updated (tests). */
  now?: string;
}

export type StartFromPreviousResult =
  | {
      ok: true;
      doc: ReportDocument;
      /** What was proposed and what could not be, in Chinese, one line each (for the CLI and the app). */
      notes: string[];
    }
  | { ok: false; message: string };

const hasNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function startFromPrevious(last: ReportDocument, opts: StartFromPreviousOptions): StartFromPreviousResult {
  const year = opts.year ?? last.year + 1;
  const yearProblem = reportYearProblem(year);
  if (yearProblem) return { ok: false, message: yearProblem };
  if (year <= last.year) {
    return { ok: false, message: `新报告的年度（${year}）应晚于上年报告的年度（${last.year}）。请选择更早年度的报告作为上年报告，或改正年度。` };
  }
  const doc = createReport({
    year,
    agencyName: last.agency.name,
    level: last.agency.level,
    ...(last.agency.region ? { region: last.agency.region } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  // Last year's own title with its year moved on (平潭综合实验区2022年度… → …2023年度…), when it names the year once.
  const lastTitle = last.title?.trim() ?? '';
  if (lastTitle.split(`${last.year}年`).length === 2) doc.title = lastTitle.replace(`${last.year}年`, `${year}年`);
  const model = formatModel(doc.format);
  const lastCell = (key: string) => (last.invalidCells?.[key] !== undefined ? null : last.cells[key]);
  const proposedCells: string[] = [];
  const notes: string[] = [];
  const missing: string[] = [];

  // 上年结转 ← last year's 结转下年度继续办理, column by column (table 3's columns are the same in both formats).
  for (const def of model.cells) {
    if (!def.key.startsWith('t3.carriedIn.')) continue;
    const from = `t3.carriedOver.${def.key.slice('t3.carriedIn.'.length)}`;
    const value = lastCell(from);
    if (!hasNumber(value)) {
      if (!isComputedCell(doc, def.key)) missing.push(cellName(def));
      continue;
    }
    doc.cells[def.key] = value;
    if (!isComputedCell(doc, def.key)) proposedCells.push(def.key);
  }
  const carried = proposedCells.length;
  if (carried > 0) notes.push(`已按上年“结转下年度继续办理”建议填入上年结转 ${carried} 格（待确认）。`);

  if (doc.format === '2019' && last.format === '2019') {
    // 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
    for (const def of model.cells) {
      if (!def.key.endsWith('.lastYearItems')) continue;
      const row = def.key.slice(0, -'.lastYearItems'.length);
      const items = lastCell(def.key);
      const change = lastCell(`${row}.change`);
      const sum = hasNumber(items) && hasNumber(change) ? items + change : null;
      if (sum === null || sum < 0) {
        missing.push(cellName(def));
        continue;
      }
      doc.cells[def.key] = sum;
      proposedCells.push(def.key);
    }
    if (proposedCells.length > carried) notes.push(`已按上年“上一年项目数量”加“本年增/减”建议填入上一年项目数量 ${proposedCells.length - carried} 格（待确认）。`);
    if (last.settings?.procurementUnit) doc.settings = { procurementUnit: last.settings.procurementUnit };
  }
  if (doc.format === '2021' && last.format === '2021') notes.push('上年“现行有效件数”已保存为对照，用于检查本年现行有效件数。');
  if (missing.length > 0) notes.push(`上年报告中没有可用的数字，未能建议：${missing.join('、')}。`);

  const proposedSections: SectionKey[] = [];
  for (const key of SECTION_KEYS) {
    const text = last.sections[key] ?? '';
    if (text.trim() === '') continue;
    doc.sections[key] = text;
    proposedSections.push(key);
  }
  if (proposedSections.length > 0) {
    notes.push(`已把上年的${proposedSections.map((k) => `“${SECTION_HEADINGS[k]}”`).join('')}正文作为起点，请按本年情况改写。`);
  }

  doc.cells = computeTotals(doc);
  doc.previous = previousBlock(last, opts.source, opts.sha256);
  if (proposedCells.length > 0 || proposedSections.length > 0) doc.proposed = { cells: proposedCells, sections: proposedSections };
  return { ok: true, doc, notes };
}
