// Converting a report from one official format to the other (2019 ↔ 2021). Pure: it returns the new
// document and the lists the user sees before accepting — what moved, what is left to be filled, what
// the other format has no place for (dropped from the tables, kept in the file's `history`).
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
  if (from === to) return { doc, moved: [], toFill: [], dropped: [] };
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

  const entry: HistoryEntry = { at, action: 'convert', from, to, dropped: Object.fromEntries(dropped.map((d) => [d.key, d.value])) };
  const keyMap = (key: string) => [...sourcesOf].filter(([, s]) => s.includes(key)).map(([k]) => k);
  const next: ReportDocument = { ...doc, format: to, cells, history: [...(doc.history ?? []), entry] };
  if (Object.keys(invalidCells).length > 0) next.invalidCells = invalidCells;
  else delete next.invalidCells;
  if (doc.proposed) {
    next.proposed = { ...doc.proposed, cells: [...new Set(doc.proposed.cells.flatMap(keyMap))] };
  }
  if (doc.merged) {
    const incomplete: Record<string, string[]> = {};
    for (const [key, units] of Object.entries(doc.merged.incomplete)) {
      for (const k of keyMap(key)) incomplete[k] = [...new Set([...(incomplete[k] ?? []), ...units])];
    }
    next.merged = { ...doc.merged, incomplete };
  }
  return { doc: next, moved, toFill, dropped };
}

/** The three lists in the words the user reads (CLI and app): cell names of each format, values. */
export function describeConversion(result: ConversionResult, from: FormatId, to: FormatId): { moved: string[]; toFill: string[]; dropped: string[] } {
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
  };
}
