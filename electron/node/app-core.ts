// The application core: every request of the renderer, handled in plain Node (no electron import), so that
// the Electron adapter and the renderer's end-to-end tests run the very same code.
//
//   const core = createAppCore({ dataDir, documentsDir, dialogs, prefs, pdf, importText, emit });
//   const result = await core.dispatch('doc:open', {});   // always a Result, never a throw
//
// Options (see app-core/types.ts): `dialogs` resolve to absolute paths or null (cancelled); `prefs` is a
// PrefsStore (createConfPrefsStore({cwd}) or createMemoryPrefsStore() in tests); `emit` sends events to the
// renderer; `pdf` and `importText` default to the real modules (pass fakes, or pdf: null, in tests);
// `now`, `fs`, `appVersion`, `platform` are for tests. The renderer never sends a path: paths come from the
// dialogs or from the recent list. Every payload is validated (shared/ipc/validate-payload.ts).
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type {
  BridgeError,
  ErrorCode,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
  OpenedDocument,
  Result,
  SaveResult,
} from '../../shared/ipc/contract';
import { validatePayload } from '../../shared/ipc/validate-payload';
import { APP_VERSION, createReport } from '../../shared/model/document';
import { FILE_EXTENSION, type ReportDocument } from '../../shared/model/report';
import { importReportText } from '../../shared/import/import-text';
import { documentTitle, safeFileName, withExtension } from './app-core/file-names';
import { createPdfService } from './app-core/pdf-service';
import type { AppCoreOptions } from './app-core/types';
import { createPreferences, type FolderKind, type Preferences } from './prefs/preferences';
import { writeFileAtomic } from './storage/atomic-write';
import { readError, StorageError, writeError } from './storage/errors';
import { errnoCode, nodeFs } from './storage/fs-layer';
import { createStorage } from './storage/index';
import { KeyedMutex } from './storage/keyed-mutex';
import { decodeUtf8, parseReportBytes, type FileFingerprint } from './storage/report-files';

export type { AppCoreOptions, AppDialogs, EmitEvent, PdfReadOutcome, PdfRenderOutcome, PdfService, ShellActions, TextImporter } from './app-core/types';
export { documentTitle, safeFileName, withExtension } from './app-core/file-names';
export { createPdfService, type PdfServiceOptions } from './app-core/pdf-service';

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
  readonly preferences: Preferences;
}

interface OpenDoc {
  docId: string;
  path: string | null;
  fingerprint: FileFingerprint | null;
  dirty: boolean;
  title: string;
  /** Counts autosave requests: a save removes the recovery copy only if none arrived after it. */
  autosaves: number;
}

class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;
const MAX_PDF_BYTES = 100 * 1024 * 1024;

type Handlers = { [C in InvokeChannel]: (req: InvokeRequest<C>) => Promise<InvokeResponse<C>> };

function toBridgeError(e: unknown): BridgeError {
  if (e instanceof StorageError) return e.toBridgeError();
  if (e instanceof CoreError) return { code: e.code, message: e.message };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `程序内部错误：${detail}。编辑中的内容没有丢失。` };
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const warn = options.onWarning ?? (() => undefined);
  const storage = createStorage({ dataDir: options.dataDir, fs });
  const pdf = options.pdf === undefined ? createPdfService() : options.pdf;
  const importText = options.importText ?? ((text: string) => importReportText(text));
  const preferences = createPreferences(options.prefs, { onError: (e) => warn('偏好设置未能写入', e) });
  const docs = new Map<string, OpenDoc>();
  const exports = new Map<string, string>();
  const docQueue = new KeyedMutex();
  const dirtyListeners = new Set<(count: number) => void>();
  const saveFailedListeners = new Set<(error: BridgeError) => void>();
  // Files opened from outside before the renderer said app:ready wait here instead of being emitted
  // into a page that is not listening yet.
  let rendererReady = false;
  const waitingOpened: OpenedDocument[] = [];
  const waitingErrors: BridgeError[] = [];

  const emit: AppCoreOptions['emit'] = (event, payload) => {
    try {
      options.emit(event, payload);
    } catch (e) {
      warn(`事件 ${event} 未能发送`, e);
    }
  };
  const notifyDirty = () => {
    const count = [...docs.values()].filter((d) => d.dirty).length;
    for (const listener of dirtyListeners) {
      try {
        listener(count);
      } catch (e) {
        warn('dirty listener failed', e);
      }
    }
  };

  const folderFor = (kind: FolderKind) => preferences.getLastFolder(kind) ?? options.documentsDir;
  const getDoc = (docId: string): OpenDoc => {
    const entry = docs.get(docId);
    if (!entry) throw new CoreError('unknown-document', '这份报告已经关闭或不存在，请重新打开。');
    return entry;
  };
  const cancelled = () => new CoreError('cancelled', '已取消。');

  function register(doc: ReportDocument, path: string | null, fingerprint: FileFingerprint | null, dirty: boolean, docId: string = randomUUID()): OpenedDocument {
    docs.set(docId, { docId, path, fingerprint, dirty, title: documentTitle(doc), autosaves: 0 });
    notifyDirty();
    return { docId, doc, fileName: path ? basename(path) : null, location: path ? dirname(path) : null };
  }

  async function openPath(path: string): Promise<OpenedDocument> {
    const absolute = await fs.realpath(resolve(path)).catch(() => resolve(path));
    const read = await storage.files.read(absolute);
    const opened = register(read.doc, absolute, read.fingerprint, false);
    preferences.addRecent(absolute, documentTitle(read.doc), now().toISOString());
    preferences.setLastFolder('report', dirname(absolute));
    return opened;
  }

  async function readUserFile(path: string, maxBytes: number, what: string): Promise<Uint8Array> {
    try {
      const stat = await fs.stat(path);
      if (stat.size > maxBytes) {
        throw new StorageError('bad-file', `“${basename(path)}”太大（${(stat.size / 1048576).toFixed(1)} MB），不是${what}。`);
      }
      return await fs.readFile(path);
    } catch (e) {
      throw readError(e, path);
    }
  }

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
    return docQueue.run(entry.docId, async () => {
      const path = saveAsPath ?? entry.path;
      if (!path) throw new CoreError('internal', '这份报告还没有文件，请用“另存为”。');
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
        if (docs.has(entry.docId)) {
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
    const suggested = entry.path ?? join(folderFor('report'), `${safeFileName(documentTitle(doc))}${FILE_EXTENSION}`);
    const chosen = await options.dialogs.saveReport(suggested);
    if (!chosen) throw cancelled();
    const path = withExtension(resolve(chosen), FILE_EXTENSION);
    return writeDocument(entry, doc, path, false, autosavesBefore);
  }

  async function importTextAndRegister(text: string): Promise<InvokeResponse<'import:text'>> {
    const result = importText(text);
    if (!result.ok) throw new CoreError('bad-file', result.message);
    const opened = register(result.doc, null, null, true);
    return { ...opened, problems: result.problems.map((p) => p.message) };
  }

  async function render(doc: ReportDocument, mode: 'final' | 'draft', previous: ReportDocument | undefined) {
    if (!pdf) throw new CoreError('internal', 'PDF 导出功能不可用。');
    const outcome = await pdf.render(doc, previous ? { mode, previous } : { mode });
    if (!outcome.ok) throw outcome.error;
    return outcome;
  }

  const handlers: Handlers = {
    'app:info': async () => ({ version: options.appVersion ?? APP_VERSION, platform: options.platform ?? process.platform }),
    'app:ready': async () => {
      rendererReady = true;
      return { opened: waitingOpened.splice(0), errors: waitingErrors.splice(0) };
    },
    'prefs:get': async () => ({ agency: preferences.getAgency(), recent: await preferences.listRecent() }),
    'prefs:setAgency': async ({ agency }) => {
      preferences.setAgency(agency);
      return { agency: preferences.getAgency(), recent: await preferences.listRecent() };
    },

    'doc:new': async (req) => {
      const doc = createReport({
        year: req.year,
        agencyName: req.agencyName,
        level: req.level,
        ...(req.region !== undefined ? { region: req.region } : {}),
        ...(req.format !== undefined ? { format: req.format } : {}),
        now: now().toISOString(),
      });
      return register(doc, null, null, false);
    },
    'doc:open': async () => {
      const path = await options.dialogs.openReport(folderFor('report'));
      if (!path) throw cancelled();
      return openPath(path);
    },
    'doc:openRecent': async ({ recentId }) => {
      const path = preferences.pathOfRecent(recentId);
      if (!path) throw new CoreError('not-found', '最近打开的文件列表中没有这一项，请用“打开”选择文件。');
      try {
        return await openPath(path);
      } catch (e) {
        if (e instanceof StorageError && e.code === 'not-found') preferences.removeRecent(path);
        throw e;
      }
    },
    'doc:save': async ({ docId, doc, overwriteChanged }) => {
      const entry = getDoc(docId);
      if (!entry.path) return saveAs(entry, doc);
      return writeDocument(entry, doc, null, overwriteChanged === true, entry.autosaves);
    },
    'doc:saveAs': async ({ docId, doc }) => saveAs(getDoc(docId), doc),
    'doc:autosave': async ({ docId, doc }) => {
      const entry = getDoc(docId);
      entry.autosaves++;
      return docQueue.run(docId, async () => {
        if (!docs.has(docId)) throw new CoreError('unknown-document', '这份报告已经关闭，不再自动保存。');
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
      getDoc(docId).dirty = dirty;
      notifyDirty();
      return {};
    },
    'doc:close': async ({ docId }) => {
      getDoc(docId);
      return docQueue.run(docId, async () => {
        docs.delete(docId);
        notifyDirty();
        await storage.recovery.remove(docId);
        return {};
      });
    },
    'doc:openPrevious': async () => {
      const path = await options.dialogs.openReport(folderFor('report'), 'previous');
      if (!path) throw cancelled();
      const read = await storage.files.read(resolve(path));
      return { doc: read.doc, fileName: basename(path) };
    },

    'recovery:list': async () =>
      (await storage.recovery.list())
        .filter((r) => !docs.has(r.docId))
        .map((r) => ({
          recoveryId: r.docId,
          title: documentTitle(r.doc),
          fileName: r.filePath ? basename(r.filePath) : null,
          savedAt: r.savedAt,
        })),
    'recovery:restore': async ({ recoveryId }) => {
      if (docs.has(recoveryId)) throw new CoreError('not-found', '这份恢复副本对应的报告已经打开。');
      const record = await storage.recovery.read(recoveryId);
      // Same id: the copy stays on disk until the restored document is saved or closed.
      return register(record.doc, record.filePath, record.fingerprint, true, record.docId);
    },
    'recovery:discard': async ({ recoveryId }) => {
      if (docs.has(recoveryId)) throw new CoreError('not-found', '这份恢复副本对应的报告正在编辑，不能丢弃。');
      // Damaged copies can be discarded too.
      if (!(await storage.recovery.remove(recoveryId))) throw new CoreError('not-found', '找不到这份恢复副本，它可能已被恢复或丢弃。');
      return {};
    },

    'backups:list': async ({ docId }) => {
      const entry = getDoc(docId);
      return entry.path ? storage.backups.list(entry.path) : [];
    },
    'backups:restore': async ({ docId, backupId }) => {
      const entry = getDoc(docId);
      if (!entry.path) throw new CoreError('not-found', '这份报告还没有保存过，没有备份。');
      const bytes = await storage.backups.read(entry.path, backupId);
      return { doc: parseReportBytes(bytes, `备份 ${backupId}`).doc };
    },

    'import:text': async ({ text }) => importTextAndRegister(text),
    'import:textFile': async () => {
      const path = await options.dialogs.openText(folderFor('text'));
      if (!path) throw cancelled();
      const bytes = await readUserFile(path, MAX_TEXT_FILE_BYTES, '报告的文本文件');
      preferences.setLastFolder('text', dirname(resolve(path)));
      const text = decodeUtf8(bytes) ?? new TextDecoder('gb18030').decode(bytes);
      if (text.replace(/^\uFEFF/, '').trim() === '') throw new StorageError('bad-file', `“${basename(path)}”是空的。`);
      return importTextAndRegister(text.replace(/^\uFEFF/, ''));
    },
    'import:pdf': async () => {
      if (!pdf) throw new CoreError('internal', '从 PDF 导入的功能不可用。');
      const path = await options.dialogs.openPdf(folderFor('pdf'));
      if (!path) throw cancelled();
      const bytes = await readUserFile(path, MAX_PDF_BYTES, '年报助手导出的 PDF');
      preferences.setLastFolder('pdf', dirname(resolve(path)));
      const outcome = await pdf.read(bytes);
      if (!outcome.ok) throw outcome.error;
      return register(outcome.doc, null, null, true);
    },

    'export:pdf': async ({ docId, doc, mode, previous }) => {
      const entry = getDoc(docId);
      const rendered = await render(doc, mode, previous);
      const folder = entry.path ? dirname(entry.path) : folderFor('pdf');
      const name = `${safeFileName(documentTitle(doc))}${mode === 'draft' ? '（草稿）' : ''}.pdf`;
      const chosen = await options.dialogs.savePdf(join(folder, name));
      if (!chosen) throw cancelled();
      const path = withExtension(resolve(chosen), '.pdf');
      try {
        await writeFileAtomic(fs, path, rendered.pdf);
      } catch (e) {
        throw writeError(e, path);
      }
      preferences.setLastFolder('pdf', dirname(path));
      const exportId = randomUUID();
      exports.set(exportId, path);
      return { exportId, fileName: basename(path), location: dirname(path), size: rendered.pdf.byteLength, findings: rendered.findings, missingGlyphs: rendered.missingGlyphs };
    },
    'export:preview': async ({ doc, mode, previous }) => {
      const rendered = await render(doc, mode, previous);
      return { pdf: rendered.pdf, findings: rendered.findings, missingGlyphs: rendered.missingGlyphs };
    },
    'shell:showExport': async ({ exportId }) => {
      const path = exports.get(exportId);
      if (!path) throw new CoreError('not-found', '找不到这次导出的文件记录。');
      if (!options.shell) throw new CoreError('internal', '无法打开文件夹。');
      options.shell.showItemInFolder(path);
      return {};
    },
  };

  async function dispatch(channel: string, payload: unknown): Promise<Result<unknown>> {
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
  }

  async function handle(channel: string, payload: unknown): Promise<Result<unknown>> {
    try {
      const checked = validatePayload(channel, payload);
      if (!checked.ok) return checked;
      const handler = handlers[channel as InvokeChannel] as (req: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(checked.value) };
    } catch (e) {
      if (!(e instanceof StorageError || e instanceof CoreError) && !isBridgeError(e)) warn(`处理 ${String(channel).slice(0, 40)} 时出错`, e);
      return { ok: false, error: isBridgeError(e) ? e : toBridgeError(e) };
    }
  }

  return {
    dispatch,
    async openExternalFile(path) {
      try {
        const opened = await openPath(path);
        if (rendererReady) emit('doc:opened', opened);
        else waitingOpened.push(opened);
        return { ok: true, value: opened };
      } catch (e) {
        const error = toBridgeError(e);
        if (rendererReady) emit('app:error', error);
        else waitingErrors.push(error);
        return { ok: false, error };
      }
    },
    dirtyDocuments: () => [...docs.values()].filter((d) => d.dirty).map((d) => d.title),
    onDirtyChange(listener) {
      dirtyListeners.add(listener);
      return () => dirtyListeners.delete(listener);
    },
    onSaveFailed(listener) {
      saveFailedListeners.add(listener);
      return () => saveFailedListeners.delete(listener);
    },
    async discardUnsavedChanges() {
      for (const docId of [...docs.keys()]) {
        await docQueue.run(docId, async () => {
          docs.delete(docId);
          await storage.recovery.remove(docId).catch((e: unknown) => warn('未能删除恢复副本', e));
        });
      }
      notifyDirty();
    },
    preferences,
  };
}

function isBridgeError(e: unknown): e is BridgeError {
  return (
    typeof e === 'object' &&
    e !== null &&
    !(e instanceof Error) &&
    typeof (e as BridgeError).code === 'string' &&
    typeof (e as BridgeError).message === 'string'
  );
}
