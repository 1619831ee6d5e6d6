// @vitest-environment jsdom
// MergePage: the 汇总 mode — choosing the reports (with main's progress), the summary line, what the
// overview asks the office to decide (group, questionable PDFs, duplicates, roster matches, unreadable
// files) sent as merge:decide, the summary form, the workbook, 重新开始 and a unit opened read-only.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MergePage } from '../../../../renderer/src/merge/merge-page';
import { useMerge } from '../../../../renderer/src/merge/merge-store';
import { loadDoc } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import type { MergeRowView, MergeView } from '../../../../shared/ipc/contract';
import { createReport } from '../../../../shared/model/document';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';
import { mergeRow } from './merge-rows';

const initialMerge = useMerge.getState();
const initialSession = useSession.getState();
let bridge: FakeBridge;

// jsdom lays nothing out and lacks ResizeObserver (the overview table measures its body with it).
beforeAll(() => {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterAll(() => {
  delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
});

beforeEach(() => {
  bridge = installFakeBridge();
  useSession.setState({ screen: 'merge' });
});
afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useMerge.setState(initialMerge, true);
  useSession.setState(initialSession, true);
});

/** Rows here have figures, so the sum row has something to add. */
const row = (unitId: string, unit: string, over: Partial<MergeRowView> = {}) =>
  mergeRow(unitId, unit, { totals: { received: 1, handled: 1, carriedOver: 0, review: 0, suits: 0 }, ...over });

function view(over: Partial<MergeView> = {}): MergeView {
  const rows = over.rows ?? [row('u1', '甲镇'), row('u2', '乙镇')];
  return {
    mergeId: 'm1',
    sources: [{ name: '收到', location: '/', kind: 'folder' }],
    group: { year: 2025, format: '2021' },
    groups: [{ year: 2025, format: '2021', count: rows.length }],
    rows,
    failed: [],
    skipped: [],
    notices: [],
    included: rows.length,
    sum: { received: 2, handled: 2, carriedOver: 0, review: 0, suits: 0 },
    incomplete: 0,
    ...over,
  };
}

function showing(v: MergeView | null) {
  useMerge.setState({ view: v });
  return render(<MergePage />);
}

const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
const attention = () => screen.getByRole('region', { name: '需要您知道和决定的事' });
const decided = () => bridge.callsTo('merge:decide');

describe('MergePage', () => {
  it('asks for the reports first; the commands that need them wait', async () => {
    bridge.handle({ 'merge:add': () => ({ ok: false, error: { code: 'cancelled', message: '' } }) });
    showing(null);
    expect(screen.getByRole('heading', { name: '选择各单位报送的年报' })).toBeTruthy();
    for (const name of ['应报单位名单…', '导出Excel…', '生成汇总报告…']) expect(button(name).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: '重新开始' })).toBeNull();
    fireEvent.click(button('选择文件夹…'));
    // While main reads (here: its dialog is cancelled at once) the buttons wait.
    expect(button('选择报告文件…').disabled).toBe(true);
    await waitFor(() => expect(button('选择报告文件…').disabled).toBe(false));
    fireEvent.click(button('选择报告文件…'));
    expect(bridge.callsTo('merge:add')).toEqual([{ kind: 'folder' }, { kind: 'files' }]);
  });

  it('says how far main has read while it reads, then shows the overview', async () => {
    let answer!: (v: MergeView) => void;
    bridge.handle({ 'merge:add': () => new Promise<MergeView>((resolve) => (answer = resolve)) });
    showing(null);
    fireEvent.click(button('添加文件夹…'));
    await waitFor(() => expect(screen.getByText('正在读取各单位的报告…')).toBeTruthy());
    expect(button('添加报告文件…').disabled).toBe(true);
    act(() => bridge.emit('merge:progress', { done: 3, total: 10 }));
    expect(screen.getByText('正在读取各单位的报告…已读 3/10 个文件')).toBeTruthy();
    await act(async () => answer(view()));
    expect(screen.getByTestId('merge-summary').textContent).toBe('汇总 2025 年度（2021年版格式） · 读到 2 份报告，计入 2 份');
    expect(screen.getByTestId('merge-table')).toBeTruthy();
    expect(button('添加报告文件…').disabled).toBe(false);
    expect(button('生成汇总报告…').disabled).toBe(false);
  });

  it('adds to the merge under way', () => {
    bridge.handle({ 'merge:add': () => ({ ok: false, error: { code: 'cancelled', message: '' } }) });
    showing(view());
    fireEvent.click(button('添加报告文件…'));
    expect(bridge.callsTo('merge:add')).toEqual([{ mergeId: 'm1', kind: 'files' }]);
  });

  it('sums up files unreadable, skipped and the roster in the summary line', () => {
    showing(
      view({
        failed: [{ fileName: '坏.pdf', location: '/收到', reason: '文件已损坏' }],
        skipped: [
          { reason: 'Word 临时文件', count: 2 },
          { reason: '图片', count: 1 },
        ],
        roster: { fileName: '名单.txt', names: 5, missing: ['丙镇', '丁镇'], unknown: [] },
      }),
    );
    expect(screen.getByTestId('merge-summary').textContent).toBe(
      '汇总 2025 年度（2021年版格式） · 读到 2 份报告，计入 2 份 · 读不了 1 个文件 · 跳过 3 个非报告文件（Word 临时文件 2 个、图片 1 个） · 名单“名单.txt”5 个单位，缺 2 个',
    );
  });

  it('asks nothing when there is nothing to decide', () => {
    showing(view());
    expect(screen.queryByRole('region', { name: '需要您知道和决定的事' })).toBeNull();
  });

  it('lets the office choose the year and format to sum when the reports differ', async () => {
    bridge.handle({ 'merge:decide': () => view() });
    showing(
      view({
        rows: [row('u1', '甲镇'), row('u2', '乙镇'), row('u3', '丁镇', { year: 2020, format: '2019', status: 'otherGroup' })],
        groups: [
          { year: 2025, format: '2021', count: 2 },
          { year: 2020, format: '2019', count: 1 },
        ],
      }),
    );
    const radios = within(attention()).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual(['2025 年度（2021年版格式）2 份', '2020 年度（2019年版格式）1 份']);
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    expect(attention().textContent).toContain('未计入：丁镇（2020 年）');
    fireEvent.click(radios[1]!);
    expect(radios[1]!.checked).toBe(true);
    await waitFor(() => expect(decided()).toHaveLength(1));
    expect(decided()[0]).toEqual({ mergeId: 'm1', group: { year: 2020, format: '2019' }, include: [], matches: [] });
  });

  it('offers to count a questionable PDF with the figures the office names, and to leave it out again', async () => {
    const marked = row('u3', '丙镇', { status: 'marked', source: 'pdf-edited', statusDetail: 'PDF 上印出的表格与附带的数据不同。', choices: ['printed', 'embedded'], fileName: '丙镇.pdf' });
    const counted = row('u4', '丁镇', { status: 'included', dataUsed: 'embedded', choices: ['printed', 'embedded'], fileName: '丁镇.pdf' });
    const shown = view({ rows: [row('u1', '甲镇'), marked, counted] });
    bridge.handle({ 'merge:decide': () => shown });
    showing(shown);
    expect(within(attention()).getByRole('heading').textContent).toBe('有疑问的 PDF（2）');
    const items = [...attention().querySelectorAll<HTMLElement>('.marked-unit')];
    expect(items.map((li) => li.dataset.unitId)).toEqual(['u3', 'u4']);
    expect(items[0]!.textContent).toContain('PDF 上印出的表格与附带的数据不同。');
    expect(items[1]!.textContent).toContain('已按您的确认计入，采用内嵌数据。');

    fireEvent.click(within(items[0]!).getByRole('button', { name: '计入，采用印出的数字' }));
    await waitFor(() => expect(decided()).toHaveLength(1));
    expect(decided()[0]!.include).toEqual([{ unitId: 'u3', choice: 'printed' }]);
    await waitFor(() => expect(useMerge.getState().busy).toBeNull());
    fireEvent.click(within(items[1]!).getByRole('button', { name: '不计入' }));
    await waitFor(() => expect(decided()).toHaveLength(2));
    expect(useMerge.getState().include).toEqual({ u3: 'printed' });
  });

  it('lists reports sent twice, twenty of them and the count of the rest', () => {
    const twice = Array.from({ length: 23 }, (_, i) => row(`s${i}`, `重复${i}`, { status: 'superseded', statusDetail: `以 更正${i}.pdf 为准` }));
    showing(view({ rows: [row('u1', '甲镇'), ...twice] }));
    const part = within(attention()).getByRole('heading', { name: '同一单位报了两次（23）' }).parentElement!;
    const items = [...part.querySelectorAll('li')];
    expect(items).toHaveLength(21);
    expect(items[0]!.textContent).toBe('重复0：重复0.nianbao 未计入，以 更正0.pdf 为准（导出较晚的一份）。');
    expect(items[20]!.textContent).toBe('另有 3 份（表中状态为“已被更正”）');
  });

  it('checks the roster: units missing, similar names to confirm, strangers', async () => {
    bridge.handle({ 'merge:decide': () => view() });
    const strangers = Array.from({ length: 22 }, (_, i) => ({ unitId: `x${i}`, unit: `外单位${i}` }));
    showing(
      view({
        roster: {
          fileName: '名单.txt',
          names: 30,
          missing: ['丙镇', '丁镇'],
          unknown: [{ unitId: 'u2', unit: '乙镇政府', candidate: { rosterName: '乙镇人民政府', similarity: 0.8 } }, ...strangers],
        },
      }),
    );
    const roster = screen.getByTestId('merge-roster');
    expect(roster.textContent).toContain('未报（2）：丙镇、丁镇');
    expect(roster.textContent).toContain('不在名单上：乙镇政府 —— 是否就是名单中的“乙镇人民政府”？');
    expect(roster.textContent).toContain('不在名单上（22）：外单位0、');
    expect(roster.textContent).toContain('外单位19 等 22 个');
    expect(roster.textContent).not.toContain('外单位20');
    fireEvent.click(within(roster).getByRole('button', { name: '是，同一单位' }));
    await waitFor(() => expect(decided()).toHaveLength(1));
    expect(decided()[0]!.matches).toEqual([{ unitId: 'u2', rosterName: '乙镇人民政府' }]);
  });

  it('lists the files it could not read, and the notices of the merge', () => {
    const failed = Array.from({ length: 21 }, (_, i) => ({ fileName: `坏${i}.pdf`, location: '/收到', reason: '文件已损坏' }));
    showing(view({ failed, notices: ['甲镇.nianbao：按名单改称甲镇人民政府', '乙镇.pdf：已核对'] }));
    const part = within(attention()).getByRole('heading', { name: '读不了的文件（21，未计入）' }).parentElement!;
    const items = [...part.querySelectorAll('li')];
    expect(items[0]!.textContent).toBe('坏0.pdf：文件已损坏');
    expect(items[0]!.getAttribute('title')).toBe('/收到/坏0.pdf');
    expect(items.at(-1)!.textContent).toBe('另有 1 个（见导出的 Excel“文件情况”表）');
    const notices = document.querySelector('.merge-notices')!;
    expect(notices.querySelector('summary')!.textContent).toBe('汇总说明（2 条）');
    expect([...notices.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['甲镇.nianbao：按名单改称甲镇人民政府', '乙镇.pdf：已核对']);
  });

  it('生成汇总报告 asks for the publishing agency, then opens the summary as a new report', async () => {
    bridge.handle({
      'merge:summary': ({ agencyName, level }) => ({ docId: 'sum-1', doc: createReport({ year: 2025, agencyName, level, now: '2026-01-05T00:00:00.000Z' }), fileName: null, location: null }),
    });
    useSession.setState({ prefs: { agency: { name: '某县人民政府办公室', level: '县级', region: '某县', contact: '' }, recent: [] } });
    showing(view());
    fireEvent.click(button('生成汇总报告…'));
    const form = screen.getByRole('dialog', { name: '生成汇总报告' });
    expect(form.textContent).toContain('把计入的 2 份报告逐格相加，生成一份 2025 年度的报告');
    const name = within(form).getByRole('textbox', { name: '本机关名称' }) as HTMLInputElement;
    expect(name.value).toBe('某县人民政府办公室');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(within(form).getByRole('button', { name: '生成' }));
    expect(within(form).getByRole('alert').textContent).toContain('请填写本机关');
    expect(bridge.callsTo('merge:summary')).toEqual([]);
    fireEvent.change(name, { target: { value: ' 某县政务公开办 ' } });
    fireEvent.click(within(form).getByRole('button', { name: '生成' }));
    await waitFor(() => expect(useSession.getState().screen).toBe('editor'));
    expect(bridge.callsTo('merge:summary')).toEqual([{ mergeId: 'm1', agencyName: '某县政务公开办', level: '县级', region: '某县' }]);
    expect(useSession.getState().docId).toBe('sum-1');
    expect(useMerge.getState().askingSummary).toBe(false);
  });

  it('the summary form closes with 取消 or Esc, asking nothing of main', () => {
    showing(view());
    fireEvent.click(button('生成汇总报告…'));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(button('生成汇总报告…'));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.calls).toEqual([]);
  });

  it('offers no summary while no report is counted, nor a workbook without reports', () => {
    showing(view({ rows: [], included: 0, groups: [] }));
    expect(button('生成汇总报告…').disabled).toBe(true);
    expect(button('导出Excel…').disabled).toBe(true);
    expect(button('应报单位名单…').disabled).toBe(false);
  });

  it('exports the workbook and says where; reads a roster', async () => {
    bridge.handle({ 'merge:workbook': () => ({ fileName: '全县.xlsx', location: '/导出' }), 'merge:roster': () => view() });
    showing(view());
    fireEvent.click(button('导出Excel…'));
    await waitFor(() => expect(screen.getByText('已导出 Excel 工作簿：全县.xlsx（/导出）')).toBeTruthy());
    expect(bridge.callsTo('merge:workbook')).toEqual([{ mergeId: 'm1' }]);
    fireEvent.click(button('应报单位名单…'));
    await waitFor(() => expect(bridge.callsTo('merge:roster')).toEqual([{ mergeId: 'm1' }]));
  });

  it('shows main’s error in the message bar', async () => {
    bridge.handle({ 'merge:workbook': () => ({ ok: false, error: { code: 'io', message: '无法写入文件' } }) });
    showing(view());
    fireEvent.click(button('导出Excel…'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('无法写入文件'));
  });

  it('重新开始 forgets the merge; 年报助手 goes back to the start page', () => {
    bridge.handle({ 'merge:close': () => ({}) });
    showing(view());
    fireEvent.click(button('重新开始'));
    expect(bridge.callsTo('merge:close')).toEqual([{ mergeId: 'm1' }]);
    expect(screen.getByRole('heading', { name: '选择各单位报送的年报' })).toBeTruthy();
    fireEvent.click(button('年报助手'));
    expect(useSession.getState().screen).toBe('start');
  });

  it('shows a unit opened from the overview instead of the overview', () => {
    const doc = createReport({ year: 2025, agencyName: '甲镇人民政府', now: '2026-01-05T00:00:00.000Z' });
    const v = view();
    useMerge.setState({ unit: { doc, row: v.rows[0]! } });
    showing(v);
    expect(screen.getByTestId('unit-view')).toBeTruthy();
    expect(screen.queryByTestId('merge-table')).toBeNull();
    expect(screen.queryByTestId('merge-summary')).toBeNull();
    // The overview's commands wait until the user is back on it; 年报助手 stays.
    for (const name of ['添加报告文件…', '添加文件夹…', '应报单位名单…', '导出Excel…', '生成汇总报告…', '重新开始']) {
      expect((button(name) as HTMLButtonElement).disabled, name).toBe(true);
      expect(button(name).getAttribute('title')).toBe('请先返回概览（Esc）');
    }
    expect((button('年报助手') as HTMLButtonElement).disabled).toBe(false);
  });
});
