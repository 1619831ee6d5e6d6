// End-to-end harness: the real renderer build, served over HTTP on 127.0.0.1, in Debian's Chromium,
// talking to the REAL main-process handlers (createAppCore) on a temp folder through a test bridge.
// Only the dialogs are fake: they answer with paths the test chose.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { EventChannel, EventMap } from '../../shared/ipc/contract';
import { importReportText } from '../../shared/import/index';
import { createAppCore, type AppCore, type AppDialogs, type PdfService } from '../../electron/node/app-core';
import { createMemoryPrefsStore } from '../../electron/node/prefs/prefs-store';
import { createPdfService } from '../../electron/node/app-core/pdf-service';
import { FakeDialogs } from '../electron/node/storage/helpers';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
export const SEED_TEXT_PATH = join(REPO_ROOT, '..', 'shared', 'seed', 'huangjin-2019.txt');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// --- Build --------------------------------------------------------------------------------------------

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (/\.(ts|tsx|css|html|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/**
 * Builds the renderer with Vite's programmatic API (the same config as `npm run build:renderer`) into a
 * cache folder named after a hash of its sources, and returns that folder. Test files running in
 * parallel share one build; a changed source gives a new folder. (dist/renderer itself is left to
 * `npm run build`: two workers emptying and rewriting it at once would break each other's pages.)
 */
export async function buildRenderer(): Promise<string> {
  const sources = [...listFiles(join(REPO_ROOT, 'renderer')), ...listFiles(join(REPO_ROOT, 'shared'))];
  const hash = createHash('sha256').update('production-build-v2\0');
  for (const file of sources) hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const cacheRoot = join(REPO_ROOT, 'node_modules', '.cache', 'nianbao-e2e');
  const outDir = join(cacheRoot, hash.digest('hex').slice(0, 16));
  if (existsSync(join(outDir, 'index.html'))) return outDir;
  mkdirSync(cacheRoot, { recursive: true });
  const tmpOut = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, and Vite would then bundle React's development build: build what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(REPO_ROOT, 'renderer', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: tmpOut, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  try {
    renameSync(tmpOut, outDir);
  } catch {
    // Another worker finished the same build first.
    rmSync(tmpOut, { recursive: true, force: true });
  }
  // Builds of older sources are not needed any more (an hour's grace for a run still using one).
  for (const entry of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, entry);
    if (path !== outDir && statSync(path).mtimeMs < Date.now() - 3600_000) rmSync(path, { recursive: true, force: true });
  }
  return outDir;
}

// --- Static server ------------------------------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// --- The app under test -----------------------------------------------------------------------------

/** Dialogs answering from queues the test fills (null = the user cancels): the storage tests' fake. */
export { FakeDialogs as QueuedDialogs };

let pdf: PdfService | null = null;

/** The app's own PDF service (electron/node/app-core/pdf-service.ts), one per test file: the fonts are
 *  parsed once. */
export function pdfService(): PdfService {
  pdf ??= createPdfService();
  return pdf;
}

export interface AppHarness {
  page: Page;
  core: AppCore;
  dialogs: FakeDialogs;
  /** The temp folder: data/ (recovery, backups) and documents/. */
  dir: string;
  documentsDir: string;
  /** Every channel the renderer invoked, in order. */
  calls: { channel: string; payload: unknown }[];
  /** Uncaught page errors and CSP violations seen so far. */
  problems: string[];
  /** Sends an event to the renderer as main would. */
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Reuse a temp folder (to see a previous session's recovery copies). */
  dir?: string;
  prefs?: Record<string, unknown>;
  /** Files handed to main before the page loads, as a double-click that starts the app does. */
  openBeforeLoad?: string[];
}

const INIT_SCRIPT = `(() => {
  const listeners = new Map();
  window.__nianbaoPending = 0;
  window.__nianbaoProblems = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__nianbaoProblems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  window.nianbao = Object.freeze({
    invoke: async (channel, payload) => {
      window.__nianbaoPending++;
      try {
        // Electron's structured clone carries a Uint8Array (import:dropped) as one; Playwright's binding
        // would make it a plain object, so it crosses as base64 and is revived on the Node side.
        const wire = payload && typeof payload === 'object' && !Array.isArray(payload)
          ? Object.fromEntries(Object.entries(payload).map(([k, v]) => {
              if (!(v instanceof Uint8Array)) return [k, v];
              let s = '';
              for (let i = 0; i < v.length; i += 0x8000) s += String.fromCharCode.apply(null, v.subarray(i, i + 0x8000));
              return [k, { __uint8Base64: btoa(s) }];
            }))
          : payload;
        return await window.__nianbaoInvoke(channel, wire);
      } finally {
        window.__nianbaoPending--;
      }
    },
    on: (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  });
  window.__nianbaoEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
})();`;

/** A request's Uint8Array fields, sent as { __uint8Base64 } by the page (see INIT_SCRIPT), as Electron delivers them. */
function reviveBytes(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => {
      const b64 = v && typeof v === 'object' ? (v as { __uint8Base64?: unknown }).__uint8Base64 : undefined;
      return [k, typeof b64 === 'string' ? new Uint8Array(Buffer.from(b64, 'base64')) : v];
    }),
  );
}

export async function openApp(browser: Browser, baseUrl: string, options: OpenAppOptions = {}): Promise<AppHarness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const dataDir = join(dir, 'data');
  const documentsDir = join(dir, 'documents');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(documentsDir, { recursive: true });
  const dialogs = new FakeDialogs();
  const calls: AppHarness['calls'] = [];
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  let pageReady = false;
  const pending: { event: string; payload: unknown }[] = [];
  const sendEvent = async (event: string, payload: unknown) => {
    await page.evaluate(([e, p]) => (window as unknown as { __nianbaoEmit(e: unknown, p: unknown): void }).__nianbaoEmit(e, p), [event, payload] as const);
  };
  const core = createAppCore({
    dataDir,
    documentsDir,
    dialogs,
    prefs: createMemoryPrefsStore(options.prefs ?? {}),
    pdf: pdfService(),
    importText: (text, opts) => importReportText(text, opts),
    emit: (event, payload) => {
      if (pageReady) void sendEvent(event, payload).catch(() => undefined);
      else pending.push({ event, payload });
    },
    shell: { showItemInFolder: (path) => calls.push({ channel: 'shell:showItemInFolder(called)', payload: path }) },
  });
  await page.exposeBinding('__nianbaoInvoke', (_source, channel: string, payload: unknown) => {
    calls.push({ channel, payload });
    // Uint8Array (export:preview) crosses as a typed array: playwright-core 1.65 serialises typed arrays.
    return core.dispatch(channel, reviveBytes(payload));
  });
  await page.addInitScript(INIT_SCRIPT);
  for (const path of options.openBeforeLoad ?? []) await core.openExternalFile(path);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(baseUrl);
  await page.waitForSelector('.start-page, .editor');
  pageReady = true;
  for (const p of pending.splice(0)) await sendEvent(p.event, p.payload);

  return {
    page,
    core,
    dialogs,
    dir,
    documentsDir,
    calls,
    problems,
    emit: (event, payload) => sendEvent(event, payload),
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      const cspProblems = await page.evaluate(() => (window as unknown as { __nianbaoProblems: string[] }).__nianbaoProblems).catch(() => []);
      problems.push(...cspProblems);
      await context.close();
    },
  };
}

/** Waits until no bridge call is in flight (saves, exports). */
export async function bridgeIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __nianbaoPending: number }).__nianbaoPending === 0);
}

/**
 * One test file's app: builds (or reuses) the renderer, starts Debian Chromium and the static server, opens
 * the app on a temp folder before the file's tests, and closes everything after them — failing the file if
 * the page logged an error or a CSP violation. `onOpen` receives the app.
 */
export function useE2eApp(onOpen: (app: AppHarness) => void, options: OpenAppOptions = {}): void {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let app: AppHarness | undefined;
  beforeAll(async () => {
    const [dist, b] = await Promise.all([buildRenderer(), launchChromium()]);
    browser = b;
    server = await serveStatic(dist);
    app = await openApp(browser, server.url, options);
    onOpen(app);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await server?.close();
    if (app) rmSync(app.dir, { recursive: true, force: true });
    expect(app?.problems ?? []).toEqual([]);
  });
}
