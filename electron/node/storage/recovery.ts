// Recovery copies: the editor's content, written a moment after typing stops, to
// `<dataDir>/recovery/<docId>.json`. Closing a document or saving it removes its copy; whatever is left
// at the next start was not saved (crash, power cut, killed process) and is offered back.
import { join } from 'node:path';
import { parseReportData } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';
import { isNotFound, removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { StorageError } from './errors';
import type { FsLayer } from './fs-layer';
import type { FileFingerprint } from './report-files';

const DOC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isDocId(value: string): boolean {
  return DOC_ID.test(value);
}

export interface RecoveryRecord {
  docId: string;
  /** The report file the document belongs to, or null for a document never saved. */
  filePath: string | null;
  /** The file as it was when the document was opened or last saved, to detect later changes. */
  fingerprint: FileFingerprint | null;
  savedAt: string;
  doc: ReportDocument;
}

interface RecoveryFile extends RecoveryRecord {
  kind: 'nianbao-recovery';
  version: 1;
}

export class RecoveryStore {
  constructor(
    private readonly fs: FsLayer,
    private readonly folder: string,
  ) {}

  private pathOf(docId: string): string {
    if (!isDocId(docId)) throw new StorageError('not-found', '找不到这份恢复副本。');
    return join(this.folder, `${docId}.json`);
  }

  async write(record: RecoveryRecord): Promise<void> {
    await this.fs.mkdir(this.folder);
    const file: RecoveryFile = { kind: 'nianbao-recovery', version: 1, ...record };
    const path = this.pathOf(record.docId);
    // Writes of one document are serialised by the caller, so a temp file of this path is a dead one.
    await removeStaleTempFiles(this.fs, path);
    await writeFileAtomic(this.fs, path, Buffer.from(JSON.stringify(file), 'utf8'));
  }

  /** Removes the copy; false when there was none. */
  async remove(docId: string): Promise<boolean> {
    try {
      await this.fs.unlink(this.pathOf(docId));
      return true;
    } catch (e) {
      if (!isNotFound(e)) throw e;
      return false;
    }
  }

  async read(docId: string): Promise<RecoveryRecord> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.pathOf(docId));
    } catch (e) {
      if (isNotFound(e)) throw new StorageError('not-found', '找不到这份恢复副本，它可能已被恢复或丢弃。');
      throw e;
    }
    const record = parseRecord(bytes, docId);
    if (!record) throw new StorageError('bad-file', '这份恢复副本已损坏，无法恢复。');
    return record;
  }

  /** Every readable recovery copy, newest first. Unreadable ones are skipped (and left on disk). */
  async list(): Promise<RecoveryRecord[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
    const records: RecoveryRecord[] = [];
    for (const name of names) {
      const docId = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !isDocId(docId)) continue;
      const bytes = await this.fs.readFile(join(this.folder, name)).catch(() => null);
      const record = bytes && parseRecord(bytes, docId);
      if (record) records.push(record);
    }
    return records.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }
}

function parseRecord(bytes: Uint8Array, docId: string): RecoveryRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const file = data as Partial<RecoveryFile>;
  if (file.kind !== 'nianbao-recovery' || file.docId !== docId || typeof file.savedAt !== 'string') return null;
  const parsed = parseReportData(file.doc);
  if (!parsed.ok) return null;
  const filePath = typeof file.filePath === 'string' ? file.filePath : null;
  const fp = file.fingerprint;
  const fingerprint =
    fp && typeof fp.sha256 === 'string' && typeof fp.size === 'number' && typeof fp.mtimeMs === 'number'
      ? { sha256: fp.sha256, size: fp.size, mtimeMs: fp.mtimeMs }
      : null;
  return { docId, filePath, fingerprint, savedAt: file.savedAt, doc: parsed.doc };
}
