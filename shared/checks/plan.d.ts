import type { CellDef, FormatId, FormatModel, SumRelation, TableId } from '../formats/index';
export declare const KIND_COUNT = 0;
export declare const KIND_SIGNED = 1;
export declare const KIND_AMOUNT = 2;
export declare const TABLES: readonly TableId[];
/** Cell state after reading: blank (null or missing), a finite number, or something that is not one. */
export declare const BLANK = 0;
export declare const NUMBER = 1;
export declare const NOT_FINITE = 2;
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
export declare function checkPlan(id: FormatId): CheckPlan;
/** Index pairs of the cells two formats share (same canonical key), for comparing with last year. */
export interface SharedCells {
    cur: Int32Array;
    prev: Int32Array;
}
export declare function sharedCells(cur: CheckPlan, prev: CheckPlan): SharedCells;
/** Reads a cells map into a buffer. Returns nothing: the buffer is the result. Never throws. */
export declare function readCells(plan: CheckPlan, cells: Record<string, unknown> | null | undefined, into: CellBuffer): void;
