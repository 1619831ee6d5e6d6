// @vitest-environment jsdom
// MergeTable: the 汇总 overview — one row per report in the chosen order (each header sorts, aria-sort),
// the sum row, only the rows in view rendered, the keyboard moving between rows, and a row opening its
// unit (Enter, double-click, the name) with the focus back on it afterwards.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COLUMNS, MergeTable, ROW_HEIGHT } from '../../../../renderer/src/merge/merge-table';
import { useMerge } from '../../../../renderer/src/merge/merge-store';
import type { MergeRowView, MergeView } from '../../../../shared/ipc/contract';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';
import { mergeRow } from './merge-rows';

const initialMerge = useMerge.getState();
const VISIBLE_HEIGHT = 10 * ROW_HEIGHT;
let bridge: FakeBridge;

// jsdom lays nothing out: the body is given a height, and ResizeObserver (which it lacks) never fires.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => VISIBLE_HEIGHT });
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
});

beforeEach(() => {
  bridge = installFakeBridge({ 'merge:unit': ({ unitId }) => ({ ok: false, error: { code: 'cancelled', message: unitId } }) });
});
afterEach(() => {
  cleanup();
  bridge.uninstall();
  useMerge.setState(initialMerge, true);
});

const row = mergeRow;

function view(rows: MergeRowView[], over: Partial<MergeView> = {}): MergeView {
  return { mergeId: 'm1', sources: [], groups: [], rows, failed: [], skipped: [], notices: [], included: rows.length, incomplete: 0, ...over };
}

const FOUR = [
  row('u1', '乙镇', { totals: { received: 5, handled: 5, carriedOver: 0, review: 0, suits: 0 } }),
  row('u2', '甲镇', { totals: { received: null, handled: null, carriedOver: null, review: null, suits: null }, status: 'marked', source: 'pdf-edited' }),
  row('u3', '丙镇', { totals: { received: 12, handled: 11, carriedOver: 1, review: 1, suits: 0 }, findings: { error: 2, confirm: 3, confirmExplained: 1, hint: 4 } }),
  row('u4', '丁镇', { level: '县级', rosterName: '丁镇人民政府', location: '/收到/县级' }),
];

function show(v: MergeView) {
  useMerge.setState({ view: v });
  return render(<MergeTable view={v} />);
}

/** The unit ids of the rendered rows, top to bottom. */
const shownIds = () => [...document.querySelectorAll<HTMLElement>('.merge-body [role="row"]')].map((r) => r.dataset.unitId);
const header = (label: string) => screen.getAllByRole('columnheader').find((h) => h.querySelector('button')!.textContent!.startsWith(label))!;
const focusedRow = () => (document.activeElement as HTMLElement).closest<HTMLElement>('[role="row"]')?.dataset.unitId;

describe('MergeTable', () => {
  it('has a header per column, sorted by unit name at first', () => {
    show(view(FOUR));
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.querySelector('button')!.dataset.column)).toEqual(COLUMNS.map((c) => c.id));
    expect(header('单位').getAttribute('aria-sort')).toBe('ascending');
    expect(header('单位').textContent).toBe('单位▲');
    expect(headers.filter((h) => h.getAttribute('aria-sort') !== 'none')).toHaveLength(1);
    expect(shownIds()).toEqual(['u3', 'u4', 'u2', 'u1']); // 丙 丁 甲 乙 in pinyin order
  });

  it('shows a report’s row: level, year, format, source, status, finding counts, totals, file', () => {
    show(view(FOUR));
    const cells = (id: string) => [...document.querySelector(`[data-unit-id="${id}"]`)!.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    expect(cells('u3').map((c) => c.textContent)).toEqual(['丙镇', '乡镇', '2025', '2021年版', '报告文件', '计入', '23(1)4', '12', '11', '1', '1', '0', '丙镇.nianbao']);
    expect(cells('u3')[6]!.querySelector('[aria-label]')!.getAttribute('aria-label')).toBe('错误 2 条，须说明 3 条（已说明 1 条），提示 4 条');
    expect(cells('u2').slice(4, 6).map((c) => c.textContent)).toEqual(['PDF导出后被改动', '有疑问，未计入']);
    expect(cells('u2').slice(7, 12).map((c) => c.textContent)).toEqual(['—', '—', '—', '—', '—']);
    expect(cells('u4')[0]!.title).toBe('名单中：丁镇人民政府');
    expect(cells('u4')[12]!.title).toBe('/收到/县级/丁镇.nianbao');
  });

  it('sorts by the header clicked: figures largest first, blanks last, a second click turns it round', () => {
    show(view(FOUR));
    fireEvent.click(within(header('收到')).getByRole('button'));
    expect(useMerge.getState().sort).toEqual({ column: 'received', direction: 'descending' });
    expect(header('收到').getAttribute('aria-sort')).toBe('descending');
    expect(header('单位').getAttribute('aria-sort')).toBe('none');
    expect(shownIds()).toEqual(['u3', 'u1', 'u4', 'u2']);
    fireEvent.click(within(header('收到')).getByRole('button'));
    expect(header('收到').getAttribute('aria-sort')).toBe('ascending');
    expect(shownIds()).toEqual(['u4', 'u1', 'u3', 'u2']);
  });

  it('sums the included reports in the last row, saying when some left cells blank', () => {
    const { unmount } = show(view(FOUR, { included: 3, incomplete: 2, sum: { received: 17, handled: 16, carriedOver: 1, review: 1, suits: null } }));
    const foot = screen.getByTestId('merge-sum');
    expect(foot.textContent).toContain('合计（计入的 3 份）');
    expect(foot.textContent).toContain('有 2 格部分单位留空，合计只含其余单位');
    expect(['received', 'handled', 'carriedOver', 'review', 'suits'].map((id) => foot.querySelector(`[data-total="${id}"]`)!.textContent)).toEqual(['17', '16', '1', '1', '—']);
    unmount();
    show(view([], { included: 0 }));
    expect(screen.getByTestId('merge-sum').querySelector('.foot-note')!.textContent).toBe('');
    expect(screen.getByTestId('merge-sum').querySelector('[data-total="received"]')!.textContent).toBe('—');
  });

  it('renders only the rows in view of a long overview, and follows the scrolling', () => {
    const many = Array.from({ length: 300 }, (_, i) => row(`u${i}`, `单位${String(i).padStart(3, '0')}`));
    show(view(many));
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('302');
    const first = shownIds();
    expect(first[0]).toBe('u0');
    expect(first.length).toBeGreaterThanOrEqual(10);
    expect(first.length).toBeLessThan(40);
    const body = document.querySelector<HTMLElement>('.merge-body')!;
    body.scrollTop = 150 * ROW_HEIGHT;
    fireEvent.scroll(body);
    const later = shownIds();
    expect(later).toContain('u150');
    expect(later).toContain('u159');
    expect(later).not.toContain('u0');
    const top = document.querySelector<HTMLElement>('[data-unit-id="u150"]')!;
    expect(top.style.top).toBe(`${150 * ROW_HEIGHT}px`);
    expect(top.getAttribute('aria-rowindex')).toBe('152');
  });

  it('is one tab stop; ↓ ↑ End Home move the focus between rows, rendering the row reached', () => {
    const many = Array.from({ length: 300 }, (_, i) => row(`u${i}`, `单位${String(i).padStart(3, '0')}`));
    show(view(many));
    const stops = () => [...document.querySelectorAll<HTMLElement>('.merge-body [tabindex="0"]')];
    expect(stops().map((s) => s.closest<HTMLElement>('[role="row"]')!.dataset.unitId)).toEqual(['u0']);
    stops()[0]!.focus();
    const body = document.querySelector<HTMLElement>('.merge-body')!;
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    expect(focusedRow()).toBe('u1');
    fireEvent.keyDown(body, { key: 'ArrowUp' });
    fireEvent.keyDown(body, { key: 'ArrowUp' });
    expect(focusedRow()).toBe('u0');
    fireEvent.keyDown(body, { key: 'End' });
    expect(focusedRow()).toBe('u299');
    expect(body.scrollTop).toBe(300 * ROW_HEIGHT - VISIBLE_HEIGHT);
    expect(stops().map((s) => s.closest<HTMLElement>('[role="row"]')!.dataset.unitId)).toEqual(['u299']);
    fireEvent.keyDown(body, { key: 'PageUp' });
    expect(focusedRow()).toBe(`u${299 - (VISIBLE_HEIGHT / ROW_HEIGHT - 1)}`);
    fireEvent.keyDown(body, { key: 'Home' });
    expect(focusedRow()).toBe('u0');
    expect(body.scrollTop).toBe(0);
  });

  it('opens the unit of the row with Enter, a double-click or its name', () => {
    show(view(FOUR));
    const body = document.querySelector<HTMLElement>('.merge-body')!;
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'Enter' });
    fireEvent.doubleClick(document.querySelector('[data-unit-id="u1"]')!);
    fireEvent.click(screen.getByRole('button', { name: '甲镇' }));
    expect(bridge.callsTo('merge:unit')).toEqual([
      { mergeId: 'm1', unitId: 'u4' },
      { mergeId: 'm1', unitId: 'u1' },
      { mergeId: 'm1', unitId: 'u2' },
    ]);
  });

  it('gives the focus back to the row of the unit just closed', async () => {
    show(view(FOUR));
    act(() => useMerge.setState({ returnTo: 'u2' }));
    await waitFor(() => expect(focusedRow()).toBe('u2'));
    expect(useMerge.getState().returnTo).toBeNull();
  });
});
