// Where preferences are kept: a small key-value interface on one library, `conf`. The app passes
// electron-store's class (a `conf` subclass with Electron's defaults, which imports `electron` and so is
// built only in the Electron adapter, electron/main/app.ts); plain Node and the tests use `conf` itself.
// Same options, same preferences.json: in the user data folder in the app, a temp folder in tests. Preferences (preferences.ts) reads and checks the values; a new preference is a key there.
// A corrupt preferences file never stops the app: it is moved aside (kept for inspection) and the
// app starts with defaults.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';

export interface PrefsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const PREFS_CONFIG_NAME = 'preferences';

/** A store in memory only: the last resort when the preferences file cannot be used at all. */
export function createMemoryPrefsStore(initial: Record<string, unknown> = {}): PrefsStore {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: (key) => data.get(key),
    set: (key, value) => {
      data.set(key, value);
    },
  };
}

/** If `filePath` exists but is not a JSON object, renames it to `<name>.corrupt-<time>.json` and returns
 *  the new path; otherwise returns null. */
export function quarantineCorruptFile(filePath: string, now: () => Date = () => new Date()): string | null {
  if (!existsSync(filePath)) return null;
  let ok = false;
  try {
    const data: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
    ok = typeof data === 'object' && data !== null && !Array.isArray(data);
  } catch {
    ok = false;
  }
  return ok ? null : moveAside(filePath, now);
}

function moveAside(filePath: string, now: () => Date): string | null {
  const stamp = now().toISOString().replace(/[-:.]/g, '');
  const target = join(dirname(filePath), `${basename(filePath, '.json')}.corrupt-${stamp}.json`);
  try {
    renameSync(filePath, target);
    return target;
  } catch {
    return null;
  }
}

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
export function openPrefsStore(options: OpenPrefsOptions): PrefsStore {
  const now = options.now ?? (() => new Date());
  const moved = quarantineCorruptFile(options.filePath, now);
  if (moved) options.onProblem?.(`偏好设置文件已损坏，已改名保存为“${basename(moved)}”，并使用默认设置。`);
  try {
    const store = options.construct();
    store.get('recent'); // reads the file: fails now rather than on first use
    return store;
  } catch (e) {
    const again = moveAside(options.filePath, now);
    options.onProblem?.(`无法读取偏好设置（${e instanceof Error ? e.message : String(e)}）${again ? `，原文件已改名保存为“${basename(again)}”` : ''}，使用默认设置。`);
    try {
      const store = options.construct();
      store.get('recent');
      return store;
    } catch {
      return createMemoryPrefsStore();
    }
  }
}

/** The options the store is built with. electron-store names the file `name` (and overrides `configName`
 *  with it, default 'config'); `conf` names it `configName`: both are given. */
export interface ConfStoreOptions {
  cwd: string;
  configName: string;
  name: string;
  clearInvalidConfig: boolean;
  accessPropertiesByDotNotation: boolean;
}

/** `conf`, or a subclass of it such as electron-store's. */
export type ConfClass = new (options: ConfStoreOptions) => PrefsStore;

/** A `conf` store writing `<cwd>/preferences.json`; `Store` is electron-store's class in the app. */
export function createConfPrefsStore(options: { cwd: string; configName?: string; Store?: ConfClass; now?: () => Date; onProblem?: (message: string) => void }): PrefsStore {
  const configName = options.configName ?? PREFS_CONFIG_NAME;
  const Store: ConfClass = options.Store ?? Conf;
  return openPrefsStore({
    filePath: join(options.cwd, `${configName}.json`),
    construct: () =>
      new Store({
        cwd: options.cwd,
        configName,
        name: configName,
        clearInvalidConfig: true,
        accessPropertiesByDotNotation: false,
      }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
  });
}
