// window-options.ts imports only Electron's types: the options are plain data, tested without the electron module.
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, printWindowOptions, secureWebPreferences } from '../../../electron/main/window-options';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(secureWebPreferences('/app/preload.cjs', true).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('opens a Chinese-titled, hidden-until-ready window of the default size', () => {
    const options = mainWindowOptions({ preloadPath: '/app/preload.cjs', devTools: false });
    expect(options).toMatchObject({ title: '年报助手', width: 1280, height: 860, minWidth: 960, minHeight: 600, show: false });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('icon');
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs', false));
  });

  it('restores the saved size, and the position only when both coordinates are known', () => {
    expect(mainWindowOptions({ preloadPath: 'p', devTools: false, bounds: { x: 10, y: 20, width: 1000, height: 700 } })).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    const noY = mainWindowOptions({ preloadPath: 'p', devTools: false, bounds: { x: 10, width: 1000, height: 700 } });
    expect(noY).not.toHaveProperty('x');
    expect(noY.width).toBe(1000);
    expect(mainWindowOptions({ preloadPath: 'p', devTools: false, bounds: { x: 0, y: 0, width: 1000, height: 700 } })).toMatchObject({ x: 0, y: 0 });
    expect(mainWindowOptions({ preloadPath: 'p', devTools: false, bounds: null }).width).toBe(1280);
  });

  it('sets the icon when one is given', () => {
    expect(mainWindowOptions({ preloadPath: 'p', devTools: false, icon: '/app/icon.png' }).icon).toBe('/app/icon.png');
  });
});

describe('printWindowOptions', () => {
  it('keeps the security settings but has no preload, no plugins and no dev tools', () => {
    const options = printWindowOptions(null);
    const prefs = options.webPreferences!;
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, plugins: false, devTools: false, backgroundThrottling: false });
    expect(options).toMatchObject({ title: '打印', show: false, paintWhenInitiallyHidden: true });
    expect(options).not.toHaveProperty('parent');
  });

  it('is a child of the main window when there is one', () => {
    const parent = { id: 1 } as unknown as BrowserWindow;
    expect(printWindowOptions(parent).parent).toBe(parent);
  });
});
