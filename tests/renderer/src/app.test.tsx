// @vitest-environment jsdom
// App, the page: start page, editor or 汇总 by the session's screen; in the editor the step of the
// session with 上一步/下一步 under it; on mount the start data and main's ready call; a file dropped on the
// window is imported (in 汇总 it is refused with a hint); the dialog and the import year form on every screen.
import { File as NodeFile } from 'node:buffer';
import { act, cleanup, createEvent, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReport } from '../../../shared/model/document';
import { App } from '../../../renderer/src/app';
import { showOpened } from '../../../renderer/src/app/actions';
import { loadDoc } from '../../../renderer/src/store/document-store';
import { useSession } from '../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../fake-bridge';

const INITIAL_SESSION = useSession.getState();
const RECOVERY = [{ recoveryId: 'r1', title: '2023年测试镇报告', fileName: null, savedAt: '2025-01-02T03:04:05.000Z' }];

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge({
    'prefs:get': () => ({ agency: null, recent: [] }),
    'recovery:list': () => RECOVERY,
    'app:ready': () => ({ opened: [], errors: [] }),
    'app:info': () => ({ version: '1.0.0', platform: 'linux', systemPrint: true }),
    'doc:setDirty': () => ({}),
    'doc:close': () => ({}),
  });
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState(INITIAL_SESSION, true);
  document.body.className = '';
});

function openEditor(): void {
  act(() => showOpened({ docId: 'd1', doc: createReport({ year: 2024, agencyName: '测试镇人民政府' }), fileName: '2024.nianbao', location: '/tmp' }, false));
}

/** A drag event carrying files, as the browser sends for files dragged from the desktop. */
function fileDrag(type: 'dragOver' | 'drop', files: File[]): Event {
  const event = createEvent[type](window);
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  return event;
}

describe('App', () => {
  it('starts on the start page, with the start data and main told the page listens', async () => {
    render(<App />);
    expect(document.querySelector('.start-page')).not.toBeNull();
    expect(document.querySelector('.editor')).toBeNull();
    await expect.poll(() => useSession.getState().recovery).toEqual(RECOVERY);
    expect(useSession.getState().prefs).toEqual({ agency: null, recent: [] });
    expect(bridge.callsTo('app:ready')).toHaveLength(1);
  });

  it('shows the editor with the step of the session and the checks beside it', () => {
    render(<App />);
    openEditor();
    expect(document.querySelector('.start-page')).toBeNull();
    expect(document.querySelector('.editor .meta-step')).not.toBeNull();
    expect(screen.getByTestId('findings-panel')).toBeTruthy();
    act(() => useSession.setState({ step: 'problems' }));
    expect(document.querySelector('.meta-step')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: '五、存在的主要问题及改进情况' })).toBeTruthy();
    act(() => useSession.setState({ step: 'export' }));
    expect(document.querySelector('.export-step')).not.toBeNull();
  });

  it('goes through the steps with 上一步 and 下一步, none before the first or after the last', () => {
    render(<App />);
    openEditor();
    const nav = () => screen.getByRole('navigation', { name: '上一步和下一步' });
    expect(nav().querySelectorAll('button')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '下一步：一、总体情况 →' }));
    expect(useSession.getState().step).toBe('overview');
    // The keyboard is where the work is: in the section's text.
    expect(document.activeElement).toBe(document.getElementById('section-overview'));
    fireEvent.click(screen.getByRole('button', { name: '← 上一步：基本信息' }));
    expect(useSession.getState().step).toBe('meta');
    act(() => useSession.setState({ step: 'export' }));
    expect(nav().querySelectorAll('button')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^← 上一步：/ })).toBeTruthy();
  });

  it('shows the 汇总 page on the merge screen', () => {
    render(<App />);
    act(() => useSession.setState({ screen: 'merge' }));
    expect(screen.getByRole('heading', { level: 1, name: '汇总多个单位的年报' })).toBeTruthy();
    expect(document.querySelector('.start-page')).toBeNull();
  });

  it('imports a file dropped anywhere on the window, marking the window while files are dragged over it', async () => {
    bridge.handle({ 'import:dropped': () => ({ ok: false, error: { code: 'bad-file', message: '读不出这份文件。' } }) });
    render(<App />);
    // Node's File: jsdom's has no arrayBuffer(), which the browser's has.
    const file = new NodeFile(['2024年测试镇政府信息公开工作年度报告'], '年报.txt', { type: 'text/plain' }) as unknown as File;
    const over = fileDrag('dragOver', [file]);
    fireEvent(window, over);
    expect(over.defaultPrevented).toBe(true);
    expect(document.body.classList.contains('dropping')).toBe(true);
    const drop = fileDrag('drop', [file]);
    fireEvent(window, drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(document.body.classList.contains('dropping')).toBe(false);
    await expect.poll(() => bridge.callsTo('import:dropped').length).toBe(1);
    const sent = bridge.callsTo('import:dropped')[0]!;
    expect(sent.name).toBe('年报.txt');
    expect(new TextDecoder().decode(sent.bytes)).toBe('2024年测试镇政府信息公开工作年度报告');
    await expect.poll(() => useSession.getState().error?.message).toBe('读不出这份文件。');
  });

  it('leaves drags without files alone', () => {
    render(<App />);
    const over = createEvent.dragOver(window);
    Object.defineProperty(over, 'dataTransfer', { value: { types: ['text/plain'], files: [] } });
    fireEvent(window, over);
    expect(over.defaultPrevented).toBe(false);
    expect(document.body.classList.contains('dropping')).toBe(false);
  });

  it('refuses a drop in 汇总 with a hint instead of replacing the merge', async () => {
    render(<App />);
    act(() => useSession.setState({ screen: 'merge' }));
    act(() => void fireEvent(window, fileDrag('drop', [new File(['x'], '某单位.nianbao')])));
    expect(useSession.getState().notice).toBe('汇总时请用“添加报告文件…”或“添加文件夹…”选择各单位的报告。');
    expect(bridge.callsTo('import:dropped')).toEqual([]);
  });

  it('stops listening for drops when it is unmounted', () => {
    const { unmount } = render(<App />);
    unmount();
    const over = fileDrag('dragOver', [new File(['x'], 'a.txt')]);
    fireEvent(window, over);
    expect(over.defaultPrevented).toBe(false);
  });

  it('shows the dialog and the import year form over any screen', () => {
    render(<App />);
    act(() => useSession.setState({ dialog: { title: '报告尚未保存', message: '要先保存吗？', buttons: [{ label: '保存', primary: true, action: () => {} }] } }));
    expect(screen.getByRole('dialog', { name: '报告尚未保存' })).toBeTruthy();
    act(() => useSession.setState({ dialog: null, importAsk: { importId: 'i1', message: '读不出报告年度。' } }));
    expect(screen.getByTestId('import-year-form')).toBeTruthy();
  });
});
