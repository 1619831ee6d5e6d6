// Last year's report kept in this year's file (the `previous` block, schema version 5) and the marks of
// values proposed from it. The prev.* checks read the block as a (partial) report of last year.
import { formatModel } from '../formats/index';
import type { SectionKey } from '../formats/types';
import type { PreviousReport, PreviousSourceKind, ProposedMarks, ReportDocument } from './report';

/** The block kept for last year's report `last`, read from the file `fileName` whose bytes hash to `sha256`.
 *  Every cell of last year's format is kept (a refused entry as blank), and section 五's text. */
export function previousBlock(last: ReportDocument, source: { fileName: string; kind: PreviousSourceKind }, sha256: string): PreviousReport {
  const cells: Record<string, number | null> = {};
  for (const c of formatModel(last.format).cells) {
    const v = last.cells[c.key];
    cells[c.key] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  const agency = { name: last.agency.name, level: last.agency.level, ...(last.agency.region ? { region: last.agency.region } : {}) };
  return { year: last.year, agency, format: last.format, source: { fileName: source.fileName, kind: source.kind }, sha256, cells, problems: last.sections.problems };
}

const asReport = new WeakMap<PreviousReport, ReportDocument>();

/** The block as last year's report for the check engine: its cells and section 五 (the other sections
 *  are not kept, and no prev.* rule reads them). Returns the same object for the same block. */
export function previousAsReport(block: PreviousReport): ReportDocument {
  let doc = asReport.get(block);
  if (!doc) {
    doc = {
      schemaVersion: 0,
      format: block.format,
      year: block.year,
      agency: block.agency,
      sections: { overview: '', problems: typeof block.problems === 'string' ? block.problems : '', other: '' },
      cells: block.cells,
      explanations: [],
      meta: { created: '', updated: '', appVersion: '' },
    };
    asReport.set(block, doc);
  }
  return doc;
}

/** The document's own `previous` block, if it holds a usable one (odd data: none). */
export function storedPrevious(doc: ReportDocument): ReportDocument | undefined {
  const block = (doc as { previous?: unknown }).previous;
  if (typeof block !== 'object' || block === null) return undefined;
  const b = block as PreviousReport;
  if (typeof b.cells !== 'object' || b.cells === null || (b.format !== '2019' && b.format !== '2021')) return undefined;
  return previousAsReport(b);
}

/** Marks with `cellKeys` and `sections` removed; undefined when nothing proposed is left. */
export function withoutProposed(marks: ProposedMarks | undefined, cellKeys: readonly string[], sections: readonly SectionKey[] = []): ProposedMarks | undefined {
  if (!marks) return undefined;
  const cells = marks.cells.filter((k) => !cellKeys.includes(k));
  const rest = marks.sections.filter((s) => !sections.includes(s));
  return cells.length === 0 && rest.length === 0 ? undefined : { cells, sections: rest };
}

export function isProposedCell(doc: Pick<ReportDocument, 'proposed'>, key: string): boolean {
  return doc.proposed?.cells.includes(key) === true;
}

export function isProposedSection(doc: Pick<ReportDocument, 'proposed'>, section: SectionKey): boolean {
  return doc.proposed?.sections.includes(section) === true;
}

/** `doc` with the given cells and sections no longer proposed (confirmed, or written by the user). */
export function withoutProposedIn(doc: ReportDocument, cellKeys: readonly string[], sections: readonly SectionKey[] = []): ReportDocument {
  if (!doc.proposed) return doc;
  const marks = withoutProposed(doc.proposed, cellKeys, sections);
  if (marks && marks.cells.length === doc.proposed.cells.length && marks.sections.length === doc.proposed.sections.length) return doc;
  const { proposed: _dropped, ...rest } = doc;
  return marks ? { ...rest, proposed: marks } : rest;
}

/** After a change from `before` to `after`: a proposed cell whose value (or refused entry) changed, and a
 *  proposed section whose text changed, are the user's now — their marks go. Whatever made the change
 *  (typing, paste, fill with 0, the ledger, a restored backup); not a format conversion, which sets the
 *  marks itself. */
export function dropEditedProposals(before: ReportDocument, after: ReportDocument): ReportDocument {
  const marks = after.proposed;
  // A format conversion changes every key: its marks are its own (values offered by converting back).
  if (!marks || before.format !== after.format) return after;
  const cells = marks.cells.filter((k) => after.cells[k] !== before.cells[k] || after.invalidCells?.[k] !== before.invalidCells?.[k]);
  const sections = marks.sections.filter((s) => after.sections[s] !== before.sections[s]);
  return cells.length === 0 && sections.length === 0 ? after : withoutProposedIn(after, cells, sections);
}
