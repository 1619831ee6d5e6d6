// The preload script (sandboxed, bundled to CommonJS by electron/build.mjs): exposes the contract's bridge as
// `window.nianbao`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('nianbao', createBridge(ipcRenderer));
