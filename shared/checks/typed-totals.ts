// Typed totals: the one implementation of “a total written by hand (typed, pasted, printed in an
// imported report, or stored in a file) is evidence”. Where such a total differs from the sum of its
// parts, its table is switched to typed totals, so the value stays as written and the sum rules report
// both numbers — the editor never silently replaces a printed mistake with the right sum. Used by the
// importer, by opening a file, by the grid (typing and pasting) and by switching back to computed totals.
import { formatModel } from '../formats/index';
import type { CellDef, TableId } from '../formats/types';
import type { ReportDocument } from '../model/report';
import { computeTotals } from './totals';

type TotalsDoc = Pick<ReportDocument, 'format' | 'cells' | 'settings' | 'invalidCells'>;

export interface DifferingTotal {
  key: string;
  /** The total as written. */
  typed: number;
  /** The sum of its parts (null when they are all blank). */
  computed: number | null;
}

export const TOTAL_TABLES: readonly TableId[] = ['t3', 't4'];

export function isTypedTotals(doc: Pick<ReportDocument, 'settings'>, table: TableId): boolean {
  return (doc.settings?.typedTotals ?? []).includes(table);
}

/**
 * Whether the tool fills `key` from its parts in this document: a total of a table whose totals are
 * computed (not switched to typed totals). The one answer to "is this cell the tool's or the user's" for
 * the editor's grid, the findings panel and the checks.
 */
export function isComputedCell(doc: Pick<ReportDocument, 'format' | 'settings'>, key: string): boolean {
  if (doc.format !== '2019' && doc.format !== '2021') return false;
  const def = formatModel(doc.format).cellByKey.get(key);
  return !!def && isComputedDef(def, doc.settings?.typedTotals ?? []);
}

/** The cells the user still has to fill in `table` (what 全部填0 fills and cell.blank counts): blank
 *  cells that are not computed totals (those follow their parts); a refused entry is not blank, it waits
 *  for the user's correction. */
export function blankCellsToFill(doc: Pick<ReportDocument, 'format' | 'cells' | 'settings' | 'invalidCells'>, table: TableId): string[] {
  if (doc.format !== '2019' && doc.format !== '2021') return [];
  return formatModel(doc.format).keysByTable[table].filter((key) => {
    if (isComputedCell(doc, key)) return false;
    const v = doc.cells[key];
    return (v === null || v === undefined) && doc.invalidCells?.[key] === undefined;
  });
}

/** The same for a cell's definition and the document's typed-totals tables (the check engine's hot path). */
export function isComputedDef(def: Pick<CellDef, 'computed' | 'table'>, typedTotals: readonly string[]): boolean {
  return def.computed && !typedTotals.includes(def.table);
}

/** The written totals of `table` that differ from the sums of their parts (whatever the table's mode). */
export function differingTotals(doc: TotalsDoc, table: TableId): DifferingTotal[] {
  if (doc.format !== '2019' && doc.format !== '2021') return [];
  const settings = { ...doc.settings, typedTotals: (doc.settings?.typedTotals ?? []).filter((t) => t !== table) };
  const computed = computeTotals({ ...doc, settings }, [table]);
  const out: DifferingTotal[] = [];
  for (const c of formatModel(doc.format).cells) {
    if (c.table !== table || !c.computed) continue;
    const typed = doc.cells[c.key];
    if (typed === null || typed === undefined) continue;
    const sum = computed[c.key] ?? null;
    if (sum !== typed) out.push({ key: c.key, typed, computed: sum });
  }
  return out;
}

/** The document with `table` set to typed (true) or computed (false) totals; computed totals are
 *  recomputed. The same object when nothing changes. */
export function withTotalsMode<D extends TotalsDoc>(doc: D, table: TableId, typed: boolean): D {
  const current = doc.settings?.typedTotals ?? [];
  if (current.includes(table) === typed) return doc;
  const typedTotals = typed ? [...current, table] : current.filter((t) => t !== table);
  const { typedTotals: _old, ...rest } = doc.settings ?? {};
  const settings = typedTotals.length > 0 ? { ...rest, typedTotals } : rest;
  const next = { ...doc, settings };
  return typed ? next : { ...next, cells: computeTotals(next, [table]) };
}

/**
 * Keeps written totals as evidence: every table (t3, t4) in computed mode whose written totals differ
 * from their sums is switched to typed totals. Returns the document (the same object when nothing
 * changes) and the tables switched.
 */
export function keepWrittenTotals<D extends TotalsDoc>(doc: D): { doc: D; switched: TableId[] } {
  let out = doc;
  const switched: TableId[] = [];
  for (const table of TOTAL_TABLES) {
    if (isTypedTotals(out, table) || differingTotals(out, table).length === 0) continue;
    out = withTotalsMode(out, table, true);
    switched.push(table);
  }
  return { doc: out, switched };
}

/** What is written into one cell: a value (null = blank), or an entry the value rule refused, kept as
 *  written (shared/model/cell-value.ts). */
export type CellEntry = { value: number | null } | { invalid: string };

/** Longest refused entry kept (the file schema's limit). */
const MAX_ENTRY = 200;

/**
 * The document with cell entries written (typed, pasted). Computed totals follow their parts. A total
 * written into a table with computed totals is kept as evidence when it differs from the sum of its
 * parts (or is refused): the table is switched to typed totals, and the sum rules then show both
 * numbers. Returns the same object when nothing changes, and the tables switched.
 */
export function applyEntries<D extends TotalsDoc>(doc: D, entries: Record<string, CellEntry>): { doc: D; switched: TableId[] } {
  const cells = { ...doc.cells };
  const invalid: Record<string, string> = { ...doc.invalidCells };
  const model = doc.format === '2019' || doc.format === '2021' ? formatModel(doc.format) : undefined;
  const touched = new Set<TableId>();
  const writtenTotals = new Map<TableId, string[]>();
  let changed = false;
  for (const key in entries) {
    const e = entries[key]!;
    const def = model?.cellByKey.get(key);
    if ('invalid' in e) {
      const text = [...e.invalid].slice(0, MAX_ENTRY).join('');
      if (cells[key] !== null || invalid[key] !== text) changed = true;
      cells[key] = null;
      invalid[key] = text;
    } else {
      if ((cells[key] ?? null) !== e.value || invalid[key] !== undefined) changed = true;
      cells[key] = e.value;
      delete invalid[key];
    }
    if (!def) continue;
    touched.add(def.table);
    if (def.computed) writtenTotals.set(def.table, [...(writtenTotals.get(def.table) ?? []), key]);
  }
  if (!changed) return { doc, switched: [] };
  const { invalidCells: _old, ...rest } = doc;
  let next = { ...rest, cells, ...(Object.keys(invalid).length > 0 ? { invalidCells: invalid } : {}) } as D;
  const switched: TableId[] = [];
  for (const table of touched) {
    if (isTypedTotals(next, table) || !TOTAL_TABLES.includes(table)) continue;
    const computed = computeTotals(next, [table]);
    const written = writtenTotals.get(table) ?? [];
    const differs = written.some((key) => invalid[key] !== undefined || (cells[key] !== null && computed[key] !== cells[key]));
    if (differs) {
      // The totals written stay; the others follow their parts.
      const kept = { ...computed };
      for (const key of written) kept[key] = cells[key] ?? null;
      next = withTotalsMode({ ...next, cells: kept }, table, true);
      switched.push(table);
    } else {
      next = { ...next, cells: computed };
    }
  }
  return { doc: next, switched };
}
