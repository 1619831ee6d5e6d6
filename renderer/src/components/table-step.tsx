// A table step: the official table as a spreadsheet, with the switches that belong to it (typed
// totals, the 2019 procurement unit) and the keyboard help.
import { useCallback } from 'react';
import { formatModel, headerText as printedHeader } from '../../../shared/formats/index';
import type { GridCell, TableId } from '../../../shared/formats/types';
import { PROCUREMENT_UNITS, type ProcurementUnit } from '../../../shared/model/report';
import { TABLE_NAMES } from '../../../shared/formats/vocabulary';
import { cellAccessibleName, GridEditor } from '../grid/grid-editor';
import { currentDoc, setTypedTotals, typedTotalsReplaced, updateDoc, useDocStore } from '../store/document-store';
import { closeDialog, openDialog } from '../store/session-store';
import { fillBlanksWithZero } from './findings-panel';
import { blankCellsToFill } from '../../../shared/checks/typed-totals';
import { LedgerTools } from './ledger-panel';
import { ProposedPanel } from './proposed-panel';
import { stepTitle } from './step-rail';

const DETAILS_SHOWN = 6;

/** Turns typed totals on, or off after asking when that replaces totals that differ from their sums. */
export function switchTypedTotals(table: TableId, typed: boolean): void {
  const doc = currentDoc();
  if (!doc) return;
  const replaced = typed ? [] : typedTotalsReplaced(doc, table);
  if (replaced.length === 0) {
    setTypedTotals(table, typed);
    return;
  }
  const model = formatModel(doc.format);
  const details = replaced
    .slice(0, DETAILS_SHOWN)
    .map((r) => `${cellAccessibleName(model, r.key)}：手工填写 ${r.typed}，各项之和 ${r.computed ?? '（空白）'}`);
  if (replaced.length > DETAILS_SHOWN) details.push(`另有 ${replaced.length - DETAILS_SHOWN} 个`);
  openDialog({
    title: '改为自动计算合计',
    message: `${TABLE_NAMES[table]}有 ${replaced.length} 个手工填写的合计与各项之和不同。改为自动计算后，这些合计将被各项之和替换（之后仍可按 Ctrl+Z 撤销）。`,
    details,
    buttons: [
      {
        label: '改为自动计算',
        action: () => {
          closeDialog();
          setTypedTotals(table, false);
        },
      },
      { label: '保留手工填写的合计', primary: true, action: closeDialog },
    ],
  });
}

export function TableStep({ table }: { table: TableId }) {
  const format = useDocStore((s) => s.doc?.format ?? '2021');
  const typed = useDocStore((s) => (s.doc?.settings?.typedTotals ?? []).includes(table));
  const unit = useDocStore((s) => s.doc?.settings?.procurementUnit);
  // The cells the button fills, counted by the same rule (not the blank computed totals, which follow).
  const blanks = useDocStore((s) => (s.doc ? blankCellsToFill(s.doc, table).length : 0));
  const model = formatModel(format);
  const grid = model.grids[table];
  const hasComputed = model.keysByTable[table].some((k) => model.cellByKey.get(k)?.computed);
  const unitChosenFor = table === 't2' ? model.format.t2.unitChosenFor : undefined;
  const askUnit = unitChosenFor !== undefined;
  const unitCell = unitChosenFor ? model.cellByKey.get(unitChosenFor) : undefined;
  const title = stepTitle(table);

  const headerText = useCallback(
    (cell: GridCell) => printedHeader(cell, unit),
    [unit],
  );

  return (
    <section className="step-page table-step" aria-labelledby="step-heading">
      <h1 id="step-heading">{title}</h1>
      <div className="table-tools">
        {hasComputed && (
          <label className="check">
            <input type="checkbox" checked={typed} onChange={(e) => switchTypedTotals(table, e.target.checked)} />
            手工填写合计（照录纸质报告时用；不勾选时合计自动计算）
          </label>
        )}
        {askUnit && (
          <fieldset className="unit">
            <legend>{unitCell ? `${unitCell.rowLabels.at(-1)}“${unitCell.columnLabels.at(-1)}”的单位` : ''}</legend>
            {PROCUREMENT_UNITS.map((u) => (
              <label key={u} className="check">
                <input
                  type="radio"
                  name="procurementUnit"
                  value={u}
                  checked={unit === u}
                  onChange={() => updateDoc((d) => ({ ...d, settings: { ...d.settings, procurementUnit: u as ProcurementUnit } }))}
                />
                {u}
              </label>
            ))}
            {!unit && <span className="warn">请选择单位，导出时印在表头</span>}
          </fieldset>
        )}
        {blanks > 0 && (
          <button type="button" className="small" onClick={() => fillBlanksWithZero(table)}>
            空白格全部填0（{blanks} 格）
          </button>
        )}
      </div>
      <ProposedPanel table={table} />
      {table === 't3' && <LedgerTools />}
      <div className="grid-wrap">
        <GridEditor table={table} grid={grid} model={model} headerText={headerText} caption={title} />
      </div>
      <p className="keys-help">
        方向键移动 · 直接输入数字即替换 · Enter 下移 · Tab 右移 · F2 或双击修改 · Delete 清空 · Esc 取消修改 · 可从 Excel/WPS
        复制整块数据粘贴 · Ctrl+Z 撤销 · Ctrl+Y 重做 · F6 转到检查结果等其他区域{model.keysByTable[table].some((k) => model.cellByKey.get(k)?.kind === 'signedCount') ? ' · “本年增/减”减少时填负数，如 -3' : ''}
      </p>
    </section>
  );
}
