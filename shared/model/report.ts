// The report document: what a `.nianbao` file holds (see docs/file-format.md).
import type { FormatId, SectionKey, TableId } from '../formats/types';

export const CURRENT_SCHEMA_VERSION = 6;
export const FILE_EXTENSION = '.nianbao';

export const AGENCY_LEVELS = ['乡镇', '县级', '设区的市级', '省级', '国务院部门'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const PROCUREMENT_UNITS = ['元', '万元'] as const;
export type ProcurementUnit = (typeof PROCUREMENT_UNITS)[number];

export interface Agency {
  name: string;
  level: AgencyLevel;
  region?: string;
}

export type Sections = Record<SectionKey, string>;

/** A confirm finding explained by the user: rule id + the finding's target → text. */
export interface Explanation {
  rule: string;
  target: string;
  text: string;
}

export interface ReportSettings {
  /** Tables whose totals the user types instead of having them computed (reproducing a printed report). */
  typedTotals?: TableId[];
  /** 2019 format: unit of 政府集中采购 采购总金额, printed in its header. */
  procurementUnit?: ProcurementUnit;
}

/** One unit's report counted in a summary (汇总): its name, file, SHA-256 and where its figures came from. */
export interface MergedUnit {
  name: string;
  file: string;
  sha256: string;
  /** 'file' | 'pdf-verified' | 'pdf-edited' | 'pdf-hash-failed' | 'text' (see shared/merge/plan-merge.ts). */
  source: string;
  /** For a PDF whose printed tables disagree with its data: whose figures the user chose to count. */
  dataUsed?: 'embedded' | 'printed';
}

/** A summary of units' reports: which reports it sums, and which cells some units left blank. */
export interface MergedFrom {
  units: MergedUnit[];
  /** Cell key → the units that left the cell blank (the sum covers the others). */
  incomplete: Record<string, string[]>;
}

export interface ReportMeta {
  /** ISO 8601 times. */
  created: string;
  updated: string;
  appVersion: string;
}

/** Where table 3 came from when it was counted from the application ledger (schema version 3). */
export interface LedgerSource {
  /** File name of the ledger (no folder). */
  fileName: string;
  /** Sheet the ledger was read from. */
  sheet: string;
  /** Data rows of the ledger. */
  rows: number;
  /** Rows counted into table 3. */
  counted: number;
  /** Rows that could not be counted (listed to the user with their reasons before applying). */
  excluded: number;
  /** ISO time table 3 was derived. */
  derivedAt: string;
}

/** What last year's report was read from (the importer's kinds, electron/node/import). */
export const PREVIOUS_SOURCE_KINDS = ['report', 'app-pdf', 'docx', 'html', 'pdf', 'text'] as const;
export type PreviousSourceKind = (typeof PREVIOUS_SOURCE_KINDS)[number];

/** Last year's report, kept in the file (schema version 5) so that the prev.* checks run without it
 *  being loaded again: in the app, in `nianbao check` without --previous, and inside an exported PDF. */
export interface PreviousReport {
  year: number;
  agency: Agency;
  format: FormatId;
  /** The file it was read from: its name (no folder) and what kind of file it was. */
  source: { fileName: string; kind: PreviousSourceKind };
  /** SHA-256 (hex) of that file's bytes. */
  sha256: string;
  /** Every cell of last year's format (blank: null): prev.identical compares the whole tables,
   *  cell.implausible each cell of table 3 and 4, the others single totals. */
  cells: Record<string, number | null>;
  /** Section 五 (存在的主要问题及改进情况), for prev.identical. */
  problems: string;
}

/** Values proposed from last year's report that the user has not yet confirmed or edited (schema
 *  version 5): cell keys (e.g. t3.carriedIn.*) and narrative sections offered as a starting point. */
export interface ProposedMarks {
  cells: string[];
  sections: SectionKey[];
}

/** One event in the file's history (schema version 6). Today only a format conversion: the values the
 *  other format had no place for are kept here (cell key of the old format → number, or the refused text
 *  of an invalid entry), so that nothing the user wrote is lost. */
export interface HistoryEntry {
  /** ISO time. */
  at: string;
  action: 'convert';
  from: FormatId;
  to: FormatId;
  dropped: Record<string, number | string>;
}

export interface ReportDocument {
  schemaVersion: number;
  format: FormatId;
  year: number;
  agency: Agency;
  /** The title as the user wrote it (schema version 2); absent: the default (defaultReportTitle). */
  title?: string;
  sections: Sections;
  /** Flat map canonical cell key → number, or null for a blank cell. A missing key is blank too. */
  cells: Record<string, number | null>;
  /** Entries refused by the value rule (shared/model/cell-value.ts), kept as typed so that nothing the
   *  user wrote is lost: cell key → text. Such a cell's value in `cells` is null; the check cell.invalid
   *  lists it until it is corrected. Absent when there are none (schema version 2). */
  invalidCells?: Record<string, string>;
  explanations: Explanation[];
  /** Date of issue printed in the 落款 (spec §7), `YYYY-MM-DD`. Absent: the day of the final export
   *  (schema version 4). */
  issued?: string;
  settings?: ReportSettings;
  /** Table 3 was counted from a ledger: which one, how many rows, how many excluded (version 3). */
  ledgerSource?: LedgerSource;
  /** Present in a summary made by `nianbao merge` / 汇总. */
  merged?: MergedFrom;
  /** Last year's report for the prev.* checks (version 5). */
  previous?: PreviousReport;
  /** Proposed from last year, not yet confirmed or edited (version 5). Absent when nothing is. */
  proposed?: ProposedMarks;
  /** What happened to the file that its cells no longer show (version 6): format conversions with the
   *  values they dropped. Absent when nothing happened. */
  history?: HistoryEntry[];
  meta: ReportMeta;
}

/** The title's default (spec §6 meta.required): `{agency}{year}年政府信息公开工作年度报告` when the agency
 *  name ends in 政府 (洪泽区人民政府2023年…, never “…人民政府政府信息…”), otherwise
 *  `{year}年{agency}政府信息公开工作年度报告`. */
export function defaultReportTitle(doc: Pick<ReportDocument, 'year' | 'agency'>): string {
  const name = doc.agency.name.trim();
  return /政府$/.test(name) ? `${name}${doc.year}年政府信息公开工作年度报告` : `${doc.year}年${name}政府信息公开工作年度报告`;
}

/** The report's title: the one the user wrote (or the importer read), else the default. */
export function reportTitle(doc: Pick<ReportDocument, 'year' | 'agency' | 'title'>): string {
  return doc.title !== undefined && doc.title.trim() !== '' ? doc.title.trim() : defaultReportTitle(doc);
}

/** `YYYY-MM-DD` with a real month and day (leap years included). */
export function isIssueDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar day of `now` as `YYYY-MM-DD` (the default date of issue: the day of the final export). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `2025-01-20` → `2025年1月20日`, as the 落款 prints it. */
export function issueDateText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
