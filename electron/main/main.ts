// Entry point of the Electron main process (bundled to dist/electron/main.js by electron/build.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import { registerAppScheme, startNianbao } from './app';

const here = dirname(fileURLToPath(import.meta.url)); // dist/electron

// Before `ready`: the app:// scheme must be privileged. (The user data folder is named after productName.)
registerAppScheme();
if (process.platform === 'win32') app.setAppUserModelId('cn.nianbao.app');

startNianbao({
  rendererRoot: join(here, '..', 'renderer'),
  preloadPath: join(here, 'preload.cjs'),
  fontDir: app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'assets', 'fonts'),
}).catch((e: unknown) => {
  dialog.showErrorBox('年报助手无法启动', e instanceof Error ? `${e.message}\n\n${e.stack ?? ''}` : String(e));
  app.exit(1);
});
