// A unit's report, read-only, as the receiving office checks it: the six parts in the report's order (the
// tables as the editor draws them, without inputs) beside its check results (with the unit's written
// explanations). Nothing here edits: the report stays exactly as the unit sent it. Esc or 返回 goes back to
// the overview, the focus on the unit's row.
import { useEffect, useMemo, useRef } from 'react';
import { countBySeverity, isExplained } from '../../../shared/checks/summary';
import { runChecks } from '../../../shared/checks/index';
import { SEVERITY_LABELS, type Severity } from '../../../shared/checks/types';
import { formatModel, headerText } from '../../../shared/formats/index';
import type { FormatModel, TableId } from '../../../shared/formats/index';
import { PLACE_NAMES, REPORT_PLACES } from '../../../shared/formats/vocabulary';
import type { MergeUnitView } from '../../../shared/ipc/contract';
import { UNIT_SOURCE_LABELS } from '../../../shared/merge/plan-merge';
import { formatCellValue } from '../../../shared/model/cell-value';
import { reportTitle, type ReportDocument } from '../../../shared/model/report';
import { cellAccessibleName } from '../grid/grid-editor';
import { GridColumns } from '../grid/grid-columns';
import { isComputedCell } from '../../../shared/checks/typed-totals';
import { closeUnit } from './merge-actions';
import { statusText } from './merge-sort';

const SEVERITIES: Severity[] = ['error', 'confirm', 'hint'];

const OTHER_WORDS = { printed: { short: '印', long: 'PDF 上印的是' }, embedded: { short: '内嵌', long: 'PDF 附带的数据是' } } as const;

function ReadOnlyTable({ table, doc, model, other, differs }: { table: TableId; doc: ReportDocument; model: FormatModel; other?: MergeUnitView['other']; differs: Set<string> }) {
  const grid = model.grids[table];
  const unit = doc.settings?.procurementUnit;
  return (
    <table className={`grid grid-${table} read-only`} data-table={table}>
      <caption className="visually-hidden">{PLACE_NAMES[table]}</caption>
      <GridColumns widths={grid.columnWidths} />
      {grid.headerRows.length > 0 && (
        <thead>
          {grid.headerRows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <th key={c} scope="col" rowSpan={cell.rowSpan} colSpan={cell.colSpan}>
                  {headerText(cell, unit)}
                </th>
              ))}
            </tr>
          ))}
        </thead>
      )}
      <tbody>
        {grid.bodyRows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => {
              if (cell.role === 'value' && cell.key) {
                const differ = differs.has(cell.key);
                const value = formatCellValue(doc.cells[cell.key]);
                const label = cellAccessibleName(model, cell.key);
                return (
                  <td
                    key={cell.key}
                    colSpan={cell.colSpan}
                    data-key={cell.key}
                    className={`cell ro ${isComputedCell(doc, cell.key) ? 'computed' : ''} ${differ ? 'differs' : ''}`}
                    title={differ && other ? `${label}：${value || '空'}，${OTHER_WORDS[other.kind].long} ${formatCellValue(other.doc.cells[cell.key]) || '空'}` : label}
                  >
                    {value}
                    {differ && other && (
                      <span className="printed">
                        {OTHER_WORDS[other.kind].short} {formatCellValue(other.doc.cells[cell.key]) || '空'}
                      </span>
                    )}
                  </td>
                );
              }
              const className = cell.role === 'title' ? 'sub-title' : cell.role === 'label' ? 'row-label' : 'col-header';
              return (
                <th key={c} scope={cell.role === 'label' ? 'row' : 'col'} rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={className}>
                  {headerText(cell, unit)}
                </th>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UnitView({ unit }: { unit: MergeUnitView }) {
  const { doc, row } = unit;
  const model = formatModel(doc.format);
  const findings = useMemo(() => runChecks({ report: doc }), [doc]);
  const counts = countBySeverity(findings);
  const differs = useMemo(() => new Set(unit.printedDiffers ?? []), [unit.printedDiffers]);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    back.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closeUnit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="unit-view" data-testid="unit-view">
      <header className="unit-head">
        <button type="button" ref={back} onClick={closeUnit} aria-keyshortcuts="Escape">
          ← 返回概览（Esc）
        </button>
        <div className="unit-title">
          <h2>{reportTitle(doc)}</h2>
          <p>
            {row.fileName} · {UNIT_SOURCE_LABELS[row.source]} · {statusText(row)}
            {row.statusDetail ? `：${row.statusDetail}` : ''}
          </p>
        </div>
        <span className="read-only-badge">只读（不能修改）</span>
      </header>
      <div className="unit-body">
        <article className="unit-report" aria-label="报告内容（只读）">
          <dl className="unit-meta">
            <dt>机关</dt>
            <dd>
              {doc.agency.name}（{doc.agency.level}）
            </dd>
            <dt>年度</dt>
            <dd>
              {doc.year} 年（{doc.format}年版格式）
            </dd>
            {row.exportedAt && (
              <>
                <dt>导出/保存于</dt>
                <dd>{row.exportedAt.slice(0, 10)}</dd>
              </>
            )}
          </dl>
          {differs.size > 0 && (
            <p className="differs-note" role="note">
              这份 PDF 上印出的表格有 {differs.size} 个数字与它附带的数据不同，导出后被改动过。表中是
              {unit.row.dataUsed === 'printed' ? '您选定的印出的数字，标“内嵌”的是附带的数据' : '附带的数据，标“印”的是 PDF 上印的数字'}。
            </p>
          )}
          {row.notes.length > 0 && (
            <ul className="unit-notes">
              {row.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          {REPORT_PLACES.filter((p) => p !== 'meta').map((place) => (
            <section key={place} className="unit-section">
              <h3>{PLACE_NAMES[place]}</h3>
              {place === 't2' || place === 't3' || place === 't4' ? (
                <ReadOnlyTable table={place} doc={doc} model={model} differs={differs} {...(unit.other ? { other: unit.other } : {})} />
              ) : (
                <p className="unit-text">{doc.sections[place] || '（空）'}</p>
              )}
            </section>
          ))}
        </article>
        <aside className="findings-panel unit-findings" aria-label="这份报告的检查结果">
          <div className="panel-head">
            <h2>检查结果</h2>
            <p className="counts">
              <span className="count error">错误 {counts.error}</span>
              <span className="count confirm">须说明 {counts.confirm}</span>
              <span className="count hint">提示 {counts.hint}</span>
            </p>
          </div>
          <div className="panel-body">
            {findings.length === 0 && <p className="all-clear">没有发现问题。</p>}
            {SEVERITIES.map((severity) => {
              const list = findings.filter((f) => f.severity === severity);
              if (list.length === 0) return null;
              return (
                <section key={severity} className={`severity-group ${severity}`}>
                  <h3>
                    {SEVERITY_LABELS[severity]}（{list.length}）
                  </h3>
                  <ul className="plain-list">
                    {list.map((f) => (
                      <li key={`${f.rule}|${f.target}`} className={`finding ${severity}`} data-rule={f.rule}>
                        <p className="finding-text">{f.message}</p>
                        {severity === 'confirm' && (
                          <p className={`explanation ${isExplained(f) ? 'done' : ''}`}>
                            {isExplained(f) ? `单位的说明：${f.explanation ?? ''}` : '单位没有写说明'}
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </aside>
      </div>
    </div>
  );
}
