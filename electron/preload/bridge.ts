// The bridge the preload exposes as `window.nianbao`: exactly the contract's invoke and on, limited to the
// contract's channels. Listeners get the payload only, never Electron's event object (it would give the page
// a handle on ipcRenderer).
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type EventMap,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type NianbaoBridge,
  type Result,
} from '../../shared/ipc/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const eventChannels: ReadonlySet<string> = new Set(EVENT_CHANNELS);

const shown = (name: unknown) => String(name).slice(0, 60);

export function createBridge(ipc: IpcRendererLike): NianbaoBridge {
  const bridge: NianbaoBridge = {
    invoke<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>> {
      if (typeof channel !== 'string' || !invokeChannels.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `未知的请求“${shown(channel)}”。` } });
      }
      return ipc.invoke(channel, payload).then(
        (result) => result as Result<InvokeResponse<C>>,
        (e: unknown) => ({
          ok: false,
          error: { code: 'internal', message: `与主进程通信失败：${e instanceof Error ? e.message : shown(e)}。编辑中的内容没有丢失。` },
        }),
      );
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (typeof event !== 'string' || !eventChannels.has(event)) throw new Error(`未知的事件“${shown(event)}”。`);
      if (typeof listener !== 'function') throw new TypeError('监听函数无效。');
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as EventMap[E]);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
  return Object.freeze(bridge);
}
