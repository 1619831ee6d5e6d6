// Table 3 from a ledger sheet and a mapping, plus what a person needs to check it: each counted row
// described in one line (drill-down) and the excluded rows.
import type { FormatId } from '../../../shared/formats/types';
import { ledgerCategories, resultName } from '../../../shared/ledger/categories';
import { countLedger, resolveResult, type LedgerTable3 } from '../../../shared/ledger/count';
import { parseLedgerDate } from '../../../shared/ledger/dates';
import { applyMapping, type LedgerMapping } from '../../../shared/ledger/mapping';
import type { LedgerEntry, RawCell, RawSheet } from '../../../shared/ledger/types';
import type { LedgerRowView } from '../../../shared/ipc/contract';

/** One ledger row as a drill-down shows it: the same shape in the app (over IPC) and the CLI. */
export type { LedgerRowView };

export interface LedgerCount {
  table: LedgerTable3;
  entries: LedgerEntry[];
}

export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function countSheet(sheet: RawSheet, mapping: LedgerMapping, opts: { year: number; format: FormatId; today?: string }): LedgerCount {
  const entries = applyMapping(sheet, mapping);
  const table = countLedger(entries, { year: opts.year, format: opts.format, today: opts.today ?? todayIso() });
  return { table, entries };
}

function dateText(cell: RawCell): string {
  const d = parseLedgerDate(cell);
  return d.kind === 'date' ? d.iso : d.kind === 'invalid' ? d.text : '';
}

/** One ledger row as a person reads it, with the categories it was counted under. */
export function describeEntry(entry: LedgerEntry, format: FormatId): LedgerRowView {
  const cats = ledgerCategories(format);
  const a = entry.applicant;
  const applicantType = a.kind === 'ok' ? (cats.applicants.find((c) => c.key === a.key)?.listLabel ?? '') : a.kind === 'unknown' ? a.text : '';
  const answered = dateText(entry.answered);
  let result = '';
  if (answered !== '') {
    const resolved = resolveResult(format, entry.result, entry.reason);
    result = resolved.key ? resultName(format, resolved.key) : entry.result.kind === 'unknown' ? entry.result.text : '';
  }
  return {
    row: entry.row,
    serial: entry.serial,
    received: dateText(entry.received),
    answered,
    applicant: entry.applicantName ?? '',
    applicantType,
    result,
    content: entry.content ?? '',
  };
}

/** The rows a cell counts, described. */
export function explainCell(count: LedgerCount, key: string, format: FormatId): LedgerRowView[] {
  const rows = count.table.rowsByCell[key] ?? [];
  const byRow = new Map(count.entries.map((e) => [e.row, e]));
  return rows.map((r) => byRow.get(r)).filter((e): e is LedgerEntry => e !== undefined).map((e) => describeEntry(e, format));
}
