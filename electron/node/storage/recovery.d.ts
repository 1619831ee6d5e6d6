import { type ReportDocument } from '../../../shared/model/report';
import type { FsLayer } from './fs-layer';
import type { FileFingerprint } from './report-files';
export declare function isDocId(value: string): boolean;
export interface RecoveryRecord {
    docId: string;
    /** The report file the document belongs to, or null for a document never saved. */
    filePath: string | null;
    /** The file as it was when the document was opened or last saved, to detect later changes. */
    fingerprint: FileFingerprint | null;
    savedAt: string;
    doc: ReportDocument;
}
export declare class RecoveryStore {
    private readonly fs;
    private readonly folder;
    constructor(fs: FsLayer, folder: string);
    private pathOf;
    write(record: RecoveryRecord): Promise<void>;
    remove(docId: string): Promise<void>;
    read(docId: string): Promise<RecoveryRecord>;
    /** Every readable recovery copy, newest first. Unreadable ones are skipped (and left on disk). */
    list(): Promise<RecoveryRecord[]>;
}
export declare function recoveryTitle(record: RecoveryRecord): string;
