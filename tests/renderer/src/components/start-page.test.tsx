// @vitest-environment jsdom
// StartPage: 新建 (year → format, the agency remembered in the preferences, problems said before main is
// asked), the recovery offer, recent files, 汇总, and every open / import button reaching its channel.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartPage } from '../../../../renderer/src/components/start-page';
import { useMerge } from '../../../../renderer/src/merge/merge-store';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import type { MergeView, OpenedDocument, PrefsView } from '../../../../shared/ipc/contract';
import { createReport } from '../../../../shared/model/document';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

const initialSession = useSession.getState();
const initialMerge = useMerge.getState();
let bridge: FakeBridge;

function opened(docId: string, year = 2025, agencyName = '黄金镇人民政府'): OpenedDocument {
  return { docId, doc: createReport({ year, agencyName, now: '2026-01-05T00:00:00.000Z' }), fileName: null, location: null };
}

const PREFS: PrefsView = {
  agency: { name: '白沙乡人民政府', level: '县级', region: '某县', contact: '' },
  recent: [{ recentId: 'r1', fileName: '白沙乡-2024.nianbao', location: '/年报/2024', title: '白沙乡人民政府2024年政府信息公开工作年度报告', openedAt: '2025-02-01T00:00:00.000Z' }],
};

beforeEach(() => {
  bridge = installFakeBridge({
    'doc:new': ({ year, agencyName }) => opened('new-1', year, agencyName),
    'prefs:setAgency': ({ agency }) => ({ agency, recent: [] }),
  });
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState(initialSession, true);
  useMerge.setState(initialMerge, true);
});

const field = (name: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('StartPage', () => {
  it('proposes last year and says which official format a year uses', () => {
    render(<StartPage />);
    const lastYear = new Date().getFullYear() - 1;
    expect(field('year').value).toBe(String(lastYear));
    type('year', '2025');
    expect(document.getElementById(field('year').getAttribute('aria-describedby')!)!.textContent).toMatch(/^2025 年度使用2021年版格式：/);
    type('year', '2020');
    expect(document.getElementById(field('year').getAttribute('aria-describedby')!)!.textContent).toMatch(/^2020 年度使用2019年版格式：/);
  });

  it('refuses a year that is not one and says why, without asking main', () => {
    render(<StartPage />);
    type('year', '25年');
    type('agencyName', '黄金镇人民政府');
    const hint = document.getElementById(field('year').getAttribute('aria-describedby')!)!.textContent!;
    expect(hint).toContain('不是四位年份');
    fireEvent.click(button('新建'));
    expect(screen.getByRole('alert').textContent).toBe(hint);
    expect(bridge.callsTo('doc:new')).toEqual([]);
  });

  it('asks for the agency name before creating', () => {
    render(<StartPage />);
    type('year', '2025');
    type('agencyName', '   ');
    fireEvent.click(button('新建'));
    expect(screen.getByRole('alert').textContent).toContain('请填写机关名称');
    expect(bridge.callsTo('doc:new')).toEqual([]);
  });

  it('新建 creates the report with the trimmed name, remembers the agency and opens the editor', async () => {
    render(<StartPage />);
    type('year', '2025');
    type('agencyName', '  黄金镇人民政府 ');
    fireEvent.change(field('level'), { target: { value: '县级' } });
    fireEvent.click(button('新建'));
    await waitFor(() => expect(useSession.getState().screen).toBe('editor'));
    expect(bridge.callsTo('doc:new')).toEqual([{ year: 2025, agencyName: '黄金镇人民政府', level: '县级' }]);
    expect(bridge.callsTo('prefs:setAgency')).toEqual([{ agency: { name: '黄金镇人民政府', level: '县级', region: '', contact: '' } }]);
    expect(useSession.getState().docId).toBe('new-1');
    expect(currentDoc()!.agency.name).toBe('黄金镇人民政府');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends the region when one is given', async () => {
    render(<StartPage />);
    type('year', '2025');
    type('agencyName', '黄金镇人民政府');
    type('region', ' 某县 ');
    fireEvent.submit(field('year').form!);
    await waitFor(() => expect(bridge.callsTo('doc:new')).toHaveLength(1));
    expect(bridge.callsTo('doc:new')[0]).toMatchObject({ region: '某县' });
  });

  it('fills the agency from the preferences when they arrive, unless the user already typed one', () => {
    const first = render(<StartPage />);
    act(() => useSession.setState({ prefs: PREFS }));
    expect(field('agencyName').value).toBe('白沙乡人民政府');
    expect(field('level').value).toBe('县级');
    expect(field('region').value).toBe('某县');
    first.unmount();

    useSession.setState({ prefs: null });
    render(<StartPage />);
    type('agencyName', '黄金镇人民政府');
    act(() => useSession.setState({ prefs: PREFS }));
    expect(field('agencyName').value).toBe('黄金镇人民政府');
    expect(field('level').value).toBe('乡镇');
  });

  it('lists the recent files and opens one; says so when there is none', async () => {
    bridge.handle({ 'doc:openRecent': () => opened('recent-1', 2024) });
    const first = render(<StartPage />);
    expect(screen.getByText('还没有打开过报告。')).toBeTruthy();
    first.unmount();
    useSession.setState({ prefs: PREFS });
    render(<StartPage />);
    const recent = screen.getByRole('button', { name: /白沙乡人民政府2024年政府信息公开工作年度报告/ });
    expect(recent.textContent).toContain('白沙乡-2024.nianbao · /年报/2024');
    fireEvent.click(recent);
    await waitFor(() => expect(useSession.getState().docId).toBe('recent-1'));
    expect(bridge.callsTo('doc:openRecent')).toEqual([{ recentId: 'r1' }]);
  });

  it('offers the reports a crash left unsaved: 恢复 opens one, 丢弃 forgets one', async () => {
    bridge.handle({ 'recovery:restore': () => opened('restored-1'), 'recovery:discard': () => ({}) });
    useSession.setState({
      recovery: [
        { recoveryId: 'rec-a', title: '甲报告', fileName: '甲.nianbao', savedAt: '2026-01-05T08:00:00.000Z' },
        { recoveryId: 'rec-b', title: '乙报告', fileName: null, savedAt: '2026-01-05T09:00:00.000Z' },
      ],
    });
    render(<StartPage />);
    const items = () => [...document.querySelectorAll('.recovery-item')];
    expect(items().map((li) => li.querySelector('strong')!.textContent)).toEqual(['甲报告', '乙报告']);
    expect(items()[0]!.textContent).toContain('（甲.nianbao）');
    expect(items()[1]!.textContent).toContain('（未保存过的新报告）');

    fireEvent.click(within(items()[1] as HTMLElement).getByRole('button', { name: '丢弃' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(bridge.callsTo('recovery:discard')).toEqual([{ recoveryId: 'rec-b' }]);

    fireEvent.click(within(items()[0] as HTMLElement).getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(useSession.getState().docId).toBe('restored-1'));
    expect(bridge.callsTo('recovery:restore')).toEqual([{ recoveryId: 'rec-a' }]);
    expect(useSession.getState().recovery).toEqual([]);
    // A restored report is not in its file yet.
    expect(useSession.getState().savedDoc).toBeNull();
  });

  it('shows no recovery offer when nothing is to recover', () => {
    render(<StartPage />);
    expect(screen.queryByText('发现未保存的报告')).toBeNull();
  });

  it('imports pasted text only once something is pasted', () => {
    bridge.handle({ 'import:text': () => ({ ok: false, error: { code: 'cancelled', message: '' } }) });
    render(<StartPage />);
    expect(button('导入粘贴的文本').disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: '已发布年报的全文' }), { target: { value: '   ' } });
    expect(button('导入粘贴的文本').disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: '已发布年报的全文' }), { target: { value: '黄金镇人民政府2024年政府信息公开工作年度报告' } });
    fireEvent.click(button('导入粘贴的文本'));
    expect(bridge.callsTo('import:text')).toEqual([{ text: '黄金镇人民政府2024年政府信息公开工作年度报告' }]);
  });

  it('sends each open and import button to its own channel', () => {
    const cancelled = () => ({ ok: false as const, error: { code: 'cancelled' as const, message: '' } });
    bridge.handle({ 'doc:open': cancelled, 'import:file': cancelled, 'import:textFile': cancelled, 'import:pdf': cancelled, 'import:startFromPrevious': cancelled });
    render(<StartPage />);
    const buttons: [string, string][] = [
      ['打开报告文件…', 'doc:open'],
      ['导入文件…', 'import:file'],
      ['打开文本文件…', 'import:textFile'],
      ['从PDF导入…', 'import:pdf'],
      ['从上年报告开始…', 'import:startFromPrevious'],
    ];
    for (const [name] of buttons) fireEvent.click(button(name));
    expect(bridge.calls.map((c) => c.channel)).toEqual(buttons.map(([, channel]) => channel));
  });

  it('汇总 opens the merge mode, and names the merge under way', () => {
    const first = render(<StartPage />);
    fireEvent.click(button('汇总多个单位的年报'));
    expect(useSession.getState().screen).toBe('merge');
    first.unmount();
    useMerge.setState({ view: { rows: [{}, {}, {}] } as unknown as MergeView });
    render(<StartPage />);
    expect(button('回到汇总（3 份报告）')).toBeTruthy();
  });
});
