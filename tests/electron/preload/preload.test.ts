// The preload with a mocked `electron`: it exposes exactly the contract's bridge as `window.nianbao`, lets
// only contract channels through, and hands listeners the payload, never Electron's event object.
import * as electron from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEYS, INVOKE_CHANNELS, type NianbaoBridge } from '../../../shared/ipc/contract';
import type { ElectronMock } from '../main/electron-mock';

vi.mock('electron', async () => (await import('../main/electron-mock')).createElectronMock());

const mock = electron as unknown as ElectronMock;
let bridge: NianbaoBridge;

beforeAll(async () => {
  await import('../../../electron/preload/preload');
  expect(mock.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = mock.contextBridge.exposeInMainWorld.mock.calls[0]! as [string, NianbaoBridge];
  expect(key).toBe('nianbao');
  bridge = api;
});

describe('preload', () => {
  it('exposes exactly BRIDGE_KEYS on window.nianbao, frozen', () => {
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_KEYS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const key of BRIDGE_KEYS) expect(typeof bridge[key]).toBe('function');
  });

  it('forwards every contract channel to ipcRenderer.invoke with its payload', async () => {
    for (const channel of INVOKE_CHANNELS) {
      mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: channel });
      const result = await bridge.invoke(channel, {} as never);
      expect(result).toEqual({ ok: true, value: channel });
      expect(mock.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, {});
    }
  });

  it('rejects channels outside the contract without reaching main', async () => {
    mock.ipcRenderer.invoke.mockClear();
    for (const channel of ['fs:readFile', 'doc:delete', '__proto__', 'toString', '', 'DOC:SAVE', 42, null]) {
      const result = await bridge.invoke(channel as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect(mock.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call into an internal error result', async () => {
    mock.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await bridge.invoke('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes to contract events only; listeners get the payload alone; unsubscribe works', () => {
    const listener = vi.fn();
    const off = bridge.on('menu:command', listener);
    mock.ipcRenderer.emit('menu:command', { sender: 'the IpcRendererEvent' }, { command: 'save' });
    expect(listener).toHaveBeenCalledWith({ command: 'save' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    mock.ipcRenderer.emit('menu:command', {}, { command: 'open' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(() => bridge.on('ipc:raw' as never, () => undefined)).toThrow(/未知的事件/);
    expect(() => bridge.on('menu:command', 'not a function' as never)).toThrow();
  });
});
