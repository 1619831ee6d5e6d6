// Converting a report from one official format to the other (2019 ↔ 2021). Pure: it returns the new
// document and the lists the user sees before accepting — what moved, what is left to be filled, what
// the other format has no place for (dropped from the tables, kept in the file's `history`). Converting
// back offers those kept values again: a cell the earlier conversion dropped and that is blank after this
// one gets the kept value as a proposed value (待确认); a cell with a value now keeps it, and is listed.
import { computeTotals } from '../checks/totals';
import { isComputedCell } from '../checks/typed-totals';
import { cellName, formatModel, renamedSources, type FormatId } from '../formats/index';
import type { HistoryEntry, ReportDocument } from './report';

export interface ConversionResult {
  doc: ReportDocument;
  /** Cells with a value (or a refused entry) that moved: key of the old format → key of the new one
   *  (computed totals left out, unless the table's totals are typed). */
  moved: { from: string; to: string; value: number | string }[];
  /** Cells of the new format with nothing to take from the old one (computed totals left out). */
  toFill: string[];
  /** Values of the old format with no place in the new one: number, or the refused entry as typed. */
  dropped: { key: string; value: number | string }[];
  /** Values kept by the newest earlier conversion out of the new format, offered again in the cells that
   *  are blank after this one: a number is proposed (marked in `proposed`, 待确认), a refused entry comes
   *  back refused (cell.invalid lists it). These cells are not in `toFill`. */
  offered: { key: string; value: number | string }[];
  /** Kept values not offered because the cell has a value (or a refused entry) now, which stays. */
  keptNow: { key: string; kept: number | string; now: number | string }[];
}

/** The values the newest conversion out of `format` kept (cell keys of `format`), if there was one. */
export function keptBeforeConversion(history: readonly HistoryEntry[] | undefined, format: FormatId): HistoryEntry | undefined {
  for (let i = (history?.length ?? 0) - 1; i >= 0; i--) {
    const h = history![i]!;
    if (h.action === 'convert' && h.from === format) return h;
  }
  return undefined;
}

/** Whether the proposed cell `key` was proposed by converting back (its value kept by the conversion out
 *  of the document's format), not from last year's report. */
export function proposedByConversion(doc: Pick<ReportDocument, 'format' | 'history'>, key: string): boolean {
  const kept = keptBeforeConversion(doc.history, doc.format);
  return kept !== undefined && Object.hasOwn(kept.dropped, key);
}

/** The old format's keys whose values make up each key of the new format: the same key where both
 *  formats have it, else the renamed cells of shared/formats/conversion.ts. */
export function conversionSources(from: FormatId, to: FormatId): Map<string, string[]> {
  const fromKeys = formatModel(from).cellByKey;
  const out = new Map<string, string[]>();
  for (const cell of formatModel(to).cells) {
    const sources = fromKeys.has(cell.key) ? [cell.key] : renamedSources(cell.key, from, to).filter((k) => fromKeys.has(k));
    out.set(cell.key, sources);
  }
  return out;
}

export function convertFormat(doc: ReportDocument, to: FormatId, at: string = new Date().toISOString()): ConversionResult {
  const from = doc.format;
  if (from === to) return { doc, moved: [], toFill: [], dropped: [], offered: [], keptNow: [] };
  const sourcesOf = conversionSources(from, to);
  const target = formatModel(to);
  const cells: Record<string, number | null> = {};
  const invalidCells: Record<string, string> = {};
  const moved: ConversionResult['moved'] = [];
  const toFill: string[] = [];
  const used = new Set<string>();
  const invalid = doc.invalidCells ?? {};

  for (const cell of target.cells) {
    const sources = sourcesOf.get(cell.key) ?? [];
    if (sources.length === 0) {
      cells[cell.key] = null;
      if (!cell.computed) toFill.push(cell.key);
      continue;
    }
    for (const s of sources) used.add(s);
    const refused = sources.find((s) => invalid[s] !== undefined);
    const values = sources.map((s) => doc.cells[s]).filter((v): v is number => typeof v === 'number');
    if (refused !== undefined) {
      // A refused entry stays refused (cell.invalid names it); nothing is added to it.
      invalidCells[cell.key] = invalid[refused]!;
      cells[cell.key] = null;
    } else {
      cells[cell.key] = values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
    }
    // A computed total is computed again in the new format: not worth a line, unless the table's totals are typed.
    if (cell.computed && !(doc.settings?.typedTotals ?? []).includes(cell.table)) continue;
    for (const s of sources) {
      const value = invalid[s] ?? doc.cells[s];
      if (value !== undefined && value !== null) moved.push({ from: s, to: cell.key, value });
    }
  }

  // A sum that had to stay blank because one part was refused would lose the other parts: drop them visibly.
  const dropped: ConversionResult['dropped'] = [];
  for (const [key, sources] of sourcesOf) {
    if (invalidCells[key] === undefined) continue;
    for (const s of sources) {
      const v = doc.cells[s];
      if (invalid[s] === undefined && typeof v === 'number') {
        dropped.push({ key: s, value: v });
        const i = moved.findIndex((m) => m.from === s);
        if (i >= 0) moved.splice(i, 1);
      }
    }
  }
  for (const cell of formatModel(from).cells) {
    if (used.has(cell.key)) continue;
    const value = invalid[cell.key] ?? doc.cells[cell.key];
    if (value !== undefined && value !== null) dropped.push({ key: cell.key, value });
  }

  // Converting back: what the newest conversion out of the new format kept is offered where the cell is
  // blank now (never over a value or a refused entry the cell has; those are listed as kept now).
  const offered: ConversionResult['offered'] = [];
  const keptNow: ConversionResult['keptNow'] = [];
  const kept = keptBeforeConversion(doc.history, to);
  for (const [key, value] of Object.entries(kept?.dropped ?? {})) {
    if (!target.cellByKey.has(key) || isComputedCell({ format: to, settings: doc.settings }, key)) continue;
    const now = invalidCells[key] ?? cells[key];
    if (now !== undefined && now !== null) {
      keptNow.push({ key, kept: value, now });
      continue;
    }
    if (typeof value === 'string') invalidCells[key] = value;
    else cells[key] = value;
    offered.push({ key, value });
  }
  const offeredKeys = new Set(offered.map((o) => o.key));
  const stillToFill = toFill.filter((k) => !offeredKeys.has(k));

  const entry: HistoryEntry = { at, action: 'convert', from, to, dropped: Object.fromEntries(dropped.map((d) => [d.key, d.value])) };
  const keyMap = (key: string) => [...sourcesOf].filter(([, s]) => s.includes(key)).map(([k]) => k);
  const next: ReportDocument = { ...doc, format: to, cells, history: [...(doc.history ?? []), entry] };
  if (Object.keys(invalidCells).length > 0) next.invalidCells = invalidCells;
  else delete next.invalidCells;
  // A refused entry is not a proposal (it has to be corrected, cell.invalid says so); a number is.
  const proposedNow = offered.filter((o) => typeof o.value === 'number').map((o) => o.key);
  const proposedCells = [...new Set([...(doc.proposed?.cells.flatMap(keyMap) ?? []), ...proposedNow])];
  if (doc.proposed || proposedCells.length > 0) {
    next.proposed = { sections: doc.proposed?.sections ?? [], cells: proposedCells };
  }
  // The totals of a table with an offered part are computed again, as the app does after every change.
  const offeredTables = [...new Set(offered.map((o) => target.cellByKey.get(o.key)!.table))];
  if (offeredTables.length > 0) next.cells = computeTotals(next, offeredTables);
  if (doc.merged) {
    const incomplete: Record<string, string[]> = {};
    for (const [key, units] of Object.entries(doc.merged.incomplete)) {
      for (const k of keyMap(key)) incomplete[k] = [...new Set([...(incomplete[k] ?? []), ...units])];
    }
    next.merged = { ...doc.merged, incomplete };
  }
  return { doc: next, moved, toFill: stillToFill, dropped, offered, keptNow };
}

/** The three lists in the words the user reads (CLI and app): cell names of each format, values. */
export function describeConversion(
  result: ConversionResult,
  from: FormatId,
  to: FormatId,
): { moved: string[]; toFill: string[]; dropped: string[]; offered: string[]; keptNow: string[] } {
  const name = (format: FormatId, key: string) => {
    const cell = formatModel(format).cellByKey.get(key);
    return cell ? cellName(cell) : key;
  };
  return {
    moved: result.moved.map((m) => {
      const v = m.value;
      const target = name(to, m.to);
      const source = name(from, m.from);
      return source === target ? `${source}：${String(v)}` : `${source} → ${target}：${String(v)}`;
    }),
    toFill: result.toFill.map((k) => name(to, k)),
    dropped: result.dropped.map((d) => `${name(from, d.key)}：${String(d.value)}`),
    offered: result.offered.map((o) =>
      typeof o.value === 'number' ? `${name(to, o.key)}：${o.value}（待确认）` : `${name(to, o.key)}：“${o.value}”（原输入有误，恢复后请改正）`,
    ),
    keptNow: result.keptNow.map((k) => `${name(to, k.key)}：现为 ${String(k.now)}，不改动（上次转换前为 ${String(k.kept)}）`),
  };
}
