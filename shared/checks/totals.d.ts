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
export declare function computeTotals(doc: Pick<ReportDocument, 'format' | 'cells' | 'settings'>, tables?: readonly TableId[]): CellMap;
