// registerIpcHandlers: one handler per contract channel on ipcMain; a request from a frame showing the app's
// own page goes to the core, any other (or one whose frame is gone) gets FORBIDDEN_RESULT and is reported.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_RESULT, registerIpcHandlers, type Dispatcher, type IpcMainLike } from '../../../electron/main/ipc';
import { INVOKE_CHANNELS, type Result } from '../../../shared/ipc/contract';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setup() {
  const handlers = new Map<string, Listener>();
  const registered: string[] = [];
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      registered.push(channel);
      handlers.set(channel, listener);
    },
  };
  const dispatched: [string, unknown][] = [];
  const core: Dispatcher = {
    dispatch: async (channel, payload) => {
      dispatched.push([channel, payload]);
      return { ok: true, value: { channel, payload } } as Result<unknown>;
    },
  };
  const rejected: [string, string | null][] = [];
  registerIpcHandlers(ipcMain, core, (channel, url) => rejected.push([channel, url]));
  const call = (channel: string, event: unknown, payload: unknown) => handlers.get(channel)!(event as IpcMainInvokeEvent, payload);
  return { registered, dispatched, rejected, call };
}

const from = (url: string) => ({ senderFrame: { url } });

describe('registerIpcHandlers', () => {
  it('registers exactly the contract’s invoke channels, once each', () => {
    const { registered } = setup();
    expect(registered).toEqual([...INVOKE_CHANNELS]);
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('hands a request from the app’s page to the core with its channel and payload, and returns the core’s answer', async () => {
    const { dispatched, rejected, call } = setup();
    for (const channel of INVOKE_CHANNELS) {
      const payload = { marker: channel };
      expect(await call(channel, from('app://nianbao/index.html'), payload)).toEqual({ ok: true, value: { channel, payload } });
    }
    expect(dispatched).toEqual(INVOKE_CHANNELS.map((c) => [c, { marker: c }]));
    expect(rejected).toEqual([]);
  });

  it('answers any other sender with FORBIDDEN_RESULT and reports channel and URL; the core never sees it', async () => {
    const { dispatched, rejected, call } = setup();
    const channel = INVOKE_CHANNELS[0]!;
    const urls = ['https://evil.example/', 'app://other/index.html', 'file:///app/index.html', 'app://user:pw@nianbao/index.html', 'about:blank'];
    for (const url of urls) expect(await call(channel, from(url), {})).toEqual(FORBIDDEN_RESULT);
    expect(rejected).toEqual(urls.map((u) => [channel, u]));
    expect(dispatched).toEqual([]);
  });

  it('a sender whose frame is gone, or whose frame cannot be read, is refused with no URL', async () => {
    const { dispatched, rejected, call } = setup();
    const channel = INVOKE_CHANNELS.at(-1)!;
    const throwing = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    for (const event of [{ senderFrame: null }, {}, throwing]) expect(await call(channel, event, {})).toEqual(FORBIDDEN_RESULT);
    expect(rejected).toEqual([
      [channel, null],
      [channel, null],
      [channel, null],
    ]);
    expect(dispatched).toEqual([]);
  });

  it('FORBIDDEN_RESULT says in Chinese that the request did not come from the app’s own page', () => {
    expect(FORBIDDEN_RESULT).toEqual({ ok: false, error: { code: 'forbidden', message: '请求不是来自年报助手自己的页面，已拒绝。' } });
  });

  it('without a report callback a refused request is still refused', async () => {
    const handlers = new Map<string, Listener>();
    registerIpcHandlers({ handle: (c, l) => void handlers.set(c, l) }, { dispatch: async () => ({ ok: true, value: null }) });
    const channel = INVOKE_CHANNELS[0]!;
    expect(await handlers.get(channel)!(from('https://evil.example/') as unknown as IpcMainInvokeEvent, {})).toEqual(FORBIDDEN_RESULT);
  });
});
