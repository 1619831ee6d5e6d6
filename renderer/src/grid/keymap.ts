// The grid's keyboard, as data: which action a key press asks for, given whether the cell is being
// edited and how. Pure, so the whole map is unit-tested; the controller carries the actions out.
import type { Direction } from './grid-layout';

export interface KeyPress {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

/** null: not editing · replace: started by typing (arrows finish the edit) · caret: F2 / double-click
 *  (arrows move the caret). */
export type EditMode = 'replace' | 'caret' | null;

export type GridKeyAction =
  | { type: 'move'; dir: Direction }
  | { type: 'tab'; backwards: boolean }
  | { type: 'rowEdge'; end: boolean }
  | { type: 'gridEdge'; end: boolean }
  /** Finish the edit first, then let undo/redo (global) act. */
  | { type: 'undoRedo' }
  /** Esc: cancel the edit, or hide a refused entry's reason. */
  | { type: 'escape' }
  | { type: 'caretEdit' }
  | { type: 'clear' }
  /** Ctrl+Enter: take the rounded value offered for an amount with too many decimals. */
  | { type: 'acceptRounded' }
  /** A printable character: typing replaces the cell's content. */
  | { type: 'type' }
  /** Left to the input (caret movement while editing, characters of an edit in progress…). */
  | { type: 'none' };

export function gridKeyAction(k: KeyPress, editing: EditMode): GridKeyAction {
  if (k.ctrl) {
    const key = k.key.toLowerCase();
    if (key === 'z' || key === 'y') return { type: 'undoRedo' };
    if (k.key === 'Home' || k.key === 'End') return { type: 'gridEdge', end: k.key === 'End' };
    if (k.key === 'Enter') return { type: 'acceptRounded' };
    return { type: 'none' };
  }
  switch (k.key) {
    case 'ArrowUp':
      return { type: 'move', dir: 'up' };
    case 'ArrowDown':
      return { type: 'move', dir: 'down' };
    case 'ArrowLeft':
    case 'ArrowRight':
      return editing === 'caret' ? { type: 'none' } : { type: 'move', dir: k.key === 'ArrowLeft' ? 'left' : 'right' };
    case 'Enter':
      return { type: 'move', dir: k.shift ? 'up' : 'down' };
    case 'Tab':
      return { type: 'tab', backwards: k.shift };
    case 'Escape':
      return { type: 'escape' };
    case 'F2':
      return { type: 'caretEdit' };
    case 'Home':
    case 'End':
      return editing === 'caret' ? { type: 'none' } : { type: 'rowEdge', end: k.key === 'End' };
    case 'Delete':
    case 'Backspace':
      return editing ? { type: 'none' } : { type: 'clear' };
  }
  if (k.key.length === 1 && !k.alt) return editing ? { type: 'none' } : { type: 'type' };
  return { type: 'none' };
}
