// @vitest-environment jsdom
// What the 汇总 mode's buttons do (merge-actions.ts), against a fake bridge: busy while main works, every
// decision sent whole, a failed round trip putting the earlier choice back, the read-only unit view, the
// summary report opened unsaved, and 重新开始.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MergeRowView, MergeView } from '../../../../shared/ipc/contract';
import { createReport } from '../../../../shared/model/document';
import {
  addSources,
  chooseGroup,
  chooseRoster,
  closeUnit,
  confirmMatch,
  exportWorkbook,
  generateSummary,
  includeUnit,
  leaveMergeMode,
  openMergeMode,
  openUnit,
  resetMerge,
  sortBy,
} from '../../../../renderer/src/merge/merge-actions';
import { INITIAL_SORT, useMerge } from '../../../../renderer/src/merge/merge-store';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';
import { mergeRow } from './merge-rows';

const session = useSession.getState();
const merge = useMerge.getState();
let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge({ 'merge:close': () => ({}), 'doc:close': () => ({}) });
});
afterEach(() => {
  bridge.uninstall();
  useSession.setState(session, true);
  useMerge.setState(merge, true);
  loadDoc(null);
});

const row = (unitId: string, unit: string) => mergeRow(unitId, unit);

function view(rows: MergeRowView[], over: Partial<MergeView> = {}): MergeView {
  return { mergeId: 'm1', sources: [], groups: [], rows, failed: [], skipped: [], notices: [], included: rows.length, incomplete: 0, ...over };
}

describe('openMergeMode / leaveMergeMode', () => {
  it('switches to the 汇总 screen and back to the start page, clearing messages and the open unit', () => {
    useSession.setState({ notice: '旧', error: { code: 'io', message: '旧' } });
    openMergeMode();
    expect(useSession.getState()).toMatchObject({ screen: 'merge', notice: null, error: null });
    useMerge.setState({ unit: { row: row('u1', '甲镇'), doc: createReport({ year: 2025, agencyName: '甲镇' }) }, askingSummary: true });
    leaveMergeMode();
    expect(useSession.getState().screen).toBe('start');
    expect(useMerge.getState()).toMatchObject({ unit: null, askingSummary: false });
  });
});

describe('addSources', () => {
  it('says how far main has read while it reads, then shows the overview', async () => {
    const busySeen: (string | null)[] = [];
    bridge.handle({
      'merge:add': async () => {
        // Main answers later; meanwhile it reports progress.
        await Promise.resolve();
        bridge.emit('merge:progress', { done: 2, total: 5 });
        busySeen.push(useMerge.getState().busy);
        return view([row('u1', '甲镇')]);
      },
    });
    await addSources('folder');
    expect(bridge.callsTo('merge:add')).toEqual([{ kind: 'folder' }]);
    expect(busySeen).toEqual(['正在读取各单位的报告…已读 2/5 个文件']);
    expect(bridge.listening('merge:progress')).toBe(0);
    expect(useMerge.getState().busy).toBeNull();
    expect(useMerge.getState().view?.rows.map((r) => r.unitId)).toEqual(['u1']);
    // The next files join the same merge; progress after the request is no longer shown.
    await addSources('files');
    expect(bridge.callsTo('merge:add')[1]).toEqual({ mergeId: 'm1', kind: 'files' });
    bridge.emit('merge:progress', { done: 1, total: 1 });
    expect(useMerge.getState().busy).toBeNull();
  });

  it('shows main’s error and leaves the overview as it was', async () => {
    bridge.handle({ 'merge:add': () => ({ ok: false, error: { code: 'io', message: '文件夹读不了' } }) });
    await addSources('folder');
    expect(useSession.getState().error?.message).toBe('文件夹读不了');
    expect(useMerge.getState()).toMatchObject({ view: null, busy: null });
    expect(bridge.listening('merge:progress')).toBe(0);
  });
});

describe('chooseGroup / includeUnit / confirmMatch', () => {
  beforeEach(() => useMerge.setState({ view: view([row('u1', '甲镇'), row('u2', '乙镇')]) }));

  it('sends every decision whole with each change', async () => {
    bridge.handle({ 'merge:decide': () => view([row('u1', '甲镇'), row('u2', '乙镇')]) });
    await chooseGroup(2025, '2021');
    await includeUnit('u1', 'printed');
    await confirmMatch('u2', '乙镇人民政府');
    expect(bridge.callsTo('merge:decide').at(-1)).toEqual({
      mergeId: 'm1',
      group: { year: 2025, format: '2021' },
      include: [{ unitId: 'u1', choice: 'printed' }],
      matches: [{ unitId: 'u2', rosterName: '乙镇人民政府' }],
    });
    await includeUnit('u1', null);
    await confirmMatch('u2', null);
    expect(bridge.callsTo('merge:decide').at(-1)).toEqual({ mergeId: 'm1', group: { year: 2025, format: '2021' }, include: [], matches: [] });
  });

  it('shows the choice at once, and puts the earlier one back when main fails', async () => {
    let answer: (v: unknown) => void = () => {};
    bridge.handle({ 'merge:decide': () => new Promise((resolve) => (answer = resolve)) as never });
    const pending = includeUnit('u1', 'embedded');
    await Promise.resolve();
    expect(useMerge.getState().include).toEqual({ u1: 'embedded' });
    expect(useMerge.getState().busy).toBe('正在重新汇总…');
    answer({ ok: false, error: { code: 'internal', message: '汇总失败' } });
    await pending;
    expect(useMerge.getState().include).toEqual({});
    expect(useSession.getState().error?.message).toBe('汇总失败');
    expect(useMerge.getState().busy).toBeNull();
  });

  it('drops decisions about units main no longer lists', async () => {
    useMerge.setState({ include: { u2: 'printed' }, matches: { u2: '乙镇' } });
    bridge.handle({ 'merge:decide': () => view([row('u1', '甲镇')]) });
    await chooseGroup(2025, '2021');
    expect(useMerge.getState().include).toEqual({});
    expect(useMerge.getState().matches).toEqual({});
  });

  it('sends nothing before there is a merge', async () => {
    useMerge.setState({ view: null });
    await includeUnit('u1', 'printed');
    expect(bridge.callsTo('merge:decide')).toEqual([]);
  });
});

describe('chooseRoster', () => {
  it('reads a roster for the merge and forgets the matches confirmed against the old one', async () => {
    await chooseRoster();
    expect(bridge.callsTo('merge:roster')).toEqual([]);
    useMerge.setState({ view: view([row('u1', '甲镇')]), matches: { u1: '甲镇人民政府' } });
    bridge.handle({ 'merge:roster': () => view([row('u1', '甲镇')], { roster: { fileName: '名单.xlsx', names: 3, missing: [], unknown: [] } }) });
    await chooseRoster();
    expect(bridge.callsTo('merge:roster')).toEqual([{ mergeId: 'm1' }]);
    expect(useMerge.getState().matches).toEqual({});
    expect(useMerge.getState().view?.roster?.fileName).toBe('名单.xlsx');
  });
});

describe('openUnit / closeUnit', () => {
  it('opens a unit read-only and, back on the overview, returns to its row', async () => {
    useMerge.setState({ view: view([row('u1', '甲镇'), row('u2', '乙镇')]) });
    const unit = { row: row('u2', '乙镇'), doc: createReport({ year: 2025, agencyName: '乙镇' }) };
    bridge.handle({ 'merge:unit': () => unit });
    await openUnit('u2');
    expect(bridge.callsTo('merge:unit')).toEqual([{ mergeId: 'm1', unitId: 'u2' }]);
    expect(useMerge.getState()).toMatchObject({ unit, returnTo: 'u2' });
    closeUnit();
    expect(useMerge.getState()).toMatchObject({ unit: null, returnTo: 'u2' });
  });
});

describe('sortBy', () => {
  it('keeps the order the user chose', () => {
    sortBy({ column: 'received', direction: 'descending' });
    expect(useMerge.getState().sort).toEqual({ column: 'received', direction: 'descending' });
  });
});

describe('generateSummary', () => {
  it('opens the summed report as an unsaved document and says how many units it adds up', async () => {
    useMerge.setState({ view: view([row('u1', '甲镇'), row('u2', '乙镇')]), askingSummary: true });
    const doc = createReport({ year: 2025, agencyName: '某县人民政府', level: '县级' });
    bridge.handle({ 'merge:summary': () => ({ docId: 's1', doc, fileName: null, location: null }) });
    await generateSummary({ agencyName: '某县人民政府', level: '县级', region: '' });
    expect(bridge.callsTo('merge:summary')).toEqual([{ mergeId: 'm1', agencyName: '某县人民政府', level: '县级' }]);
    expect(useMerge.getState().askingSummary).toBe(false);
    expect(useSession.getState()).toMatchObject({ screen: 'editor', docId: 's1', savedDoc: null });
    expect(currentDoc()!.agency.name).toBe('某县人民政府');
    expect(useSession.getState().notice).toContain('已生成汇总报告：2 个单位之和，尚未保存。');
  });

  it('keeps the form open when main refuses', async () => {
    useMerge.setState({ view: view([row('u1', '甲镇')]), askingSummary: true });
    bridge.handle({ 'merge:summary': () => ({ ok: false, error: { code: 'invalid-payload', message: '没有计入的报告' } }) });
    await generateSummary({ agencyName: '某县', level: '县级', region: '福建省' });
    expect(bridge.callsTo('merge:summary')[0]).toMatchObject({ region: '福建省' });
    expect(useMerge.getState().askingSummary).toBe(true);
    expect(useSession.getState()).toMatchObject({ screen: 'start', error: { message: '没有计入的报告' } });
  });
});

describe('exportWorkbook', () => {
  it('says where the workbook went', async () => {
    useMerge.setState({ view: view([row('u1', '甲镇')]) });
    bridge.handle({ 'merge:workbook': () => ({ fileName: '汇总.xlsx', location: '/导出' }) });
    await exportWorkbook();
    expect(useSession.getState().notice).toBe('已导出 Excel 工作簿：汇总.xlsx（/导出）');
  });
});

describe('resetMerge', () => {
  it('closes the merge in main and starts over', async () => {
    useMerge.setState({ view: view([row('u1', '甲镇')]), include: { u1: 'printed' }, sort: { column: 'year', direction: 'descending' }, returnTo: 'u1' });
    await resetMerge();
    expect(bridge.callsTo('merge:close')).toEqual([{ mergeId: 'm1' }]);
    expect(useMerge.getState()).toMatchObject({ view: null, group: null, unit: null, returnTo: null, sort: INITIAL_SORT });
    expect(useMerge.getState().include).toEqual({});
  });
});
