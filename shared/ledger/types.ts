// The data a ledger passes through: raw cells as a reader gives them, and entries after the column and
// value mapping, which the counting core takes.
import type { ApplicantKey } from './categories';

/** A cell as read from a file: text, a number, a real date cell (as an ISO day), or empty. */
export type RawCell = string | number | boolean | { date: string } | null;

export interface RawSheet {
  name: string;
  /** rows[i] is sheet row i + 1 (the number the user sees in Excel); short rows may omit trailing cells. */
  rows: RawCell[][];
}

export const LEDGER_FIELDS = ['serial', 'received', 'applicant', 'applicantType', 'content', 'answered', 'result', 'reason', 'note'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** What a value of the 申请人类型 column means: an applicant key, or nothing known. */
export type ApplicantValue = { kind: 'empty' } | { kind: 'ok'; key: ApplicantKey } | { kind: 'unknown'; text: string };

/**
 * What the 办理结果 and 具体情形 cells mean: one or more targets — a result key ('granted',
 * 'withheld.stateSecret') or a group that still needs its reason ('withheld').
 */
export type ResultValue = { kind: 'empty' } | { kind: 'ok'; targets: string[] } | { kind: 'unknown'; text: string };

/** One ledger row after mapping: the form the counting core takes. */
export interface LedgerEntry {
  /** Row number in the sheet (1-based), for messages and drill-down. */
  row: number;
  /** 序号 as written ('' when the ledger has none). */
  serial: string;
  received: RawCell;
  answered: RawCell;
  applicant: ApplicantValue;
  /** From 办理结果. */
  result: ResultValue;
  /** From 具体情形 (the reason for 不予公开/无法提供/不予处理/其他处理). */
  reason: ResultValue;
  /** For display in drill-down lists: 申请人, 申请内容 as written. */
  applicantName?: string;
  content?: string;
}
