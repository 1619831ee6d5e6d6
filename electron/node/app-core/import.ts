// import:* — a report from a published report's text (pasted or a .txt file) or from a PDF Nianbao exported.
import { basename, dirname, resolve } from 'node:path';
import type { InvokeResponse } from '../../../shared/ipc/contract';
import { StorageError } from '../storage/errors';
import { decodeText } from '../import/text-decode';
import { UserError } from '../user-error';
import { cancelled, folderFor, readUserFile, type CoreContext, type HandlersOf } from './context';

/** The text and app-PDF imports; import:file, import:dropped and import:startFromPrevious are in import-file.ts. */
export function createImportHandlers(ctx: CoreContext): Omit<HandlersOf<'import'>, 'import:file' | 'import:dropped' | 'import:startFromPrevious'> {
  const { options, preferences, documents } = ctx;

  async function importTextAndRegister(text: string): Promise<InvokeResponse<'import:text'>> {
    const result = ctx.importText(text);
    if (!result.ok) throw new UserError('bad-file', result.message);
    const opened = documents.register(result.doc, null, null, true);
    return { ...opened, problems: result.problems.map((p) => p.message) };
  }

  return {
    'import:text': async ({ text }) => importTextAndRegister(text),
    'import:textFile': async () => {
      const path = await options.dialogs.openText(folderFor(ctx, 'text'));
      if (!path) throw cancelled();
      const bytes = await readUserFile(path, 'text');
      preferences.setLastFolder('text', dirname(resolve(path)));
      const { text } = decodeText(bytes);
      if (text.trim() === '') throw new StorageError('bad-file', `“${basename(path)}”是空的。`);
      return importTextAndRegister(text);
    },
    'import:pdf': async () => {
      if (!ctx.pdf) throw new UserError('internal', '从 PDF 导入的功能不可用。');
      const path = await options.dialogs.openPdf(folderFor(ctx, 'pdf'));
      if (!path) throw cancelled();
      const bytes = await readUserFile(path, 'pdf');
      preferences.setLastFolder('pdf', dirname(resolve(path)));
      const outcome = await ctx.pdf.read(bytes);
      if (!outcome.ok) throw UserError.from(outcome.error);
      return documents.register(outcome.doc, null, null, true);
    },
  };
}
