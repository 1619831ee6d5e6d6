// Table 3 from the ledger into a report: which cells would change, and the report with them applied
// (every t3 cell, refused entries of table 3 replaced, the ledger source recorded).
import { formatModel } from '../formats/index';
import type { LedgerSource, ReportDocument } from '../model/report';
import type { LedgerTable3 } from './count';

export interface CellChange {
  key: string;
  from: number | null;
  to: number;
}

/** The t3 cells whose value differs between the report and the ledger's table (blank counts as different). */
export function table3Changes(doc: ReportDocument, table: Pick<LedgerTable3, 'cells'>): CellChange[] {
  const changes: CellChange[] = [];
  for (const key of formatModel(doc.format).keysByTable.t3) {
    const from = doc.cells[key] ?? null;
    const to = table.cells[key] ?? 0;
    if (from !== to || doc.invalidCells?.[key] !== undefined) changes.push({ key, from, to });
  }
  return changes;
}

export function applyTable3(doc: ReportDocument, table: Pick<LedgerTable3, 'cells' | 'format' | 'year'>, source: LedgerSource): ReportDocument {
  if (table.format !== doc.format || table.year !== doc.year) {
    throw new Error(`table 3 of ${table.year}/${table.format} does not fit a ${doc.year}/${doc.format} report`);
  }
  const cells = { ...doc.cells };
  for (const key of formatModel(doc.format).keysByTable.t3) cells[key] = table.cells[key] ?? 0;
  const next: ReportDocument = { ...doc, cells, ledgerSource: source };
  if (doc.invalidCells) {
    const invalid = Object.fromEntries(Object.entries(doc.invalidCells).filter(([k]) => !k.startsWith('t3.')));
    if (Object.keys(invalid).length > 0) next.invalidCells = invalid;
    else delete next.invalidCells;
  }
  return next;
}
