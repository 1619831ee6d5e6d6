// The documents registry: which reports the renderer has open, where each lives on disk and as what version,
// whether it has unsaved changes; and one queue per document so that its saves, autosaves and close run
// one after another.
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { OpenedDocument } from '../../../shared/ipc/contract';
import type { ReportDocument } from '../../../shared/model/report';
import type { FileFingerprint } from '../storage/report-files';
import { KeyedMutex } from '../storage/keyed-mutex';
import { UserError } from '../user-error';
import { documentTitle } from './file-names';

export interface OpenDoc {
  docId: string;
  path: string | null;
  fingerprint: FileFingerprint | null;
  dirty: boolean;
  title: string;
  /** Counts autosave requests: a save removes the recovery copy only if none arrived after it. */
  autosaves: number;
}

export class DocumentRegistry {
  private readonly docs = new Map<string, OpenDoc>();
  private readonly dirtyListeners = new Set<(count: number) => void>();
  /** One queue per docId. */
  readonly queue = new KeyedMutex();

  constructor(private readonly warn: (message: string, error?: unknown) => void) {}

  /** Opens `doc` under a new id (or `docId`, for a restored recovery copy) and tells the renderer what it is. */
  register(doc: ReportDocument, path: string | null, fingerprint: FileFingerprint | null, dirty: boolean, docId: string = randomUUID()): OpenedDocument {
    this.docs.set(docId, { docId, path, fingerprint, dirty, title: documentTitle(doc), autosaves: 0 });
    this.notifyDirty();
    return { docId, doc, fileName: path ? basename(path) : null, location: path ? dirname(path) : null };
  }

  /** The open document, or the error the renderer shows when it was closed meanwhile. */
  get(docId: string): OpenDoc {
    const entry = this.docs.get(docId);
    if (!entry) throw new UserError('unknown-document', '这份报告已经关闭或不存在，请重新打开。');
    return entry;
  }

  has(docId: string): boolean {
    return this.docs.has(docId);
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }

  /** Forgets the document (its queue and recovery copy are the caller's business). `notify: false` when
   *  forgetting several at once: the caller then calls notifyDirty() once. */
  remove(docId: string, { notify = true } = {}): void {
    this.docs.delete(docId);
    if (notify) this.notifyDirty();
  }

  setDirty(docId: string, dirty: boolean): void {
    this.get(docId).dirty = dirty;
    this.notifyDirty();
  }

  dirtyTitles(): string[] {
    return [...this.docs.values()].filter((d) => d.dirty).map((d) => d.title);
  }

  onDirtyChange(listener: (dirtyCount: number) => void): () => void {
    this.dirtyListeners.add(listener);
    return () => this.dirtyListeners.delete(listener);
  }

  notifyDirty(): void {
    const count = this.dirtyTitles().length;
    for (const listener of this.dirtyListeners) {
      try {
        listener(count);
      } catch (e) {
        this.warn('dirty listener failed', e);
      }
    }
  }
}
