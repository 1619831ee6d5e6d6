// A table of the report as the official table: the printed grid of formatModel() with its merged
// headers and row labels, value cells as inputs. Each cell subscribes to its own value, mark and edit
// state, so a keystroke re-renders one cell, not the table.
import { memo, useEffect, useMemo } from 'react';
import type { FormatModel, TableId } from '../../../shared/formats/index';
import { SEVERITY_LABELS } from '../../../shared/checks/types';
import { isComputedCell } from '../../../shared/checks/typed-totals';
import type { GridCell, GridTable } from '../../../shared/formats/types';
import { formatCellValue, parseCellValue } from '../../../shared/model/cell-value';
import { proposedByConversion } from '../../../shared/model/convert-format';
import { useDocStore } from '../store/document-store';
import { useFindings } from '../store/findings-store';
import { useSession } from '../store/session-store';
import { GridController, useGridUi } from './grid-controller';
import { GridColumns } from './grid-columns';

export interface GridEditorProps {
  table: TableId;
  grid: GridTable;
  model: FormatModel;
  /** Header text as printed (e.g. the 2019 procurement amount with its unit). */
  headerText?: (cell: GridCell) => string;
  caption: string;
}

/** What a cell proposed from last year's report says until it is confirmed or edited. */
export const PROPOSED_LABEL = '按上年报告建议填入，待确认';
/** The same for a value offered again by converting back to the format it was kept from. */
export const PROPOSED_BY_CONVERSION_LABEL = '按上次转换格式前的数值建议填入，待确认';

export function cellAccessibleName(model: FormatModel, key: string): string {
  const def = model.cellByKey.get(key);
  if (!def) return key;
  return `${def.rowLabels.join(' ')}，${def.columnLabels.join(' ')}`;
}

export function GridEditor({ table, grid, model, headerText, caption }: GridEditorProps) {
  const ctl = useMemo(() => new GridController(table, grid, model), [table, grid, model]);
  const typedTotals = useDocStore((s) => s.doc?.settings?.typedTotals);
  const focus = useSession((s) => s.focus);

  // A fresh cursor for each table shown; a focus request from the findings panel moves it.
  useEffect(() => {
    useGridUi.setState({ cursor: ctl.layout.keys[0] ?? null, edit: null, message: null });
    return () => {
      ctl.commit();
      useGridUi.setState({ cursor: null, edit: null, message: null });
    };
  }, [ctl]);
  useEffect(() => {
    if (focus?.kind === 'cell' && ctl.layout.position.has(focus.key)) {
      ctl.focus(focus.key);
      useSession.setState({ focus: null });
    }
  }, [focus, ctl]);

  const text = (cell: GridCell) => (headerText ? headerText(cell) : (cell.text ?? ''));

  return (
    <table className={`grid grid-${table}`} data-table={table} role="grid" aria-rowcount={grid.headerRows.length + grid.bodyRows.length}>
      <caption className="visually-hidden">{caption}</caption>
      <GridColumns widths={grid.columnWidths} />
      {grid.headerRows.length > 0 && (
        <thead>
          {grid.headerRows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <th key={c} scope="col" rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={cell.role === 'header' && r === 0 && c === 0 && table === 't3' ? 'note' : undefined}>
                  {text(cell)}
                </th>
              ))}
            </tr>
          ))}
        </thead>
      )}
      <tbody>
        {grid.bodyRows.map((row, r) => (
          <tr key={r} className={row[0]?.role === 'title' ? 'title-row' : undefined}>
            {row.map((cell, c) => {
              if (cell.role === 'value' && cell.key) {
                return (
                  <ValueCell
                    key={cell.key}
                    cellKey={cell.key}
                    colSpan={cell.colSpan}
                    label={cellAccessibleName(model, cell.key)}
                    computed={isComputedCell({ format: model.format.id, settings: { typedTotals } }, cell.key)}
                    ctl={ctl}
                  />
                );
              }
              const className = cell.role === 'title' ? 'sub-title' : cell.role === 'label' ? 'row-label' : 'col-header';
              return (
                <th key={c} scope={cell.role === 'label' ? 'row' : 'col'} rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={className}>
                  {text(cell)}
                </th>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ValueCellProps {
  cellKey: string;
  colSpan: number;
  label: string;
  computed: boolean;
  ctl: GridController;
}

const ValueCell = memo(function ValueCell({ cellKey, colSpan, label, computed, ctl }: ValueCellProps) {
  const value = useDocStore((s) => s.doc?.cells[cellKey] ?? null);
  const refused = useDocStore((s) => s.doc?.invalidCells?.[cellKey]);
  const editText = useGridUi((s) => (s.edit?.key === cellKey ? s.edit.text : null));
  const isCursor = useGridUi((s) => s.cursor === cellKey);
  const message = useGridUi((s) => (s.message?.key === cellKey ? s.message : null));
  const dismissed = useGridUi((s) => s.dismissed.has(cellKey));
  const lastRefused = useGridUi((s) => s.lastRefused === cellKey);
  const mark = useFindings((s) => s.marks.get(cellKey));
  const proposedLabel = useDocStore((s) =>
    s.doc?.proposed?.cells.includes(cellKey) !== true ? null : proposedByConversion(s.doc, cellKey) ? PROPOSED_BY_CONVERSION_LABEL : PROPOSED_LABEL,
  );
  const proposed = proposedLabel !== null;
  const shown = editText ?? refused ?? formatCellValue(value);
  const classes = ['cell'];
  if (computed) classes.push('computed');
  if (proposed) classes.push('proposed');
  if (mark) classes.push(`mark-${mark}`);
  if (refused !== undefined) classes.push('invalid');
  if (editText !== null) classes.push('editing');
  if (value === null && refused === undefined && editText === null) classes.push('blank');
  // A refused entry keeps its reason next to it until it is corrected or the user hides it with Esc.
  const kind = ctl.model.cellByKey.get(cellKey)?.kind ?? 'count';
  const check = refused !== undefined ? parseCellValue(refused, kind) : null;
  const reason = check && !check.ok ? check : null;
  const reasonId = `reason-${cellKey}`;
  const fullLabel = `${label}${computed ? '（自动计算；输入数字则改为手工填写合计）' : ''}${proposed ? `（${proposedLabel}）` : ''}${mark ? `（${SEVERITY_LABELS[mark]}）` : ''}`;
  return (
    <td colSpan={colSpan} className={classes.join(' ')} aria-selected={isCursor}>
      <input
        ref={ctl.ref(cellKey)}
        data-key={cellKey}
        value={shown}
        aria-label={fullLabel}
        aria-invalid={mark === 'error' || refused !== undefined ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        tabIndex={isCursor ? 0 : -1}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        title={reason ? reason.reason : computed ? '自动计算' : proposed ? proposedLabel : undefined}
        onFocus={() => ctl.onFocus(cellKey)}
        onBlur={() => ctl.onBlur(cellKey)}
        onKeyDown={(e) => ctl.onKeyDown(cellKey, e)}
        onChange={(e) => ctl.onChange(cellKey, e)}
        onCompositionStart={() => ctl.onCompositionStart(cellKey)}
        onCompositionEnd={(e) => ctl.onCompositionEnd(cellKey, e)}
        onPaste={(e) => ctl.onPaste(cellKey, e)}
        onDoubleClick={() => ctl.onDoubleClick(cellKey)}
      />
      {proposed && (
        <span className="proposed-badge" aria-hidden="true">
          待确认
        </span>
      )}
      {message ? (
        <div className={`cell-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : (
        reason &&
        !dismissed &&
        lastRefused && (
          <div id={reasonId} className="cell-message error refused" role="alert" data-testid="cell-reason">
            未接受“{refused}”：{reason.reason}。
            {reason.rounded !== undefined ? `按 Ctrl+Enter 改为 ${formatCellValue(reason.rounded)}；` : ''}
            改正即可，Esc 隐藏此提示。
          </div>
        )
      )}
    </td>
  );
});
