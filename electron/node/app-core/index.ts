// The application core: every request of the renderer, handled in plain Node (no electron import), so that
// the Electron adapter and the renderer's end-to-end tests run the very same code.
//
//   const core = createAppCore({ dataDir, documentsDir, dialogs, prefs, pdf, importText, emit });
//   const result = await core.dispatch('doc:open', {});   // always a Result, never a throw
//
// One module per channel prefix (app, prefs, doc, recovery, backups, import, export, ledger, merge) around the documents
// registry (documents.ts); they share a CoreContext (context.ts). Options: see types.ts. `dialogs` resolve
// to absolute paths or null (cancelled); `prefs` is a PrefsStore (createConfPrefsStore({cwd}) or
// createMemoryPrefsStore() in tests); `emit` sends events to the renderer; `pdf` and `importText` default to
// the real modules (pass fakes, or pdf: null, in tests); `now`, `fs`, `appVersion`, `platform` are for tests.
// The renderer never sends a path: paths come from the dialogs or from the recent list. Every payload is
// validated (shared/ipc/validate-payload.ts); what reaches the user is a UserError (../user-error.ts).
import type { BridgeError, InvokeChannel, OpenedDocument, Result } from '../../../shared/ipc/contract';
import { validatePayload } from '../../../shared/ipc/validate-payload';
import { createPreferences, type Preferences } from '../prefs/preferences';
import { nodeFs } from '../storage/fs-layer';
import { createStorage } from '../storage/index';
import { toBridgeError, UserError } from '../user-error';
import { createAppHandlers } from './app';
import { createBackupsHandlers } from './backups';
import type { CoreContext, Handlers } from './context';
import { createDocHandlers } from './doc';
import { DocumentRegistry } from './documents';
import { createExportHandlers } from './export';
import { createImportHandlers } from './import';
import { createLedgerHandlers } from './ledger';
import { createMergeHandlers } from './merge';
import { createImportFileHandlers } from './import-file';
import { createImportAsker } from './import-ask-year';
import { createWorkerPdfService } from './pdf-service';
import { createWorkerRunner } from '../worker/worker-runner';
import { createPrefsHandlers } from './prefs';
import { createRecoveryHandlers } from './recovery';
import type { AppCoreOptions } from './types';

export type { AppCoreOptions, AppDialogs, EmitEvent, PdfReadOutcome, PdfPrinter, PdfRenderOutcome, PdfService, ShellActions, TextImporter } from './types';
export { documentTitle, safeFileName, withExtension } from './file-names';
export { createPdfService, createWorkerPdfService, type PdfServiceOptions } from './pdf-service';

export interface AppCore {
  /** Handles one request of the renderer. Never throws: unknown channels, bad payloads and failures are results. */
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Opens a report given from outside (command line, double-click, second instance, macOS open-file) and
   *  tells the renderer with `doc:opened`, or `app:error` when it cannot be opened. */
  openExternalFile(path: string): Promise<Result<OpenedDocument>>;
  /** Titles of the documents the renderer reported as having unsaved changes. */
  dirtyDocuments(): string[];
  /** Called whenever the number of documents with unsaved changes may have changed. */
  onDirtyChange(listener: (dirtyCount: number) => void): () => void;
  /** Called when a doc:save or doc:saveAs fails or is cancelled (the close prompt then stops waiting). */
  onSaveFailed(listener: (error: BridgeError) => void): () => void;
  /** The user chose 不保存 when closing: forget the open documents and their recovery copies. */
  discardUnsavedChanges(): Promise<void>;
  /** Ends the parse worker's threads (jobs still running fail). */
  close(): Promise<void>;
  readonly preferences: Preferences;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const warn = options.onWarning ?? (() => undefined);
  const fs = options.fs ?? nodeFs;
  const jobs = createWorkerRunner(options.parseWorker);
  const ctx: CoreContext = {
    options,
    fs,
    now: options.now ?? (() => new Date()),
    warn,
    storage: createStorage({ dataDir: options.dataDir, fs }),
    preferences: createPreferences(options.prefs, { onError: (e) => warn('偏好设置未能写入', e) }),
    documents: new DocumentRegistry(warn),
    pdf: options.pdf === undefined ? createWorkerPdfService(jobs, options.fontDir) : options.pdf,
    importText: options.importText ?? null,
    jobs,
  };
  const saveFailedListeners = new Set<(error: BridgeError) => void>();
  const app = createAppHandlers(ctx);
  const importAsker = createImportAsker();
  const handlers: Handlers = {
    ...app.handlers,
    ...createPrefsHandlers(ctx),
    ...createDocHandlers(ctx),
    ...createRecoveryHandlers(ctx),
    ...createBackupsHandlers(ctx),
    ...createImportHandlers(ctx, importAsker),
    ...createImportFileHandlers(ctx, importAsker),
    ...importAsker.handlers,
    ...createExportHandlers(ctx),
    ...createLedgerHandlers(ctx),
    ...createMergeHandlers(ctx),
  };

  async function handle(channel: string, payload: unknown): Promise<Result<unknown>> {
    try {
      const checked = validatePayload(channel, payload);
      if (!checked.ok) return checked;
      const handler = handlers[channel as InvokeChannel] as (req: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(checked.value) };
    } catch (e) {
      if (!(e instanceof UserError)) warn(`处理 ${String(channel).slice(0, 40)} 时出错`, e);
      return { ok: false, error: toBridgeError(e) };
    }
  }

  return {
    async dispatch(channel, payload) {
      const result = await handle(channel, payload);
      if (!result.ok && (channel === 'doc:save' || channel === 'doc:saveAs')) {
        for (const listener of saveFailedListeners) {
          try {
            listener(result.error);
          } catch (e) {
            warn('save listener failed', e);
          }
        }
      }
      return result;
    },
    openExternalFile: app.openExternalFile,
    dirtyDocuments: () => ctx.documents.dirtyTitles(),
    onDirtyChange: (listener) => ctx.documents.onDirtyChange(listener),
    onSaveFailed(listener) {
      saveFailedListeners.add(listener);
      return () => saveFailedListeners.delete(listener);
    },
    async discardUnsavedChanges() {
      const { documents, storage } = ctx;
      for (const docId of documents.ids()) {
        await documents.queue.run(docId, async () => {
          documents.remove(docId, { notify: false });
          await storage.recovery.remove(docId).catch((e: unknown) => warn('未能删除恢复副本', e));
        });
      }
      documents.notifyDirty();
    },
    close: () => jobs.close(),
    preferences: ctx.preferences,
  };
}
