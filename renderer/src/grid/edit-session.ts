// What an edit of a cell writes, keystroke by keystroke and when it is finished. Pure: the controller
// keeps the session in the grid's store and writes what these functions decide.
// - While typing, a number is written through (the checks are live); the beginning of a number (“-”,
//   “12.”, “1,2”) writes nothing yet; anything else is written as a refused entry, kept as typed, with
//   the reason shown next to the cell.
// - A finished edit always writes: the value, or the text as typed, refused (never another number).
// - During an IME composition nothing is written; the composed text is taken when it ends.
import type { CellKind } from '../../../shared/formats/types';
import type { CellEntry } from '../../../shared/checks/typed-totals';
import { isIncompleteEntry, parseCellValue } from '../../../shared/model/cell-value';

export type TypedOutcome =
  | { kind: 'value'; value: number | null }
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: string; rounded?: number };

/** The state of what has been typed so far. */
export function typedOutcome(text: string, kind: CellKind): TypedOutcome {
  if (isIncompleteEntry(text, kind)) return { kind: 'incomplete' };
  const res = parseCellValue(text, kind);
  if (res.ok) return { kind: 'value', value: res.value };
  return { kind: 'invalid', reason: res.reason, ...(res.rounded !== undefined ? { rounded: res.rounded } : {}) };
}

/** What to write while typing: an entry, or nothing (the beginning of a number). */
export function entryWhileTyping(text: string, kind: CellKind): CellEntry | null {
  const o = typedOutcome(text, kind);
  if (o.kind === 'incomplete') return null;
  return o.kind === 'value' ? { value: o.value } : { invalid: text.trim() };
}

/** What a finished edit writes: the value, or the text as typed (refused, with its reason). */
export function entryWhenFinished(text: string, kind: CellKind): CellEntry {
  const res = parseCellValue(text, kind);
  return res.ok ? { value: res.value } : { invalid: text.trim() };
}

/** Two entries the same (an edit that ends where it began leaves no change). */
export function sameEntry(a: CellEntry, b: CellEntry): boolean {
  if ('invalid' in a) return 'invalid' in b && a.invalid === b.invalid;
  return !('invalid' in b) && a.value === b.value;
}

/** A cell's entry in a document: its refused text, or its value. */
export function entryOf(doc: { cells: Record<string, number | null>; invalidCells?: Record<string, string> }, key: string): CellEntry {
  const text = doc.invalidCells?.[key];
  return text !== undefined ? { invalid: text } : { value: doc.cells[key] ?? null };
}

export interface CompositionState {
  /** Text before the composition started; null when not composing. */
  before: string | null;
}

/** IME composition: while composing, the input shows what the IME shows and nothing is checked. */
export function compositionStarted(text: string): CompositionState {
  return { before: text };
}

export function isComposing(state: CompositionState | null | undefined): boolean {
  return state?.before !== null && state?.before !== undefined;
}
