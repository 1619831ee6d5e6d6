// The one contract between the renderer and the main process (Electron Fiddle style): the request schema of
// every channel (requests.ts, from which main's validator also comes), the response types, the events main
// sends, and the bridge the preload exposes as `window.nianbao`. The renderer refers to documents by id; file paths never travel from the renderer to
// main — main gets them from its own dialogs or its own list of recent files.
import type { Finding } from '../checks/types';
import type { ExcludedRow } from '../ledger/count';
import type { LedgerAnalysis } from '../ledger/mapping';
import type { FormatId } from '../formats/types';
import type { DataChoice, KeyTotals, OverviewRow, UnitSource } from '../merge/plan-merge';
import type { AgencyLevel, PreviousReport, ReportDocument } from '../model/report';
import type { InvokeChannel, InvokeRequest } from './requests';

/** Every call answers with a Result; errors carry a Chinese message fit to show the user as is. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export type ErrorCode =
  | 'cancelled' // the user closed a dialog: not an error to show
  | 'invalid-payload' // the renderer sent something the contract does not allow
  | 'unknown-channel'
  | 'forbidden' // the request did not come from the app's own page (dropped by main)
  | 'unknown-document'
  | 'not-found'
  | 'bad-file' // invalid JSON, truncated, foreign, schema errors
  | 'newer-version' // written by a newer app: refused, never rewritten
  | 'read-only'
  | 'disk-full'
  | 'conflict' // changed on disk by another program since it was opened or last saved
  | 'blocked' // final export refused because of findings
  | 'needs-year' // an imported text names no year: ask for the year and the agency, then import:complete (also for 从上年报告开始: last year's year)
  | 'io' // any other file system error
  | 'internal';

export interface BridgeError {
  code: ErrorCode;
  message: string;
  /** bad-file: each problem found in the file. */
  problems?: string[];
  /** blocked: the findings that block a final export. */
  findings?: Finding[];
  /** needs-year: the import main keeps until import:complete or import:discard. */
  importId?: string;
}

/** An open document as main knows it. `fileName` is for display only (no folder). */
export interface OpenedDocument {
  docId: string;
  doc: ReportDocument;
  fileName: string | null;
  /** Folder shown to the user next to the name, display only. */
  location: string | null;
}

export interface RecentFile {
  recentId: string;
  fileName: string;
  location: string;
  title: string | null;
  openedAt: string;
}

export interface RecoveryEntry {
  recoveryId: string;
  title: string;
  fileName: string | null;
  /** When the recovery file was written (ISO). */
  savedAt: string;
}

export interface BackupEntry {
  backupId: string;
  savedAt: string;
  size: number;
}

export interface AgencyDefaults {
  name: string;
  level: AgencyLevel;
  region: string;
  contact: string;
}

/** The preferences the renderer is shown (main's Preferences object, electron/node/prefs, keeps them). */
export interface PrefsView {
  agency: AgencyDefaults | null;
  recent: RecentFile[];
}

export interface SaveResult {
  fileName: string;
  location: string;
  savedAt: string;
}

export interface ExportResult {
  exportId: string;
  fileName: string;
  location: string;
  size: number;
  findings: Finding[];
  /** Characters no embedded font has: they print as boxes (rare hanzi, emoji). The user should be told. */
  missingGlyphs: string[];
}

/** A report opened from imported text (named apart from shared/import's ImportResult, the importer's outcome). */
export interface OpenedImport extends OpenedDocument {
  /** What the importer could not read, by section and cell (Chinese). */
  problems: string[];
  /** What the file was read as (“Word 文档”, “网页”, “PDF（文字层）” …), for import:file and import:dropped. */
  source?: string;
}

/** Last year's report, read for the comparison checks (doc:openPrevious). */
export interface OpenedPrevious {
  previous: PreviousReport;
  fileName: string;
  /** What the file was read as (“Word 文档”, “网页” …). */
  source: string;
  /** What the importer could not read of it (Chinese), by section and cell: those cells are not compared. */
  problems: string[];
}

/** A new report begun from last year's (import:startFromPrevious, or import:complete after it asked for
 *  last year's year). `problems` and `source` are about last year's report as read. */
export interface OpenedFromPrevious extends OpenedImport {
  /** Tells this reply from a plain import's (import:complete answers either). */
  fromPrevious: true;
  /** What was proposed from last year and what could not be (Chinese, one line each). */
  notes: string[];
}

/** A ledger main has read and keeps for the mapping screen (by id; its rows stay in main). */
export interface OpenedLedger extends LedgerAnalysis {
  ledgerId: string;
  fileName: string;
}

export interface LedgerCountResult {
  cells: Record<string, number>;
  excluded: ExcludedRow[];
  rows: number;
  counted: number;
  otherYears: number;
  /** The values recounted under the mapping sent (with their rows per value). */
  values: Pick<LedgerAnalysis, 'applicantValues' | 'resultValues' | 'reasonValues' | 'dataRows'>;
}

/** One ledger row as shown in a drill-down list. */
export interface LedgerRowView {
  row: number;
  serial: string;
  received: string;
  answered: string;
  applicant: string;
  applicantType: string;
  result: string;
  content: string;
}

/** One report of a merge, as the overview shows it. Units are named by id; the file's place is for display. */
export interface MergeRowView {
  unitId: string;
  fileName: string;
  location: string;
  unit: string;
  level: string;
  year: number;
  format: FormatId;
  source: UnitSource;
  status: OverviewRow['status']['kind'];
  /** superseded: the file that counts instead; marked: why the report is left out. */
  statusDetail?: string;
  /** An included marked report: whose figures count. */
  dataUsed?: DataChoice;
  /** A marked report (its PDF disagrees with itself): the figures the user may choose to count it with. */
  choices: DataChoice[];
  exportedAt?: string;
  findings: OverviewRow['findings'];
  explanations: OverviewRow['explanations'];
  totals: KeyTotals;
  rosterName?: string;
  notes: string[];
}

/** A merge as main holds it: every report read, the decisions applied. */
export interface MergeView {
  mergeId: string;
  /** Files and folders chosen so far (display only). */
  sources: { name: string; location: string; kind: 'files' | 'folder' }[];
  /** The group summed, and every (year, format) seen with its count. */
  group?: { year: number; format: FormatId };
  groups: { year: number; format: FormatId; count: number }[];
  rows: MergeRowView[];
  /** Damaged or foreign files, with the reason. */
  failed: { fileName: string; location: string; reason: string }[];
  /** Files skipped as not being reports, counted by reason. */
  skipped: { reason: string; count: number }[];
  roster?: {
    fileName: string;
    names: number;
    missing: string[];
    /** Reports matching no roster entry; `candidate`: a similar name for the user to confirm. */
    unknown: { unitId: string; unit: string; candidate?: { rosterName: string; similarity: number } }[];
  };
  /** One line per decision the user should know about (file names, not paths). */
  notices: string[];
  included: number;
  /** The key totals of the sum over the included reports. */
  sum?: KeyTotals;
  /** Cells of the sum that some included unit left blank. */
  incomplete: number;
}

/** A unit's report, opened read-only from the overview. */
export interface MergeUnitView {
  row: MergeRowView;
  /** The figures that count (or would count by default). */
  doc: ReportDocument;
  /** A PDF whose printed tables differ from its data: the cells that differ, and the other figures (the
   *  printed ones beside the embedded data, or the embedded data beside the printed ones the user chose). */
  printedDiffers?: string[];
  other?: { kind: DataChoice; doc: ReportDocument };
}

/** What main answers on every invoke channel (the requests are schemas: requests.ts). */
export interface InvokeResponseMap {
  /** `systemPrint`: export:print opens the system print dialog (the app); otherwise the page prints itself. */
  'app:info': { version: string; platform: string; systemPrint: boolean };
  /** The renderer has subscribed to events: main hands over the files opened from outside before that
   *  (a double-click on a .nianbao file starts the app before the page can listen) and emits later ones. */
  'app:ready': { opened: OpenedDocument[]; errors: BridgeError[] };
  'prefs:get': PrefsView;
  'prefs:setAgency': PrefsView;

  'doc:new': OpenedDocument;
  /** Shows the open dialog. */
  'doc:open': OpenedDocument;
  'doc:openRecent': OpenedDocument;
  /** Saves to the document's file; an untitled document asks for a path like saveAs. */
  'doc:save': SaveResult;
  'doc:saveAs': SaveResult;
  /** Writes the recovery copy a second or two after typing stops. */
  'doc:autosave': { savedAt: string };
  /** Tells main whether the editor has unsaved changes (for the close prompt and the window title). */
  'doc:setDirty': Record<string, never>;
  /** Forgets the document and its recovery copy (after a save or an explicit discard). */
  'doc:close': Record<string, never>;
  /** Shows the open dialog for last year's report in any form the importer reads; returns the block the
   *  renderer keeps in the document's `previous` (the prev.* checks read it from there). */
  'doc:openPrevious': OpenedPrevious;

  'recovery:list': RecoveryEntry[];
  'recovery:restore': OpenedDocument;
  'recovery:discard': Record<string, never>;

  'backups:list': BackupEntry[];
  /** Loads a backup's content; the editor shows it as unsaved changes to the same document. */
  'backups:restore': { doc: ReportDocument };

  /** Imports pasted text of a published report. */
  'import:text': OpenedImport;
  /** Shows the open dialog for a .txt file, then imports it. */
  'import:textFile': OpenedImport;
  /** Shows the open dialog for a PDF exported by Nianbao and reads the report inside it. */
  'import:pdf': OpenedDocument;
  /** Shows the open dialog for last year's report in any form (.docx, .html, PDF, text, .nianbao) and imports it. */
  'import:file': OpenedImport;
  /** Imports a file dropped onto the window (its name and bytes). */
  'import:dropped': OpenedImport;
  /** 从上年报告开始: shows the open dialog for last year's report in any form and begins the next year's
   *  report from it (proposed values marked, last year's figures kept in `previous`); not yet saved. */
  'import:startFromPrevious': OpenedFromPrevious;
  /** An import answered `needs-year` (import:text, import:textFile, import:file, import:dropped), done again
   *  with the year and agency name the user gave; after import:startFromPrevious, the year is last year's
   *  report's and the answer is the new report begun from it (OpenedFromPrevious). */
  'import:complete': OpenedImport | OpenedFromPrevious;
  /** Forgets an import answered `needs-year` (the user chose 取消). */
  'import:discard': Record<string, never>;

  /** Shows the save dialog (default: next to the report, named after its title) and writes the PDF. */
  'export:pdf': ExportResult;
  /** Renders the PDF without writing it, for the preview. */
  'export:preview': { pdf: Uint8Array; findings: Finding[]; missingGlyphs: string[] };
  /** Renders the PDF and prints its pages through the system print dialog (hidden window, pdf.js). A
   *  dialog closed without printing answers `cancelled`. */
  'export:print': Record<string, never>;
  /** Shows the save dialog and writes the website version (.html) or the Word version (.docx). */
  'export:publish': ExportResult;
  /** Opens the folder of an exported PDF with the file selected. */
  'shell:showExport': Record<string, never>;

  'ledger:template': { fileName: string; location: string };
  'ledger:open': OpenedLedger;
  'ledger:count': LedgerCountResult;
  'ledger:rows': LedgerRowView[];
  'ledger:remember': Record<string, never>;

  'merge:add': MergeView;
  'merge:roster': MergeView;
  'merge:decide': MergeView;
  'merge:unit': MergeUnitView;
  /** The summary, opened as a new unsaved report. */
  'merge:summary': OpenedDocument;
  'merge:workbook': { fileName: string; location: string };
  'merge:close': Record<string, never>;
}

export type { InvokeChannel, InvokeRequest } from './requests';
export { INVOKE_CHANNELS } from './requests';
export type InvokeResponse<C extends InvokeChannel> = InvokeResponseMap[C];
/** Request → response of every invoke channel. */
export type InvokeMap = { [C in InvokeChannel]: { req: InvokeRequest<C>; res: InvokeResponse<C> } };

// Compile-time check that the responses and the request schemas name the same channels.
type Unanswered = Exclude<InvokeChannel, keyof InvokeResponseMap>;
type Unasked = Exclude<keyof InvokeResponseMap, InvokeChannel>;
const sameChannels: [Unanswered, Unasked] extends [never, never] ? true : [Unanswered, Unasked] = true;
void sameChannels;

/** Menu commands main forwards to the renderer. */
export type MenuCommand = 'new' | 'open' | 'save' | 'saveAs' | 'exportPdf' | 'undo' | 'redo';

/** Events main sends to the renderer. */
export interface EventMap {
  'menu:command': { command: MenuCommand };
  /** A .nianbao file was opened from outside (double-click, command line, second instance). */
  'doc:opened': OpenedDocument;
  /** The user chose 保存 in the close prompt: the renderer saves every dirty document, then calls doc:setDirty. */
  'app:saveBeforeClose': Record<string, never>;
  /** Opening a file from outside failed: show the message. */
  'app:error': BridgeError;
  /** 汇总: reports read so far by a running merge:add (sent a few times a second, and at the end). */
  'merge:progress': { done: number; total: number };
}

export type EventChannel = keyof EventMap;
export const EVENT_CHANNELS = ['menu:command', 'doc:opened', 'app:saveBeforeClose', 'app:error', 'merge:progress'] as const satisfies readonly EventChannel[];

/** What the preload exposes as `window.nianbao`, and nothing else. */
export interface NianbaoBridge {
  invoke<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export const BRIDGE_KEYS = ['invoke', 'on'] as const satisfies readonly (keyof NianbaoBridge)[];
