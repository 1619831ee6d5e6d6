// The summary's tables: every cell the sum over the included units. Pure and exact: amounts are added in
// units of 0.0001 (the finest an amount may have), so 0.1 + 0.2 is 0.3 and not 0.30000000000000004.
import { computeTotals } from '../checks/totals';
import { formatModel, type FormatId, type TableId } from '../formats/index';
import type { ProcurementUnit, ReportDocument } from '../model/report';

export interface SummedUnit {
  /** The unit's name as it will be listed (for “left blank by …”). */
  name: string;
  doc: ReportDocument;
}

export interface CellSum {
  cells: Record<string, number | null>;
  /** Cells that at least one unit left blank: key → the units' names. The sum covers the others only. */
  incomplete: Record<string, string[]>;
  /** 2019 format: the unit of 采购总金额 in the sum (元 when any unit reports in 元, converted exactly). */
  procurementUnit?: ProcurementUnit;
  /** Tables whose summed totals differ from the totals computed from the summed parts (a unit typed a
   *  total that does not add up): the summary keeps the summed figures and types its totals, so the sum
   *  rules show the difference instead of hiding it. */
  typedTotals: TableId[];
}

const SCALE = 10_000;
const PROCUREMENT_AMOUNT_KEY = 't2.procurement.amount';

function procurementUnitOf(doc: ReportDocument): ProcurementUnit {
  return doc.settings?.procurementUnit ?? '万元';
}

/**
 * Sums the cells of reports that all share `format`. A cell blank in every unit stays blank; a cell blank
 * in some is the sum of the others and is listed in `incomplete` with the units that left it blank.
 */
export function sumReports(format: FormatId, units: readonly SummedUnit[]): CellSum {
  const model = formatModel(format);
  for (const u of units) {
    if (u.doc.format !== format) throw new Error(`sumReports: ${u.name} is in the ${u.doc.format} format, not ${format}`);
  }
  const procurementUnit: ProcurementUnit | undefined =
    format === '2019' ? (units.some((u) => procurementUnitOf(u.doc) === '元') ? '元' : '万元') : undefined;

  const cells: Record<string, number | null> = {};
  const incomplete: Record<string, string[]> = {};
  for (const cell of model.cells) {
    let scaled = 0;
    let seen = 0;
    const blanks: string[] = [];
    for (const u of units) {
      let value = u.doc.cells[cell.key];
      if (value === null || value === undefined) {
        blanks.push(u.name);
        continue;
      }
      if (cell.key === PROCUREMENT_AMOUNT_KEY && procurementUnit === '元' && procurementUnitOf(u.doc) === '万元') {
        value = value * SCALE; // 万元 → 元: ≤ 4 decimals become an integer number of 元, exact after rounding
      }
      scaled += Math.round(value * SCALE);
      seen++;
    }
    cells[cell.key] = seen === 0 ? null : scaled / SCALE;
    if (seen > 0 && blanks.length > 0) incomplete[cell.key] = blanks;
  }

  const typedTotals: TableId[] = [];
  const recomputed = computeTotals({ format, cells });
  for (const table of ['t3', 't4'] as const) {
    const differs = model.keysByTable[table].some((key) => model.cellByKey.get(key)?.computed && recomputed[key] !== cells[key]);
    if (differs) typedTotals.push(table);
  }
  return { cells, incomplete, ...(procurementUnit ? { procurementUnit } : {}), typedTotals };
}
