// What the 汇总 mode's buttons do. Main reads the files it chose in its own dialogs; the renderer sends
// only decisions (by unit id) and shows what main answers.
import type { BridgeError, MergeView } from '../../../shared/ipc/contract';
import type { DataChoice } from '../../../shared/merge/plan-merge';
import type { AgencyLevel } from '../../../shared/model/report';
import { showOpened } from '../app/actions';
import { invoke, onEvent } from '../lib/bridge';
import { showError, showNotice, useSession } from '../store/session-store';
import { INITIAL_SORT, useMerge } from './merge-store';

type Answer<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Runs a request with `busy` shown; errors go to the message bar (a cancelled dialog says nothing). */
async function busy<T>(what: string, request: Promise<Answer<T>>): Promise<T | null> {
  useMerge.setState({ busy: what });
  try {
    const res = await request;
    if (!res.ok) {
      showError(res.error);
      return null;
    }
    useSession.setState({ error: null });
    return res.value;
  } finally {
    useMerge.setState({ busy: null });
  }
}

function showView(view: MergeView): void {
  // Decisions about units main no longer lists (none today: units are only added) are dropped.
  const ids = new Set(view.rows.map((r) => r.unitId));
  const keep = <T,>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([id]) => ids.has(id)));
  useMerge.setState((s) => ({ view, include: keep(s.include), matches: keep(s.matches) }));
}

/** 汇总多个单位的年报 on the start page: the 汇总 mode, with the merge already under way if there is one. */
export function openMergeMode(): void {
  useSession.setState({ screen: 'merge', error: null, notice: null });
}

export function leaveMergeMode(): void {
  useMerge.setState({ unit: null, askingSummary: false });
  useSession.setState({ screen: 'start', error: null, notice: null });
}

const READING = '正在读取各单位的报告…';

/** 添加报告文件… / 添加文件夹…: main's open dialog, then main reads what was chosen (saying how far it is). */
export async function addSources(kind: 'files' | 'folder'): Promise<void> {
  const mergeId = useMerge.getState().view?.mergeId;
  const stop = onEvent('merge:progress', ({ done, total }) => {
    if (useMerge.getState().busy?.startsWith(READING)) useMerge.setState({ busy: `${READING}已读 ${done}/${total} 个文件` });
  });
  try {
    const view = await busy(READING, invoke('merge:add', { ...(mergeId ? { mergeId } : {}), kind }));
    if (view) showView(view);
  } finally {
    stop();
  }
}

export async function chooseRoster(): Promise<void> {
  const mergeId = useMerge.getState().view?.mergeId;
  if (!mergeId) return;
  const view = await busy('正在读取名单…', invoke('merge:roster', { mergeId }));
  if (!view) return;
  useMerge.setState({ matches: {} });
  showView(view);
}

/** Sends every decision after applying `change` to them. */
async function decide(change: (s: ReturnType<typeof useMerge.getState>) => Partial<ReturnType<typeof useMerge.getState>>): Promise<void> {
  const state = useMerge.getState();
  if (!state.view) return;
  const next = { ...state, ...change(state) };
  const before = { group: state.group, include: state.include, matches: state.matches };
  // The choice shows at once (the radio the user clicked stays checked); the overview follows when main
  // has summed again, and a failed round trip puts the earlier choice back.
  useMerge.setState({ group: next.group, include: next.include, matches: next.matches });
  const view = await busy(
    '正在重新汇总…',
    invoke('merge:decide', {
      mergeId: state.view.mergeId,
      ...(next.group ? { group: next.group } : {}),
      include: Object.entries(next.include).map(([unitId, choice]) => ({ unitId, choice })),
      matches: Object.entries(next.matches).map(([unitId, rosterName]) => ({ unitId, rosterName })),
    }),
  );
  if (!view) {
    useMerge.setState(before);
    return;
  }
  showView(view);
}

export function chooseGroup(year: number, format: MergeView['groups'][number]['format']): Promise<void> {
  return decide(() => ({ group: { year, format } }));
}

/** A marked report counted with the figures the user names, or (null) left out again. */
export function includeUnit(unitId: string, choice: DataChoice | null): Promise<void> {
  return decide((s) => {
    const include = { ...s.include };
    if (choice) include[unitId] = choice;
    else delete include[unitId];
    return { include };
  });
}

export function confirmMatch(unitId: string, rosterName: string | null): Promise<void> {
  return decide((s) => {
    const matches = { ...s.matches };
    if (rosterName) matches[unitId] = rosterName;
    else delete matches[unitId];
    return { matches };
  });
}

/** Opens a unit's report read-only; the overview keeps where it was. */
export async function openUnit(unitId: string): Promise<void> {
  const mergeId = useMerge.getState().view?.mergeId;
  if (!mergeId) return;
  const unit = await busy('正在打开…', invoke('merge:unit', { mergeId, unitId }));
  if (unit) useMerge.setState({ unit, returnTo: unitId });
}

/** Back from the read-only view: the overview, the focus on the unit's row. */
export function closeUnit(): void {
  useMerge.setState((s) => ({ unit: null, returnTo: s.unit?.row.unitId ?? s.returnTo }));
}

export function sortBy(sort: ReturnType<typeof useMerge.getState>['sort']): void {
  useMerge.setState({ sort });
}

export interface SummaryInput {
  agencyName: string;
  level: AgencyLevel;
  region: string;
}

/** 生成汇总报告: main sums the included reports into a report of the receiving office, opened as a new
 *  unsaved document (edited, checked, exported and saved like any report). */
export async function generateSummary(input: SummaryInput): Promise<void> {
  const view = useMerge.getState().view;
  if (!view) return;
  const opened = await busy(
    '正在生成汇总报告…',
    invoke('merge:summary', { mergeId: view.mergeId, agencyName: input.agencyName, level: input.level, ...(input.region ? { region: input.region } : {}) }),
  );
  if (!opened) return;
  useMerge.setState({ askingSummary: false });
  showOpened(opened, true);
  showNotice(`已生成汇总报告：${opened.doc.merged?.units.length ?? view.included} 个单位之和，尚未保存。请补写正文，检查后保存（Ctrl+S）并导出。`);
}

export async function exportWorkbook(): Promise<void> {
  const view = useMerge.getState().view;
  if (!view) return;
  const saved = await busy('正在导出 Excel…', invoke('merge:workbook', { mergeId: view.mergeId }));
  if (saved) showNotice(`已导出 Excel 工作簿：${saved.fileName}（${saved.location}）`);
}

/** 重新开始: forgets the merge (the files stay where they are). */
export async function resetMerge(): Promise<void> {
  const view = useMerge.getState().view;
  if (view) void invoke('merge:close', { mergeId: view.mergeId });
  useMerge.setState({ view: null, group: null, include: {}, matches: {}, unit: null, returnTo: null, sort: INITIAL_SORT, askingSummary: false });
}
