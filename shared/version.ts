// The version of 年报助手: package.json's "version", the one place it is written. Bundlers (esbuild, Vite)
// keep only this field of package.json.
import { version } from '../package.json';

export const APP_VERSION: string = version;
