// The receiving office's decisions about a pile of units' reports, as one pure function: which reports
// form the group to sum (one year and format — never mixed silently), which resend of a unit counts,
// which reports are marked and left out until the user includes them, who on the roster is missing, and
// the overview row of every report. The Node side reads the files; this decides.
import { countBySeverity, isExplained, runChecks, type Finding } from '../checks/index';
import { computeTotals } from '../checks/totals';
import { cellName, formatModel, type FormatId } from '../formats/index';
import type { ReportDocument } from '../model/report';
import { matchRoster, normalizeUnitName, type RosterMatch } from './unit-names';
import { sumReports, type CellSum } from './sum-reports';

/**
 * Where a unit's figures came from:
 * - `file`: a `.nianbao` report file — exact;
 * - `pdf-verified`: the data embedded in one of our PDFs, its hash holds and the printed tables agree;
 * - `pdf-edited`: embedded data whose hash holds, but the printed tables say otherwise (the PDF was
 *   changed after export) — left out until the user includes it, naming which figures count;
 * - `pdf-hash-failed`: embedded data that does not match its hash — left out likewise;
 * - `text`: read from the text of a document (another PDF, Word, a web page, a text file) — the
 *   importer's problems say what it could not read.
 */
export type UnitSource = 'file' | 'pdf-verified' | 'pdf-edited' | 'pdf-hash-failed' | 'text';

export const UNIT_SOURCE_LABELS: Record<UnitSource, string> = {
  file: '报告文件',
  'pdf-verified': 'PDF内嵌数据（校验一致）',
  'pdf-edited': 'PDF内嵌数据与印出的表格不符（导出后被改动）',
  'pdf-hash-failed': 'PDF内嵌数据校验不符',
  text: '从文字读取',
};

/** A report as the reader found it. */
export interface ReadUnit {
  /** The file's path as given (the id of the unit in the run). */
  path: string;
  sha256: string;
  source: UnitSource;
  /** The figures to use by default: the file's or the embedded data. */
  doc: ReportDocument;
  /** For PDFs: the figures read from the printed pages, when they could be read. */
  printed?: ReportDocument;
  /** When the unit exported or saved the report (ISO); decides between two files of the same unit. */
  exportedAt?: string;
  /** Cells of the printed tables that differ from the embedded data (pdf-edited). */
  printedDiffers?: string[];
  /** What the text reader could not read, one line each. */
  notes?: string[];
}

/** A file that is not a report or could not be read: listed with its reason, never merged. */
export interface FailedFile {
  path: string;
  reason: string;
}

export type DataChoice = 'embedded' | 'printed';

export interface MergeOptions {
  /** The group to sum; default: the one with the most reports (the later year on a tie). */
  group?: { year: number; format: FormatId };
  /** Expected units (the roster), if the office keeps one. */
  roster?: readonly string[];
  /** The user's confirmations of fuzzy roster matches: unit path → roster name. */
  confirmedMatches?: ReadonlyMap<string, string>;
  /** Marked units the user includes, naming whose figures count: path → choice. */
  include?: ReadonlyMap<string, DataChoice>;
  /** The office's own published report, to compare with the sum (hierarchical check). */
  parent?: ReportDocument;
}

export interface KeyTotals {
  received: number | null;
  handled: number | null;
  carriedOver: number | null;
  review: number | null;
  suits: number | null;
}

export type UnitStatus =
  | { kind: 'included' }
  | { kind: 'otherGroup' }
  | { kind: 'superseded'; by: string }
  | { kind: 'marked'; reason: string };

export interface OverviewRow {
  path: string;
  unit: string;
  level: string;
  year: number;
  format: FormatId;
  source: UnitSource;
  sha256: string;
  exportedAt?: string;
  status: UnitStatus;
  /** Which figures count for an included marked unit. */
  dataUsed?: DataChoice;
  findings: { error: number; confirm: number; confirmExplained: number; hint: number };
  /** Confirm findings with the unit's written explanation, for the reader of the overview. */
  explanations: { rule: string; message: string; explanation: string }[];
  totals: KeyTotals;
  /** The roster entry this unit is, when a roster was given and it matched (exactly or confirmed). */
  rosterName?: string;
  notes: string[];
}

export interface ParentDifference {
  key: string;
  name: string;
  parent: number | null;
  sum: number | null;
}

export interface MergePlan {
  group?: { year: number; format: FormatId };
  /** Every (year, format) seen, with how many reports each; more than one means a choice was made. */
  groups: { year: number; format: FormatId; count: number }[];
  rows: OverviewRow[];
  failed: FailedFile[];
  roster?: { missing: string[]; unknown: { path: string; unit: string; candidate?: { rosterName: string; similarity: number } }[] };
  /** The sum over the included units (absent when no unit is included). */
  sum?: CellSum;
  parentDifferences?: ParentDifference[];
  /** One line per decision the user should know about (superseded resends, other years, marked files). */
  notices: string[];
}

const keyTotal = (cells: Record<string, number | null>, key: string): number | null => cells[key] ?? null;

export function keyTotals(doc: ReportDocument): KeyTotals {
  const cells = computeTotals(doc);
  const direct = cells['t4.suitDirect.total'] ?? null;
  const after = cells['t4.suitAfterReview.total'] ?? null;
  return {
    received: keyTotal(cells, 't3.received.total'),
    handled: keyTotal(cells, 't3.resultsTotal.total'),
    carriedOver: keyTotal(cells, 't3.carriedOver.total'),
    review: keyTotal(cells, 't4.review.total'),
    suits: direct === null && after === null ? null : (direct ?? 0) + (after ?? 0),
  };
}

function findingSummary(findings: Finding[]): Pick<OverviewRow, 'findings' | 'explanations'> {
  const counts = countBySeverity(findings);
  const explained = findings.filter(isExplained);
  return {
    findings: { error: counts.error, confirm: counts.confirm, confirmExplained: explained.length, hint: counts.hint },
    explanations: explained.map((f) => ({ rule: f.rule, message: f.message, explanation: f.explanation ?? '' })),
  };
}

function markedReason(unit: ReadUnit): string | undefined {
  if (unit.source === 'pdf-edited') {
    const n = unit.printedDiffers?.length ?? 0;
    return `PDF中印出的表格有 ${n} 个数字与内嵌数据不同（导出后被改动过），未计入合计；确认以哪份数字为准后可计入`;
  }
  if (unit.source === 'pdf-hash-failed') return 'PDF内嵌数据与其校验值不符（导出后被改动或已损坏），未计入合计；请向该单位索要原始导出的文件，或确认采用印出的数字';
  return undefined;
}

/** Decides the merge (see the file comment). Pure: same inputs, same plan. */
export function planMerge(units: readonly ReadUnit[], failed: readonly FailedFile[], options: MergeOptions = {}): MergePlan {
  const notices: string[] = [];
  const groupCounts = new Map<string, { year: number; format: FormatId; count: number }>();
  for (const u of units) {
    const k = `${u.doc.year}|${u.doc.format}`;
    const g = groupCounts.get(k) ?? { year: u.doc.year, format: u.doc.format, count: 0 };
    g.count++;
    groupCounts.set(k, g);
  }
  const groups = [...groupCounts.values()].sort((a, b) => b.count - a.count || b.year - a.year || a.format.localeCompare(b.format));
  const group = options.group ?? (groups[0] ? { year: groups[0].year, format: groups[0].format } : undefined);
  const inGroup = (u: ReadUnit) => group !== undefined && u.doc.year === group.year && u.doc.format === group.format;

  // The same unit twice in the group (a corrected resend): the later export counts.
  const latestByName = new Map<string, ReadUnit>();
  for (const u of units) {
    if (!inGroup(u)) continue;
    const name = normalizeUnitName(u.doc.agency.name);
    const seen = latestByName.get(name);
    if (!seen || (u.exportedAt ?? '') > (seen.exportedAt ?? '')) latestByName.set(name, u);
  }

  const rows: OverviewRow[] = [];
  const included: { name: string; doc: ReportDocument }[] = [];
  for (const u of units) {
    let status: UnitStatus;
    let dataUsed: DataChoice | undefined;
    let doc = u.doc;
    const latest = latestByName.get(normalizeUnitName(u.doc.agency.name));
    const marked = markedReason(u);
    if (!inGroup(u)) {
      status = { kind: 'otherGroup' };
      notices.push(`${u.path}：${u.doc.agency.name} 的报告是 ${u.doc.year} 年（${u.doc.format} 年格式），与所汇总的 ${group?.year} 年（${group?.format} 年格式）不同，未计入`);
    } else if (latest !== u) {
      status = { kind: 'superseded', by: latest!.path };
      notices.push(`${u.path}：${u.doc.agency.name} 还有一份更晚导出的报告（${latest!.path}），以较晚的一份为准，这一份未计入`);
    } else if (marked) {
      const choice = options.include?.get(u.path);
      if (choice === 'printed' && !u.printed) {
        status = { kind: 'marked', reason: `${marked}（印出的数字读不出来，只能采用内嵌数据）` };
      } else if (choice) {
        status = { kind: 'included' };
        dataUsed = choice;
        if (choice === 'printed' && u.printed) doc = u.printed;
        notices.push(`${u.path}：按您的确认计入，采用${choice === 'printed' ? '印出的表格数字' : '内嵌数据'}`);
      } else {
        status = { kind: 'marked', reason: marked };
        notices.push(`${u.path}：${marked}`);
      }
    } else {
      status = { kind: 'included' };
    }
    if (status.kind === 'included') included.push({ name: doc.agency.name, doc });
    rows.push({
      path: u.path,
      unit: doc.agency.name,
      level: doc.agency.level,
      year: doc.year,
      format: doc.format,
      source: u.source,
      sha256: u.sha256,
      ...(u.exportedAt ? { exportedAt: u.exportedAt } : {}),
      status,
      ...(dataUsed ? { dataUsed } : {}),
      ...findingSummary(runChecks({ report: doc })),
      totals: keyTotals(doc),
      notes: u.notes ?? [],
    });
  }

  let roster: MergePlan['roster'];
  if (options.roster) {
    const candidates = rows.filter((r) => r.status.kind !== 'otherGroup' && r.status.kind !== 'superseded');
    const confirmed = new Map<number, string>();
    candidates.forEach((r, i) => {
      const answer = options.confirmedMatches?.get(r.path);
      if (answer !== undefined) confirmed.set(i, answer);
    });
    const match: RosterMatch = matchRoster(
      candidates.map((r) => r.unit),
      options.roster,
      confirmed,
    );
    for (const m of match.matched) candidates[m.unit]!.rosterName = m.rosterName;
    roster = {
      missing: match.missing,
      unknown: match.unknown.map((u) => ({ path: candidates[u.unit]!.path, unit: candidates[u.unit]!.unit, ...(u.candidate ? { candidate: u.candidate } : {}) })),
    };
  }

  const sum = group && included.length > 0 ? sumReports(group.format, included) : undefined;
  let parentDifferences: ParentDifference[] | undefined;
  if (options.parent && sum && group) {
    parentDifferences = compareWithParent(group.format, options.parent, sum);
    if (options.parent.format !== group.format || options.parent.year !== group.year) {
      notices.push(`上级（本级）报告是 ${options.parent.year} 年 ${options.parent.format} 年格式，与汇总的 ${group.year} 年 ${group.format} 年格式不同`);
    }
  }
  return {
    ...(group ? { group } : {}),
    groups,
    rows,
    failed: [...failed],
    ...(roster ? { roster } : {}),
    ...(sum ? { sum } : {}),
    ...(parentDifferences ? { parentDifferences } : {}),
    notices,
  };
}

/** Every table cell in which the office's own published report differs from the sum of its units. */
export function compareWithParent(format: FormatId, parent: ReportDocument, sum: CellSum): ParentDifference[] {
  if (parent.format !== format) return [];
  const model = formatModel(format);
  const parentCells = computeTotals(parent);
  const out: ParentDifference[] = [];
  for (const cell of model.cells) {
    const p = parentCells[cell.key] ?? null;
    const s = sum.cells[cell.key] ?? null;
    if (p !== s) out.push({ key: cell.key, name: cellName(cell), parent: p, sum: s });
  }
  return out;
}
