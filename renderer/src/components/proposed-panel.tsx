// Values proposed from last year's report (从上年报告开始), or offered again by converting back to the
// format they were kept from (转换格式), in one table: each with its 确认 action, and 全部确认. A proposed
// cell is also marked in the grid; typing into it takes the mark away as well.
import { formatModel, type FormatModel } from '../../../shared/formats/index';
import type { TableId } from '../../../shared/formats/types';
import { formatCellValue } from '../../../shared/model/cell-value';
import { keptBeforeConversion } from '../../../shared/model/convert-format';
import { cellAccessibleName } from '../grid/grid-editor';
import { confirmProposed, useDocStore } from '../store/document-store';
import { focusCell } from '../store/session-store';

const EMPTY: readonly string[] = [];

/** The proposed cells grouped by their row (one line per row: 二、上年结转… ：自然人 0 [确认] 商业企业 0 [确认] …). */
function rows(keys: readonly string[], model: FormatModel): { row: string; items: { key: string; column: string }[] }[] {
  const out: { row: string; items: { key: string; column: string }[] }[] = [];
  for (const key of keys) {
    const def = model.cellByKey.get(key);
    const row = def?.rowLabels.join(' ') ?? key;
    const column = def?.columnLabels.at(-1) ?? key;
    const group = out.find((g) => g.row === row);
    if (group) group.items.push({ key, column });
    else out.push({ row, items: [{ key, column }] });
  }
  return out;
}

export function ProposedPanel({ table }: { table: TableId }) {
  const format = useDocStore((s) => s.doc?.format ?? '2021');
  const proposed = useDocStore((s) => s.doc?.proposed?.cells ?? EMPTY);
  const cells = useDocStore((s) => s.doc?.cells);
  const previous = useDocStore((s) => s.doc?.previous);
  const history = useDocStore((s) => s.doc?.history);
  const keys = proposed.filter((k) => k.startsWith(`${table}.`));
  if (keys.length === 0 || !cells) return null;
  const model = formatModel(format);
  // Offered again by converting back: the values the conversion out of this format kept.
  const kept = keptBeforeConversion(history, format);
  const fromConversion = kept ? keys.filter((k) => Object.hasOwn(kept.dropped, k)).length : 0;
  const lastYear = previous ? ` ${previous.year} 年度报告（${previous.source.fileName}）` : '上年报告';
  const conversion = kept ? `转换为 ${kept.to} 年版格式前的数值（${kept.to} 年版格式中没有位置，保存在文件的历史记录中）` : '';
  const heading = fromConversion === 0 ? '按上年报告建议填入' : fromConversion === keys.length ? '按上次转换格式前的数值建议填入' : '建议填入';
  const origin =
    fromConversion === 0
      ? `这些数字来自${lastYear}`
      : fromConversion === keys.length
        ? `这些数字是${conversion}`
        : `其中 ${fromConversion} 格是${conversion}，其余来自${lastYear}`;
  return (
    <section className="proposed-panel" aria-labelledby={`proposed-${table}`} data-testid="proposed-panel">
      <h2 id={`proposed-${table}`}>
        {heading}、待确认的 {keys.length} 格
      </h2>
      <p className="hint">{origin}，在表中标有“待确认”。请逐格核对：无误点“确认”，有误直接在表中改写。</p>
      {rows(keys, model).map(({ row, items }) => (
        <div key={row} className="proposed-row">
          <span className="proposed-row-label">{row}：</span>
          <ul className="plain-list proposed-list">
            {items.map(({ key, column }) => {
              const name = cellAccessibleName(model, key);
              return (
                <li key={key}>
                  <button type="button" className="link" title={`转到 ${name}`} onClick={() => focusCell(key)}>
                    {column}
                  </button>{' '}
                  <strong>{formatCellValue(cells[key] ?? null)}</strong>{' '}
                  <button type="button" className="small" aria-label={`确认 ${name}`} onClick={() => confirmProposed([key])}>
                    确认
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div className="form-buttons">
        <button type="button" className="small primary" onClick={() => confirmProposed(keys)}>
          全部确认（{keys.length} 格）
        </button>
      </div>
    </section>
  );
}
