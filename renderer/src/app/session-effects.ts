// Effects that run for the whole life of the page: telling main when the editor is dirty, the recovery
// copy after typing stops, the events main sends, and the global keyboard shortcuts.
import type { MenuCommand, OpenedDocument } from '../../../shared/ipc/contract';
import { invoke, onEvent } from '../lib/bridge';
import { formatModel } from '../../../shared/formats/index';
import { gridLayout } from '../grid/grid-layout';
import { currentDoc, useDocStore } from '../store/document-store';
import { STEP_ORDER, focusCell, focusMeta, focusSection, goToStep, openDialog, closeDialog, showError, useSession, type StepId } from '../store/session-store';
import { closeToStart, isDirty, openFile, save, showOpened } from './actions';
import { undoCommand } from './undo-commands';

export const AUTOSAVE_DELAY_MS = 1500;

/** Installs everything; returns the function that removes it again. */
export function installSessionEffects(): () => void {
  const cleanups: (() => void)[] = [];

  // doc:setDirty on every change of the dirty state.
  let sentDirty: { docId: string; dirty: boolean } | null = null;
  const syncDirty = () => {
    const { docId } = useSession.getState();
    if (!docId) {
      sentDirty = null;
      return;
    }
    const dirty = isDirty();
    if (sentDirty && sentDirty.docId === docId && sentDirty.dirty === dirty) return;
    sentDirty = { docId, dirty };
    void invoke('doc:setDirty', { docId, dirty });
  };

  // Recovery copy AUTOSAVE_DELAY_MS after the last change.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleAutosave = () => {
    clearTimeout(timer);
    if (!isDirty()) return;
    timer = setTimeout(() => {
      const { docId, autosaved } = useSession.getState();
      const doc = useDocStore.getState().doc;
      if (!docId || !doc || !isDirty() || autosaved?.doc === doc) return;
      void invoke('doc:autosave', { docId, doc }).then((res) => {
        if (res.ok) {
          if (useSession.getState().docId === docId) useSession.setState({ autosaved: { doc, at: res.value.savedAt } });
        } else {
          showError({ ...res.error, message: `自动保存恢复副本失败：${res.error.message}` });
        }
      });
    }, AUTOSAVE_DELAY_MS);
  };

  cleanups.push(
    useDocStore.subscribe((state, prev) => {
      if (state.doc === prev.doc) return;
      syncDirty();
      scheduleAutosave();
    }),
    useSession.subscribe((state, prev) => {
      if (state.savedDoc !== prev.savedDoc || state.docId !== prev.docId) syncDirty();
    }),
    () => clearTimeout(timer),
  );

  // Events from main.
  const handleOpened = (opened: OpenedDocument) => {
    if (opened.docId === useSession.getState().docId) return;
    if (!isDirty()) {
      showOpened(opened, false);
      return;
    }
    openDialog({
      title: '打开另一份报告',
      message: `要打开“${opened.fileName ?? '报告'}”，当前报告有未保存的修改。`,
      buttons: [
        { label: '保存后打开', primary: true, action: () => { closeDialog(); void save().then((ok) => ok && showOpened(opened, false)); } },
        { label: '不保存，直接打开', action: () => { closeDialog(); showOpened(opened, false); } },
        { label: '取消', action: () => { closeDialog(); void invoke('doc:close', { docId: opened.docId }); } },
      ],
    });
  };
  cleanups.push(
    onEvent('menu:command', ({ command }) => runMenuCommand(command)),
    onEvent('doc:opened', handleOpened),
    onEvent('app:saveBeforeClose', () => {
      if (isDirty()) void save();
      else syncDirty();
    }),
    onEvent('app:error', (error) => showError(error)),
  );
  // Now that we listen: files opened from outside while the page was loading (a double-click that
  // started the app) arrive here.
  void invoke('app:ready', {}).then((res) => {
    if (!res.ok) return;
    const last = res.value.opened[res.value.opened.length - 1];
    if (last) handleOpened(last);
    // After opening: showing a report clears the message bar, and these errors are about other files.
    for (const error of res.value.errors) showError(error);
  });

  // Global shortcuts. Cell editors handle their own keys first and stop the ones they use.
  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (useSession.getState().dialog) return;
    if (mod && !e.altKey) {
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        if (useSession.getState().docId) void save({ as: e.shiftKey });
        return;
      }
      if (useSession.getState().screen !== 'editor') return;
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        undoCommand(key === 'z' && !e.shiftKey ? 'undo' : 'redo', e.target instanceof Element ? e.target : null);
        return;
      }
    }
    // F6 / Shift+F6: the next / previous part of the window (a table takes Tab for itself, cell by cell).
    if (e.key === 'F6' && !mod && !e.altKey && useSession.getState().screen === 'editor') {
      e.preventDefault();
      focusNextRegion(e.shiftKey);
      return;
    }
    // Alt+1 … Alt+8: straight to a step (keyboard-only use).
    if (e.altKey && !mod && /^[1-8]$/.test(e.key) && useSession.getState().screen === 'editor') {
      e.preventDefault();
      goToStepByKeyboard(STEP_ORDER[Number(e.key) - 1]!);
    }
  };
  window.addEventListener('keydown', onKeyDown);
  cleanups.push(() => window.removeEventListener('keydown', onKeyDown));

  return () => cleanups.forEach((c) => c());
}

/**
 * Alt+digit: the step, with the keyboard focus where work starts — its first table cell, its text, the
 * agency name, the heading of 检查与导出. (The element that had the focus belonged to the step left
 * behind: without this the focus fell to the page and typed digits went nowhere.)
 */
export function goToStepByKeyboard(step: StepId): void {
  const doc = currentDoc();
  if (!doc) return;
  // Already there and working in it: leave the cursor where it is.
  if (useSession.getState().step === step && document.getElementById('work')?.contains(document.activeElement)) return;
  if (step === 't2' || step === 't3' || step === 't4') {
    const first = gridLayout(formatModel(doc.format).grids[step]).keys[0];
    if (first) {
      focusCell(first);
      return;
    }
  }
  if (step === 'overview' || step === 'problems' || step === 'other') {
    focusSection(step);
    return;
  }
  if (step === 'meta') {
    focusMeta('agencyName');
    return;
  }
  goToStep(step);
  requestAnimationFrame(() => document.getElementById('step-heading')?.focus());
}

const FOCUSABLE = ['button:not(:disabled)', 'input:not(:disabled)', 'select', 'textarea', 'a[href]', 'summary', '[tabindex="0"]'];

/** The first focusable element inside `scope` (a selector within the region). */
function firstFocusable(region: Element, scope = ''): HTMLElement | null {
  return region.querySelector<HTMLElement>(FOCUSABLE.map((f) => `${scope} ${f}`.trim()).join(', '));
}

/** Where the focus goes in each part of the editor: the top bar, the steps, the step, the checks. */
const REGIONS: { selector: string; target: (region: Element) => HTMLElement | null }[] = [
  { selector: '.top-bar', target: (r) => firstFocusable(r) },
  { selector: '.step-rail', target: (r) => r.querySelector<HTMLElement>('.step.current') ?? firstFocusable(r) },
  {
    selector: '#work',
    // The table's cursor cell, the text, or the step's first control.
    target: (r) =>
      r.querySelector<HTMLElement>('input[data-key][tabindex="0"]') ?? r.querySelector<HTMLElement>('textarea.narrative') ?? firstFocusable(r, '.step-page'),
  },
  // The first finding rather than the 载入上年报告 link above them.
  { selector: '.findings-panel', target: (r) => firstFocusable(r, '.panel-body') ?? firstFocusable(r) },
];

export function focusNextRegion(backwards: boolean): void {
  const active = document.activeElement;
  const current = REGIONS.findIndex((r) => document.querySelector(r.selector)?.contains(active));
  for (let step = 1; step <= REGIONS.length; step++) {
    const from = current < 0 ? (backwards ? 0 : -1) : current;
    const i = (((from + (backwards ? -step : step)) % REGIONS.length) + REGIONS.length) % REGIONS.length;
    const region = document.querySelector(REGIONS[i]!.selector);
    const target = region ? REGIONS[i]!.target(region) : null;
    if (target) {
      target.focus();
      return;
    }
  }
}

export function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'new':
      // The start page holds the new-report form.
      closeToStart();
      break;
    case 'open':
      openFile();
      break;
    case 'save':
      void save();
      break;
    case 'saveAs':
      void save({ as: true });
      break;
    case 'exportPdf':
      if (useSession.getState().docId) goToStep('export');
      break;
    case 'undo':
      undoCommand('undo');
      break;
    case 'redo':
      undoCommand('redo');
      break;
  }
}
