// The overview's columns and their order: pure functions (a sort over 1,000 rows on every click must stay
// cheap, and is tested without a page).
import type { MergeRowView } from '../../../shared/ipc/contract';
import type { KeyTotals, UnitSource } from '../../../shared/merge/plan-merge';

export type SortColumn =
  | 'unit'
  | 'level'
  | 'year'
  | 'format'
  | 'source'
  | 'status'
  | 'findings'
  | keyof KeyTotals
  | 'file';

export interface SortState {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** Short words for the table (the full ones, shared/merge UNIT_SOURCE_LABELS, are the cell's title). */
export const SOURCE_SHORT: Record<UnitSource, string> = {
  file: '报告文件',
  'pdf-verified': 'PDF数据（已核对）',
  'pdf-edited': 'PDF导出后被改动',
  'pdf-hash-failed': 'PDF数据校验不符',
  text: '仅从文字读取',
};

/** Where a report stands, in the table's words. */
export function statusText(row: MergeRowView): string {
  switch (row.status) {
    case 'included':
      return row.dataUsed === 'printed' ? '计入（印出的数字）' : row.dataUsed === 'embedded' ? '计入（内嵌数据）' : '计入';
    case 'otherGroup':
      return '其他年度/格式';
    case 'superseded':
      return '已被更正，不计入';
    case 'marked':
      return '有疑问，未计入';
  }
}

const STATUS_RANK: Record<MergeRowView['status'], number> = { marked: 0, included: 1, superseded: 2, otherGroup: 3 };
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Blank figures sort after every number, whichever the direction. */
function compareNumbers(a: number | null, b: number | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * sign;
}

/** Each row's place in the name order, worked out once per overview: the Chinese collator is the slow part
 *  of a sort, and ties of every other column fall back on it. */
const nameRanks = new WeakMap<readonly MergeRowView[], Map<string, number>>();
function nameRank(rows: readonly MergeRowView[]): Map<string, number> {
  let ranks = nameRanks.get(rows);
  if (!ranks) {
    const keyed = rows.map((r) => ({ id: r.unitId, unit: r.unit, file: r.fileName }));
    keyed.sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.file, b.file));
    ranks = new Map(keyed.map((k, i) => [k.id, i]));
    nameRanks.set(rows, ranks);
  }
  return ranks;
}

/** The rows in the order the column asks for; ties keep the unit's name order. */
export function sortRows(rows: readonly MergeRowView[], sort: SortState): MergeRowView[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const ranks = nameRank(rows);
  const byName = (a: MergeRowView, b: MergeRowView) => ranks.get(a.unitId)! - ranks.get(b.unitId)!;
  const compare = (a: MergeRowView, b: MergeRowView): number => {
    switch (sort.column) {
      case 'unit':
        return 0;
      case 'level':
        return collator.compare(a.level, b.level) * sign;
      case 'year':
        return (a.year - b.year) * sign;
      case 'format':
        return collator.compare(a.format, b.format) * sign;
      case 'source':
        return collator.compare(SOURCE_SHORT[a.source], SOURCE_SHORT[b.source]) * sign;
      case 'status':
        return (STATUS_RANK[a.status] - STATUS_RANK[b.status]) * sign;
      case 'findings':
        return (a.findings.error - b.findings.error || a.findings.confirm - b.findings.confirm || a.findings.hint - b.findings.hint) * sign;
      case 'file':
        return collator.compare(a.fileName, b.fileName) * sign;
      default:
        return compareNumbers(a.totals[sort.column], b.totals[sort.column], sign);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b) * (sort.column === 'unit' ? sign : 1));
}

/** A click on a column header: the same column turns round, another starts ascending (numbers: largest first). */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const numeric = column === 'findings' || column === 'received' || column === 'handled' || column === 'carriedOver' || column === 'review' || column === 'suits';
  return { column, direction: numeric ? 'descending' : 'ascending' };
}
