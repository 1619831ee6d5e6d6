// Preferences on top of a PrefsStore: recent files, agency defaults, last folders, window bounds. Values
// read back are checked one by one (the file may have been edited by hand or written by another version):
// a bad value counts as missing. A failing store never breaks what the user is doing: reads give
// defaults, failed writes are reported to onError and otherwise ignored.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { AgencyDefaults, RecentFile } from '../../../shared/ipc/contract';
import { AGENCY_LEVELS, type AgencyLevel } from '../../../shared/model/report';
import type { PrefsStore } from './prefs-store';
import { APPLICANT_KEYS } from '../../../shared/ledger/categories';
import type { RememberedMapping } from '../../../shared/ledger/mapping';
import { LEDGER_FIELDS } from '../../../shared/ledger/types';

export const RECENT_LIMIT = 10;

export type FolderKind = 'report' | 'pdf' | 'text' | 'ledger' | 'merge';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface StoredRecent {
  path: string;
  title: string | null;
  openedAt: string;
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
  /** The ledger mapping an agency confirmed last time (columns by heading, value meanings), or null. */
  getLedgerMapping(agencyName: string): RememberedMapping | null;
  setLedgerMapping(agencyName: string, mapping: RememberedMapping): void;
}

const LEDGER_AGENCIES_KEPT = 20;
const LEDGER_VALUES_KEPT = 2000;

/** A remembered ledger mapping read back: only string keys and string (array) values survive. */
function checkedRememberedMapping(raw: unknown): RememberedMapping | null {
  if (!isObject(raw)) return null;
  const strings = (o: unknown): Record<string, string> => {
    if (!isObject(o)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(o).slice(0, LEDGER_VALUES_KEPT)) if (isString(v) && k.length <= 500 && v.length <= 40) out[k] = v;
    return out;
  };
  const lists = (o: unknown): Record<string, string[]> => {
    if (!isObject(o)) return {};
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(o).slice(0, LEDGER_VALUES_KEPT)) {
      if (Array.isArray(v) && v.length > 0 && v.length <= 8 && v.every((t) => isString(t) && t.length <= 40) && k.length <= 500) out[k] = v as string[];
    }
    return out;
  };
  const fields = new Set<string>(LEDGER_FIELDS);
  const applicants = new Set<string>(APPLICANT_KEYS);
  return {
    columns: Object.fromEntries(Object.entries(strings(raw.columns)).filter(([, f]) => fields.has(f))) as RememberedMapping['columns'],
    applicantValues: Object.fromEntries(Object.entries(strings(raw.applicantValues)).filter(([, a]) => applicants.has(a))) as RememberedMapping['applicantValues'],
    resultValues: lists(raw.resultValues),
    reasonValues: lists(raw.reasonValues),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_TEXT = 200;

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function createPreferences(store: PrefsStore, options: PreferencesOptions = {}): Preferences {
  const platform = options.platform ?? process.platform;
  const fileExists = options.fileExists ?? isRegularFile;
  const onError = options.onError ?? (() => undefined);
  const samePath = (a: string, b: string) => (platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  const recentIdOf = (path: string) =>
    createHash('sha256')
      .update(platform === 'win32' ? path.toLowerCase() : path, 'utf8')
      .digest('hex')
      .slice(0, 16);

  const read = (key: string): unknown => {
    try {
      return store.get(key);
    } catch (e) {
      onError(e);
      return undefined;
    }
  };
  const write = (key: string, value: unknown): void => {
    try {
      store.set(key, value);
    } catch (e) {
      onError(e);
    }
  };

  const storedRecent = (): StoredRecent[] => {
    const raw = read('recent');
    if (!Array.isArray(raw)) return [];
    const out: StoredRecent[] = [];
    for (const item of raw) {
      if (!isObject(item) || !isString(item.path) || item.path.length > 4096 || !isString(item.openedAt)) continue;
      if (out.some((r) => samePath(r.path, item.path as string))) continue;
      const title = isString(item.title) ? item.title.slice(0, MAX_TEXT) : null;
      out.push({ path: item.path, title, openedAt: item.openedAt });
    }
    return out.slice(0, RECENT_LIMIT);
  };

  return {
    getAgency() {
      const raw = read('agency');
      if (!isObject(raw)) return null;
      const { name, level, region, contact } = raw;
      if (!isString(name) || !AGENCY_LEVELS.includes(level as AgencyLevel)) return null;
      return {
        name: name.slice(0, MAX_TEXT),
        level: level as AgencyLevel,
        region: isString(region) ? region.slice(0, MAX_TEXT) : '',
        contact: isString(contact) ? contact.slice(0, MAX_TEXT) : '',
      };
    },
    setAgency(agency) {
      write('agency', { name: agency.name, level: agency.level, region: agency.region, contact: agency.contact });
    },
    async listRecent() {
      const stored = storedRecent();
      const kept: StoredRecent[] = [];
      for (const r of stored) if (await fileExists(r.path)) kept.push(r);
      if (kept.length !== stored.length) write('recent', kept);
      return kept.map((r) => ({
        recentId: recentIdOf(r.path),
        fileName: basename(r.path),
        location: dirname(r.path),
        title: r.title,
        openedAt: r.openedAt,
      }));
    },
    addRecent(path, title, openedAt) {
      const absolute = resolve(path);
      const rest = storedRecent().filter((r) => !samePath(r.path, absolute));
      write('recent', [{ path: absolute, title, openedAt }, ...rest].slice(0, RECENT_LIMIT));
    },
    removeRecent(path) {
      const absolute = resolve(path);
      const all = storedRecent();
      const rest = all.filter((r) => !samePath(r.path, absolute));
      if (rest.length !== all.length) write('recent', rest);
    },
    pathOfRecent(recentId) {
      return storedRecent().find((r) => recentIdOf(r.path) === recentId)?.path ?? null;
    },
    getLastFolder(kind) {
      const raw = read('lastFolders');
      const value = isObject(raw) ? raw[kind] : undefined;
      return isString(value) && value.length > 0 && value.length <= 4096 ? value : null;
    },
    setLastFolder(kind, folder) {
      const raw = read('lastFolders');
      const current = isObject(raw) ? { ...raw } : {};
      write('lastFolders', { ...current, [kind]: folder });
    },
    getWindowBounds() {
      const raw = read('windowBounds');
      if (!isObject(raw)) return null;
      const { x, y, width, height, maximized } = raw;
      const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
      if (!finite(width) || !finite(height) || width < 200 || height < 200 || width > 20000 || height > 20000) return null;
      const bounds: WindowBounds = { width: Math.round(width), height: Math.round(height), maximized: maximized === true };
      if (finite(x) && finite(y)) {
        bounds.x = Math.round(x);
        bounds.y = Math.round(y);
      }
      return bounds;
    },
    setWindowBounds(bounds) {
      write('windowBounds', { ...bounds });
    },
    getLedgerMapping(agencyName) {
      const raw = read('ledgerMappings');
      return isObject(raw) && Object.hasOwn(raw, agencyName) ? checkedRememberedMapping(raw[agencyName]) : null;
    },
    setLedgerMapping(agencyName, mapping) {
      const raw = read('ledgerMappings');
      const current = isObject(raw) ? Object.entries(raw).filter(([name]) => name !== agencyName) : [];
      // The agency just used first; a few agencies are kept (one office may write reports for several).
      write('ledgerMappings', Object.fromEntries([[agencyName, mapping], ...current].slice(0, LEDGER_AGENCIES_KEPT)));
    },
  };
}
