// The options of createAppCore: everything the core needs from outside, injected so that the same core runs
// in the Electron app (real dialogs, preferences in the user data folder) and in tests (fake dialogs returning temp paths).
import type { Finding } from '../../../shared/checks/types';
import type { BridgeError, EventChannel, EventMap } from '../../../shared/ipc/contract';
import type { ImportOptions, ImportResult as TextImportResult } from '../../../shared/import/types';
import type { ReportDocument } from '../../../shared/model/report';
import type { FsLayer } from '../storage/fs-layer';
import type { PrefsStore } from '../prefs/prefs-store';
import type { WorkerRunnerOptions } from '../worker/worker-runner';

/** File dialogs. Each resolves to an absolute path, or null when the user cancels. */
export interface AppDialogs {
  /** `purpose` 'previous': last year's report, for the comparison checks (the dialog title says so). */
  openReport(defaultFolder: string, purpose?: 'open' | 'previous'): Promise<string | null>;
  /** `defaultPath` is a full path to suggest (folder and file name). */
  saveReport(defaultPath: string): Promise<string | null>;
  openText(defaultFolder: string): Promise<string | null>;
  openPdf(defaultFolder: string): Promise<string | null>;
  /** Last year's report in any form the importer reads (Word, web page, PDF, text, report file). */
  /** `purpose` 'start': 从上年报告开始; 'previous': last year's report for the comparison checks (the dialog title says so). */
  openImport(defaultFolder: string, purpose?: 'import' | 'start' | 'previous'): Promise<string | null>;
  savePdf(defaultPath: string): Promise<string | null>;
  /** The website (.html) or Word (.docx) version. Optional: without it that export answers “not available”. */
  savePublication?(defaultPath: string, kind: 'html' | 'docx'): Promise<string | null>;
  /** An application ledger (.xlsx / .csv). Optional: without it the ledger import answers “not available”. */
  openLedger?(defaultFolder: string): Promise<string | null>;
  /** Where to write the ledger template (.xlsx). */
  saveLedgerTemplate?(defaultPath: string): Promise<string | null>;
  /** 汇总: the units' report files (several at once), or null. */
  openMergeFiles?(defaultFolder: string): Promise<string[] | null>;
  /** 汇总: a folder of units' reports (read with its sub-folders). */
  openMergeFolder?(defaultFolder: string): Promise<string | null>;
  /** 汇总: the roster of expected units (.txt or .xlsx). */
  openRoster?(defaultFolder: string): Promise<string | null>;
  /** 汇总: where to write the workbook (.xlsx). */
  saveWorkbook?(defaultPath: string): Promise<string | null>;
}

export interface ShellActions {
  /** Opens the file manager at `path` with the file selected. */
  showItemInFolder(path: string): void;
}

export type PdfRenderOutcome =
  | { ok: true; pdf: Uint8Array; findings: Finding[]; missingGlyphs: string[] }
  /** `blocked` carries the findings that stop a final export. */
  | { ok: false; error: BridgeError };

export type PdfReadOutcome = { ok: true; doc: ReportDocument } | { ok: false; error: BridgeError };

/** The PDF module as the core uses it (adapted from electron/node/pdf by `adaptPdfModule`). */
export interface PdfService {
  /** `today` (YYYY-MM-DD): the date of issue printed when the report has none. */
  render(doc: ReportDocument, options: { mode: 'final' | 'draft'; previous?: ReportDocument; today?: string }): Promise<PdfRenderOutcome>;
  /** `name`: the file's name, for messages. */
  read(pdf: Uint8Array, name?: string): Promise<PdfReadOutcome>;
}

/** Prints a PDF through the system print dialog (the Electron adapter's hidden print window). Rejects with a
 *  UserError (`cancelled` when the user closed the dialog). */
export interface PdfPrinter {
  print(pdf: Uint8Array): Promise<void>;
}

/** shared/import's importReportText. */
export type TextImporter = (text: string, opts?: ImportOptions) => TextImportResult;

export type EmitEvent = <E extends EventChannel>(event: E, payload: EventMap[E]) => void;

export interface AppCoreOptions {
  /** Where backups/, recovery/ (and, in tests, preferences) live: the app's user data folder. */
  dataDir: string;
  /** The default folder for new reports and exports (the user's Documents). */
  documentsDir: string;
  dialogs: AppDialogs;
  /** Preferences storage: `createConfPrefsStore` (the app: in the user data folder) or `createMemoryPrefsStore` in tests.
   *  The core builds the one Preferences object on it (AppCore.preferences). */
  prefs: PrefsStore;
  /** PDF export and import. Default: the real module run in the parse worker (fonts from `fontDir`);
   *  null: the export and PDF import channels answer with an error. */
  pdf?: PdfService | null;
  /** The PDF fonts (resources/fonts when packaged); default assets/fonts. */
  fontDir?: string;
  /** Text import run in this thread (tests pass fakes). Default: shared/import's importReportText, in the parse worker. */
  importText?: TextImporter;
  /** The parse worker (electron/node/worker): imports, exports and ledgers run there. The app passes the
   *  bundled entry (dist/electron/parse-worker.js); from the source tree the default is parse-worker.ts. */
  parseWorker?: WorkerRunnerOptions;
  /** Sends an event to the renderer. */
  emit: EmitEvent;
  shell?: ShellActions;
  /** 打印 through the system dialog; without it export:print answers “not available” and app:info says
   *  systemPrint: false (the renderer then prints its own preview with window.print). */
  printer?: PdfPrinter;
  /** Clock (tests pass a fixed one). */
  now?: () => Date;
  /** File system layer (tests inject faults). */
  fs?: FsLayer;
  /** app:info. */
  appVersion?: string;
  platform?: string;
  /** Problems that do not fail a request (a backup or a preference that could not be written). */
  onWarning?: (message: string, error?: unknown) => void;
}
