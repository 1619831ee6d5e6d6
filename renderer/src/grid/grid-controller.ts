// The grid's controller: DOM events in, store changes out. The decisions are pure and tested on their
// own — the keymap (keymap.ts), what an edit writes (edit-session.ts), what a paste writes
// (paste-planner.ts); this file carries them out. The cursor cell holds DOM focus (roving tabindex: the
// grid is one tab stop). While a cell is edited, what is typed is written through on every keystroke —
// the checks are live — as the number, or as a refused entry kept as typed; the whole edit is one undo
// step and Esc puts the cell back as it was.
import type { ChangeEvent, ClipboardEvent, CompositionEvent, KeyboardEvent } from 'react';
import { create } from 'zustand';
import { flushSync } from 'react-dom';
import { TABLE_NAMES } from '../../../shared/formats/vocabulary';
import { isComputedCell, type CellEntry } from '../../../shared/checks/typed-totals';
import type { FormatModel, TableId } from '../../../shared/formats/index';
import type { GridTable } from '../../../shared/formats/types';
import { formatCellValue } from '../../../shared/model/cell-value';
import type { ReportDocument } from '../../../shared/model/report';
import { breakUndoGroup, currentDoc, pastStepCount, revertDoc, setCellEntries } from '../store/document-store';
import { closeDialog, openDialog, showNotice, useSession } from '../store/session-store';
import { entryOf, entryWhenFinished, entryWhileTyping, sameEntry, typedOutcome } from './edit-session';
import { gridLayout, neighbour, tabNeighbour, type GridLayout } from './grid-layout';
import { gridKeyAction } from './keymap';
import { planPaste, type PastePlan } from './paste-planner';

export interface EditSession {
  /** The document the edit belongs to: an edit left over when another report was opened is dropped. */
  docId: string | null;
  key: string;
  text: string;
  /** replace: started by typing (arrows finish the edit); caret: F2 or double-click (arrows move the caret). */
  mode: 'replace' | 'caret';
  id: number;
  before: ReportDocument;
  /** Undo steps this edit recorded (0 or 1), dropped again on Esc. */
  steps: number;
  /** Text before an IME composition started; null when not composing. */
  beforeComposition: string | null;
}

export interface CellMessage {
  key: string;
  text: string;
  tone: 'error' | 'info';
}

export interface GridUiState {
  cursor: string | null;
  edit: EditSession | null;
  /** A passing message at one cell (a paste's result, a refusal); it goes when the cell is left. */
  message: CellMessage | null;
  /** Refused entries whose reason the user hid with Esc (the cell stays marked). */
  dismissed: ReadonlySet<string>;
  /** The one refused cell whose reason is shown next to it: the one refused last, or the refused cell
   *  the cursor moved to (one at a time, so that reasons never cover each other). */
  lastRefused: string | null;
}

export const useGridUi = create<GridUiState>()(() => ({ cursor: null, edit: null, message: null, dismissed: new Set<string>(), lastRefused: null }));

let editIds = 0;

/** “（已略去一并复制的表头或标题 1 行、行名 1 列）”, or '' when nothing was dropped. */
function droppedText(headerRows: number, labelColumns: number): string {
  const parts = [headerRows > 0 ? `表头或标题 ${headerRows} 行` : '', labelColumns > 0 ? `行名 ${labelColumns} 列` : ''].filter(Boolean);
  return parts.length > 0 ? `（已略去一并复制的${parts.join('、')}）` : '';
}

/** The notice shown when written totals switched a table to typed totals: what happened, and how back. */
export function typedTotalsNotice(tables: TableId[]): string {
  const names = tables.map((t) => TABLE_NAMES[t]).join('、');
  return (
    `${names}已改为“手工填写合计”：填写的合计与各项之和不同，已按填写的保留，检查结果列出两个数。` +
    '要恢复自动计算，请取消勾选表格上方的“手工填写合计”（或按 Ctrl+Z 撤销）。'
  );
}

export class GridController {
  readonly layout: GridLayout;
  private readonly inputs = new Map<string, HTMLInputElement>();
  private readonly refCallbacks = new Map<string, (el: HTMLInputElement | null) => void>();

  constructor(
    readonly table: TableId,
    grid: GridTable,
    readonly model: FormatModel,
  ) {
    this.layout = gridLayout(grid);
  }

  /** A total the tool computes (the table is not switched to typed totals). Typing into it is allowed:
   *  a different number switches the table to typed totals when the edit is finished. */
  isComputedTotal(key: string): boolean {
    const doc = currentDoc();
    return !!doc && isComputedCell(doc, key);
  }

  ref(key: string): (el: HTMLInputElement | null) => void {
    let cb = this.refCallbacks.get(key);
    if (!cb) {
      cb = (el) => {
        if (el) this.inputs.set(key, el);
        else this.inputs.delete(key);
      };
      this.refCallbacks.set(key, cb);
    }
    return cb;
  }

  private say(key: string, text: string, tone: CellMessage['tone'] = 'error'): void {
    useGridUi.setState({ message: { key, text, tone } });
  }

  private kind(key: string) {
    return this.model.cellByKey.get(key)?.kind ?? 'count';
  }

  /** Shows a refused entry's reason again (a new entry in the cell). */
  private undismiss(key: string): void {
    const { dismissed } = useGridUi.getState();
    if (!dismissed.has(key)) return;
    const next = new Set(dismissed);
    next.delete(key);
    useGridUi.setState({ dismissed: next });
  }

  /** Moves the cursor (and DOM focus) to a cell. */
  focus(key: string): void {
    const el = this.inputs.get(key);
    if (useGridUi.getState().cursor !== key) useGridUi.setState({ cursor: key, message: null });
    if (el) {
      el.focus({ preventScroll: true });
      el.select();
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  // --- Editing ------------------------------------------------------------------------------------

  private startEdit(key: string, mode: EditSession['mode'], text: string): EditSession {
    const before = currentDoc();
    if (!before) throw new Error('no document');
    breakUndoGroup();
    const session: EditSession = { docId: useSession.getState().docId, key, text, mode, id: ++editIds, before, steps: 0, beforeComposition: null };
    useGridUi.setState({ edit: session, message: null });
    this.undismiss(key);
    return session;
  }

  /** Writes an entry as part of the edit's one undo step; returns the tables switched to typed totals. */
  private write(session: EditSession, entry: CellEntry): TableId[] {
    const refused = 'invalid' in entry ? session.key : null;
    if (useGridUi.getState().lastRefused !== refused && (refused || useGridUi.getState().lastRefused === session.key)) useGridUi.setState({ lastRefused: refused });
    const before = pastStepCount();
    const switched = setCellEntries({ [session.key]: entry }, { coalesce: `cell:${session.key}:${session.id}`, windowMs: Infinity });
    const added = pastStepCount() - before;
    const stored = useGridUi.getState().edit;
    if (added > 0 && stored && stored.id === session.id) useGridUi.setState({ edit: { ...stored, steps: stored.steps + added } });
    return switched;
  }

  /** Applies the text typed so far: written through as a number or a refused entry; the beginning of
   *  a number and a computed total (written when the edit is finished) write nothing yet. */
  private applyText(key: string, raw: string): void {
    const current = useGridUi.getState().edit;
    const session = current && current.key === key ? current : this.startEdit(key, 'replace', raw);
    const next = { ...session, text: raw, beforeComposition: null };
    useGridUi.setState({ edit: next, message: null });
    if (this.isComputedTotal(key)) return;
    const entry = entryWhileTyping(raw, this.kind(key));
    if (entry) this.write(next, entry);
  }

  /** An edit of a document that is no longer the open one (dropped). */
  private stale(session: EditSession): boolean {
    if (session.docId === useSession.getState().docId && currentDoc() !== null) return false;
    useGridUi.setState({ edit: null });
    return true;
  }

  /** Finishes the edit in progress: writes the number, or the text as typed as a refused entry. */
  commit(): void {
    const session = useGridUi.getState().edit;
    if (!session || this.stale(session)) return;
    const entry = entryWhenFinished(session.text, this.kind(session.key));
    const finishedBefore = useGridUi.getState().edit ?? session;
    // An edit that ends where it began leaves no undo step and no change: the document goes back to the
    // very object it was, so it is not dirty either.
    if (sameEntry(entryOf(session.before, session.key), entry)) {
      revertDoc(session.before, finishedBefore.steps);
    } else {
      const switched = this.write(session, entry);
      if (switched.length > 0) showNotice(typedTotalsNotice(switched));
    }
    breakUndoGroup();
    useGridUi.setState({ edit: null });
  }

  cancel(): void {
    const session = useGridUi.getState().edit;
    if (!session || this.stale(session)) return;
    revertDoc(session.before, session.steps);
    useGridUi.setState({ edit: null, message: null });
  }

  /** Ctrl+Enter: takes the value rounded half up that an amount with too many decimals is offered. */
  private acceptRounded(key: string): void {
    const doc = currentDoc();
    const edit = useGridUi.getState().edit;
    const text = edit?.key === key ? edit.text : doc?.invalidCells?.[key];
    if (text === undefined) return;
    const outcome = typedOutcome(text, this.kind(key));
    if (outcome.kind !== 'invalid' || outcome.rounded === undefined) return;
    const rounded = formatCellValue(outcome.rounded);
    if (edit?.key === key) {
      useGridUi.setState({ edit: { ...edit, text: rounded } });
      this.commit();
    } else {
      breakUndoGroup();
      setCellEntries({ [key]: { value: outcome.rounded } });
    }
    this.say(key, `已改为四舍五入后的 ${rounded}。按 Ctrl+Z 可撤销。`, 'info');
  }

  // --- DOM events ---------------------------------------------------------------------------------

  onFocus(key: string): void {
    const { cursor, edit } = useGridUi.getState();
    if (edit && edit.key !== key) this.commit();
    if (currentDoc()?.invalidCells?.[key] !== undefined) useGridUi.setState({ lastRefused: key });
    if (cursor !== key) useGridUi.setState({ cursor: key, message: null });
    if (!useGridUi.getState().edit) this.inputs.get(key)?.select();
  }

  onBlur(key: string): void {
    const { edit, message } = useGridUi.getState();
    if (edit && edit.key === key) this.commit();
    // A passing message belongs to the cell the user was at: it goes when the cell is left.
    if (message?.key === key) useGridUi.setState({ message: null });
  }

  onDoubleClick(key: string): void {
    this.beginCaretEdit(key);
  }

  private beginCaretEdit(key: string): void {
    const doc = currentDoc();
    const session = useGridUi.getState().edit;
    // Rendered at once and the caret set in the same task, so a key typed right after F2 lands at the end.
    flushSync(() => {
      if (session?.key === key) {
        useGridUi.setState({ edit: { ...session, mode: 'caret' } });
      } else {
        this.startEdit(key, 'caret', doc?.invalidCells?.[key] ?? formatCellValue(doc?.cells[key]));
      }
    });
    const el = this.inputs.get(key);
    if (el) el.setSelectionRange(el.value.length, el.value.length);
  }

  private moveTo(next: string | null): void {
    if (next) this.focus(next);
  }

  onKeyDown(key: string, e: KeyboardEvent<HTMLInputElement>): void {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const edit = useGridUi.getState().edit;
    const editing = edit?.key === key ? edit : null;
    const action = gridKeyAction({ key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey }, editing?.mode ?? null);
    switch (action.type) {
      case 'undoRedo':
        // Undo/redo are global; finish the edit first so that it is the step they act on.
        this.commit();
        return;
      case 'gridEdge': {
        e.preventDefault();
        this.commit();
        const keys = this.layout.keys;
        this.focus(action.end ? keys[keys.length - 1]! : keys[0]!);
        return;
      }
      case 'acceptRounded':
        e.preventDefault();
        this.acceptRounded(key);
        return;
      case 'move':
        e.preventDefault();
        this.commit();
        this.moveTo(neighbour(this.layout, key, action.dir));
        return;
      case 'tab': {
        this.commit();
        const next = tabNeighbour(this.layout, key, action.backwards);
        // Past the last cell Tab leaves the grid as usual.
        if (next) {
          e.preventDefault();
          this.focus(next);
        }
        return;
      }
      case 'escape': {
        if (editing) {
          e.preventDefault();
          e.stopPropagation();
          this.cancel();
          this.inputs.get(key)?.select();
          return;
        }
        const { dismissed, message } = useGridUi.getState();
        if (currentDoc()?.invalidCells?.[key] !== undefined && !dismissed.has(key)) {
          e.preventDefault();
          e.stopPropagation();
          useGridUi.setState({ dismissed: new Set([...dismissed, key]) });
        } else if (message) {
          e.preventDefault();
          useGridUi.setState({ message: null });
        }
        return;
      }
      case 'caretEdit':
        e.preventDefault();
        this.beginCaretEdit(key);
        return;
      case 'rowEdge': {
        e.preventDefault();
        this.commit();
        const row = this.layout.valueRows[this.layout.position.get(key)!.row]!;
        this.focus(action.end ? row[row.length - 1]! : row[0]!);
        return;
      }
      case 'clear':
        e.preventDefault();
        if (this.isComputedTotal(key)) {
          this.say(key, '合计由各项自动计算，不能清空。要照录纸质报告的合计，直接输入数字即可（表格随之改为“手工填写合计”）。', 'info');
          return;
        }
        breakUndoGroup();
        setCellEntries({ [key]: { value: null } });
        useGridUi.setState({ message: null });
        return;
      case 'type':
        // Typing replaces the cell's content, wherever a click left the caret.
        e.currentTarget.select();
        return;
      case 'none':
        return;
    }
  }

  onChange(key: string, e: ChangeEvent<HTMLInputElement>): void {
    const raw = e.target.value;
    const edit = useGridUi.getState().edit;
    if (edit?.key === key && edit.beforeComposition !== null) {
      // Mid-composition (Chinese IME): show what the IME shows; it is taken when composition ends.
      useGridUi.setState({ edit: { ...edit, text: raw } });
      return;
    }
    this.applyText(key, raw);
  }

  onCompositionStart(key: string): void {
    const doc = currentDoc();
    const edit = useGridUi.getState().edit;
    const session = edit?.key === key ? edit : this.startEdit(key, 'replace', doc?.invalidCells?.[key] ?? formatCellValue(doc?.cells[key]));
    useGridUi.setState({ edit: { ...session, beforeComposition: session.text } });
  }

  onCompositionEnd(key: string, e: CompositionEvent<HTMLInputElement>): void {
    const edit = useGridUi.getState().edit;
    if (!edit || edit.key !== key) return;
    useGridUi.setState({ edit: { ...edit, beforeComposition: null } });
    this.applyText(key, e.currentTarget.value);
  }

  onPaste(key: string, e: ClipboardEvent<HTMLInputElement>): void {
    const text = e.clipboardData.getData('text/plain');
    const edit = useGridUi.getState().edit;
    // Inside an edit with a caret, one value is inserted like typing (and checked on change).
    if (edit?.key === key && edit.mode === 'caret' && !/[\t\n\r]/.test(text.trim()) && !/\S\s+\S/.test(text.trim())) return;
    e.preventDefault();
    this.commit();
    this.paste(key, text);
  }

  /** Plans a paste at `key`; asks first when its rows do not map one to one; writes it as one undo step. */
  paste(key: string, text: string): void {
    const doc = currentDoc();
    if (!doc) return;
    const outcome = planPaste(text, { format: doc.format, table: this.table, model: this.model, layout: this.layout, start: key });
    if (!outcome.ok) {
      this.say(key, outcome.message);
      return;
    }
    const { plan } = outcome;
    if (!plan.mapping) {
      this.applyPaste(key, plan);
      return;
    }
    openDialog({
      title: '按行名对应粘贴',
      message: `复制的表格与${TABLE_NAMES[this.table]}的行不是一一对应。确定后按下面的对应关系粘贴（之后可按 Ctrl+Z 撤销）；取消则不粘贴。`,
      details: plan.mapping,
      buttons: [
        {
          label: '确定',
          primary: true,
          action: () => {
            closeDialog();
            this.focus(key);
            this.applyPaste(key, plan);
          },
        },
        {
          label: '取消',
          action: () => {
            closeDialog();
            this.focus(key);
          },
        },
      ],
    });
  }

  private applyPaste(key: string, plan: PastePlan): void {
    const entries = plan.entries;
    const count = Object.keys(entries).length;
    if (count === 0) {
      this.say(key, '没有粘贴任何单元格。');
      return;
    }
    breakUndoGroup();
    const switched = setCellEntries(entries);
    breakUndoGroup();
    const refused = Object.values(entries).filter((e) => 'invalid' in e).length;
    let message = plan.rowsByLabel > 0 ? `已按行名对应粘贴 ${plan.rowsByLabel} 行、${count} 格` : `已粘贴 ${count} 格`;
    message += droppedText(plan.droppedHeaderRows, plan.droppedLabelColumns);
    if (plan.respelt.length > 0) message += `；行名${plan.respelt.join('、')}对应`;
    if (refused > 0) message += `；其中 ${refused} 格不是有效的数字，已照原样保留并标红，请改正`;
    if (switched.length > 0) {
      message += '；粘贴的合计与各项之和不同，已按粘贴的保留（表格改为手工填写合计），差异列在检查结果中';
      showNotice(typedTotalsNotice(switched));
    }
    for (const k of Object.keys(entries)) this.undismiss(k);
    useGridUi.setState({ lastRefused: Object.keys(entries).find((k) => 'invalid' in entries[k]!) ?? null });
    this.say(key, `${message}。按 Ctrl+Z 可撤销。`, refused > 0 ? 'error' : 'info');
  }
}
