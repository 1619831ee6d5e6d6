// Everything about the editing session that is not the document itself (and so not undoable): which
// file it is, what was saved, where the user is, messages and dialogs.
import { create } from 'zustand';
import type { BridgeError, ExportResult, PrefsView, RecoveryEntry } from '../../../shared/ipc/contract';
import type { ReportDocument } from '../../../shared/model/report';
import { REPORT_PLACES, type ReportPlace } from '../../../shared/formats/vocabulary';

/** A wizard step: one per place of the report, then 检查与导出. */
export type StepId = ReportPlace | 'export';

export const STEP_ORDER: readonly StepId[] = [...REPORT_PLACES, 'export'];

export type FocusRequest =
  | { kind: 'cell'; key: string; nonce: number }
  /** range: the sentence to select (a text finding's range in the section's text); select: passages to
   *  look for in the text when there is no range or it no longer fits, the first found is selected. */
  | { kind: 'section'; key: 'overview' | 'problems' | 'other'; range?: { start: number; end: number }; select?: string[]; nonce: number }
  | { kind: 'meta'; field: string; nonce: number };

export interface DialogButton {
  label: string;
  /** The button Enter presses (first primary one gets the focus). */
  primary?: boolean;
  action: () => void;
}

export interface DialogState {
  title: string;
  message: string;
  details?: string[];
  /** Titled lists shown before the buttons (e.g. what a format conversion moves, leaves to fill, drops). */
  lists?: { title: string; items: string[]; id: string }[];
  buttons: DialogButton[];
  /** What Esc does (defaults to closing). */
  onCancel?: () => void;
}

export interface SessionState {
  screen: 'start' | 'editor' | 'merge';
  docId: string | null;
  fileName: string | null;
  location: string | null;
  /** The document object as last saved or opened; the editor is dirty while the store holds another. */
  savedDoc: ReportDocument | null;
  lastSavedAt: string | null;
  /** The document object the last recovery copy was written from, and when. */
  autosaved: { doc: ReportDocument; at: string } | null;
  saving: boolean;
  step: StepId;
  focus: FocusRequest | null;
  prefs: PrefsView | null;
  recovery: RecoveryEntry[];
  /** What the text or PDF importer could not read. */
  importProblems: string[] | null;
  lastExport: ExportResult | null;
  error: BridgeError | null;
  notice: string | null;
  dialog: DialogState | null;
  /** An import main answered needs-year: the form asking for the year and agency name is open.
   *  `fromPrevious`: it is 从上年报告开始 — the form asks for last year's report's year. */
  importAsk: { importId: string; message: string; fromPrevious?: true } | null;
}

export const useSession = create<SessionState>()(() => ({
  screen: 'start',
  docId: null,
  fileName: null,
  location: null,
  savedDoc: null,
  lastSavedAt: null,
  autosaved: null,
  saving: false,
  step: 'meta',
  focus: null,
  prefs: null,
  recovery: [],
  importProblems: null,
  lastExport: null,
  error: null,
  notice: null,
  dialog: null,
  importAsk: null,
}));

let nonce = 0;

export function goToStep(step: StepId): void {
  useSession.setState({ step });
}

export function focusCell(key: string): void {
  const table = key.slice(0, 2) as StepId;
  useSession.setState({ step: table, focus: { kind: 'cell', key, nonce: ++nonce } });
}

export function focusSection(key: 'overview' | 'problems' | 'other', select?: string[], range?: { start: number; end: number }): void {
  useSession.setState({
    step: key,
    focus: { kind: 'section', key, ...(select && select.length > 0 ? { select } : {}), ...(range ? { range } : {}), nonce: ++nonce },
  });
}

export function focusMeta(field: string): void {
  useSession.setState({ step: 'meta', focus: { kind: 'meta', field, nonce: ++nonce } });
}

export function showError(error: BridgeError): void {
  if (error.code === 'cancelled') return;
  useSession.setState({ error });
}

export function showNotice(notice: string): void {
  useSession.setState({ notice });
}

export function openDialog(dialog: DialogState): void {
  useSession.setState({ dialog });
}

export function closeDialog(): void {
  useSession.setState({ dialog: null });
}
