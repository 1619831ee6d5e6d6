// The main window's options: the security settings every window of the app must have.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    experimentalFeatures: false,
    // Only for Chromium's built-in PDF viewer, which shows the export preview (a blob: iframe). No other
    // plugin exists in Electron; the viewer's extension is the one non-app:// origin the session allows.
    plugins: true,
    devTools,
  };
}

export function mainWindowOptions(options: {
  preloadPath: string;
  devTools: boolean;
  bounds?: { x?: number; y?: number; width: number; height: number } | null;
  icon?: string;
}): BrowserWindowConstructorOptions {
  return {
    title: '年报助手',
    width: options.bounds?.width ?? 1280,
    height: options.bounds?.height ?? 860,
    ...(options.bounds?.x !== undefined && options.bounds.y !== undefined ? { x: options.bounds.x, y: options.bounds.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  };
}

/** The hidden window 打印 draws the PDF's pages in: the main window's security settings, without the
 *  preload (no bridge for a page that only draws) and without plugins. Never shown: the system print
 *  dialog is its only face. */
export function printWindowOptions(parent: BrowserWindow | null): BrowserWindowConstructorOptions {
  const { preload: _preload, ...secure } = secureWebPreferences('', false);
  return {
    title: '打印',
    show: false,
    width: 800,
    height: 1100,
    ...(parent ? { parent } : {}),
    // Drawn and printed while hidden: no throttling of a window nobody sees.
    paintWhenInitiallyHidden: true,
    webPreferences: { ...secure, plugins: false, backgroundThrottling: false },
  };
}
