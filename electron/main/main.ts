// Entry point of the Electron main process (bundled to dist/electron/main.js by electron/build.mjs).
// `年报助手 --cli <命令> …` runs the `nianbao` command line inside the installed app (nianbao.cmd next to
// the app on Windows does exactly that): no window, no single-instance lock, the exit code of the command.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import { registerAppScheme, startNianbao } from './app';
import { cliArgsFromArgv } from './decisions';

const here = dirname(fileURLToPath(import.meta.url)); // dist/electron
const fontDir = app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'assets', 'fonts');
const cliArgs = cliArgsFromArgv(process.argv.slice(1));

if (cliArgs) {
  void runCommandLine(cliArgs);
} else {
  // Before `ready`: the app:// scheme must be privileged. (The user data folder is named after productName.)
  registerAppScheme();
  if (process.platform === 'win32') app.setAppUserModelId('cn.nianbao.app');

  startNianbao({ rendererRoot: join(here, '..', 'renderer'), preloadPath: join(here, 'preload.cjs'), workerEntry: join(here, 'parse-worker.js'), fontDir }).catch((e: unknown) => {
    dialog.showErrorBox('年报助手无法启动', e instanceof Error ? `${e.message}\n\n${e.stack ?? ''}` : String(e));
    app.exit(1);
  });
}

async function runCommandLine(args: string[]): Promise<void> {
  app.dock?.hide();
  let code = 2;
  try {
    const { main } = await import('../cli/main');
    code = await main(args, undefined, { fontDir });
  } finally {
    // app.exit() does not wait for output still queued on a pipe.
    await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write('', () => done(undefined)))));
    app.exit(code);
  }
}
