// The Electron adapter: single instance, the app:// protocol, the hardened window and session, the menu, the
// dialogs, IPC, files opened from outside and the close prompt. Everything the app does with files is in the
// core (electron/node/app-core/); this module only connects it to Electron.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type Event as ElectronEvent,
  type Session,
  type WebContents,
} from 'electron';
import type { EventChannel, EventMap, MenuCommand } from '../../shared/ipc/contract';
import { createAppCore, type AppCore, type PdfService } from '../node/app-core';
import ElectronStore from 'electron-store';
import { createConfPrefsStore, type PrefsStore } from '../node/prefs/prefs-store';
import { PrintJobs } from '../node/print/print-job';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import {
  APP_SCHEME,
  APP_START_URL,
  isAllowedRequestUrl,
  isAllowedUrl,
  reportPathsFromArgv,
  reportPathsFromSecondInstance,
  secondInstanceData,
  visibleBounds,
} from './decisions';
import { createElectronDialogs } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { menuTemplate } from './menu';
import { createPdfPrinter } from './print-window';
import { mainWindowOptions } from './window-options';

export interface StartOptions {
  /** The renderer build (dist/renderer). */
  rendererRoot: string;
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** PDF fonts: resources/fonts when packaged, assets/fonts otherwise. */
  fontDir: string;
  /** The bundled parse worker (dist/electron/parse-worker.js), run with worker_threads (Electron reads it
   *  from app.asar: workers load from asar since Electron 18, electron/electron#33216). */
  workerEntry?: string;
  /** Tests pass their own; the app keeps preferences.json in the user data folder (conf). */
  prefsStore?: PrefsStore;
  pdf?: PdfService | null;
  /** How long main waits for the renderer to save everything after 保存 in the close prompt. */
  saveBeforeCloseTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningApp {
  core: AppCore;
  window: () => BrowserWindow | null;
}

/** Registers the app:// scheme. Must run before the app is ready (at module load of main.ts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Locks the session down: no permission is ever granted, no request leaves the app. */
export function hardenSession(target: Session, log: (message: string) => void): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`拒绝了权限请求：${permission}`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log(`拦截了网络请求：${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/** Every web contents: no navigation away from the app, no redirects, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, log: (message: string) => void): void {
  const block = (kind: string) => (event: ElectronEvent, url: string) => {
    if (isAllowedUrl(url) && kind === 'will-navigate') return;
    event.preventDefault();
    log(`阻止了${kind}：${String(url).slice(0, 200)}`);
  };
  contents.on('will-navigate', block('will-navigate'));
  contents.on('will-redirect', block('will-redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`阻止了新窗口：${String(url).slice(0, 200)}`);
    return { action: 'deny' };
  });
}

export async function startNianbao(options: StartOptions): Promise<RunningApp | null> {
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[年报助手] ${message}`, error ?? ''));

  // Our arguments go along as additionalData: the running instance gets them exactly as given here.
  if (!app.requestSingleInstanceLock(secondInstanceData(process.argv.slice(1), process.cwd()))) {
    // Another instance runs: it receives our command line through 'second-instance'.
    app.quit();
    return null;
  }

  let mainWindow: BrowserWindow | null = null;
  // Files named before the core exists (macOS open-file before `ready`, argv). Once handed to the core,
  // it keeps them until the page says app:ready.
  const pendingOpens: string[] = [];
  let core: AppCore | null = null;

  const openWhenReady = (paths: string[]) => {
    pendingOpens.push(...paths);
    flushPendingOpens();
  };
  const flushPendingOpens = () => {
    if (!core) return;
    for (const path of pendingOpens.splice(0)) void core.openExternalFile(path);
  };

  // macOS sends files (double-click, dock) as events, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openWhenReady([path]);
  });
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    openWhenReady(reportPathsFromSecondInstance(argv.slice(1), workingDirectory, additionalData));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();

  hardenSession(session.defaultSession, log);
  const printJobs = new PrintJobs();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererRoot, printJobs));

  const userData = app.getPath('userData');
  // electron-store (a conf subclass) on preferences.json in the user data folder, through the same
  // prefs-store code the tests run with conf itself. (It also answers a sync 'electron-store-get-data'
  // message with the user data path and version; only a preload could send it, and ours exposes the typed
  // bridge alone.)
  const prefsStore = options.prefsStore ?? createConfPrefsStore({ cwd: userData, Store: ElectronStore, onProblem: (m) => log(m) });
  const emit = <E extends EventChannel>(event: E, payload: EventMap[E]) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
  };
  core = createAppCore({
    dataDir: userData,
    documentsDir: app.getPath('documents'),
    dialogs: createElectronDialogs(() => mainWindow),
    prefs: prefsStore,
    // Imports, exports and ledgers run in the parse worker (dist/electron/parse-worker.js).
    ...(options.pdf === undefined ? {} : { pdf: options.pdf }),
    fontDir: options.fontDir,
    ...(options.workerEntry ? { parseWorker: { entry: options.workerEntry } } : {}),
    emit,
    shell: { showItemInFolder: (path) => shell.showItemInFolder(path) },
    printer: createPdfPrinter(printJobs, () => mainWindow),
    appVersion: app.getVersion(),
    platform: process.platform,
    onWarning: log,
  });
  const runningCore = core;
  registerIpcHandlers(ipcMain, runningCore, (channel, url) => log(`拒绝了来自未知页面的请求 ${channel}：${url ?? '（无）'}`));

  const sendMenuCommand = (command: MenuCommand) => emit('menu:command', { command });
  const devTools = !app.isPackaged;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        send: sendMenuCommand,
        platform: process.platform,
        devTools,
        showAbout: () => {
          const about = { type: 'info' as const, title: '关于年报助手', message: `年报助手 ${app.getVersion()}`, detail: '政府信息公开工作年度报告的离线编写、检查与导出工具。', buttons: ['确定'] };
          void (mainWindow ? dialog.showMessageBox(mainWindow, about) : dialog.showMessageBox(about));
        },
      }),
    ),
  );

  // The one Preferences object: the core's.
  const preferences = runningCore.preferences;
  const savedBounds = preferences.getWindowBounds();
  const bounds = savedBounds ? visibleBounds(savedBounds, screen.getAllDisplays().map((d) => d.workArea)) : null;
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: options.preloadPath, devTools, bounds }));
  mainWindow = win;
  if (savedBounds?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  installClosePrompt(win, runningCore, emit, options.saveBeforeCloseTimeoutMs ?? 10 * 60_000, () => {
    const b = win.getNormalBounds?.() ?? win.getBounds();
    preferences.setWindowBounds({ ...b, maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    mainWindow = null;
  });

  openWhenReady(reportPathsFromArgv(process.argv.slice(1), process.cwd()));
  // A rejected load (e.g. aborted by a reload) must not take the app down; a real failure shows as an
  // empty window and is logged.
  await win.loadURL(APP_START_URL).catch((e: unknown) => log('页面未能加载', e));
  return { core: runningCore, window: () => mainWindow };
}

/** Closing with unsaved changes asks 保存 / 不保存 / 取消. 保存 asks the renderer to save everything and closes
 *  once it reports no unsaved document; a failed or cancelled save keeps the window open. */
function installClosePrompt(
  win: BrowserWindow,
  core: AppCore,
  emit: <E extends EventChannel>(event: E, payload: EventMap[E]) => void,
  timeoutMs: number,
  beforeClose: () => void,
): void {
  let closing = false;
  let prompting = false;
  const closeNow = () => {
    closing = true;
    win.close();
  };
  win.on('close', (event) => {
    if (closing || core.dirtyDocuments().length === 0) {
      beforeClose();
      return;
    }
    event.preventDefault();
    if (prompting) return;
    prompting = true;
    void (async () => {
      try {
        const titles = core.dirtyDocuments();
        const { response } = await dialog.showMessageBox(win, {
          type: 'warning',
          title: '年报助手',
          message: titles.length === 1 ? '报告有尚未保存的修改，关闭前是否保存？' : `有 ${titles.length} 份报告尚未保存，关闭前是否保存？`,
          detail: titles.join('\n'),
          buttons: ['保存', '不保存', '取消'],
          defaultId: 0,
          cancelId: 2,
          noLink: true,
        });
        if (response === 0) {
          emit('app:saveBeforeClose', {});
          if (await waitUntilClean(core, timeoutMs)) closeNow();
        } else if (response === 1) {
          await core.discardUnsavedChanges();
          closeNow();
        }
      } finally {
        prompting = false;
      }
    })();
  });
}

/** Resolves true once no document has unsaved changes; false when a save fails or is cancelled, or on timeout. */
export function waitUntilClean(core: AppCore, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (core.dirtyDocuments().length === 0) return resolve(true);
    const done = (clean: boolean) => {
      clearTimeout(timer);
      offDirty();
      offSave();
      resolve(clean);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const offDirty = core.onDirtyChange((count) => {
      if (count === 0) done(true);
    });
    const offSave = core.onSaveFailed(() => done(false));
  });
}

