// The preferences store of the app: electron-store in the user data folder, opened so that a corrupt
// file is moved aside instead of stopping the app. Imported lazily: electron-store needs a running Electron.
import { join } from 'node:path';
import { openPrefsStore, PREFS_CONFIG_NAME, type PrefsStore } from '../node/prefs/prefs-store';

export async function createElectronPrefsStore(userDataDir: string, onProblem?: (message: string) => void): Promise<PrefsStore> {
  const { default: ElectronStore } = await import('electron-store');
  return openPrefsStore({
    filePath: join(userDataDir, `${PREFS_CONFIG_NAME}.json`),
    construct: () =>
      new ElectronStore<Record<string, unknown>>({
        name: PREFS_CONFIG_NAME,
        cwd: userDataDir,
        clearInvalidConfig: true,
        accessPropertiesByDotNotation: false,
      }),
    ...(onProblem ? { onProblem } : {}),
  });
}
