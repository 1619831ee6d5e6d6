// export:* and shell:showExport — the PDF written where the user chose, the preview, and showing the file.
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { localIsoDate, type ReportDocument } from '../../../shared/model/report';
import { UserError } from '../user-error';
import { cancelled, folderFor, writeExport, type CoreContext, type HandlersOf } from './context';
import { documentTitle, exportTarget, safeFileName } from './file-names';
import { createPublishHandlers } from './publish';

export function createExportHandlers(ctx: CoreContext): HandlersOf<'export' | 'shell'> {
  const { options, preferences, documents } = ctx;
  /** exportId → the path written, for shell:showExport (the renderer never holds paths). */
  const exported = new Map<string, string>();

  async function render(doc: ReportDocument, mode: 'final' | 'draft', previous: ReportDocument | undefined) {
    if (!ctx.pdf) throw new UserError('internal', 'PDF 导出功能不可用。');
    // A report without a date of issue is dated the day of its export (spec §7).
    const today = localIsoDate(ctx.now());
    const outcome = await ctx.pdf.render(doc, previous ? { mode, previous, today } : { mode, today });
    if (!outcome.ok) throw UserError.from(outcome.error);
    return outcome;
  }

  return {
    ...createPublishHandlers(ctx, (exportId, path) => exported.set(exportId, path)),
    'export:pdf': async ({ docId, doc, mode, previous }) => {
      const entry = documents.get(docId);
      const rendered = await render(doc, mode, previous);
      const folder = entry.path ? dirname(entry.path) : folderFor(ctx, 'pdf');
      const name = `${safeFileName(documentTitle(doc))}${mode === 'draft' ? '（草稿）' : ''}.pdf`;
      const chosen = await options.dialogs.savePdf(join(folder, name));
      if (!chosen) throw cancelled();
      const path = await exportTarget(resolve(chosen), '.pdf', (p) => ctx.fs.stat(p).then(() => true, () => false));
      await writeExport(ctx, path, rendered.pdf);
      preferences.setLastFolder('pdf', dirname(path));
      const exportId = randomUUID();
      exported.set(exportId, path);
      return { exportId, fileName: basename(path), location: dirname(path), size: rendered.pdf.byteLength, findings: rendered.findings, missingGlyphs: rendered.missingGlyphs };
    },
    'export:preview': async ({ doc, mode, previous }) => {
      const rendered = await render(doc, mode, previous);
      return { pdf: rendered.pdf, findings: rendered.findings, missingGlyphs: rendered.missingGlyphs };
    },
    'export:print': async ({ doc, mode, previous }) => {
      const printer = options.printer;
      if (!printer) throw new UserError('internal', '此版本不能直接打印：请在预览中点“打印…”，或导出PDF后再打印。');
      const rendered = await render(doc, mode, previous);
      await printer.print(rendered.pdf);
      return {};
    },
    'shell:showExport': async ({ exportId }) => {
      const path = exported.get(exportId);
      if (!path) throw new UserError('not-found', '找不到这次导出的文件记录。');
      if (!options.shell) throw new UserError('internal', '无法打开文件夹。');
      options.shell.showItemInFolder(path);
      return {};
    },
  };
}
