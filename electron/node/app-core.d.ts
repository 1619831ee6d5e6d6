import type { OpenedDocument, Result } from '../../shared/ipc/contract';
import type { AppCoreOptions } from './app-core/types';
import { type Preferences } from './prefs/preferences';
export type { AppCoreOptions, AppDialogs, EmitEvent, PdfReadOutcome, PdfRenderOutcome, PdfService, ShellActions, TextImporter } from './app-core/types';
export { documentTitle, safeFileName, withExtension } from './app-core/file-names';
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
    /** The user chose 不保存 when closing: forget the open documents and their recovery copies. */
    discardUnsavedChanges(): Promise<void>;
    readonly preferences: Preferences;
}
export declare function createAppCore(options: AppCoreOptions): AppCore;
