// The open report, with undo/redo (zundo). Every change goes through `updateDoc`, which also keeps the
// computed totals up to date, so the document in the store is always the one that is saved, checked
// and exported. Bursts of typing in one field are merged into one undo step.
import { temporal } from 'zundo';
import { create } from 'zustand';
import { computeTotals } from '../../../shared/checks/totals';
import { applyEntries, differingTotals, isTypedTotals, withTotalsMode, type CellEntry, type DifferingTotal } from '../../../shared/checks/typed-totals';
import type { TableId } from '../../../shared/formats/types';
import type { PreviousReport, ReportDocument } from '../../../shared/model/report';
import { dropEditedProposals, withoutProposedIn } from '../../../shared/model/previous';

export interface DocState {
  doc: ReportDocument | null;
}

export const useDocStore = create<DocState>()(
  temporal<DocState, [], [], DocState>((): DocState => ({ doc: null }), {
    partialize: (state) => ({ doc: state.doc }),
    equality: (past, current) => past.doc === current.doc,
    limit: 500,
  }),
);

export function currentDoc(): ReportDocument | null {
  return useDocStore.getState().doc;
}

export interface UpdateOptions {
  /** Changes with the same key, each within `windowMs` of the previous one, form one undo step. */
  coalesce?: string;
  windowMs?: number;
}

let lastChange: { key: string; at: number } | null = null;

/** Fills the computed totals (tables not switched to typed totals). */
export function withTotals(doc: ReportDocument, tables?: readonly TableId[]): ReportDocument {
  const cells = computeTotals(doc, tables);
  for (const key in cells) {
    if (cells[key] !== doc.cells[key]) return { ...doc, cells };
  }
  return doc;
}

/** Applies a change to the open document as one undo step (or part of the current one, see coalesce). */
export function updateDoc(change: (doc: ReportDocument) => ReportDocument, options: UpdateOptions = {}): void {
  const doc = useDocStore.getState().doc;
  if (!doc) return;
  // A proposed value (from last year's report) that this change edits is the user's from now on.
  const next = dropEditedProposals(doc, change(doc));
  if (next === doc) return;
  const now = performance.now();
  const merge =
    options.coalesce !== undefined &&
    lastChange !== null &&
    lastChange.key === options.coalesce &&
    now - lastChange.at <= (options.windowMs ?? 1000);
  lastChange = options.coalesce !== undefined ? { key: options.coalesce, at: now } : null;
  const temporalStore = useDocStore.temporal.getState();
  if (merge) temporalStore.pause();
  try {
    useDocStore.setState({ doc: next });
  } finally {
    if (merge) temporalStore.resume();
  }
}

/** Puts the document back to `doc` without recording an undo step, and drops `dropSteps` steps
 *  recorded since (used when a cell edit is cancelled with Esc). */
export function revertDoc(doc: ReportDocument, dropSteps: number): void {
  lastChange = null;
  const temporalStore = useDocStore.temporal.getState();
  temporalStore.pause();
  useDocStore.setState({ doc });
  temporalStore.resume();
  if (dropSteps > 0) {
    const past = useDocStore.temporal.getState().pastStates;
    useDocStore.temporal.setState({ pastStates: past.slice(0, Math.max(0, past.length - dropSteps)) });
  }
}

/** Ends the current coalescing burst: the next change starts a new undo step. */
export function breakUndoGroup(): void {
  lastChange = null;
}

/** Loads another document: a fresh history. */
export function loadDoc(doc: ReportDocument | null): void {
  lastChange = null;
  const temporalStore = useDocStore.temporal.getState();
  temporalStore.pause();
  useDocStore.setState({ doc: doc ? withTotals(doc) : null });
  temporalStore.resume();
  temporalStore.clear();
}

export function undo(): void {
  lastChange = null;
  useDocStore.temporal.getState().undo();
}

export function redo(): void {
  lastChange = null;
  useDocStore.temporal.getState().redo();
}

export function pastStepCount(): number {
  return useDocStore.temporal.getState().pastStates.length;
}

// --- Changes -------------------------------------------------------------------------------------

/** Writes cell entries (values or refused entries) as one undo step; see applyEntries for totals.
 *  Returns the tables switched to typed totals because a written total differs from its sum. */
export function setCellEntries(entries: Record<string, CellEntry>, options?: UpdateOptions): TableId[] {
  let switched: TableId[] = [];
  updateDoc((doc) => {
    const res = applyEntries(doc, entries);
    switched = res.switched;
    // Writing a proposed cell — even the same value — is the user's answer to the proposal.
    return withoutProposedIn(res.doc, Object.keys(entries));
  }, options);
  return switched;
}

/** 确认: the proposed values of these cells are kept as they are, without the mark (one undo step). */
export function confirmProposed(cellKeys: readonly string[]): void {
  updateDoc((doc) => withoutProposedIn(doc, cellKeys));
}

/** Keeps last year's report in the document (replacing one kept before), or removes it (one undo step). */
export function setPrevious(previous: PreviousReport | null): void {
  updateDoc((doc) => {
    if (previous) return { ...doc, previous };
    if (!doc.previous) return doc;
    const { previous: _removed, ...rest } = doc;
    return rest;
  });
}

export function setCells(values: Record<string, number | null>, options?: UpdateOptions): TableId[] {
  const entries: Record<string, CellEntry> = {};
  for (const key in values) entries[key] = { value: values[key] ?? null };
  return setCellEntries(entries, options);
}

export function setSection(key: keyof ReportDocument['sections'], text: string): void {
  updateDoc((doc) => (doc.sections[key] === text ? doc : { ...doc, sections: { ...doc.sections, [key]: text } }), {
    coalesce: `section:${key}`,
    windowMs: 1500,
  });
}

export function setExplanation(rule: string, target: string, text: string): void {
  updateDoc(
    (doc) => {
      const rest = doc.explanations.filter((e) => !(e.rule === rule && e.target === target));
      // An emptied explanation is removed rather than kept as blank text.
      const explanations = text === '' ? rest : [...rest, { rule, target, text }];
      const old = doc.explanations.find((e) => e.rule === rule && e.target === target);
      if ((old?.text ?? '') === text) return doc;
      // Keep the explanation's position when it is edited, so the file does not reorder on every key.
      if (old && text !== '') {
        return { ...doc, explanations: doc.explanations.map((e) => (e === old ? { rule, target, text } : e)) };
      }
      return { ...doc, explanations };
    },
    { coalesce: `explain:${rule}:${target}`, windowMs: 1500 },
  );
}

/** The typed totals of `table` that switching it back to computed totals would replace: each with the
 *  number typed and the sum of its parts. */
export function typedTotalsReplaced(doc: ReportDocument, table: TableId): DifferingTotal[] {
  return isTypedTotals(doc, table) ? differingTotals(doc, table) : [];
}

export function setTypedTotals(table: TableId, typed: boolean): void {
  // Switching back to computed totals recomputes them (the typed ones are one undo away).
  updateDoc((doc) => withTotalsMode(doc, table, typed));
}

/** Replaces the document by the same report in the other format (a format conversion the user
 *  accepted): one undo step, computed totals filled. */
export function replaceFormat(converted: ReportDocument): void {
  updateDoc(() => withTotals(converted));
}
