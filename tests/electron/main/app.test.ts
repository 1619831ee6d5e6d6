// The Electron adapter with a mocked `electron` module: window hardening, the IPC handler table and sender
// check, navigation / new windows / permissions / network requests denied, the app:// protocol, the menu,
// single instance and files opened from outside, and the close prompt.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type OpenedDocument, type Result } from '../../../shared/ipc/contract';
import { serializeReport } from '../../../shared/model/document';
import { registerAppScheme, startNianbao, type RunningApp } from '../../../electron/main/app';
import { createMemoryPrefsStore } from '../../../electron/node/prefs/prefs-store';
import { removeDir, sampleReport, tempDir } from '../node/storage/helpers';
import { electronEvent, type ElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).createElectronMock());

const mock = electron as unknown as ElectronMock;
let root: string;
let rendererRoot: string;

beforeEach(() => {
  root = tempDir();
  rendererRoot = join(root, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>年报助手</title>');
  mkdirSync(join(root, 'user'));
  mkdirSync(join(root, 'docs'));
  mock.reset(join(root, 'user'), join(root, 'docs'));
});
afterEach(() => removeDir(root));

async function start(): Promise<RunningApp> {
  const running = await startNianbao({ rendererRoot, preloadPath: '/app/dist/electron/preload.cjs', fontDir: '/fonts', prefsStore: createMemoryPrefsStore(), pdf: null, log: () => undefined });
  if (!running) throw new Error('not started');
  return running;
}

const win = () => mock.BrowserWindow.instances[0]!;
const trusted = { senderFrame: { url: 'app://nianbao/index.html' } };
const flush = () => new Promise((r) => setTimeout(r, 20));

describe('window and session hardening', () => {
  it('registers app:// as a privileged standard, secure scheme', () => {
    registerAppScheme();
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }),
    ]);
  });

  it('creates one window with context isolation, sandbox, no Node, web security, no spellcheck, the bundled preload', async () => {
    await start();
    expect(mock.BrowserWindow.instances).toHaveLength(1);
    const prefs = win().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(win().loadURL).toHaveBeenCalledWith('app://nianbao/index.html');
  });

  it('serves the renderer folder through protocol.handle("app")', async () => {
    await start();
    expect(mock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = mock.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const page = await handler(new Request('app://nianbao/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect((await handler(new Request('app://nianbao/../../etc/passwd'))).status).not.toBe(200);
  });

  it('blocks navigation away from the app, every redirect, new windows and webviews', async () => {
    await start();
    const contents = win().webContents;
    const navigate = contents.listeners('will-navigate')[0]!;
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)']) {
      const event = electronEvent();
      navigate(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inApp = electronEvent();
    navigate(inApp, 'app://nianbao/index.html');
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const redirect = electronEvent();
    contents.listeners('will-redirect')[0]!(redirect, 'https://example.com/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = electronEvent();
    contents.listeners('will-attach-webview')[0]!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    for (const url of ['https://example.com/', 'app://nianbao/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('denies every permission request and check', async () => {
    await start();
    const request = mock.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request(win().webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = mock.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check(win().webContents, 'media', 'app://nianbao', {})).toBe(false);
  });

  it('cancels every web request that is not app:// (or devtools / in-page data)', async () => {
    await start();
    const listener = mock.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0]![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const decide = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return callback.mock.calls[0]![0].cancel as boolean;
    };
    for (const url of ['http://example.com/', 'https://fonts.googleapis.com/css', 'ws://localhost:1/', 'file:///etc/passwd', 'ftp://x/']) expect(decide(url), url).toBe(true);
    for (const url of ['app://nianbao/index.html', 'app://nianbao/assets/a.js', 'devtools://devtools/x']) expect(decide(url), url).toBe(false);
  });
});

describe('IPC', () => {
  it('registers exactly the contract’s channels on ipcMain', async () => {
    await start();
    expect([...mock.ipcMain.invokeHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('passes requests from the app’s page to the core', async () => {
    const running = await start();
    const dispatch = vi.spyOn(running.core, 'dispatch');
    const result = (await mock.ipcMain.invokeHandlers.get('app:info')!(trusted, {})) as Result<{ version: string }>;
    expect(result).toEqual({ ok: true, value: { version: '0.1.0', platform: process.platform, systemPrint: true } });
    expect(dispatch).toHaveBeenCalledWith('app:info', {});
  });

  it('drops requests from any other sender with a forbidden result, before the core sees them', async () => {
    const running = await start();
    const dispatch = vi.spyOn(running.core, 'dispatch');
    for (const event of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///tmp/x.html' } },
      { senderFrame: { url: 'blob:app://nianbao/123' } },
      { senderFrame: null },
      {},
      {
        get senderFrame(): never {
          throw new Error('frame destroyed');
        },
      },
    ]) {
      const result = (await mock.ipcMain.invokeHandlers.get('doc:new')!(event, { year: 2025, agencyName: 'x', level: '乡镇' })) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers malformed payloads from the page with invalid-payload', async () => {
    await start();
    const result = (await mock.ipcMain.invokeHandlers.get('doc:save')!(trusted, { docId: 1 })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('menu', () => {
  it('is in Chinese, with the shortcuts, and sends menu:command to the page', async () => {
    await start();
    expect(mock.Menu.setApplicationMenu).toHaveBeenCalled();
    const template = mock.Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string; submenu?: { label?: string; accelerator?: string; role?: string; click?: () => void }[] }[];
    const top = template.filter((m) => m.label !== '年报助手');
    expect(top.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const items = (label: string) => top.find((m) => m.label === label)!.submenu!.filter((i) => i.label);
    expect(items('文件').map((i) => [i.label, i.accelerator])).toEqual([
      ['新建', 'CmdOrCtrl+N'],
      ['打开…', 'CmdOrCtrl+O'],
      ['保存', 'CmdOrCtrl+S'],
      ['另存为…', 'CmdOrCtrl+Shift+S'],
      ['导出PDF…', 'CmdOrCtrl+E'],
      ['退出', process.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q'],
    ]);
    expect(items('编辑').map((i) => i.label)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(items('编辑').find((i) => i.label === '撤销')!.accelerator).toBe('CmdOrCtrl+Z');
    items('文件').find((i) => i.label === '导出PDF…')!.click!();
    expect(win().webContents.send).toHaveBeenCalledWith('menu:command', { command: 'exportPdf' });
    items('编辑').find((i) => i.label === '重做')!.click!();
    expect(win().webContents.send).toHaveBeenCalledWith('menu:command', { command: 'redo' });
  });
});

describe('single instance and files opened from outside', () => {
  it('a second instance quits at once and creates no window', async () => {
    mock.app.requestSingleInstanceLock.mockImplementation(() => false);
    const running = await startNianbao({ rendererRoot, preloadPath: '/p.cjs', fontDir: '/f', prefsStore: createMemoryPrefsStore(), pdf: null });
    expect(running).toBeNull();
    expect(mock.app.quit).toHaveBeenCalled();
    expect(mock.BrowserWindow.instances).toHaveLength(0);
  });

  it('hands its own arguments and working folder to the running instance as additionalData', async () => {
    await start();
    expect(mock.app.requestSingleInstanceLock).toHaveBeenCalledWith({ argv: process.argv.slice(1), workingDirectory: process.cwd() });
  });

  it('a .nianbao file from a second instance (or macOS open-file) opens in the running window', async () => {
    await start();
    const file = join(root, 'docs', '报告.nianbao');
    writeFileSync(file, serializeReport(sampleReport()));
    win().minimized = true;
    // The page has loaded and listens.
    expect(await mock.ipcMain.invokeHandlers.get('app:ready')!(trusted, {})).toEqual({ ok: true, value: { opened: [], errors: [] } });
    // additionalData carries the second instance's exact arguments; argv is what Chromium made of them.
    mock.app.emit('second-instance', electronEvent(), ['/usr/bin/nianbao', '--original-process-start-time=1'], '/', {
      argv: ['--flag', '报告.nianbao'],
      workingDirectory: join(root, 'docs'),
    });
    const opened = await vi.waitFor(() => {
      const call = win().webContents.send.mock.calls.find((c) => c[0] === 'doc:opened');
      if (!call) throw new Error('not yet');
      return call;
    });
    expect((opened?.[1] as OpenedDocument).fileName).toBe('报告.nianbao');
    expect((opened?.[1] as OpenedDocument).doc).toEqual(sampleReport());
    expect(win().restore).toHaveBeenCalled();
    expect(win().focus).toHaveBeenCalled();

    // Without additionalData (an older instance, another user): the argv Electron reports.
    writeFileSync(join(root, 'docs', '第二份.nianbao'), serializeReport(sampleReport()));
    mock.app.emit('second-instance', electronEvent(), ['/usr/bin/nianbao', '--flag', '第二份.nianbao'], join(root, 'docs'), {});
    await vi.waitFor(() =>
      expect(win().webContents.send.mock.calls.some((c) => c[0] === 'doc:opened' && (c[1] as OpenedDocument).fileName === '第二份.nianbao')).toBe(true),
    );

    const openFile = electronEvent();
    mock.app.emit('open-file', openFile, join(root, 'docs', 'missing.nianbao'));
    expect(openFile.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalledWith('app:error', expect.objectContaining({ code: 'not-found' })));
  });

  it('files named before the page has loaded wait for it', async () => {
    const file = join(root, 'docs', 'early.nianbao');
    writeFileSync(file, serializeReport(sampleReport()));
    // macOS delivers open-file before `ready`: start() is then waiting for whenReady(), no core and no
    // page exist yet; the adapter must keep the file until the page has loaded.
    const started = start();
    mock.app.emit('open-file', electronEvent(), file);
    expect(mock.BrowserWindow.instances).toHaveLength(0);
    const running = await started;
    expect(running.window()).not.toBeNull();
    // Before the page says app:ready nothing is sent into it (it may not listen yet).
    await new Promise((r) => setTimeout(r, 100));
    expect(win().webContents.send.mock.calls.some((c) => c[0] === 'doc:opened')).toBe(false);
    // The page collects what waited with app:ready; a file still being read then comes as an event.
    // Either way it arrives exactly once.
    const ready = (await mock.ipcMain.invokeHandlers.get('app:ready')!(trusted, {})) as Result<{ opened: OpenedDocument[] }>;
    if (!ready.ok) throw new Error(ready.error.message);
    await vi.waitFor(() => {
      const sent = win().webContents.send.mock.calls.filter((c) => c[0] === 'doc:opened').map((c) => (c[1] as OpenedDocument).fileName);
      expect([...ready.value.opened.map((o) => o.fileName), ...sent]).toEqual(['early.nianbao']);
    });
  });

  it('quits when the window is closed', async () => {
    await start();
    win().close();
    expect(mock.app.quit).toHaveBeenCalled();
  });
});

describe('closing with unsaved changes', () => {
  async function startWithDirtyDoc() {
    const running = await start();
    const call = (channel: string, payload: unknown) => mock.ipcMain.invokeHandlers.get(channel)!(trusted, payload) as Promise<Result<unknown>>;
    const created = await call('doc:new', { year: 2025, agencyName: '某镇人民政府', level: '乡镇' });
    if (!created.ok) throw new Error(created.error.message);
    const { docId, doc } = created.value as OpenedDocument;
    await call('doc:setDirty', { docId, dirty: true });
    return { running, call, docId, doc };
  }

  it('asks 保存 / 不保存 / 取消; 取消 keeps the window', async () => {
    await startWithDirtyDoc();
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    win().close();
    await vi.waitFor(() => expect(mock.dialog.showMessageBox).toHaveBeenCalled());
    await flush();
    expect(mock.dialog.showMessageBox).toHaveBeenCalledWith(win(), expect.objectContaining({ buttons: ['保存', '不保存', '取消'], cancelId: 2 }));
    expect(win().destroyed).toBe(false);
  });

  it('不保存 closes and forgets the recovery copies', async () => {
    const { running, call, docId, doc } = await startWithDirtyDoc();
    await call('doc:autosave', { docId, doc });
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win().close();
    await vi.waitFor(() => expect(win().destroyed).toBe(true));
    expect(running.core.dirtyDocuments()).toEqual([]);
  });

  it('保存 asks the page to save and closes once every document is clean', async () => {
    const { call, docId } = await startWithDirtyDoc();
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win().close();
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalledWith('app:saveBeforeClose', {}));
    expect(win().destroyed).toBe(false);
    await call('doc:setDirty', { docId, dirty: false }); // the page saved and reports it
    await vi.waitFor(() => expect(win().destroyed).toBe(true));
  });

  it('保存 followed by a cancelled save dialog keeps the window open', async () => {
    const { call, docId, doc } = await startWithDirtyDoc();
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win().close();
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalledWith('app:saveBeforeClose', {}));
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const saved = await call('doc:save', { docId, doc });
    expect(saved).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await flush();
    expect(win().destroyed).toBe(false);
    // Later, after a normal save, the window does not close by surprise.
    await call('doc:setDirty', { docId, dirty: false });
    await flush();
    expect(win().destroyed).toBe(false);
  });

  it('a clean window closes without asking and remembers its bounds', async () => {
    const running = await start();
    win().close();
    expect(mock.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(running.core.preferences.getWindowBounds()).toEqual({ x: 10, y: 20, width: 1280, height: 860, maximized: false });
  });
});
