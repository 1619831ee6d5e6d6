// doc:* — new, open, save, save as, autosave, dirty state, close, and last year's report for the checks.
import { basename, dirname, join, resolve } from 'node:path';
import type { OpenedDocument, SaveResult } from '../../../shared/ipc/contract';
import { createReport } from '../../../shared/model/document';
import { FILE_EXTENSION, type ReportDocument } from '../../../shared/model/report';
import { StorageError, writeError } from '../storage/errors';
import { errnoCode } from '../storage/fs-layer';
import { UserError } from '../user-error';
import { KIND_NAMES } from '../import/index';
import { previousBlock } from '../../../shared/model/previous';
import { cancelled, folderFor, type CoreContext, type HandlersOf } from './context';
import type { OpenDoc } from './documents';
import { documentTitle, safeFileName, withExtension } from './file-names';

/** Opens a report file (from a dialog, the recent list or outside) and remembers it as recent. */
export async function openReportFile(ctx: CoreContext, path: string): Promise<OpenedDocument> {
  const absolute = await ctx.fs.realpath(resolve(path)).catch(() => resolve(path));
  const read = await ctx.storage.files.read(absolute);
  const opened = ctx.documents.register(read.doc, absolute, read.fingerprint, false);
  ctx.preferences.addRecent(absolute, documentTitle(read.doc), ctx.now().toISOString());
  ctx.preferences.setLastFolder('report', dirname(absolute));
  return opened;
}

export function createDocHandlers(ctx: CoreContext): HandlersOf<'doc'> {
  const { options, storage, preferences, documents, now, warn } = ctx;

  /** Writes the document in its queue: to `saveAsPath`, or (null) to its own file, which must then still be as
   *  we last read or wrote it — checked when the write runs, after the saves queued before it. */
  async function writeDocument(
    entry: OpenDoc,
    doc: ReportDocument,
    saveAsPath: string | null,
    overwriteChanged: boolean,
    /** entry.autosaves when the request arrived (before any dialog). */
    autosavesBefore: number,
  ): Promise<SaveResult> {
    return documents.queue.run(entry.docId, async () => {
      const path = saveAsPath ?? entry.path;
      if (!path) throw new UserError('internal', '这份报告还没有文件，请用“另存为”。');
      try {
        const outcome = await storage.files.save(path, doc, {
          // Save-as: the save dialog asked before replacing a file; the replaced version still goes to backups.
          expected: saveAsPath ? null : entry.fingerprint,
          overwriteChanged,
          onBackupError: (e) => warn(`未能备份“${basename(path)}”的上一版本`, e),
        });
        entry.path = outcome.path;
        entry.fingerprint = outcome.fingerprint;
        entry.title = documentTitle(doc);
        const savedAt = now().toISOString();
        preferences.addRecent(outcome.path, entry.title, savedAt);
        preferences.setLastFolder('report', dirname(outcome.path));
        // A later autosave holds newer edits than this save: keep it.
        if (entry.autosaves === autosavesBefore) {
          await storage.recovery.remove(entry.docId).catch((e: unknown) => warn('未能删除恢复副本', e));
        }
        return { fileName: basename(outcome.path), location: dirname(outcome.path), savedAt };
      } catch (e) {
        // The save failed: make sure the content survives even if the app is closed or crashes now
        // (unless the document was closed meanwhile: then nobody wants it back).
        if (documents.has(entry.docId)) {
          await storage.recovery
            .write({ docId: entry.docId, filePath: entry.path, fingerprint: entry.fingerprint, savedAt: now().toISOString(), doc })
            .catch(() => undefined);
        }
        throw e;
      }
    });
  }

  async function saveAs(entry: OpenDoc, doc: ReportDocument): Promise<SaveResult> {
    const autosavesBefore = entry.autosaves;
    const suggested = entry.path ?? join(folderFor(ctx, 'report'), `${safeFileName(documentTitle(doc))}${FILE_EXTENSION}`);
    const chosen = await options.dialogs.saveReport(suggested);
    if (!chosen) throw cancelled();
    const path = withExtension(resolve(chosen), FILE_EXTENSION);
    return writeDocument(entry, doc, path, false, autosavesBefore);
  }

  return {
    'doc:new': async (req) => {
      const doc = createReport({
        year: req.year,
        agencyName: req.agencyName,
        level: req.level,
        ...(req.region !== undefined ? { region: req.region } : {}),
        ...(req.format !== undefined ? { format: req.format } : {}),
        now: now().toISOString(),
      });
      return documents.register(doc, null, null, false);
    },
    'doc:open': async () => {
      const path = await options.dialogs.openReport(folderFor(ctx, 'report'));
      if (!path) throw cancelled();
      return openReportFile(ctx, path);
    },
    'doc:openRecent': async ({ recentId }) => {
      const path = preferences.pathOfRecent(recentId);
      if (!path) throw new UserError('not-found', '最近打开的文件列表中没有这一项，请用“打开”选择文件。');
      try {
        return await openReportFile(ctx, path);
      } catch (e) {
        if (e instanceof StorageError && e.code === 'not-found') preferences.removeRecent(path);
        throw e;
      }
    },
    'doc:save': async ({ docId, doc, overwriteChanged }) => {
      const entry = documents.get(docId);
      if (!entry.path) return saveAs(entry, doc);
      return writeDocument(entry, doc, null, overwriteChanged === true, entry.autosaves);
    },
    'doc:saveAs': async ({ docId, doc }) => saveAs(documents.get(docId), doc),
    'doc:autosave': async ({ docId, doc }) => {
      const entry = documents.get(docId);
      entry.autosaves++;
      return documents.queue.run(docId, async () => {
        if (!documents.has(docId)) throw new UserError('unknown-document', '这份报告已经关闭，不再自动保存。');
        const savedAt = now().toISOString();
        try {
          await storage.recovery.write({ docId, filePath: entry.path, fingerprint: entry.fingerprint, savedAt, doc });
        } catch (e) {
          const cause = writeError(e, join(options.dataDir, 'recovery'));
          throw new StorageError(cause.code, `未能写入自动恢复副本（${errnoCode(e) ?? cause.code}）。编辑中的内容没有丢失，请尽快手动保存。`);
        }
        return { savedAt };
      });
    },
    'doc:setDirty': async ({ docId, dirty }) => {
      documents.setDirty(docId, dirty);
      return {};
    },
    'doc:close': async ({ docId }) => {
      documents.get(docId);
      return documents.queue.run(docId, async () => {
        documents.remove(docId);
        await storage.recovery.remove(docId);
        return {};
      });
    },
    'doc:openPrevious': async () => {
      const path = await options.dialogs.openImport(folderFor(ctx, 'report'), 'previous');
      if (!path) throw cancelled();
      const read = await ctx.jobs.run('readLastYear', [resolve(path)], { what: `“${basename(path)}”` });
      if (!read.ok) throw new UserError('bad-file', read.message);
      const previous = previousBlock(read.doc, { fileName: read.fileName, kind: read.kind }, read.sha256);
      const own = read.kind === 'report' || read.kind === 'app-pdf';
      return { previous, fileName: read.fileName, source: KIND_NAMES[read.kind], problems: own ? [] : read.problems.map((p) => p.message) };
    },
  };
}
