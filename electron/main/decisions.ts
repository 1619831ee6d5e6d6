// Pure decisions of the Electron adapter, without any electron import, so they are unit-tested in Node:
// which URLs the app may show or request, which file an app:// URL maps to, which senders are trusted,
// which command-line arguments are reports to open.
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A page of the app itself (app://nianbao/…): the only URL a window may show or navigate to. */
export function isAllowedUrl(value: unknown): boolean {
  const url = parseUrl(value);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** IPC senders must be a frame showing one of the app's own pages. */
export function isTrustedSenderUrl(frameUrl: unknown): boolean {
  return isAllowedUrl(frameUrl);
}

/** The extension id of Chromium's built-in PDF viewer (the same in Chrome and Electron). */
export const PDF_VIEWER_EXTENSION_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** Requests the session lets through: the app's own files, the built-in PDF viewer (for the export
 *  preview) and the developer tools. Nothing reaches a network. */
export function isAllowedRequestUrl(value: unknown): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (url.protocol === 'chrome-extension:') return url.host === PDF_VIEWER_EXTENSION_ID;
  // The PDF viewer's page loads its styles and scripts from chrome://resources (Electron issues #29191 and
  // #50729 show it failing when those are blocked): built into Electron, no network involved.
  if (url.protocol === 'chrome:') return url.host === 'resources';
  // devtools://, and in-memory data the page creates itself (no network involved).
  return url.protocol === 'devtools:' || url.protocol === 'data:' || url.protocol === 'blob:';
}

/** True when `path` is strictly inside `folder` (not the folder itself, not outside through `..`). */
export function isInsideFolder(path: string, folder: string): boolean {
  if (typeof path !== 'string' || typeof folder !== 'string' || path.includes('\0') || folder === '') return false;
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppUrlResolution =
  | { kind: 'file'; path: string; mimeType: string }
  /** Not an app:// URL of ours, or a path that leaves the renderer folder. */
  | { kind: 'forbidden' };

/** Maps an app:// URL to a file inside `root` (the renderer build folder). `/` is index.html. */
export function resolveAppUrl(value: unknown, root: string): AppUrlResolution {
  const url = parseUrl(value);
  if (!url || !isAllowedUrl(value)) return { kind: 'forbidden' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  // Encoded separators or NULs could smuggle `..` past URL normalisation.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return { kind: 'forbidden' };
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const path = join(resolve(root), relativePath);
  if (!isInsideFolder(path, root)) return { kind: 'forbidden' };
  return { kind: 'file', path, mimeType: mimeTypeFor(path) };
}

/** Report files named on a command line (first instance or second instance): `.nianbao` arguments that
 *  are not switches, resolved against `workingDirectory`. */
export function reportPathsFromArgv(argv: readonly unknown[], workingDirectory: string): string[] {
  const out: string[] = [];
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.startsWith('-') || !/\.nianbao$/i.test(arg)) continue;
    const path = resolve(workingDirectory, arg);
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** What a second instance hands the running one (app.requestSingleInstanceLock's additionalData). Its
 *  `argv` is the second instance's own, unchanged: the `argv` of 'second-instance' may be reordered and
 *  carry switches Chromium added (Electron's docs advise additionalData for the exact arguments). */
export interface SecondInstanceData {
  argv: string[];
  workingDirectory: string;
}

export function secondInstanceData(argv: readonly string[], workingDirectory: string): SecondInstanceData {
  return { argv: [...argv], workingDirectory };
}

/** Report files a second instance asks to open: from its additionalData when that is well formed,
 *  otherwise from the argv and working folder Electron reports. */
export function reportPathsFromSecondInstance(argv: readonly unknown[], workingDirectory: string, additionalData: unknown): string[] {
  if (typeof additionalData === 'object' && additionalData !== null) {
    const data = additionalData as Partial<Record<keyof SecondInstanceData, unknown>>;
    if (Array.isArray(data.argv) && typeof data.workingDirectory === 'string' && data.workingDirectory !== '') {
      return reportPathsFromArgv(data.argv, data.workingDirectory);
    }
  }
  return reportPathsFromArgv(argv, workingDirectory);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Saved window bounds, dropped back to the default position when they would put the window off every
 *  screen (a monitor was unplugged since). */
export function visibleBounds<B extends { x?: number; y?: number; width: number; height: number }>(saved: B, workAreas: readonly Rect[]): B {
  if (saved.x === undefined || saved.y === undefined) return saved;
  const { x, y } = saved;
  // At least 100×50 px of the title bar area on some screen.
  const visible = workAreas.some(
    (a) => x + saved.width - 100 >= a.x && x + 100 <= a.x + a.width && y >= a.y && y + 50 <= a.y + a.height,
  );
  if (visible) return saved;
  const { x: _x, y: _y, ...rest } = saved;
  return rest as B;
}

/** The command line after `--cli` (`年报助手.exe --cli check 报告.nianbao`, which nianbao.cmd runs), or null
 *  when the app was started to show its window. argv is process.argv without the executable. */
export function cliArgsFromArgv(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}
