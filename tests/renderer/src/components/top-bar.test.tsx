// @vitest-environment jsdom
// TopBar: the report's title and file, the save state (saved / unsaved / autosaved / saving, from
// useSaveState) and the 撤销 / 重做 / 保存 / 另存为 / 年报助手 commands.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TopBar } from '../../../../renderer/src/components/top-bar';
import { currentDoc, loadDoc, setCells } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { createReport } from '../../../../shared/model/document';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

const initialSession = useSession.getState();
let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge({
    'doc:save': () => ({ fileName: '黄金镇-2025.nianbao', location: '/年报', savedAt: '2026-01-10T02:00:00.000Z' }),
    'doc:saveAs': () => ({ fileName: '另存的.nianbao', location: '/别处', savedAt: '2026-01-10T02:00:00.000Z' }),
    'doc:close': () => ({}),
    'prefs:get': () => ({ agency: null, recent: [] }),
    'recovery:list': () => [],
  });
  loadDoc(createReport({ year: 2025, agencyName: '黄金镇人民政府', now: '2026-01-05T00:00:00.000Z' }));
  useSession.setState({ screen: 'editor', docId: 'doc-1', fileName: '黄金镇-2025.nianbao', location: '/年报', savedDoc: currentDoc() });
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState(initialSession, true);
});

const saveState = () => screen.getByTestId('save-state');
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('TopBar', () => {
  it('shows the report title and its file, or 未命名 for a report never saved', () => {
    const { unmount } = render(<TopBar />);
    expect(screen.getByText('黄金镇人民政府2025年政府信息公开工作年度报告')).toBeTruthy();
    const file = screen.getByText('黄金镇-2025.nianbao');
    expect(file.getAttribute('title')).toBe('/年报');
    unmount();
    useSession.setState({ fileName: null, location: null });
    render(<TopBar />);
    expect(screen.getByText('未命名')).toBeTruthy();
  });

  it('says 已保存 while the report is as saved, and 未保存 after an edit', () => {
    render(<TopBar />);
    expect(saveState().textContent).toBe('已保存');
    expect(saveState().getAttribute('title')).toBe('已保存到 黄金镇-2025.nianbao');
    expect(saveState().className).toContain('saved');
    act(() => void setCells({ 't4.review.upheld': 2 }));
    expect(saveState().textContent).toBe('未保存');
    expect(saveState().getAttribute('title')).toBe('有未保存的修改，按 Ctrl+S 保存');
  });

  it('tells a new report never saved from an edited one', () => {
    useSession.setState({ fileName: null, savedDoc: null });
    render(<TopBar />);
    expect(saveState().textContent).toBe('未保存');
    expect(saveState().getAttribute('title')).toContain('新报告还没有保存过');
  });

  it('shows the time of the recovery copy while it holds the report as it is now', () => {
    const at = new Date(2026, 0, 10, 9, 5).toISOString();
    render(<TopBar />);
    act(() => void setCells({ 't4.review.upheld': 2 }));
    act(() => useSession.setState({ autosaved: { doc: currentDoc()!, at } }));
    expect(saveState().textContent).toBe('自动保存于 09:05');
    expect(saveState().className).toContain('autosaved');
    // A later edit is not in the recovery copy.
    act(() => void setCells({ 't4.review.upheld': 3 }));
    expect(saveState().textContent).toBe('未保存');
  });

  it('says 正在保存… while a save runs', () => {
    useSession.setState({ saving: true });
    render(<TopBar />);
    expect(saveState().textContent).toBe('正在保存…');
  });

  it('enables 撤销 after an edit; 撤销 and 重做 take it back and forth', () => {
    render(<TopBar />);
    expect(button('撤销').disabled).toBe(true);
    expect(button('重做').disabled).toBe(true);
    act(() => void setCells({ 't4.review.upheld': 2 }));
    expect(button('撤销').disabled).toBe(false);
    fireEvent.click(button('撤销'));
    expect(currentDoc()!.cells['t4.review.upheld']).toBeNull();
    expect(button('撤销').disabled).toBe(true);
    expect(button('重做').disabled).toBe(false);
    fireEvent.click(button('重做'));
    expect(currentDoc()!.cells['t4.review.upheld']).toBe(2);
  });

  it('保存 sends the report to its file and then says 已保存', async () => {
    render(<TopBar />);
    act(() => void setCells({ 't4.review.upheld': 2 }));
    fireEvent.click(button('保存'));
    await waitFor(() => expect(saveState().textContent).toBe('已保存'));
    expect(bridge.callsTo('doc:save')).toEqual([{ docId: 'doc-1', doc: currentDoc() }]);
    expect(bridge.callsTo('doc:saveAs')).toEqual([]);
  });

  it('另存为… asks main for a new file and shows its name', async () => {
    render(<TopBar />);
    fireEvent.click(button('另存为…'));
    await waitFor(() => expect(screen.getByText('另存的.nianbao')).toBeTruthy());
    expect(bridge.callsTo('doc:saveAs')).toHaveLength(1);
    expect(bridge.callsTo('doc:save')).toEqual([]);
  });

  it('年报助手 goes back to the start page, closing a saved report at once', async () => {
    render(<TopBar />);
    fireEvent.click(button('年报助手'));
    expect(useSession.getState().screen).toBe('start');
    expect(currentDoc()).toBeNull();
    expect(bridge.callsTo('doc:close')).toEqual([{ docId: 'doc-1' }]);
    await waitFor(() => expect(bridge.callsTo('recovery:list')).toHaveLength(1));
  });

  it('年报助手 with unsaved changes asks first and stays', () => {
    render(<TopBar />);
    act(() => void setCells({ 't4.review.upheld': 2 }));
    fireEvent.click(button('年报助手'));
    expect(useSession.getState().dialog?.title).toBe('报告尚未保存');
    expect(useSession.getState().screen).toBe('editor');
    expect(bridge.callsTo('doc:close')).toEqual([]);
  });
});
