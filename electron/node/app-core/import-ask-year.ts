// An imported report text (pasted, a text file, a chosen or dropped document) that names no year: instead
// of refusing it, main answers `needs-year` with an id, keeps how to import it again (the text, the bytes,
// or the path main's own dialog gave — nothing new from the renderer), and import:complete runs that import
// once more with the year and agency name the user typed. Nothing is opened until that import succeeds;
// import:discard (取消) forgets it. Only the latest such import is kept (a pasted text or a file's bytes).
// 从上年报告开始 (import:startFromPrevious) is asked the same way: the answer is last year's report's year,
// and import:complete answers the new report begun from it.
import type { InvokeResponse } from '../../../shared/ipc/contract';
import type { ImportOptions } from '../../../shared/import/types';
import { UserError } from '../user-error';
import { APP_NEEDS_LAST_YEAR_ACTION, APP_NEEDS_YEAR_ACTION, NEEDS_YEAR_ACTION } from './import-messages';
import type { Handlers } from './context';

/** The year and agency name the user gave (the importer's own options, as the CLI's --year/--agency). */
export type YearAnswer = Pick<ImportOptions, 'year' | 'agencyName'>;
/** One import, run again with the answer: a report imported, or (import:startFromPrevious) begun from one. */
export type ImportAttempt<T extends InvokeResponse<'import:complete'> = InvokeResponse<'import:complete'>> = (answer: YearAnswer) => Promise<T>;

/** Thrown by an attempt whose importer result was needsYear. */
export class NeedsYear extends Error {}

/** The importer's needsYear result as the app says it; `lastYear`: the text read is last year's report
 *  (从上年报告开始), so the form asks for that report's year. */
export function needsYear(message: string, lastYear = false): NeedsYear {
  return new NeedsYear(message.replace(NEEDS_YEAR_ACTION, lastYear ? APP_NEEDS_LAST_YEAR_ACTION : APP_NEEDS_YEAR_ACTION));
}

export interface ImportAsker {
  /** Runs the import; when the text names no year, keeps `attempt` and answers `needs-year`. */
  attempt<T extends InvokeResponse<'import:complete'>>(attempt: ImportAttempt<T>): Promise<T>;
  handlers: Pick<Handlers, 'import:complete' | 'import:discard'>;
}

export function createImportAsker(): ImportAsker {
  let pending: { importId: string; attempt: ImportAttempt } | null = null;
  let counter = 0;
  return {
    async attempt(attempt) {
      try {
        return await attempt({});
      } catch (e) {
        if (!(e instanceof NeedsYear)) throw e;
        pending = { importId: `import-${++counter}`, attempt };
        throw new UserError('needs-year', e.message, { importId: pending.importId });
      }
    },
    handlers: {
      'import:complete': async ({ importId, year, agencyName }) => {
        if (!pending || pending.importId !== importId) {
          throw new UserError('not-found', '这次导入已不在等待中（可能已经导入或取消）。请重新导入。');
        }
        const { attempt } = pending;
        pending = null;
        try {
          return await attempt({ year, agencyName: agencyName.trim() });
        } catch (e) {
          // Not expected with a year given; said as a refusal rather than asked again.
          if (e instanceof NeedsYear) throw new UserError('bad-file', e.message);
          throw e;
        }
      },
      'import:discard': async ({ importId }) => {
        if (pending?.importId === importId) pending = null;
        return {};
      },
    },
  };
}
