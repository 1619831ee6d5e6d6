// A stand-in for the `electron` module (which cannot load here: no Electron binary): the parts of app,
// BrowserWindow, webContents, ipcMain, protocol, session, Menu, dialog, shell, screen, contextBridge and
// ipcRenderer the adapter and the preload use, recording what they are given. Used with
// vi.mock('electron', async () => (await import('./electron-mock')).createElectronMock()).
// Each piece `satisfies` the matching part of the real electron.d.ts (Electron 45), so a member the adapter
// relies on that Electron does not have, or one with a different shape, fails the type check of tests/.
import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  ContextBridge,
  Dialog,
  Display,
  IpcMain,
  IpcRenderer,
  Protocol,
  Session,
  Shell,
  WebContents as ElectronWebContents,
  WebRequest,
} from 'electron';
import { vi } from 'vitest';

type Handler = (...args: any[]) => any;

class Emitter {
  readonly handlers = new Map<string, Handler[]>();
  on = vi.fn((event: string, handler: Handler) => {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  });
  once = vi.fn((event: string, handler: Handler) => {
    const wrapped: Handler = (...args) => {
      this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== wrapped));
      return handler(...args);
    };
    return this.on(event, wrapped);
  });
  removeListener = vi.fn((event: string, handler: Handler) => {
    this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler));
    return this;
  });
  /** Test helper: calls the handlers like Electron would. */
  emit(event: string, ...args: unknown[]): void {
    for (const h of [...(this.handlers.get(event) ?? [])]) h(...args);
  }
  listeners(event: string): Handler[] {
    return this.handlers.get(event) ?? [];
  }
}

export function electronEvent() {
  const event = { defaultPrevented: false, preventDefault: vi.fn(() => (event.defaultPrevented = true)) };
  return event;
}

export function createElectronMock() {
  const paths: Record<string, string> = { userData: '/tmp/nianbao-user', documents: '/tmp/nianbao-docs' };
  let nextWebContentsId = 1;

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    name: '年报助手',
    requestSingleInstanceLock: vi.fn((_additionalData?: Record<any, any>) => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => paths[name] ?? `/tmp/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
    getAppPath: vi.fn(() => '/app'),
    setAppUserModelId: vi.fn(),
    setName: vi.fn(),
    focus: vi.fn(),
  } satisfies Pick<
    App,
    'isPackaged' | 'name' | 'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady' | 'getPath' | 'getVersion' | 'getAppPath' | 'setAppUserModelId' | 'setName' | 'focus'
  >);

  const webRequest = { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() } satisfies Pick<WebRequest, 'onBeforeRequest' | 'onHeadersReceived'>;
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest,
    protocol: { handle: vi.fn() } satisfies Pick<Protocol, 'handle'>,
  } satisfies Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
    webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
    protocol: Pick<Session['protocol'], 'handle'>;
  };

  class WebContents extends Emitter implements Pick<ElectronWebContents, 'id' | 'setWindowOpenHandler' | 'send' | 'isDestroyed' | 'openDevTools' | 'getURL' | 'print'> {
    readonly id = nextWebContentsId++;
    readonly session = defaultSession;
    windowOpenHandler: Handler | null = null;
    setWindowOpenHandler = vi.fn((handler: Handler) => {
      this.windowOpenHandler = handler;
    });
    send = vi.fn();
    isDestroyed = vi.fn(() => false);
    openDevTools = vi.fn();
    getURL = vi.fn(() => 'app://nianbao/index.html');
    /** The system print dialog: by default the user prints; tests answer otherwise with mockImplementation. */
    print = vi.fn((_options?: Electron.WebContentsPrintOptions, callback?: (success: boolean, failureReason: string) => void) => {
      callback?.(true, '');
    });
  }

  class BrowserWindow
    extends Emitter
    implements
      Pick<
        ElectronBrowserWindow,
        'loadURL' | 'show' | 'focus' | 'restore' | 'isMinimized' | 'maximize' | 'isMaximized' | 'getBounds' | 'getNormalBounds' | 'setTitle' | 'isDestroyed' | 'close'
      >
  {
    static instances: BrowserWindow[] = [];
    static getAllWindows = vi.fn(() => BrowserWindow.instances.filter((w) => !w.destroyed));
    readonly webContents = new WebContents();
    destroyed = false;
    maximized = false;
    minimized = false;
    bounds = { x: 10, y: 20, width: 1280, height: 860 };
    constructor(readonly options: Record<string, any>) {
      super();
      BrowserWindow.instances.push(this);
      app.emit('web-contents-created', electronEvent(), this.webContents);
    }
    loadURL = vi.fn(async (_url: string) => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => (this.minimized = false));
    isMinimized = vi.fn(() => this.minimized);
    maximize = vi.fn(() => (this.maximized = true));
    isMaximized = vi.fn(() => this.maximized);
    getBounds = vi.fn(() => ({ ...this.bounds }));
    getNormalBounds = vi.fn(() => ({ ...this.bounds }));
    setTitle = vi.fn();
    isDestroyed = vi.fn(() => this.destroyed);
    /** Like Electron: 'close' may be prevented; otherwise the window is destroyed and 'closed' follows. */
    close = vi.fn(() => {
      if (this.destroyed) return;
      const event = electronEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.emit('closed');
      if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
    });
  }

  const ipcMain = Object.assign(new Emitter(), {
    /** ipcMain.handle registrations, channel → handler. */
    invokeHandlers: new Map<string, Handler>(),
    handle: vi.fn((channel: string, handler: Handler) => {
      if (ipcMain.invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.invokeHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => ipcMain.invokeHandlers.delete(channel)),
  } satisfies Pick<IpcMain, 'handle' | 'removeHandler'> & { invokeHandlers: Map<string, Handler> });

  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn(),
    unhandle: vi.fn(),
    isProtocolHandled: vi.fn(() => false),
  } satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>;

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };

  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
    showMessageBox: vi.fn(async () => ({ response: 2, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  } satisfies Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'>;

  const shell = { showItemInFolder: vi.fn(), openExternal: vi.fn(), openPath: vi.fn() } satisfies Pick<Shell, 'showItemInFolder' | 'openExternal' | 'openPath'>;
  // Only the parts of a Display the adapter reads.
  const screen = {
    getAllDisplays: vi.fn((): Pick<Display, 'id' | 'workArea'>[] => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
  };
  const session = { defaultSession };
  const contextBridge = { exposeInMainWorld: vi.fn() } satisfies Pick<ContextBridge, 'exposeInMainWorld'>;
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: {} })),
    send: vi.fn(),
  } satisfies Pick<IpcRenderer, 'invoke' | 'send'>);

  /** Forgets everything recorded (between tests). */
  function reset(userData: string, documents: string) {
    paths.userData = userData;
    paths.documents = documents;
    BrowserWindow.instances = [];
    app.handlers.clear();
    ipcMain.handlers.clear();
    ipcMain.invokeHandlers.clear();
    ipcRenderer.handlers.clear();
    app.requestSingleInstanceLock.mockImplementation(() => true);
    for (const group of [app, defaultSession, defaultSession.webRequest, protocol, Menu, dialog, shell, contextBridge, ipcMain, ipcRenderer]) {
      for (const value of Object.values(group)) if (vi.isMockFunction(value)) value.mockClear();
    }
  }

  const module = { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog, shell, screen, contextBridge, ipcRenderer, reset };
  return { ...module, default: module };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;
