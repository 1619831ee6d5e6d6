// Computed totals for the editor: every total of formatModel().sums (t3 row totals, the （七）总计 row,
// t4 group totals) filled from its parts while the user types.
import { formatModel } from '../formats/index';
import type { TableId } from '../formats/index';
import type { ReportDocument } from '../model/report';

export type CellMap = Record<string, number | null>;

/**
 * Returns a new cells map with the computed cells filled from their parts. The sums are walked in
 * order, so （七）总计 is summed from row totals computed just before. A total whose parts are all blank
 * is blank (null); otherwise blank parts count as 0. A part that is not a finite number (not possible
 * after schema validation, but the editor may hold one) makes the total blank rather than NaN.
 * Tables listed in `doc.settings.typedTotals` keep their typed totals; `tables`, when given, limits the
 * work to those tables. The document itself is not changed.
 */
export function computeTotals(
  doc: Pick<ReportDocument, 'format' | 'cells' | 'settings' | 'invalidCells'>,
  tables?: readonly TableId[],
): CellMap {
  const out: CellMap = { ...(doc.cells ?? {}) };
  if (doc.format !== '2019' && doc.format !== '2021') return out;
  const typed = doc.settings?.typedTotals ?? [];
  const refused = doc.invalidCells && Object.keys(doc.invalidCells).length > 0 ? doc.invalidCells : undefined;
  for (const relation of formatModel(doc.format).sums) {
    if (typed.includes(relation.table) || (tables && !tables.includes(relation.table))) continue;
    let sum = 0;
    let filled = false;
    let bad = false;
    for (const key of relation.parts) {
      const v = out[key] as unknown;
      // A refused entry is not a blank: the total cannot be known until it is corrected.
      if (refused && refused[key] !== undefined) {
        bad = true;
        break;
      }
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        bad = true;
        break;
      }
      filled = true;
      sum += v;
    }
    out[relation.total] = bad || !filled ? null : sum;
  }
  return out;
}
