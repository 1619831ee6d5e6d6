export interface PrefsStore {
    get(key: string): unknown;
    set(key: string, value: unknown): void;
}
export declare const PREFS_CONFIG_NAME = "preferences";
/** A store in memory only: the last resort when the preferences file cannot be used at all. */
export declare function createMemoryPrefsStore(initial?: Record<string, unknown>): PrefsStore;
/** If `filePath` exists but is not a JSON object, renames it to `<name>.corrupt-<time>.json` and returns
 *  the new path; otherwise returns null. */
export declare function quarantineCorruptFile(filePath: string, now?: () => Date): string | null;
export interface OpenPrefsOptions {
    /** The preferences file the store will use (to check and move aside when corrupt). */
    filePath: string;
    /** Builds the store on that file. */
    construct: () => PrefsStore;
    now?: () => Date;
    /** Told about a corrupt file that was moved aside, or a store that could not be opened. */
    onProblem?: (message: string) => void;
}
/** Opens a store, surviving a corrupt or unreadable preferences file. */
export declare function openPrefsStore(options: OpenPrefsOptions): PrefsStore;
/** The plain-Node store: `conf` writing `<cwd>/preferences.json`. */
export declare function createConfPrefsStore(options: {
    cwd: string;
    configName?: string;
    now?: () => Date;
    onProblem?: (message: string) => void;
}): PrefsStore;
