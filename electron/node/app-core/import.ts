// import:* — a report from a published report's text (pasted or a .txt file) or from a PDF Nianbao exported.
import { basename, dirname, resolve } from 'node:path';
import type { InvokeResponse } from '../../../shared/ipc/contract';
import type { ImportResult as TextImportResult } from '../../../shared/import/types';
import { StorageError } from '../storage/errors';
import { decodeText } from '../import/text-decode';
import { UserError } from '../user-error';
import { cancelled, folderFor, readUserFile, type CoreContext, type HandlersOf } from './context';
import { APP_NEEDS_YEAR_ACTION, NEEDS_YEAR_ACTION } from './import-messages';

/** The text and app-PDF imports; import:file, import:dropped and import:startFromPrevious are in import-file.ts. */
export function createImportHandlers(ctx: CoreContext): Omit<HandlersOf<'import'>, 'import:file' | 'import:dropped' | 'import:startFromPrevious'> {
  const { options, preferences, documents } = ctx;

  function registerText(result: TextImportResult): InvokeResponse<'import:text'> {
    if (!result.ok) throw new UserError('bad-file', result.needsYear ? result.message.replace(NEEDS_YEAR_ACTION, APP_NEEDS_YEAR_ACTION) : result.message);
    const opened = documents.register(result.doc, null, null, true);
    return { ...opened, problems: result.problems.map((p) => p.message) };
  }

  return {
    'import:text': async ({ text }) => registerText(ctx.importText ? ctx.importText(text) : await ctx.jobs.run('importText', [text], { what: '粘贴的文本' })),
    'import:textFile': async () => {
      const path = await options.dialogs.openText(folderFor(ctx, 'text'));
      if (!path) throw cancelled();
      if (!ctx.importText) {
        // Read, decoded and imported in the parse worker.
        const result = await ctx.jobs.run('importTextFile', [path], { what: `“${basename(path)}”` });
        preferences.setLastFolder('text', dirname(resolve(path)));
        return registerText(result);
      }
      const bytes = await readUserFile(path, 'text');
      preferences.setLastFolder('text', dirname(resolve(path)));
      const { text } = decodeText(bytes);
      if (text.trim() === '') throw new StorageError('bad-file', `“${basename(path)}”是空的。`);
      return registerText(ctx.importText(text));
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
