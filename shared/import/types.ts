// What the text importer returns. Problems are in Chinese and say where (section, and cell when there is
// one); the importer never guesses a number it could not read.
import type { FormatId } from '../formats/types';
import type { ReportPlace } from '../formats/vocabulary';
import type { AgencyLevel, ReportDocument } from '../model/report';

export interface ImportProblem {
  place: ReportPlace;
  /** The one cell the problem is about, when there is exactly one. */
  key?: string;
  /** Every cell left blank because of this problem (a whole row, a whole table). */
  cells?: string[];
  message: string;
}

export interface ImportOptions {
  /** Used when the text has no readable title with a year. */
  year?: number;
  /** Overrides the agency name read from the title. */
  agencyName?: string;
  /** Overrides the level guessed from the agency name. */
  level?: AgencyLevel;
  /** ISO time for meta.created/updated (tests pass one). */
  now?: string;
}

export type ImportResult =
  | { ok: true; doc: ReportDocument; problems: ImportProblem[]; detectedFormat: FormatId }
  /** needsYear: the text names no year (no title, no statistics period) — a front end asks for the year
   *  (and the agency) and imports again with them in ImportOptions, instead of giving up. */
  | { ok: false; message: string; needsYear?: true };
