// createBridge over a fake ipcRenderer: only contract channels reach main, a failed call becomes a Chinese
// internal-error result, listeners get the payload alone and each subscription removes exactly its own wrapper.
import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/contract';

type Wrapped = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, payload: unknown) => Promise<unknown> = async (channel, payload) => ({ ok: true, value: { channel, payload } })) {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, Wrapped[]>();
  const removed: [string, Wrapped][] = [];
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, args]);
      return answer(channel, args[0]);
    },
    on: (channel, listener) => void listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel, listener) => {
      removed.push([channel, listener]);
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  };
  const emit = (channel: string, event: unknown, ...args: unknown[]) => (listeners.get(channel) ?? []).forEach((l) => l(event, ...args));
  return { ipc, invoked, listeners, removed, emit };
}

describe('createBridge', () => {
  it('invoke passes a contract channel and its payload through, alone, and returns main’s result as it is', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    const channel = INVOKE_CHANNELS[0]!;
    const payload = { anything: [1, 2] } as never;
    expect(await bridge.invoke(channel, payload)).toEqual({ ok: true, value: { channel, payload } });
    expect(invoked).toEqual([[channel, [payload]]]);
    const failure = { ok: false, error: { code: 'invalid-payload', message: '请求内容无效。' } };
    const answering = createBridge(fakeIpc(async () => failure).ipc);
    expect(await answering.invoke(channel, payload)).toBe(failure);
  });

  it('a channel outside the contract is answered unknown-channel, naming it (at most 60 characters), without reaching main', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('fs:readFile' as never, {} as never)).toEqual({ ok: false, error: { code: 'unknown-channel', message: '未知的请求“fs:readFile”。' } });
    const long = 'x'.repeat(100);
    expect(await bridge.invoke(long as never, {} as never)).toEqual({ ok: false, error: { code: 'unknown-channel', message: `未知的请求“${'x'.repeat(60)}”。` } });
    expect(await bridge.invoke({ toString: () => 'doc:save' } as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await bridge.invoke('constructor' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(invoked).toEqual([]);
  });

  it('a rejected call becomes an internal error result that says the edits are not lost', async () => {
    const channel = INVOKE_CHANNELS[0]!;
    const withError = createBridge(fakeIpc(async () => Promise.reject(new Error('No handler registered'))).ipc);
    expect(await withError.invoke(channel, {} as never)).toEqual({
      ok: false,
      error: { code: 'internal', message: '与主进程通信失败：No handler registered。编辑中的内容没有丢失。' },
    });
    const withString = createBridge(fakeIpc(async () => Promise.reject('y'.repeat(80))).ipc);
    expect(await withString.invoke(channel, {} as never)).toEqual({
      ok: false,
      error: { code: 'internal', message: `与主进程通信失败：${'y'.repeat(60)}。编辑中的内容没有丢失。` },
    });
  });

  it('on: every contract event reaches its listener with the payload alone, never the event object', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const channel of EVENT_CHANNELS) {
      const got: unknown[][] = [];
      bridge.on(channel, (...args: unknown[]) => void got.push(args));
      emit(channel, { sender: 'the IpcRendererEvent' }, { marker: channel }, 'extra');
      expect(got, channel).toEqual([[{ marker: channel }]]);
    }
  });

  it('each unsubscribe removes exactly its own listener, the one it added', () => {
    const { ipc, emit, listeners, removed } = fakeIpc();
    const bridge = createBridge(ipc);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.on('app:error', (p) => void a.push(p));
    bridge.on('app:error', (p) => void b.push(p));
    const added = listeners.get('app:error')![0]!;
    offA();
    expect(removed).toEqual([['app:error', added]]);
    emit('app:error', {}, { message: '一' });
    expect(a).toEqual([]);
    expect(b).toEqual([{ message: '一' }]);
  });

  it('refuses an unknown event or a listener that is no function, subscribing nothing', () => {
    const { ipc, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(() => bridge.on('ipc:raw' as never, () => undefined)).toThrow('未知的事件“ipc:raw”。');
    expect(() => bridge.on(7 as never, () => undefined)).toThrow('未知的事件“7”。');
    expect(() => bridge.on('menu:command', 'not a function' as never)).toThrow(new TypeError('监听函数无效。'));
    expect(listeners.size).toBe(0);
  });

  it('is frozen: the page cannot replace invoke or on', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });
});
