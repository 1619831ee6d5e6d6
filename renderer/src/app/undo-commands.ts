// Undo and redo as the user sees them. In a text field (a narrative, an explanation, a field of 基本信息)
// Ctrl+Z undoes that field's own typing first; when the last change was elsewhere it undoes that one
// and the wizard goes there with a notice, so that no change vanishes out of sight. Everywhere else (the grid, the 撤销 button, the menu) the newest change is undone
// and the wizard goes to where it happened, with the cursor on the first cell it touched.
import { formatModel } from '../../../shared/formats/index';
import { SECTION_KEYS, TABLE_IDS, type SectionKey } from '../../../shared/formats/types';
import type { ReportDocument } from '../../../shared/model/report';
import { stepTitle } from '../components/step-rail';
import { currentDoc, redo, undo, useDocStore } from '../store/document-store';
import { focusCell, focusSection, goToStep, showNotice, STEP_ORDER, useSession, type StepId } from '../store/session-store';

/** The attribute that names the document field a text input edits (see fieldValue). */
export const UNDO_FIELD_ATTRIBUTE = 'data-undo-field';

/** What a field holds in a document: 'section:<key>', 'explain:<rule>|<target>', 'meta:name',
 *  'meta:region', 'meta:year', 'meta:level'. */
export function fieldValue(doc: ReportDocument, field: string): string {
  const colon = field.indexOf(':');
  const kind = field.slice(0, colon);
  const name = field.slice(colon + 1);
  switch (kind) {
    case 'section':
      return doc.sections[name as SectionKey] ?? '';
    case 'explain': {
      const bar = name.indexOf('|');
      const rule = name.slice(0, bar);
      const target = name.slice(bar + 1);
      return doc.explanations.find((e) => e.rule === rule && e.target === target)?.text ?? '';
    }
    case 'meta':
      if (name === 'name') return doc.agency.name;
      if (name === 'region') return doc.agency.region ?? '';
      if (name === 'level') return doc.agency.level;
      if (name === 'year') return String(doc.year);
      if (name === 'title') return doc.title ?? '';
      return '';
    default:
      return '';
  }
}

export interface ChangePlace {
  step: StepId;
  /** First cell changed, in the table's print order. */
  cell?: string;
  section?: SectionKey;
}


/** Where two versions of a report differ, one entry per step, in step order. Explanations live in the
 *  checks panel, beside every step, and are not a place of their own. */
export function changePlaces(a: ReportDocument, b: ReportDocument): ChangePlace[] {
  const places: ChangePlace[] = [];
  if (a.year !== b.year || a.format !== b.format || a.title !== b.title || JSON.stringify(a.agency) !== JSON.stringify(b.agency)) places.push({ step: 'meta' });
  for (const section of SECTION_KEYS) if ((a.sections[section] ?? '') !== (b.sections[section] ?? '')) places.push({ step: section, section });
  const model = formatModel(b.format);
  const typedA = a.settings?.typedTotals ?? [];
  const typedB = b.settings?.typedTotals ?? [];
  for (const table of TABLE_IDS) {
    const cell = a.cells === b.cells ? undefined : model.keysByTable[table].find((k) => (a.cells[k] ?? null) !== (b.cells[k] ?? null));
    const settings =
      typedA.includes(table) !== typedB.includes(table) || (table === 't2' && a.settings?.procurementUnit !== b.settings?.procurementUnit);
    if (cell) places.push({ step: table, cell });
    else if (settings) places.push({ step: table });
  }
  return places.sort((x, y) => STEP_ORDER.indexOf(x.step) - STEP_ORDER.indexOf(y.step));
}

/** Shows where the change from `before` to `after` happened: stays on the current step when it changed
 *  there (moving the cursor to the changed cell), otherwise goes to the first step that changed. */
export function showChange(before: ReportDocument | null, after: ReportDocument | null): void {
  if (!before || !after || before === after) return;
  const places = changePlaces(before, after);
  if (places.length === 0) return;
  const current = useSession.getState().step;
  const here = places.find((p) => p.step === current);
  const target = here ?? places[0]!;
  if (target.cell) focusCell(target.cell);
  else if (here) return;
  else if (target.section) focusSection(target.section);
  else goToStep(target.step);
}

function fieldOf(element: Element | null): string | null {
  return element instanceof HTMLElement ? element.getAttribute(UNDO_FIELD_ATTRIBUTE) : null;
}

/** Ctrl+Z / Ctrl+Y (and the menu's 撤销/重做): see the top of this file. */
export function undoCommand(direction: 'undo' | 'redo', focused: Element | null = document.activeElement): void {
  const before = currentDoc();
  if (!before) return;
  const field = fieldOf(focused);
  if (field) {
    const temporal = useDocStore.temporal.getState();
    const states = direction === 'undo' ? temporal.pastStates : temporal.futureStates;
    const neighbour = direction === 'undo' ? states[states.length - 1]?.doc : states[0]?.doc;
    if (neighbour && fieldValue(neighbour, field) !== fieldValue(before, field)) {
      if (direction === 'undo') undo();
      else redo();
      return;
    }
    if (states.length === 0) return;
    // The last change was elsewhere: that change is undone (or redone), and the wizard shows where.
    if (direction === 'undo') undo();
    else redo();
    const after = currentDoc();
    const place = after ? changePlaces(before, after)[0] : undefined;
    if (place) showNotice(`已${direction === 'undo' ? '撤销' : '重做'}“${stepTitle(place.step)}”中的上一步修改。`);
    showChange(before, after);
    return;
  }
  if (direction === 'undo') undo();
  else redo();
  showChange(before, currentDoc());
}
