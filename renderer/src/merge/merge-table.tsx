// The overview of the units: one row per report, sortable by every column (aria-sort on the header),
// rows virtualised (only those in view are in the page, so 1,000 units scroll as lightly as 10). Each
// header is a sort button; the rows are one Tab stop: ↑/↓, PageUp/PageDown, Home/End move between rows,
// Enter opens the unit.
import { flushSync } from 'react-dom';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MergeRowView, MergeView } from '../../../shared/ipc/contract';
import { UNIT_SOURCE_LABELS, type KeyTotals } from '../../../shared/merge/plan-merge';
import { openUnit, sortBy } from './merge-actions';
import { nextSort, sortRows, SOURCE_SHORT, statusText, type SortColumn } from './merge-sort';
import { useMerge } from './merge-store';

export const ROW_HEIGHT = 32;
const OVERSCAN = 8;

interface Column {
  id: SortColumn;
  label: string;
  /** Full header for screen readers and the tooltip, when the label is short. */
  title?: string;
  numeric?: boolean;
}

const TOTAL_COLUMNS: { id: keyof KeyTotals; label: string; title: string }[] = [
  { id: 'received', label: '收到', title: '本年新收政府信息公开申请数量' },
  { id: 'handled', label: '办结', title: '本年度办理结果总计' },
  { id: 'carriedOver', label: '结转', title: '结转下年度继续办理' },
  { id: 'review', label: '复议', title: '行政复议总计' },
  { id: 'suits', label: '诉讼', title: '行政诉讼总计（未经复议直接起诉与复议后起诉）' },
];

export const COLUMNS: Column[] = [
  { id: 'unit', label: '单位' },
  { id: 'level', label: '层级' },
  { id: 'year', label: '年度', numeric: true },
  { id: 'format', label: '格式' },
  { id: 'source', label: '数据来源' },
  { id: 'status', label: '状态' },
  { id: 'findings', label: '错误/须说明/提示', title: '检查结果：错误、须说明（已说明）、提示的条数', numeric: true },
  ...TOTAL_COLUMNS.map((c) => ({ ...c, numeric: true })),
  { id: 'file', label: '文件' },
];

const show = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

function FindingCounts({ row }: { row: MergeRowView }) {
  const f = row.findings;
  const label = `错误 ${f.error} 条，须说明 ${f.confirm} 条（已说明 ${f.confirmExplained} 条），提示 ${f.hint} 条`;
  return (
    <span className="finding-counts" title={label} aria-label={label}>
      <span className={`n n-error ${f.error > 0 ? 'some' : ''}`}>{f.error}</span>
      <span className={`n n-confirm ${f.confirm > f.confirmExplained ? 'some' : ''}`}>
        {f.confirm}
        {f.confirm > 0 ? `(${f.confirmExplained})` : ''}
      </span>
      <span className="n n-hint">{f.hint}</span>
    </span>
  );
}

function cellsOf(row: MergeRowView): { text: ReactNode; title?: string; className?: string }[] {
  return [
    { text: row.unit, title: row.rosterName && row.rosterName !== row.unit ? `名单中：${row.rosterName}` : row.unit, className: 'unit' },
    { text: row.level },
    { text: String(row.year), className: 'num' },
    { text: `${row.format}年版` },
    { text: SOURCE_SHORT[row.source], title: UNIT_SOURCE_LABELS[row.source], className: `source ${row.source}` },
    { text: statusText(row), title: row.statusDetail ?? statusText(row), className: `status ${row.status}` },
    { text: <FindingCounts row={row} />, className: 'num' },
    ...TOTAL_COLUMNS.map((c) => ({ text: show(row.totals[c.id]), className: 'num' })),
    { text: row.fileName, title: `${row.location}/${row.fileName}`, className: 'file' },
  ];
}

export function MergeTable({ view }: { view: MergeView }) {
  const sort = useMerge((s) => s.sort);
  const returnTo = useMerge((s) => s.returnTo);
  const rows = useMemo(() => sortRows(view.rows, sort), [view.rows, sort]);
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [active, setActive] = useState<string | null>(null);
  const activeIndex = Math.max(0, rows.findIndex((r) => r.unitId === active));

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => {
      setHeight(el.clientHeight);
      // The header and sum rows leave room for the body's scroll bar (0 where scroll bars overlay).
      el.parentElement?.style.setProperty('--scrollbar', `${el.offsetWidth - el.clientWidth}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** Scrolls row `index` into view and moves the focus to it once it is rendered. */
  const focusRow = useCallback(
    (index: number) => {
      const el = body.current;
      const row = rows[index];
      if (!el || !row) return;
      const top = index * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      // Rendered now (flushSync), so the focus moves in the same task as the key that asked for it.
      flushSync(() => {
        setScrollTop(el.scrollTop);
        setActive(row.unitId);
      });
      body.current?.querySelector<HTMLElement>(`[data-unit-id="${row.unitId}"] [role="gridcell"]`)?.focus();
    },
    [rows],
  );

  // Back from a unit's report: its row gets the focus again.
  useEffect(() => {
    if (!returnTo) return;
    const index = rows.findIndex((r) => r.unitId === returnTo);
    useMerge.setState({ returnTo: null });
    // After this render (flushSync is not for effects).
    if (index >= 0) requestAnimationFrame(() => focusRow(index));
  }, [returnTo, rows, focusRow]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(Math.min(rows.length - 1, Math.max(0, activeIndex + moves[e.key]!)));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? 0 : rows.length - 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const row = rows[activeIndex];
      if (row) {
        e.preventDefault();
        void openUnit(row.unitId);
      }
    }
  };

  return (
    <div className="merge-table" role="grid" aria-label="各单位报告概览" aria-rowcount={rows.length + 2} aria-colcount={COLUMNS.length} data-testid="merge-table">
      <div className="merge-row head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <div
            key={c.id}
            role="columnheader"
            className={c.numeric ? 'num' : undefined}
            aria-sort={sort.column === c.id ? sort.direction : 'none'}
            title={c.title}
          >
            <button type="button" className="sort" onClick={() => sortBy(nextSort(sort, c.id))} data-column={c.id} title={`按${c.title ?? c.label}排序`}>
              {c.label}
              <span className="arrow" aria-hidden="true">
                {sort.column === c.id ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
              </span>
            </button>
          </div>
        ))}
      </div>
      <div className="merge-body" ref={body} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKeyDown} role="rowgroup">
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((row, i) => {
            const index = first + i;
            return (
              <div
                key={row.unitId}
                role="row"
                aria-rowindex={index + 2}
                data-unit-id={row.unitId}
                className={`merge-row ${row.status}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                onClick={() => setActive(row.unitId)}
                onDoubleClick={() => void openUnit(row.unitId)}
              >
                {cellsOf(row).map((cell, c) => (
                  <div
                    key={c}
                    role="gridcell"
                    className={cell.className}
                    title={cell.title}
                    // The unit's cell is the row's one focus stop (the table is one Tab stop).
                    tabIndex={c === 0 ? (index === activeIndex ? 0 : -1) : undefined}
                    onFocus={c === 0 ? () => setActive(row.unitId) : undefined}
                  >
                    {c === 0 ? (
                      <button type="button" className="link open-unit" tabIndex={-1} onClick={() => void openUnit(row.unitId)}>
                        {cell.text}
                      </button>
                    ) : (
                      cell.text
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <div className="merge-row foot" role="row" aria-rowindex={rows.length + 2} data-testid="merge-sum">
        <div role="gridcell" className="unit">
          合计（计入的 {view.included} 份）
        </div>
        <div role="gridcell" className="foot-note">
          {view.incomplete > 0 ? `有 ${view.incomplete} 格部分单位留空，合计只含其余单位` : ''}
        </div>
        {TOTAL_COLUMNS.map((c) => (
          <div key={c.id} role="gridcell" className="num" data-total={c.id}>
            {show(view.sum?.[c.id])}
          </div>
        ))}
        <div role="gridcell" />
      </div>
    </div>
  );
}
