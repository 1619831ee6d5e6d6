// The one place where renderer requests enter main: a handler per contract channel, each checking that the
// request comes from a frame showing the app's own page before the core sees it.
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type Result } from '../../shared/ipc/contract';
import { isTrustedSenderUrl } from './decisions';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface Dispatcher {
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
}

export const FORBIDDEN_RESULT: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: '请求不是来自年报助手自己的页面，已拒绝。' },
};

/** The frame URL of an IPC event, or null (the frame may be gone already). */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

export function registerIpcHandlers(ipcMain: IpcMainLike, core: Dispatcher, onRejected: (channel: string, url: string | null) => void = () => undefined): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      const url = senderUrl(event);
      if (!isTrustedSenderUrl(url)) {
        onRejected(channel, url);
        return FORBIDDEN_RESULT;
      }
      return core.dispatch(channel, payload);
    });
  }
}
