// Live checks: runChecks on every change of the document (or of last year's report), memoised per
// document object — undo/redo back to a known document costs nothing. Derived data the views need
// (cell marks, counts per step) is computed here once per run, so that each cell and each rail entry
// subscribes to one small value and only what changed re-renders.
import { create } from 'zustand';
import { runChecks } from '../../../shared/checks/index';
import { isExplained, isToDo, toDoCount } from '../../../shared/checks/summary';
import type { Finding, Severity } from '../../../shared/checks/types';
import type { ReportPlace } from '../../../shared/formats/vocabulary';
import type { ProposedMarks, ReportDocument } from '../../../shared/model/report';
import { useDocStore } from './document-store';
import { useSession } from './session-store';

export interface PlaceStatus {
  /** What is left to fill in: blank cells, empty required sections (not counted as errors). */
  todo: number;
  errors: number;
  /** Confirm findings still without an explanation. */
  toExplain: number;
  explained: number;
  hints: number;
  /** Cells and sections proposed from last year's report (从上年报告开始), not yet confirmed or rewritten. */
  toConfirm: number;
}

export interface FindingsState {
  findings: Finding[];
  /** Most severe finding per cell key, for marking cells in the grid. */
  marks: Map<string, Severity>;
  byPlace: Record<ReportPlace, PlaceStatus>;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, confirm: 2, hint: 1 };

function emptyStatus(): Record<ReportPlace, PlaceStatus> {
  const s = (): PlaceStatus => ({ todo: 0, errors: 0, toExplain: 0, explained: 0, hints: 0, toConfirm: 0 });
  return { meta: s(), overview: s(), t2: s(), t3: s(), t4: s(), problems: s(), other: s() };
}

export function deriveFindings(findings: Finding[], proposed?: ProposedMarks): FindingsState {
  const marks = new Map<string, Severity>();
  const byPlace = emptyStatus();
  // A proposed cell counts in its table's step (its key begins with the table id), a proposed text in its section's.
  for (const key of proposed?.cells ?? []) {
    const place = key.slice(0, key.indexOf('.')) as ReportPlace;
    if (byPlace[place]) byPlace[place].toConfirm++;
  }
  for (const section of proposed?.sections ?? []) byPlace[section].toConfirm++;
  for (const f of findings) {
    const status = byPlace[f.place];
    if (isToDo(f)) status.todo += toDoCount(f);
    else if (f.severity === 'error') status.errors++;
    else if (f.severity === 'hint') status.hints++;
    else if (isExplained(f)) status.explained++;
    else status.toExplain++;
    // An explained confirm finding no longer needs the user's eye on the cells.
    if (f.severity === 'confirm' && isExplained(f)) continue;
    // A table's blank cells are already visible as blanks; marking 175 of them would drown the rest.
    if (f.rule === 'cell.blank') continue;
    for (const key of f.cells) {
      const had = marks.get(key);
      if (!had || SEVERITY_RANK[had] < SEVERITY_RANK[f.severity]) marks.set(key, f.severity);
    }
  }
  return { findings, marks, byPlace };
}

const memo = new WeakMap<ReportDocument, FindingsState>();

/** The findings of `doc`; last year's report is the one kept in it (`previous`), if any. */
export function checkDocument(doc: ReportDocument): FindingsState {
  const hit = memo.get(doc);
  if (hit) return hit;
  const result = deriveFindings(runChecks({ report: doc }), doc.proposed);
  memo.set(doc, result);
  return result;
}

const EMPTY: FindingsState = { findings: [], marks: new Map(), byPlace: emptyStatus() };

export const useFindings = create<FindingsState>()(() => EMPTY);

function refresh(): void {
  const doc = useDocStore.getState().doc;
  const next = doc ? checkDocument(doc) : EMPTY;
  if (next !== useFindings.getState()) useFindings.setState(next, true);
}

useDocStore.subscribe((state, prev) => {
  if (state.doc !== prev.doc) refresh();
});
