// Unit reports for the merge tests: every cell 0 except the ones given, totals computed, and the ReadUnit
// a folder of received reports yields for one of them.
import { computeTotals } from '../../../shared/checks/totals';
import type { ReadUnit } from '../../../shared/merge/plan-merge';
import { createReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';

export const NOW = '2026-02-01T09:00:00.000Z';

/** A report whose every cell is 0, then the given cells, totals computed. */
export function unitReport(name: string, year: number, cells: Record<string, number | null>, updated = NOW): ReportDocument {
  const doc = createReport({ year, agencyName: name, now: updated });
  for (const key of Object.keys(doc.cells)) doc.cells[key] = 0;
  Object.assign(doc.cells, cells);
  doc.cells = computeTotals(doc);
  return doc;
}

export const unit = (path: string, doc: ReportDocument, extra: Partial<ReadUnit> = {}): ReadUnit => ({
  path,
  sha256: 'a'.repeat(64),
  source: 'file',
  doc,
  exportedAt: doc.meta.updated,
  ...extra,
});
