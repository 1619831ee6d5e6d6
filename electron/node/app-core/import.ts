// import:* — a report from a published report's text (pasted or a .txt file) or from a PDF Nianbao exported.
import { basename, dirname, resolve } from 'node:path';
import type { InvokeResponse } from '../../../shared/ipc/contract';
import type { ImportResult as TextImportResult } from '../../../shared/import/types';
import { StorageError } from '../storage/errors';
import { decodeText } from '../import/text-decode';
import { UserError } from '../user-error';
import { cancelled, folderFor, readUserFile, type CoreContext, type HandlersOf } from './context';
import { needsYear, type ImportAsker, type YearAnswer } from './import-ask-year';

/** The text and app-PDF imports; import:file, import:dropped and import:startFromPrevious are in import-file.ts. */
export function createImportHandlers(
  ctx: CoreContext,
  asker: ImportAsker,
): Omit<HandlersOf<'import'>, 'import:file' | 'import:dropped' | 'import:startFromPrevious' | 'import:complete' | 'import:discard'> {
  const { options, preferences, documents } = ctx;

  function registerText(result: TextImportResult): InvokeResponse<'import:text'> {
    if (!result.ok) throw result.needsYear ? needsYear(result.message) : new UserError('bad-file', result.message);
    const opened = documents.register(result.doc, null, null, true);
    return { ...opened, problems: result.problems.map((p) => p.message) };
  }

  return {
    'import:text': async ({ text }) =>
      asker.attempt(async (answer: YearAnswer) => registerText(ctx.importText ? ctx.importText(text, answer) : await ctx.jobs.run('importText', [text, answer], { what: '粘贴的文本' }))),
    'import:textFile': async () => {
      const path = await options.dialogs.openText(folderFor(ctx, 'text'));
      if (!path) throw cancelled();
      if (!ctx.importText) {
        // Read, decoded and imported in the parse worker.
        preferences.setLastFolder('text', dirname(resolve(path)));
        return asker.attempt(async (answer) => registerText(await ctx.jobs.run('importTextFile', [path, answer], { what: `“${basename(path)}”` })));
      }
      const importText = ctx.importText;
      const bytes = await readUserFile(path, 'text');
      preferences.setLastFolder('text', dirname(resolve(path)));
      const { text } = decodeText(bytes);
      if (text.trim() === '') throw new StorageError('bad-file', `“${basename(path)}”是空的。`);
      return asker.attempt(async (answer) => registerText(importText(text, answer)));
    },
    'import:pdf': async () => {
      if (!ctx.pdf) throw new UserError('internal', '从 PDF 导入的功能不可用。');
      const path = await options.dialogs.openPdf(folderFor(ctx, 'pdf'));
      if (!path) throw cancelled();
      const bytes = await readUserFile(path, 'pdf');
      preferences.setLastFolder('pdf', dirname(resolve(path)));
      const outcome = await ctx.pdf.read(bytes, basename(path));
      if (!outcome.ok) throw UserError.from(outcome.error);
      return documents.register(outcome.doc, null, null, true);
    },
  };
}
