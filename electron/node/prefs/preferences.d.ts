import type { AgencyDefaults, RecentFile } from '../../../shared/ipc/contract';
import type { PrefsStore } from './prefs-store';
export declare const RECENT_LIMIT = 10;
export type FolderKind = 'report' | 'pdf' | 'text';
export interface WindowBounds {
    x?: number;
    y?: number;
    width: number;
    height: number;
    maximized: boolean;
}
export interface PreferencesOptions {
    /** Whether a recent file still exists (default: it is a regular file on disk). */
    fileExists?: (path: string) => Promise<boolean>;
    platform?: NodeJS.Platform;
    onError?: (e: unknown) => void;
}
export interface Preferences {
    getAgency(): AgencyDefaults | null;
    setAgency(agency: AgencyDefaults): void;
    /** Most recent first; files that no longer exist are dropped (and forgotten). */
    listRecent(): Promise<RecentFile[]>;
    addRecent(path: string, title: string | null, openedAt: string): void;
    removeRecent(path: string): void;
    /** The path behind a recentId, or null. */
    pathOfRecent(recentId: string): string | null;
    getLastFolder(kind: FolderKind): string | null;
    setLastFolder(kind: FolderKind, folder: string): void;
    getWindowBounds(): WindowBounds | null;
    setWindowBounds(bounds: WindowBounds): void;
}
export declare function createPreferences(store: PrefsStore, options?: PreferencesOptions): Preferences;
