// Per-format structures the check engine needs on every run, derived once from formatModel() and
// cached by format id: cell keys as an array, cell kinds and tables as typed arrays, and the sum
// relations turned into index arrays. With these, one run reads each cell once and does the rest on
// numbers, without building strings or arrays unless a finding is reported.
import { formatModel, getFormat } from '../formats/index';
import { TABLE_IDS } from '../formats/types';
import type { CellDef, FormatId, FormatModel, SumRelation, TableId } from '../formats/index';

export const KIND_COUNT = 0;
export const KIND_SIGNED = 1;
export const KIND_AMOUNT = 2;

/** Tables by the index the plan stores in `tableOf`. */
export const TABLES: readonly TableId[] = TABLE_IDS;

/** Cell state after reading: blank (null or missing), a finite number, or something that is not one. */
export const BLANK = 0;
export const NUMBER = 1;
export const NOT_FINITE = 2;

export interface PlannedSum {
  relation: SumRelation;
  table: TableId;
  total: number;
  parts: Int32Array;
}

/** Indexes of the four cells of one column of the printed balance (received + carriedIn = resultsTotal + carriedOver). */
export interface PlannedBalance {
  column: string;
  received: number;
  carriedIn: number;
  resultsTotal: number;
  carriedOver: number;
}

/** Scratch buffers holding one document's cells as numbers; reused between runs (one per role). */
export interface CellBuffer {
  values: Float64Array;
  state: Uint8Array;
}

export interface CheckPlan {
  id: FormatId;
  model: FormatModel;
  keys: string[];
  defs: CellDef[];
  kinds: Uint8Array;
  /** 0 = t2, 1 = t3, 2 = t4 (index into TABLES). */
  tableOf: Uint8Array;
  index: Map<string, number>;
  sums: PlannedSum[];
  /** The parts of each total, by the total's index (a total is the total of one relation). */
  partsOfTotal: Map<number, Int32Array>;
  balance: PlannedBalance[];
  /** t3 （六）其他处理 rows in the total column (1 row in 2019, 3 in 2021). */
  otherShareParts: Int32Array;
  resultsTotalTotal: number;
  /** Every t2.regulations.* cell (规章). */
  regulations: Int32Array;
  /** t3 carriedIn / carriedOver per column, in column order. */
  carriedIn: Int32Array;
  carriedOver: Int32Array;
  t3Columns: string[];
  cur: CellBuffer;
  prev: CellBuffer;
}

const plans = new Map<FormatId, CheckPlan>();

export function checkPlan(id: FormatId): CheckPlan {
  let plan = plans.get(id);
  if (!plan) {
    plan = buildPlan(id);
    plans.set(id, plan);
  }
  return plan;
}

function buildPlan(id: FormatId): CheckPlan {
  const model = formatModel(id);
  const format = getFormat(id);
  const defs = model.cells;
  const n = defs.length;
  const keys = defs.map((d) => d.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const at = (key: string): number => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`format ${id} has no cell ${key}`);
    return i;
  };
  const kinds = new Uint8Array(n);
  const tableOf = new Uint8Array(n);
  defs.forEach((d, i) => {
    kinds[i] = d.kind === 'count' ? KIND_COUNT : d.kind === 'signedCount' ? KIND_SIGNED : KIND_AMOUNT;
    tableOf[i] = TABLES.indexOf(d.table);
  });
  const sums: PlannedSum[] = model.sums.map((relation) => ({
    relation,
    table: relation.table,
    total: at(relation.total),
    parts: Int32Array.from(relation.parts.map(at)),
  }));
  const t3Columns = format.t3.columns.map((c) => c.key);
  const balance = t3Columns.map((column) => ({
    column,
    received: at(`t3.received.${column}`),
    carriedIn: at(`t3.carriedIn.${column}`),
    resultsTotal: at(`t3.resultsTotal.${column}`),
    carriedOver: at(`t3.carriedOver.${column}`),
  }));
  // （六）其他处理 is the row (2019) or the rows (2021) whose label path passes through it.
  const otherRows = format.t3.rows.filter((r) => r.resultPart && r.labels[1] === format.t3.otherResultsLabel);
  return {
    id,
    model,
    keys,
    defs,
    kinds,
    tableOf,
    index,
    sums,
    partsOfTotal: new Map(sums.map((s) => [s.total, s.parts])),
    balance,
    otherShareParts: Int32Array.from(otherRows.map((r) => at(`t3.${r.key}.total`))),
    resultsTotalTotal: at('t3.resultsTotal.total'),
    regulations: Int32Array.from(keys.flatMap((k, i) => (k.startsWith('t2.regulations.') ? [i] : []))),
    carriedIn: Int32Array.from(t3Columns.map((c) => at(`t3.carriedIn.${c}`))),
    carriedOver: Int32Array.from(t3Columns.map((c) => at(`t3.carriedOver.${c}`))),
    t3Columns,
    cur: { values: new Float64Array(n), state: new Uint8Array(n) },
    prev: { values: new Float64Array(n), state: new Uint8Array(n) },
  };
}

/** Index pairs of the cells two formats share (same canonical key), for comparing with last year. */
export interface SharedCells {
  cur: Int32Array;
  prev: Int32Array;
}

const shared = new Map<string, SharedCells>();

export function sharedCells(cur: CheckPlan, prev: CheckPlan): SharedCells {
  const id = `${cur.id}|${prev.id}`;
  let pairs = shared.get(id);
  if (!pairs) {
    const a: number[] = [];
    const b: number[] = [];
    cur.keys.forEach((key, i) => {
      const j = prev.index.get(key);
      if (j !== undefined) {
        a.push(i);
        b.push(j);
      }
    });
    pairs = { cur: Int32Array.from(a), prev: Int32Array.from(b) };
    shared.set(id, pairs);
  }
  return pairs;
}

/** Reads a cells map into a buffer. Returns nothing: the buffer is the result. Never throws. A cell
 *  holding a refused entry (`invalid`, the document's invalidCells) is read as not a number. */
export function readCells(
  plan: CheckPlan,
  cells: Record<string, unknown> | null | undefined,
  into: CellBuffer,
  invalid?: Record<string, unknown> | null,
): void {
  const { keys } = plan;
  const { values, state } = into;
  const source: Record<string, unknown> = cells && typeof cells === 'object' ? cells : {};
  for (let i = 0; i < keys.length; i++) {
    const v = source[keys[i]!];
    if (v === null || v === undefined) {
      state[i] = BLANK;
      values[i] = 0;
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      state[i] = NUMBER;
      values[i] = v;
    } else {
      state[i] = NOT_FINITE;
      values[i] = 0;
    }
  }
  if (invalid && typeof invalid === 'object') {
    for (const key in invalid) {
      const i = plan.index.get(key);
      if (i === undefined) continue;
      state[i] = NOT_FINITE;
      values[i] = 0;
    }
  }
}
