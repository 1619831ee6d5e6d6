// @vitest-environment jsdom
// The page-long effects (session-effects.ts), against a fake bridge: doc:setDirty when the dirty state
// changes, the recovery copy after typing stops, main's events, the global shortcuts, Alt+digit and F6.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDocument } from '../../../../shared/ipc/contract';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { showOpened } from '../../../../renderer/src/app/actions';
import {
  AUTOSAVE_DELAY_MS,
  focusNextRegion,
  goToStepByKeyboard,
  installSessionEffects,
  runMenuCommand,
} from '../../../../renderer/src/app/session-effects';
import { gridLayout } from '../../../../renderer/src/grid/grid-layout';
import { currentDoc, loadDoc, setCells, setSection } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

const session = useSession.getState();
let bridge: FakeBridge;
let uninstall: (() => void) | null = null;

const saved = { fileName: 'd1.nianbao', location: '/报告', savedAt: '2023-01-05T10:00:00.000Z' };

beforeEach(() => {
  bridge = installFakeBridge({
    'app:ready': () => ({ opened: [], errors: [] }),
    'doc:setDirty': () => ({}),
    'doc:close': () => ({}),
    'doc:save': () => saved,
    'doc:saveAs': () => saved,
    'doc:autosave': () => ({ savedAt: '2023-01-05T10:00:01.000Z' }),
    'prefs:get': () => ({ agency: null, recent: [] }),
    'recovery:list': () => [],
  });
});
afterEach(() => {
  uninstall?.();
  uninstall = null;
  vi.useRealTimers();
  bridge.uninstall();
  useSession.setState(session, true);
  loadDoc(null);
  document.body.innerHTML = '';
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function report(): ReportDocument {
  return createReport({ year: 2022, agencyName: '测试镇人民政府', now: '2023-01-05T09:00:00.000Z' });
}

function opened(docId = 'd1'): OpenedDocument {
  return { docId, doc: report(), fileName: `${docId}.nianbao`, location: '/报告' };
}

function press(key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}, target: EventTarget = window): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, altKey: !!mods.alt, bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e;
}

describe('installSessionEffects', () => {
  it('tells main when the report becomes dirty and clean again, once per change of state', async () => {
    uninstall = installSessionEffects();
    showOpened(opened('d1'), false);
    setCells({ 't3.received.natural': 1 });
    setCells({ 't3.received.natural': 12 });
    expect(bridge.callsTo('doc:setDirty')).toEqual([
      { docId: 'd1', dirty: false },
      { docId: 'd1', dirty: true },
    ]);
    useSession.setState({ savedDoc: currentDoc() });
    expect(bridge.callsTo('doc:setDirty').at(-1)).toEqual({ docId: 'd1', dirty: false });
    expect(bridge.callsTo('doc:setDirty')).toHaveLength(3);
  });

  it('writes the recovery copy once typing has stopped for the delay, and only when dirty', async () => {
    vi.useFakeTimers();
    uninstall = installSessionEffects();
    showOpened(opened('d1'), false);
    setSection('overview', '一');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    setSection('overview', '一、');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(bridge.callsTo('doc:autosave')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(bridge.callsTo('doc:autosave')).toEqual([{ docId: 'd1', doc: currentDoc() }]);
    expect(useSession.getState().autosaved).toEqual({ doc: currentDoc(), at: '2023-01-05T10:00:01.000Z' });
    // Saved before the delay is over: no recovery copy is needed.
    setSection('overview', '一、概述');
    useSession.setState({ savedDoc: currentDoc() });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(bridge.callsTo('doc:autosave')).toHaveLength(1);
    // Back to the saved document: nothing to keep.
    loadDoc(report());
    useSession.setState({ savedDoc: currentDoc() });
    setSection('overview', '二');
    useSession.setState({ savedDoc: currentDoc() });
    setSection('overview', '二');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(bridge.callsTo('doc:autosave')).toHaveLength(1);
  });

  it('says when the recovery copy could not be written', async () => {
    vi.useFakeTimers();
    bridge.handle({ 'doc:autosave': () => ({ ok: false, error: { code: 'disk-full', message: '磁盘已满' } }) });
    uninstall = installSessionEffects();
    showOpened(opened('d1'), false);
    setCells({ 't3.received.natural': 1 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(useSession.getState().error).toEqual({ code: 'disk-full', message: '自动保存恢复副本失败：磁盘已满' });
  });

  it('opens the files main was asked to open before the page listened, and shows its errors', async () => {
    bridge.handle({ 'app:ready': () => ({ opened: [opened('a'), opened('b')], errors: [{ code: 'bad-file', message: '坏文件' }] }) });
    uninstall = installSessionEffects();
    await settle();
    expect(bridge.callsTo('app:ready')).toHaveLength(1);
    expect(useSession.getState()).toMatchObject({ docId: 'b', screen: 'editor', error: { message: '坏文件' } });
  });

  it('doc:opened: opens at once when clean; asks when dirty, and 取消 closes it in main again', async () => {
    uninstall = installSessionEffects();
    bridge.emit('doc:opened', opened('d1'));
    expect(useSession.getState().docId).toBe('d1');
    setCells({ 't3.received.natural': 1 });
    // The report already open (opened again from outside) is left as it is.
    bridge.emit('doc:opened', opened('d1'));
    expect(useSession.getState().dialog).toBeNull();
    expect(currentDoc()!.cells['t3.received.natural']).toBe(1);
    bridge.emit('doc:opened', opened('d2'));
    const dialog = useSession.getState().dialog!;
    expect(dialog.title).toBe('打开另一份报告');
    expect(dialog.message).toBe('要打开“d2.nianbao”，当前报告有未保存的修改。');
    dialog.buttons.find((b) => b.label === '取消')!.action();
    expect(bridge.callsTo('doc:close')).toEqual([{ docId: 'd2' }]);
    expect(useSession.getState().docId).toBe('d1');
    bridge.emit('doc:opened', opened('d3'));
    useSession.getState().dialog!.buttons.find((b) => b.label === '保存后打开')!.action();
    await settle();
    expect(bridge.callsTo('doc:save')).toHaveLength(1);
    expect(useSession.getState().docId).toBe('d3');
  });

  it('app:saveBeforeClose saves a dirty report; app:error is shown; menu commands run', async () => {
    uninstall = installSessionEffects();
    showOpened(opened('d1'), false);
    bridge.emit('app:saveBeforeClose', undefined as never);
    expect(bridge.callsTo('doc:save')).toEqual([]);
    setCells({ 't3.received.natural': 1 });
    bridge.emit('app:saveBeforeClose', undefined as never);
    expect(bridge.callsTo('doc:save')).toHaveLength(1);
    bridge.emit('app:error', { code: 'internal', message: '主程序出错' });
    expect(useSession.getState().error?.message).toBe('主程序出错');
    bridge.emit('menu:command', { command: 'exportPdf' });
    expect(useSession.getState().step).toBe('export');
  });

  it('removes what it installed', () => {
    const stop = installSessionEffects();
    stop();
    expect(bridge.listening('doc:opened')).toBe(0);
    expect(bridge.listening('menu:command')).toBe(0);
    showOpened(opened('d1'), false);
    setCells({ 't3.received.natural': 1 });
    press('s', { ctrl: true });
    expect(bridge.callsTo('doc:setDirty')).toEqual([]);
    expect(bridge.callsTo('doc:save')).toEqual([]);
  });
});

describe('global shortcuts', () => {
  beforeEach(() => {
    uninstall = installSessionEffects();
    showOpened(opened('d1'), false);
  });

  it('Ctrl+S saves, Ctrl+Shift+S saves as; not while a dialog is open', async () => {
    expect(press('s', { ctrl: true }).defaultPrevented).toBe(true);
    await settle();
    press('S', { ctrl: true, shift: true });
    await settle();
    expect(bridge.callsTo('doc:save')).toHaveLength(1);
    expect(bridge.callsTo('doc:saveAs')).toHaveLength(1);
    useSession.setState({ dialog: { title: '', message: '', buttons: [] } });
    press('s', { ctrl: true });
    expect(bridge.callsTo('doc:save')).toHaveLength(1);
  });

  it('Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes in the editor only', () => {
    setCells({ 't3.received.natural': 1 });
    press('z', { ctrl: true });
    expect(currentDoc()!.cells['t3.received.natural']).toBeNull();
    press('y', { ctrl: true });
    expect(currentDoc()!.cells['t3.received.natural']).toBe(1);
    press('z', { ctrl: true });
    press('Z', { ctrl: true, shift: true });
    expect(currentDoc()!.cells['t3.received.natural']).toBe(1);
    useSession.setState({ screen: 'start' });
    expect(press('z', { ctrl: true }).defaultPrevented).toBe(false);
    expect(currentDoc()!.cells['t3.received.natural']).toBe(1);
  });

  it('Alt+digit goes to that step', () => {
    press('4', { alt: true });
    const t3First = gridLayout(formatModel('2021').grids.t3).keys[0];
    expect(useSession.getState()).toMatchObject({ step: 't3', focus: { kind: 'cell', key: t3First } });
    press('2', { alt: true });
    expect(useSession.getState()).toMatchObject({ step: 'overview', focus: { kind: 'section', key: 'overview' } });
    press('9', { alt: true });
    expect(useSession.getState().step).toBe('overview');
  });
});

describe('goToStepByKeyboard', () => {
  it('puts the focus where the step’s work starts', () => {
    loadDoc(report());
    goToStepByKeyboard('t2');
    expect(useSession.getState()).toMatchObject({ step: 't2', focus: { kind: 'cell', key: gridLayout(formatModel('2021').grids.t2).keys[0] } });
    goToStepByKeyboard('meta');
    expect(useSession.getState()).toMatchObject({ step: 'meta', focus: { kind: 'meta', field: 'agencyName' } });
    goToStepByKeyboard('other');
    expect(useSession.getState()).toMatchObject({ step: 'other', focus: { kind: 'section', key: 'other' } });
  });

  it('on 检查与导出 focuses its heading once it is drawn', async () => {
    loadDoc(report());
    const heading = document.createElement('h2');
    heading.id = 'step-heading';
    heading.tabIndex = -1;
    document.body.append(heading);
    goToStepByKeyboard('export');
    expect(useSession.getState().step).toBe('export');
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('leaves the cursor alone when already working in that step, and does nothing without a report', () => {
    goToStepByKeyboard('t3');
    expect(useSession.getState().step).toBe('meta');
    loadDoc(report());
    document.body.innerHTML = '<main id="work"><input id="cell"></main>';
    document.getElementById('cell')!.focus();
    useSession.setState({ step: 't3', focus: null });
    goToStepByKeyboard('t3');
    expect(useSession.getState().focus).toBeNull();
  });
});

describe('focusNextRegion', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <header class="top-bar"><button id="save">保存</button></header>
      <nav class="step-rail"><button id="s1" class="step">一</button><button id="s2" class="step current">二</button></nav>
      <main id="work"><div class="step-page"><input id="first"></div><input id="cursor" data-key="t3.a" tabindex="0"></main>
      <aside class="findings-panel"><a href="#x" id="load">载入上年报告</a><div class="panel-body"><button id="finding">发现</button></div></aside>`;
  });
  const focused = () => document.activeElement?.id;

  it('goes round the top bar, the current step, the table cursor and the first finding, both ways', () => {
    focusNextRegion(false);
    expect(focused()).toBe('save');
    focusNextRegion(false);
    expect(focused()).toBe('s2');
    focusNextRegion(false);
    expect(focused()).toBe('cursor');
    focusNextRegion(false);
    expect(focused()).toBe('finding');
    focusNextRegion(false);
    expect(focused()).toBe('save');
    focusNextRegion(true);
    expect(focused()).toBe('finding');
  });

  it('skips a region that is not there, and takes the step’s first control when there is no table', () => {
    document.querySelector('.findings-panel')!.remove();
    document.getElementById('cursor')!.remove();
    document.getElementById('s2')!.focus();
    focusNextRegion(false);
    expect(focused()).toBe('first');
    focusNextRegion(false);
    expect(focused()).toBe('save');
  });

  it('F6 moves on in the editor', () => {
    uninstall = installSessionEffects();
    useSession.setState({ screen: 'editor' });
    document.getElementById('save')!.focus();
    press('F6', {}, document.activeElement!);
    expect(focused()).toBe('s2');
    press('F6', { shift: true }, document.activeElement!);
    expect(focused()).toBe('save');
  });
});

describe('runMenuCommand', () => {
  it('新建 goes to the start page, 保存 saves, 导出 opens 检查与导出 only with a report', async () => {
    runMenuCommand('exportPdf');
    expect(useSession.getState().step).toBe('meta');
    showOpened(opened('d1'), false);
    runMenuCommand('save');
    await settle();
    runMenuCommand('saveAs');
    await settle();
    expect(bridge.callsTo('doc:save')).toHaveLength(1);
    expect(bridge.callsTo('doc:saveAs')).toHaveLength(1);
    runMenuCommand('exportPdf');
    expect(useSession.getState().step).toBe('export');
    runMenuCommand('new');
    await settle();
    expect(useSession.getState()).toMatchObject({ screen: 'start', docId: null });
  });

  it('撤销 and 重做 act on the report', () => {
    showOpened(opened('d1'), false);
    setCells({ 't3.received.natural': 1 });
    runMenuCommand('undo');
    expect(currentDoc()!.cells['t3.received.natural']).toBeNull();
    runMenuCommand('redo');
    expect(currentDoc()!.cells['t3.received.natural']).toBe(1);
  });

  it('打开 asks main for a file', async () => {
    bridge.handle({ 'doc:open': () => opened('o1') });
    runMenuCommand('open');
    await settle();
    expect(useSession.getState().docId).toBe('o1');
  });
});
