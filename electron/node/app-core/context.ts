// What every group of handlers shares: the injected options with their defaults filled in, storage,
// preferences, the documents registry, and the few helpers more than one group uses.
import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import type { FolderKind, Preferences } from '../prefs/preferences';
import { readBoundedFile, type FileKind } from '../files/bounded-read';
import { writeFileAtomic } from '../storage/atomic-write';
import { readError, writeError } from '../storage/errors';
import type { FsLayer } from '../storage/fs-layer';
import type { Storage } from '../storage/index';
import { UserError } from '../user-error';
import type { DocumentRegistry } from './documents';
import type { JobRunner } from '../worker/worker-runner';
import type { AppCoreOptions, PdfService, TextImporter } from './types';

export interface CoreContext {
  options: AppCoreOptions;
  fs: FsLayer;
  now: () => Date;
  warn: (message: string, error?: unknown) => void;
  storage: Storage;
  preferences: Preferences;
  documents: DocumentRegistry;
  pdf: PdfService | null;
  /** options.importText (run in this thread), or null: pasted and file text is imported in the parse worker. */
  importText: TextImporter | null;
  /** The parse worker: every job that reads a file from outside or builds an export. */
  jobs: JobRunner;
}

/** Every invoke channel's handler. */
export type Handlers = { [C in InvokeChannel]: (req: InvokeRequest<C>) => Promise<InvokeResponse<C>> };
/** The handlers of the channels named `<prefix>:…`. */
export type HandlersOf<Prefix extends string> = Pick<Handlers, Extract<InvokeChannel, `${Prefix}:${string}`>>;

/** The folder a dialog opens in: where the user last took such a file from, else Documents. */
export function folderFor(ctx: CoreContext, kind: FolderKind): string {
  return ctx.preferences.getLastFolder(kind) ?? ctx.options.documentsDir;
}

/** Writes an export where the user chose; a file it replaces (the dialog asked) is first copied to the
 *  export backups. A backup that cannot be written is reported as a warning, like a report's (the user did
 *  confirm replacing the file). */
export async function writeExport(ctx: CoreContext, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await ctx.storage.exportBackups.keepReplaced(path, bytes);
  } catch (e) {
    ctx.warn(`被替换的导出文件没能备份：${path}`, e);
  }
  try {
    await writeFileAtomic(ctx.fs, path, bytes);
  } catch (e) {
    throw writeError(e, path);
  }
}

/** The user closed a dialog: not an error the renderer shows. */
export function cancelled(): UserError {
  return new UserError('cancelled', '已取消。');
}

/** Reads a file the user chose as `kind` through the bounded reader (regular files only, size cap, time
 *  budget); failures become StorageErrors with the reader's Chinese message. */
export async function readUserFile(path: string, kind: FileKind): Promise<Uint8Array> {
  try {
    return (await readBoundedFile(path, kind)).bytes;
  } catch (e) {
    throw readError(e, path);
  }
}
