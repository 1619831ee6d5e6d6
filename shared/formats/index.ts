// Everything derived from the format definitions: the cell list, the printed grids with their merged
// spans, and the sum relations. Derived once per format and cached; callers must not mutate results.
import { FORMATS } from './definitions';
import type { CellDef, FormatDef, FormatId, GridCell, GridTable, TableId } from './types';
import { TABLE_NAMES } from './vocabulary';

export * from './types';
export { FORMAT_2019, FORMAT_2021, FORMATS } from './definitions';
export * from './vocabulary';
export * from './conversion';

/** Reports on 2019 and 2020 use the 2019 format; 2021 and later the 2021 format. */
export function formatIdForYear(year: number): FormatId {
  return year <= 2020 ? '2019' : '2021';
}

export function getFormat(id: FormatId): FormatDef {
  return FORMATS[id];
}

/** The text of a printed header: a header whose column's unit the report chose (2019 采购总金额) carries it,
 *  “采购总金额（单位：万元）” (spec §3.2) — in the editor and in the PDF alike. */
export function headerText(cell: GridCell, unit: string | undefined): string {
  const text = cell.text ?? '';
  return cell.unitOf && unit ? `${text}（单位：${unit}）` : text;
}

/** A relation "total = Σ parts" that the tool computes and the check engine verifies. */
export interface SumRelation {
  rule: 't3.rowSum' | 't3.resultSum' | 't4.groupSum';
  /** The table the relation lives in (its typed-totals switch decides whether the tool fills it). */
  table: TableId;
  /** Stable target id within the rule (row key, column key or group key). */
  target: string;
  total: string;
  parts: string[];
}

export interface FormatModel {
  format: FormatDef;
  cells: CellDef[];
  cellByKey: Map<string, CellDef>;
  /** Keys per table, in print order. */
  keysByTable: Record<TableId, string[]>;
  sums: SumRelation[];
  grids: { t2: GridTable; t3: GridTable; t4: GridTable };
}

const cache = new Map<FormatId, FormatModel>();

export function formatModel(id: FormatId): FormatModel {
  let model = cache.get(id);
  if (!model) {
    model = buildModel(FORMATS[id]);
    cache.set(id, model);
  }
  return model;
}

/** Human name of a cell for messages and screen readers: “表三 三、本年度办理结果/…/自然人”. */
export function cellName(cell: CellDef): string {
  const row = cell.rowLabels[cell.rowLabels.length - 1] ?? '';
  const col = cell.columnLabels[cell.columnLabels.length - 1] ?? '';
  // Table 4 has one data row: 行政复议 / 未经复议直接起诉 / 复议后起诉 are column groups (栏), not rows.
  if (cell.table === 't4') return `${TABLE_NAMES.t4}“${row}”栏“${col}”`;
  return `${TABLE_NAMES[cell.table]}“${row}”行“${col}”列`;
}

function buildModel(format: FormatDef): FormatModel {
  const cells: CellDef[] = [];
  const keysByTable: Record<TableId, string[]> = { t2: [], t3: [], t4: [] };
  const add = (cell: CellDef) => {
    cells.push(cell);
    keysByTable[cell.table].push(cell.key);
  };

  for (const sub of format.t2.subTables) {
    for (const row of sub.rows) {
      for (const col of sub.columns) {
        add({
          key: `t2.${row.key}.${col.key}`,
          table: 't2',
          kind: col.kind,
          rowLabels: [sub.title, row.label],
          columnLabels: [col.label],
          computed: false,
        });
      }
    }
  }

  const t3 = format.t3;
  for (const row of t3.rows) {
    for (const col of t3.columns) {
      const columnLabels =
        col.key === 'natural' || col.key === 'total'
          ? [t3.applicantHeader, col.label]
          : [t3.applicantHeader, t3.organisationHeader, col.label];
      add({
        key: `t3.${row.key}.${col.key}`,
        table: 't3',
        kind: 'count',
        rowLabels: row.labels,
        columnLabels,
        computed: col.key === 'total' || row.key === 'resultsTotal',
      });
    }
  }

  for (const group of format.t4.groups) {
    for (const col of format.t4.columns) {
      add({
        key: `t4.${group.key}.${col.key}`,
        table: 't4',
        kind: 'count',
        rowLabels: group.parent ? [format.t4.suitLabel, group.label] : [group.label],
        columnLabels: [col.label],
        computed: col.key === 'total',
      });
    }
  }

  return {
    format,
    cells,
    cellByKey: new Map(cells.map((c) => [c.key, c])),
    keysByTable,
    sums: buildSums(format),
    grids: { t2: gridT2(format), t3: gridT3(format), t4: gridT4(format) },
  };
}

function buildSums(format: FormatDef): SumRelation[] {
  const sums: SumRelation[] = [];
  const t3 = format.t3;
  const applicantCols = t3.columns.filter((c) => c.key !== 'total');
  // Row sums first: computeTotals walks this list in order, and resultsTotal's own row sum must come
  // after the column sums that fill it.
  for (const row of t3.rows) {
    if (row.key === 'resultsTotal') continue;
    sums.push({
      rule: 't3.rowSum',
      table: 't3',
      target: row.key,
      total: `t3.${row.key}.total`,
      parts: applicantCols.map((c) => `t3.${row.key}.${c.key}`),
    });
  }
  const partRows = t3.rows.filter((r) => r.resultPart);
  for (const col of t3.columns) {
    sums.push({
      rule: 't3.resultSum',
      table: 't3',
      target: col.key,
      total: `t3.resultsTotal.${col.key}`,
      parts: partRows.map((r) => `t3.${r.key}.${col.key}`),
    });
  }
  sums.push({
    rule: 't3.rowSum',
    table: 't3',
    target: 'resultsTotal',
    total: 't3.resultsTotal.total',
    parts: applicantCols.map((c) => `t3.resultsTotal.${c.key}`),
  });
  for (const group of format.t4.groups) {
    sums.push({
      rule: 't4.groupSum',
      table: 't4',
      target: group.key,
      total: `t4.${group.key}.total`,
      parts: format.t4.columns.filter((c) => c.key !== 'total').map((c) => `t4.${group.key}.${c.key}`),
    });
  }
  return sums;
}

const cell = (role: GridCell['role'], text: string, rowSpan = 1, colSpan = 1): GridCell => ({
  role,
  text,
  rowSpan,
  colSpan,
});
const value = (key: string, colSpan = 1): GridCell => ({ role: 'value', key, rowSpan: 1, colSpan });

function gridT2(format: FormatDef): GridTable {
  const cols = format.t2.gridColumns;
  const body: GridCell[][] = [];
  for (const sub of format.t2.subTables) {
    body.push([cell('title', sub.title, 1, cols)]);
    // Fewer columns than the grid: the last column takes the remaining width (as in the templates).
    const spanOf = (i: number) => (i === sub.columns.length - 1 ? cols - 1 - (sub.columns.length - 1) : 1);
    const unitOf = (c: { key: string }) => sub.rows.map((r) => `t2.${r.key}.${c.key}`).find((key) => key === format.t2.unitChosenFor);
    body.push([
      cell('header', format.t2.firstHeader),
      ...sub.columns.map((c, i) => {
        const header = cell('header', c.label, 1, spanOf(i));
        const key = unitOf(c);
        return key ? { ...header, unitOf: key } : header;
      }),
    ]);
    for (const row of sub.rows) {
      body.push([cell('label', row.label), ...sub.columns.map((c, i) => value(`t2.${row.key}.${c.key}`, spanOf(i)))]);
    }
  }
  return { table: 't2', columns: cols, columnWidths: [34, 22, 22, 22], headerRows: [], bodyRows: body };
}

function gridT3(format: FormatDef): GridTable {
  const t3 = format.t3;
  const labelCols = t3.labelColumns;
  const orgCols = t3.columns.filter((c) => c.key !== 'natural' && c.key !== 'total');
  const natural = t3.columns.find((c) => c.key === 'natural');
  const total = t3.columns.find((c) => c.key === 'total');
  if (!natural || !total) throw new Error('table 3 needs natural and total columns');
  const headerRows: GridCell[][] = [
    [cell('header', t3.noteHeader, 3, labelCols), cell('header', t3.applicantHeader, 1, t3.columns.length)],
    [cell('header', natural.label, 2), cell('header', t3.organisationHeader, 1, orgCols.length), cell('header', total.label, 2)],
    orgCols.map((c) => cell('header', c.label)),
  ];

  // Label cells: a label that repeats in consecutive rows at the same depth (with the same prefix)
  // is printed once with a row span; the innermost label spans the label columns left over.
  const rows = t3.rows;
  const bodyRows: GridCell[][] = rows.map(() => []);
  for (let depth = 0; depth < labelCols; depth++) {
    let i = 0;
    while (i < rows.length) {
      const labels = rows[i]!.labels;
      if (depth >= labels.length) {
        i++;
        continue;
      }
      const prefix = labels.slice(0, depth + 1).join('\u0000');
      let j = i + 1;
      while (j < rows.length && rows[j]!.labels.length > depth && rows[j]!.labels.slice(0, depth + 1).join('\u0000') === prefix) j++;
      const isLast = depth === labels.length - 1;
      bodyRows[i]!.push(cell('label', labels[depth]!, j - i, isLast ? labelCols - depth : 1));
      i = j;
    }
  }
  rows.forEach((row, r) => {
    for (const col of t3.columns) bodyRows[r]!.push(value(`t3.${row.key}.${col.key}`));
  });
  return {
    table: 't3',
    columns: labelCols + t3.columns.length,
    columnWidths: [9, 10, 26, 8, 8, 8, 8, 8, 7, 8],
    headerRows,
    bodyRows,
  };
}

function gridT4(format: FormatDef): GridTable {
  const t4 = format.t4;
  const n = t4.columns.length;
  const review = t4.groups.find((g) => !g.parent);
  const suits = t4.groups.filter((g) => g.parent);
  if (!review) throw new Error('table 4 needs the review group');
  const headerRows: GridCell[][] = [
    [cell('header', t4.reviewLabel, 1, n), cell('header', t4.suitLabel, 1, n * suits.length)],
    [...t4.columns.map((c) => cell('header', c.label, 2)), ...suits.map((g) => cell('header', g.label, 1, n))],
    suits.flatMap(() => t4.columns.map((c) => cell('header', c.label))),
  ];
  const bodyRows: GridCell[][] = [t4.groups.flatMap((g) => t4.columns.map((c) => value(`t4.${g.key}.${c.key}`)))];
  return { table: 't4', columns: n * t4.groups.length, columnWidths: Array(n * t4.groups.length).fill(1), headerRows, bodyRows };
}
