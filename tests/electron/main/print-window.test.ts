// 打印 in the app, with a mocked `electron`: export:print renders the PDF with the app's PDF service, serves
// it to a hidden print window (the main window's security settings, no preload) on app://nianbao/print.html,
// opens the system print dialog only once the page says it has drawn the pages, closes the window and
// forgets the job whatever happens; a failure or a cancelled dialog is told in Chinese.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/contract';
import { PRINT_FAILED_TITLE_PREFIX, PRINT_READY_TITLE } from '../../../shared/ipc/print-page';
import { startNianbao, type RunningApp } from '../../../electron/main/app';
import type { PdfService } from '../../../electron/node/app-core';
import { createMemoryPrefsStore } from '../../../electron/node/prefs/prefs-store';
import { CHINESE, removeDir, sampleReport, tempDir } from '../node/storage/helpers';
import { electronEvent, type ElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).createElectronMock());

const mock = electron as unknown as ElectronMock;
const trusted = { senderFrame: { url: 'app://nianbao/index.html' } };
const PDF = new TextEncoder().encode('%PDF-1.7 the report %%EOF');
let root: string;
let rendered: { mode: string }[];

const pdf: PdfService = {
  render: async (_doc, options) => {
    rendered.push({ mode: options.mode });
    return { ok: true, pdf: PDF, findings: [], missingGlyphs: [] };
  },
  read: async () => ({ ok: false, error: { code: 'bad-file', message: '不读' } }),
};

beforeEach(() => {
  root = tempDir();
  rendered = [];
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'print.html'), '<!doctype html><title>打印</title>');
  mkdirSync(join(root, 'user'));
  mkdirSync(join(root, 'docs'));
  mock.reset(join(root, 'user'), join(root, 'docs'));
});
afterEach(() => removeDir(root));

async function start(): Promise<RunningApp> {
  const running = await startNianbao({ rendererRoot: join(root, 'renderer'), preloadPath: '/app/dist/electron/preload.cjs', fontDir: '/fonts', prefsStore: createMemoryPrefsStore(), pdf, log: () => undefined });
  if (!running) throw new Error('not started');
  return running;
}

const serve = (url: string) => (mock.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>)(new Request(url));
const printWindow = () => mock.BrowserWindow.instances[1];
const requestPrint = (mode: 'final' | 'draft' = 'draft') =>
  mock.ipcMain.invokeHandlers.get('export:print')!(trusted, { doc: sampleReport(), mode }) as Promise<Result<unknown>>;

/** Waits for the print window and its page load; returns the job's page URL. */
async function printPageOpened(): Promise<string> {
  await vi.waitFor(() => expect(printWindow()?.loadURL).toHaveBeenCalled());
  return printWindow()!.loadURL.mock.calls[0]![0];
}

describe('打印 in the app (export:print)', () => {
  it('app:info tells the page that main prints', async () => {
    await start();
    const info = (await mock.ipcMain.invokeHandlers.get('app:info')!(trusted, {})) as Result<{ systemPrint: boolean }>;
    expect(info).toMatchObject({ ok: true, value: { systemPrint: true } });
  });

  it('opens a hidden, hardened window on the print page, prints once the pages are drawn, then closes it', async () => {
    await start();
    const answer = requestPrint('final');
    const url = await printPageOpened();
    const win = printWindow()!;
    expect(win.options.show).toBe(false);
    expect(win.options.parent).toBe(mock.BrowserWindow.instances[0]);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false, plugins: false });
    expect(win.options.webPreferences.preload).toBeUndefined();
    // The same hardening as every web contents: no navigation away, no new windows.
    const navigate = electronEvent();
    win.webContents.listeners('will-navigate')[0]!(navigate, 'https://example.com/');
    expect(navigate.preventDefault).toHaveBeenCalled();

    const match = /^app:\/\/nianbao\/print\.html\?job=([0-9a-f-]{36})$/.exec(url);
    expect(match, url).not.toBeNull();
    expect(rendered).toEqual([{ mode: 'final' }]);
    // The page gets the job's PDF from app://, with the CSP header like every app:// response.
    const served = await serve(`app://nianbao/print-job/${match![1]}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PDF);
    // The page: served from the renderer folder.
    expect((await serve(url)).status).toBe(200);

    // Not before the page has drawn the pages.
    win.webContents.emit('page-title-updated', electronEvent(), '打印');
    await new Promise((r) => setTimeout(r, 20));
    expect(win.webContents.print).not.toHaveBeenCalled();
    win.webContents.emit('page-title-updated', electronEvent(), PRINT_READY_TITLE);

    expect(await answer).toEqual({ ok: true, value: {} });
    expect(win.webContents.print).toHaveBeenCalledTimes(1);
    expect(win.webContents.print.mock.calls[0]![0]).toEqual({ silent: false, printBackground: true });
    expect(win.close).toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
    // The job is gone with the window; the main window stays.
    expect((await serve(`app://nianbao/print-job/${match![1]}`)).status).not.toBe(200);
    expect(mock.BrowserWindow.instances[0]!.destroyed).toBe(false);
    expect(mock.app.quit).not.toHaveBeenCalled();
  });

  it('a closed print dialog is a cancel, not an error', async () => {
    await start();
    const answer = requestPrint();
    await printPageOpened();
    const win = printWindow()!;
    win.webContents.print.mockImplementationOnce((_o, callback) => callback?.(false, 'cancelled'));
    win.webContents.emit('page-title-updated', electronEvent(), PRINT_READY_TITLE);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(win.destroyed).toBe(true);
  });

  it('a failed print says so in Chinese, with what to do', async () => {
    await start();
    const answer = requestPrint();
    await printPageOpened();
    const win = printWindow()!;
    win.webContents.print.mockImplementationOnce((_o, callback) => callback?.(false, 'Print job failed'));
    win.webContents.emit('page-title-updated', electronEvent(), PRINT_READY_TITLE);
    const result = await answer;
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toMatch(CHINESE);
    expect(message).toContain('打印没有完成');
    expect(message).toContain('打印机');
    expect(win.destroyed).toBe(true);
  });

  it('a page that cannot draw the PDF: no print dialog, the reason in Chinese, window closed', async () => {
    await start();
    const answer = requestPrint();
    await printPageOpened();
    const win = printWindow()!;
    win.webContents.emit('page-title-updated', electronEvent(), `${PRINT_FAILED_TITLE_PREFIX}打印任务的PDF读不到（404）`);
    const result = await answer;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('打印任务的PDF读不到（404）') } });
    expect((result as { error: { message: string } }).error.message).toContain('请先导出PDF再打印');
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('a page whose process dies: a Chinese message, the window closed', async () => {
    await start();
    const answer = requestPrint();
    await printPageOpened();
    printWindow()!.webContents.emit('render-process-gone', electronEvent(), { reason: 'crashed' });
    expect(await answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('打印页面意外关闭了') } });
    expect(printWindow()!.webContents.print).not.toHaveBeenCalled();
    expect(printWindow()!.destroyed).toBe(true);
  });

  it('a final print blocked by findings never opens a window', async () => {
    await start();
    vi.spyOn(pdf, 'render').mockResolvedValueOnce({ ok: false, error: { code: 'blocked', message: '有错误，不能导出正式版。', findings: [] } });
    expect(await requestPrint('final')).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect(printWindow()).toBeUndefined();
  });

  it('refuses a malformed request before rendering anything', async () => {
    await start();
    const result = (await mock.ipcMain.invokeHandlers.get('export:print')!(trusted, { doc: sampleReport(), mode: 'poster' })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(printWindow()).toBeUndefined();
  });
});
