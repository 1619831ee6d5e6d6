// export:publish — the website version (.html) or the Word version (.docx) written where the user chose
// (save dialog in main; the renderer never names a path), checked like the final PDF unless a draft.
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { localIsoDate } from '../../../shared/model/report';
import { UserError } from '../user-error';
import { cancelled, folderFor, writeExport, type CoreContext, type Handlers } from './context';
import { documentTitle, exportTarget, safeFileName } from './file-names';

export function createPublishHandlers(ctx: CoreContext, remember: (exportId: string, path: string) => void): Pick<Handlers, 'export:publish'> {
  return {
    'export:publish': async ({ docId, doc, kind, mode, previous }) => {
      const entry = ctx.documents.get(docId);
      const save = ctx.options.dialogs.savePublication;
      if (!save) throw new UserError('internal', '此版本不能导出网页版或 Word 版。');
      const today = localIsoDate(ctx.now());
      // Built in the parse worker (which loads the docx library on first use).
      const result = await ctx.jobs.run('publish', [doc, kind, { mode, today, ...(previous ? { previous } : {}) }], {
        what: `“${documentTitle(doc)}”的${kind === 'html' ? '网页版' : 'Word 版'}`,
      });
      if (!result.ok) throw new UserError('blocked', result.message, { findings: result.findings });
      const extension = kind === 'html' ? '.html' : '.docx';
      const folder = entry.path ? dirname(entry.path) : folderFor(ctx, 'pdf');
      const name = `${safeFileName(documentTitle(doc))}${mode === 'draft' ? '（草稿）' : ''}${extension}`;
      const chosen = await save(join(folder, name), kind);
      if (!chosen) throw cancelled();
      const path = await exportTarget(resolve(chosen), extension, (p) => ctx.fs.stat(p).then(() => true, () => false));
      await writeExport(ctx, path, result.bytes);
      ctx.preferences.setLastFolder('pdf', dirname(path));
      const exportId = randomUUID();
      remember(exportId, path);
      return { exportId, fileName: basename(path), location: dirname(path), size: result.bytes.byteLength, findings: result.findings, missingGlyphs: [] };
    },
  };
}
