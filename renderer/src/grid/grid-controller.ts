// Spreadsheet behaviour of a table grid: the cursor, editing, keyboard movement and block paste.
// The cursor cell holds DOM focus (roving tabindex: the grid is one tab stop). While a cell is being
// edited its value is written through to the document on every accepted keystroke — the checks are
// live — and the whole edit is one undo step; Esc puts the cell back as it was.
import type { ChangeEvent, ClipboardEvent, CompositionEvent, KeyboardEvent } from 'react';
import { create } from 'zustand';
import type { FormatModel, TableId } from '../../../shared/formats/index';
import type { ReportDocument } from '../../../shared/model/report';
import { checkPartialInput, formatCellValue, parseCellInput } from '../lib/cell-input';
import { breakUndoGroup, currentDoc, pastStepCount, revertDoc, setCells } from '../store/document-store';
import { useSession } from '../store/session-store';
import { gridLayout, neighbour, parseClipboardBlock, stripHeaders, tabNeighbour, type Direction, type GridLayout } from './grid-layout';
import type { GridTable } from '../../../shared/formats/types';

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
  /** Text before an IME composition started, restored if the composed text is refused. */
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
  message: CellMessage | null;
}

export const useGridUi = create<GridUiState>()(() => ({ cursor: null, edit: null, message: null }));

let editIds = 0;

/** “（已略去复制进来的表头 1 行、行名 1 列）”, or '' when nothing was dropped. */
function droppedText(headerRows: number, labelColumns: number): string {
  const parts = [headerRows > 0 ? `表头或标题 ${headerRows} 行` : '', labelColumns > 0 ? `行名 ${labelColumns} 列` : ''].filter(Boolean);
  return parts.length > 0 ? `（已略去一并复制的${parts.join('、')}）` : '';
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

  /** Typed totals are read from the document each time: the setting can change under the controller. */
  isReadOnly(key: string): boolean {
    const def = this.model.cellByKey.get(key);
    if (!def?.computed) return false;
    return !(currentDoc()?.settings?.typedTotals ?? []).includes(this.table);
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

  private clearMessage(): void {
    if (useGridUi.getState().message) useGridUi.setState({ message: null });
  }

  private kind(key: string) {
    return this.model.cellByKey.get(key)?.kind ?? 'count';
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

  private readOnlyMessage(key: string): void {
    this.say(key, '合计由各项自动计算，不能直接填写。需要照录纸质报告的合计时，请勾选表格上方的“手工填写合计”。');
  }

  // --- Editing ------------------------------------------------------------------------------------

  private startEdit(key: string, mode: EditSession['mode'], text: string): EditSession {
    const before = currentDoc();
    if (!before) throw new Error('no document');
    breakUndoGroup();
    const session: EditSession = { docId: useSession.getState().docId, key, text, mode, id: ++editIds, before, steps: 0, beforeComposition: null };
    useGridUi.setState({ edit: session, message: null });
    return session;
  }

  private write(session: EditSession, value: number | null): void {
    const before = pastStepCount();
    setCells({ [session.key]: value }, { coalesce: `cell:${session.key}:${session.id}`, windowMs: Infinity });
    const added = pastStepCount() - before;
    const stored = useGridUi.getState().edit;
    if (added > 0 && stored && stored.id === session.id) useGridUi.setState({ edit: { ...stored, steps: stored.steps + added } });
  }

  /** Applies the text typed so far: normalised and written through, or refused with a message. */
  private applyText(key: string, raw: string): void {
    const res = checkPartialInput(raw, this.kind(key));
    const current = useGridUi.getState().edit;
    if (!res.ok) {
      this.say(key, res.message);
      // Bring the input back to the last accepted text (React keeps the controlled value).
      if (current && current.key === key) useGridUi.setState({ edit: { ...current, beforeComposition: null } });
      else useGridUi.setState({ edit: null });
      return;
    }
    const session = current && current.key === key ? current : this.startEdit(key, 'replace', res.text);
    const next = { ...session, text: res.text, beforeComposition: null };
    useGridUi.setState({ edit: next, message: null });
    if (res.value !== undefined) this.write(next, res.value);
  }

  /** An edit of a document that is no longer the open one (dropped). */
  private stale(session: EditSession): boolean {
    if (session.docId === useSession.getState().docId && currentDoc() !== null) return false;
    useGridUi.setState({ edit: null });
    return true;
  }

  /** Finishes the edit in progress; false (with a message) when its text is not a complete number. */
  commit(): boolean {
    const session = useGridUi.getState().edit;
    if (!session || this.stale(session)) return true;
    const res = parseCellInput(session.text, this.kind(session.key));
    if (!res.ok) {
      this.say(session.key, `${res.message}。请改正，或按 Esc 取消`);
      return false;
    }
    this.write(session, res.value);
    const finished = useGridUi.getState().edit ?? session;
    // An edit that ends where it began (typed 5, then back to 0) leaves no undo step and no change:
    // the document goes back to the very object it was, so it is not dirty either.
    if ((session.before.cells[session.key] ?? null) === res.value) revertDoc(session.before, finished.steps);
    breakUndoGroup();
    useGridUi.setState({ edit: null });
    return true;
  }

  cancel(): void {
    const session = useGridUi.getState().edit;
    if (!session || this.stale(session)) return;
    revertDoc(session.before, session.steps);
    useGridUi.setState({ edit: null, message: null });
  }

  // --- DOM events ---------------------------------------------------------------------------------

  onFocus(key: string): void {
    const { cursor, edit } = useGridUi.getState();
    if (edit && edit.key !== key && !this.commit()) {
      // The other cell's text is incomplete: give it back as it was rather than lose the focus change.
      this.cancel();
    }
    if (cursor !== key) useGridUi.setState({ cursor: key, message: null });
    if (!useGridUi.getState().edit) this.inputs.get(key)?.select();
  }

  onBlur(key: string): void {
    const { edit } = useGridUi.getState();
    if (!edit || edit.key !== key) return;
    if (!this.commit()) {
      const text = edit.text;
      this.cancel();
      this.say(key, `未完成的输入“${text}”不是数字，已撤回`);
    }
  }

  onDoubleClick(key: string): void {
    if (this.isReadOnly(key)) {
      this.readOnlyMessage(key);
      return;
    }
    this.beginCaretEdit(key);
  }

  private beginCaretEdit(key: string): void {
    const doc = currentDoc();
    const session = useGridUi.getState().edit;
    if (session?.key === key) {
      useGridUi.setState({ edit: { ...session, mode: 'caret' } });
    } else {
      this.startEdit(key, 'caret', formatCellValue(doc?.cells[key]));
    }
    const el = this.inputs.get(key);
    if (el) requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));
  }

  private move(key: string, dir: Direction): void {
    const next = neighbour(this.layout, key, dir);
    if (next) this.focus(next);
  }

  onKeyDown(key: string, e: KeyboardEvent<HTMLInputElement>): void {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const edit = useGridUi.getState().edit;
    const editing = edit?.key === key ? edit : null;
    const mod = e.ctrlKey || e.metaKey;
    if (mod) {
      const k = e.key.toLowerCase();
      // Undo/redo are global; finish the edit first so it becomes the step they act on.
      if (k === 'z' || k === 'y') {
        if (!this.commit()) {
          // An unfinished entry (a lone “-”) is what Ctrl+Z takes back: only that, not the step before.
          e.preventDefault();
          e.stopPropagation();
          this.cancel();
        }
        return;
      }
      if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        if (!this.commit()) return;
        const keys = this.layout.keys;
        this.focus(e.key === 'Home' ? keys[0]! : keys[keys.length - 1]!);
      }
      return;
    }
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        e.preventDefault();
        if (this.commit()) this.move(key, e.key === 'ArrowUp' ? 'up' : 'down');
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (editing?.mode === 'caret') return;
        e.preventDefault();
        if (this.commit()) this.move(key, e.key === 'ArrowLeft' ? 'left' : 'right');
        return;
      case 'Enter':
        e.preventDefault();
        if (this.commit()) this.move(key, e.shiftKey ? 'up' : 'down');
        return;
      case 'Tab': {
        if (!this.commit()) {
          e.preventDefault();
          return;
        }
        const next = tabNeighbour(this.layout, key, e.shiftKey);
        // Past the last cell Tab leaves the grid as usual.
        if (next) {
          e.preventDefault();
          this.focus(next);
        }
        return;
      }
      case 'Escape':
        if (editing) {
          e.preventDefault();
          e.stopPropagation();
          this.cancel();
          this.inputs.get(key)?.select();
        }
        return;
      case 'F2':
        e.preventDefault();
        if (this.isReadOnly(key)) this.readOnlyMessage(key);
        else this.beginCaretEdit(key);
        return;
      case 'Home':
      case 'End': {
        if (editing?.mode === 'caret') return;
        e.preventDefault();
        if (!this.commit()) return;
        const row = this.layout.valueRows[this.layout.position.get(key)!.row]!;
        this.focus(e.key === 'Home' ? row[0]! : row[row.length - 1]!);
        return;
      }
      case 'Delete':
      case 'Backspace':
        if (editing) return;
        e.preventDefault();
        if (this.isReadOnly(key)) this.readOnlyMessage(key);
        else {
          breakUndoGroup();
          setCells({ [key]: null });
          this.clearMessage();
        }
        return;
    }
    if (e.key.length === 1 && !e.altKey) {
      if (this.isReadOnly(key)) {
        e.preventDefault();
        this.readOnlyMessage(key);
        return;
      }
      // Typing replaces the cell's content, wherever a click left the caret.
      if (!editing) e.currentTarget.select();
    }
  }

  onChange(key: string, e: ChangeEvent<HTMLInputElement>): void {
    if (this.isReadOnly(key)) return;
    const raw = e.target.value;
    const edit = useGridUi.getState().edit;
    if (edit?.key === key && edit.beforeComposition !== null) {
      // Mid-composition (Chinese IME): show what the IME shows; it is checked when composition ends.
      useGridUi.setState({ edit: { ...edit, text: raw } });
      return;
    }
    this.applyText(key, raw);
  }

  onCompositionStart(key: string): void {
    if (this.isReadOnly(key)) return;
    const doc = currentDoc();
    const edit = useGridUi.getState().edit;
    const session = edit?.key === key ? edit : this.startEdit(key, 'replace', formatCellValue(doc?.cells[key]));
    useGridUi.setState({ edit: { ...session, beforeComposition: session.text } });
  }

  onCompositionEnd(key: string, e: CompositionEvent<HTMLInputElement>): void {
    const edit = useGridUi.getState().edit;
    if (!edit || edit.key !== key) return;
    const before = edit.beforeComposition ?? edit.text;
    const raw = e.currentTarget.value;
    const res = checkPartialInput(raw, this.kind(key));
    if (!res.ok) {
      useGridUi.setState({ edit: { ...edit, text: before, beforeComposition: null } });
      this.say(key, res.message);
      return;
    }
    useGridUi.setState({ edit: { ...edit, beforeComposition: null } });
    this.applyText(key, raw);
  }

  onPaste(key: string, e: ClipboardEvent<HTMLInputElement>): void {
    const text = e.clipboardData.getData('text/plain');
    const { block, headerRows, labelColumns } = stripHeaders(parseClipboardBlock(text));
    const edit = useGridUi.getState().edit;
    const single = block.length === 1 && block[0]!.length === 1 && headerRows + labelColumns === 0;
    // Inside an edit with a caret, a single value is inserted like typing (and checked on change).
    if (single && edit?.key === key && edit.mode === 'caret') return;
    e.preventDefault();
    if (block.length === 0) return;
    if (!this.commit()) return;
    if (single) {
      if (this.isReadOnly(key)) {
        this.readOnlyMessage(key);
        return;
      }
      const res = parseCellInput(block[0]![0]!, this.kind(key));
      if (!res.ok) {
        this.say(key, `未粘贴：${res.message}`);
        return;
      }
      breakUndoGroup();
      setCells({ [key]: res.value });
      this.clearMessage();
      return;
    }
    this.pasteBlock(key, block, droppedText(headerRows, labelColumns));
  }

  /**
   * Pastes a rectangle at the cursor, keeping its shape: block row i goes to the i-th row of value cells
   * below the cursor, block column j to the j-th value cell to the right, as the official table lays
   * them out. Values that land on computed totals are skipped (the tool computes them); the message
   * says how many, and how many of those differed from the computed sum. Any value that is not a
   * number refuses the whole paste, so nothing is half-pasted.
   */
  pasteBlock(key: string, pasted: string[][], dropped = ''): void {
    const start = this.layout.position.get(key);
    if (!start) return;
    const rows = this.layout.valueRows;
    // A merged cell (本年增/减 of （八）, 采购总金额 of （九）) copies from a spreadsheet as its value plus
    // empty cells: empty cells past the end of their row are not data.
    const block = pasted.map((line, i) => {
      const room = (rows[start.row + i]?.length ?? 0) - start.col;
      let end = line.length;
      while (end > Math.max(room, 1) && line[end - 1] === '') end--;
      return end === line.length ? line : line.slice(0, end);
    });
    const width = Math.max(...block.map((r) => r.length));
    const fits =
      start.row + block.length <= rows.length && block.every((r, i) => start.col + r.length <= rows[start.row + i]!.length);
    if (!fits) {
      const room = rows.length - start.row;
      this.say(
        key,
        `未粘贴：复制的数据有 ${block.length} 行 × ${width} 列，从此格起放不下（下面还有 ${room} 行、本行右侧还有 ${
          rows[start.row]!.length - start.col
        } 列）。请从更靠左上的单元格粘贴，或少复制几行几列。`,
      );
      return;
    }
    const values: Record<string, number | null> = {};
    const skipped: { key: string; text: string }[] = [];
    const problems: string[] = [];
    block.forEach((line, i) => {
      line.forEach((text, j) => {
        const target = rows[start.row + i]![start.col + j]!;
        if (this.isReadOnly(target)) {
          skipped.push({ key: target, text });
          return;
        }
        const res = parseCellInput(text, this.kind(target));
        if (res.ok) values[target] = res.value;
        else problems.push(`第 ${i + 1} 行第 ${j + 1} 列“${text}”：${res.message}`);
      });
    });
    if (problems.length > 0) {
      const more = problems.length > 1 ? `；另有 ${problems.length - 1} 处` : '';
      this.say(key, `未粘贴：${problems[0]}${more}。请在表格软件中改正后再复制。`);
      return;
    }
    breakUndoGroup();
    setCells(values);
    breakUndoGroup();
    const doc = currentDoc();
    const differing = skipped.filter(({ key: k, text }) => {
      const pasted = parseCellInput(text, this.kind(k));
      return pasted.ok && pasted.value !== null && pasted.value !== (doc?.cells[k] ?? null);
    }).length;
    let message = `已粘贴 ${Object.keys(values).length} 格${dropped}`;
    if (skipped.length > 0) {
      message += `，跳过 ${skipped.length} 个自动计算的合计格`;
      if (differing > 0) message += `（其中 ${differing} 个与计算结果不同，请核对原表）`;
    }
    this.say(key, `${message}。按 Ctrl+Z 可撤销。`, 'info');
  }
}
