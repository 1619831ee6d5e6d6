// A table whose row labels and numbers have come apart: `pdftotext` without -layout writes a table's
// cells in an order of its own — a wrapped label's second line after the row's first number, a label
// moved rows away from its numbers, table 4's header words between its figures — but the numbers
// themselves still in the table's order, row by row. When the numbers of the table's region are exactly
// as many as its value cells (or as many as those not cut off at the page edge), they are read in that
// order, and kept only if every sum of the table holds and every row the labels did place agrees.
import { formatModel, TABLE_NAMES } from '../formats/index';
import type { FormatId, TableId } from '../formats/types';
import { tableSpec, type TableReading } from './table-reader';
import type { Token } from './table-tokens';
import { parseCellValue } from '../model/cell-value';

export function readTableInOrder(tokens: Token[], format: FormatId, table: TableId, byLabel: TableReading): TableReading | undefined {
  const spec = tableSpec(format, table);
  const model = formatModel(format);
  const cells = tokens.filter((t) => t.kind === 'number' || (t.kind === 'blank' && t.text !== ''));
  const width = spec.rows[0]!.keys.length;
  if (spec.rows.some((r) => r.keys.length !== width)) return undefined;
  const clipped = missingTotalColumns(tokens, format, table);
  const perRow = cells.length === spec.rows.length * width ? width : clipped > 0 && cells.length === spec.rows.length * (width - clipped) ? width - clipped : 0;
  if (perRow === 0) return undefined;
  const clippedKeys = perRow < width ? spec.rows.flatMap((r) => r.keys.slice(perRow)) : [];
  if (clippedKeys.some((k) => !model.cellByKey.get(k)!.computed)) return undefined;

  const values = new Map<string, number | null>();
  let i = 0;
  for (const row of spec.rows) {
    for (const key of row.keys.slice(0, perRow)) {
      const t = cells[i++]!;
      if (t.kind === 'blank' || t.unit) {
        if (t.kind !== 'blank') return undefined;
        values.set(key, null);
        continue;
      }
      const checked = parseCellValue(t.text, model.cellByKey.get(key)!.kind);
      if (!checked.ok) return undefined;
      values.set(key, checked.value);
    }
  }
  // Cut-off totals are their parts' sums; every other sum must hold as printed.
  const value = (key: string) => values.get(key);
  for (const sum of model.sums.filter((s) => model.cellByKey.get(s.total)!.table === table)) {
    const parts = sum.parts.map(value);
    if (clippedKeys.includes(sum.total)) {
      if (parts.every((v) => typeof v === 'number')) values.set(sum.total, (parts as number[]).reduce((a, b) => a + b, 0));
      continue;
    }
    const total = value(sum.total);
    if (typeof total !== 'number' || parts.some((v) => typeof v !== 'number')) return undefined;
    if ((parts as number[]).reduce((a, b) => a + b, 0) !== total) return undefined;
  }
  // Table 3's balance, column by column (本列数据的勾稽关系: 一 + 二 = 三 + 四): a row read in the wrong
  // order keeps its own sum, but not this.
  if (table === 't3') {
    for (const key of spec.rows[0]!.keys) {
      const column = key.slice('t3.received.'.length);
      const [received, carriedIn, results, carriedOver] = ['received', 'carriedIn', 'resultsTotal', 'carriedOver'].map((r) => value(`t3.${r}.${column}`));
      if ([received, carriedIn, results, carriedOver].some((v) => typeof v !== 'number')) return undefined;
      if (received! + carriedIn! !== results! + carriedOver!) return undefined;
    }
  }
  // Rows the labels did place completely must read the same.
  for (const row of spec.rows) {
    if (!byLabel.complete.has(row.index)) continue;
    if (row.keys.some((k) => byLabel.values.get(k) !== undefined && !clippedKeys.includes(k) && byLabel.values.get(k) !== values.get(k))) return undefined;
  }
  const all = new Set(spec.rows.map((r) => r.index));
  return {
    values,
    found: all,
    complete: all,
    lastFound: spec.rows.length - 1,
    units: new Map(),
    invalid: new Map(),
    clippedTotals: [],
    problems: [
      {
        place: table,
        message: `${TABLE_NAMES[table]}的${table === 't4' ? '表头' : '行名'}与数字在文本中错开（如不带 -layout 的 pdftotext 所出），已按表格顺序逐行读入其中的 ${i} 个数${clippedKeys.length > 0 ? `（右侧被截去的“总计”列 ${clippedKeys.length} 格按分项之和计算）` : ''}；${table === 't3' ? '各行合计、各列合计和本列数据的勾稽关系' : '各栏总计'}都与分项相符，请对照原文核对。`,
      },
    ],
  };
}

/** 总计 columns the table's header lacks (cut off at the page's right edge), counted over the whole
 *  region: here the header's words may come after the first numbers. */
function missingTotalColumns(tokens: Token[], format: FormatId, table: TableId): number {
  const expected = formatModel(format)
    .grids[table].headerRows.flat()
    .filter((c) => c.role === 'header' && c.text === '总计').length;
  let found = 0;
  for (const t of tokens) if (t.kind === 'text') found += t.norm.split('总计').length - 1 - (t.norm.includes('(七)总计') ? 1 : 0);
  return Math.max(0, expected - found);
}
