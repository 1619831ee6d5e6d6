// import:file and import:dropped — last year's report in any form (Word, web page, PDF, text, report file)
// through the one importer of electron/node/import: chosen in the open dialog, or dropped onto the window
// (the renderer sends the dropped file's name and bytes; no path crosses from the renderer) — and
// import:startFromPrevious, this year's report begun from it. All run in the parse worker (../worker).
import { basename, dirname, resolve } from 'node:path';
import type { InvokeResponse, OpenedFromPrevious } from '../../../shared/ipc/contract';
import { KIND_NAMES, type FileImportResult } from '../import/index';
import type { LastYearResult } from '../import/last-year';
import { UserError } from '../user-error';
import { startFromPrevious } from '../../../shared/model/start-from-previous';
import { cancelled, folderFor, type CoreContext, type Handlers } from './context';
import { needsYear, type ImportAsker } from './import-ask-year';

export type ImportFileHandlers = Pick<Handlers, 'import:file' | 'import:dropped' | 'import:startFromPrevious'>;

export function createImportFileHandlers(ctx: CoreContext, asker: ImportAsker): ImportFileHandlers {
  const register = (result: FileImportResult): InvokeResponse<'import:file'> => {
    if (!result.ok) throw result.needsYear ? needsYear(result.message) : new UserError('bad-file', result.message);
    const opened = ctx.documents.register(result.doc, null, null, true);
    const own = result.kind === 'report' || result.kind === 'app-pdf';
    return { ...opened, source: KIND_NAMES[result.kind], problems: own ? [] : result.problems.map((p) => p.message) };
  };
  const startFrom = (read: LastYearResult): OpenedFromPrevious => {
    if (!read.ok) throw read.needsYear ? needsYear(read.message, true) : new UserError('bad-file', read.message);
    const started = startFromPrevious(read.doc, { source: { fileName: read.fileName, kind: read.kind }, sha256: read.sha256 });
    if (!started.ok) throw new UserError('bad-file', `“${read.fileName}”：${started.message}`);
    const opened = ctx.documents.register(started.doc, null, null, true);
    const own = read.kind === 'report' || read.kind === 'app-pdf';
    return { ...opened, source: KIND_NAMES[read.kind], problems: own ? [] : read.problems.map((p) => p.message), fromPrevious: true, notes: started.notes };
  };
  return {
    'import:file': async () => {
      const path = await ctx.options.dialogs.openImport(folderFor(ctx, 'text'));
      if (!path) throw cancelled();
      ctx.preferences.setLastFolder('text', dirname(resolve(path)));
      // Read and parsed in the parse worker: a hostile file costs its budget there, not the window's.
      // A document naming no year is asked about (import-ask-year.ts) and read again from the same path.
      return asker.attempt(async (answer) => register(await ctx.jobs.run('importFile', [path, answer], { what: `“${basename(path)}”` })));
    },
    'import:dropped': async ({ name, bytes }) => asker.attempt(async (answer) => register(await ctx.jobs.run('importBytes', [bytes, name, answer], { what: `“${name}”` }))),
    'import:startFromPrevious': async () => {
      const path = await ctx.options.dialogs.openImport(folderFor(ctx, 'text'), 'start');
      if (!path) throw cancelled();
      ctx.preferences.setLastFolder('text', dirname(resolve(path)));
      // Last year's report naming no year is asked about like any import (import-ask-year.ts): the answer
      // is that report's year and agency, and the new report begins the year after.
      return asker.attempt(async (answer) => startFrom(await ctx.jobs.run('readLastYear', [resolve(path), answer], { what: `“${basename(path)}”` })));
    },
  };
}
