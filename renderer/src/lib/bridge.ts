// The renderer's only way to the main process: `window.nianbao` (shared/ipc/contract.ts). A call that
// throws (the bridge missing, a crashed main process) becomes an ordinary error result, so callers
// handle one shape.
import type {
  EventChannel,
  EventMap,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
  NianbaoBridge,
  Result,
} from '../../../shared/ipc/contract';

declare global {
  interface Window {
    nianbao?: NianbaoBridge;
  }
}

export async function invoke<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>> {
  const bridge = window.nianbao;
  if (!bridge) {
    return { ok: false, error: { code: 'internal', message: '无法连接主程序（通信接口缺失），请重新启动年报助手。' } };
  }
  try {
    return await bridge.invoke(channel, payload);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `与主程序通信失败：${detail}` } };
  }
}

export function onEvent<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  const bridge = window.nianbao;
  if (!bridge) return () => {};
  return bridge.on(event, listener);
}
