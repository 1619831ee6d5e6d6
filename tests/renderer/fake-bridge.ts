// A fake `window.nianbao` for renderer unit tests (jsdom): each channel answers from a handler the test
// gives, every call is recorded, and events can be emitted as main would. Channels without a handler
// answer with an error result, so a test sees an unexpected call instead of hanging.
// (End-to-end tests use tests/e2e/harness.ts instead, which runs the real main-process handlers.)
import type { EventChannel, EventMap, InvokeChannel, InvokeRequest, InvokeResponse, NianbaoBridge, Result } from '../../shared/ipc/contract';

type Handler<C extends InvokeChannel> = (payload: InvokeRequest<C>) => InvokeResponse<C> | Result<InvokeResponse<C>> | Promise<InvokeResponse<C> | Result<InvokeResponse<C>>>;
export type FakeHandlers = { [C in InvokeChannel]?: Handler<C> };

export interface FakeBridge {
  /** Every invoke in order. */
  calls: { channel: InvokeChannel; payload: unknown }[];
  /** Calls on one channel, their payloads in order. */
  callsTo<C extends InvokeChannel>(channel: C): InvokeRequest<C>[];
  /** Sends an event to the renderer's listeners, as main's `webContents.send` does. */
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void;
  /** Replaces or adds handlers. */
  handle(handlers: FakeHandlers): void;
  /** How many listeners are subscribed to an event now (0 once every subscriber has unsubscribed). */
  listening(event: EventChannel): number;
  /** Removes window.nianbao. */
  uninstall(): void;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean' && ('value' in value || 'error' in value);
}

/** Installs the fake on `window.nianbao`. A handler may return the plain value (wrapped as `{ ok: true }`)
 *  or a whole Result (to answer with an error). */
export function installFakeBridge(initial: FakeHandlers = {}): FakeBridge {
  const handlers: FakeHandlers = { ...initial };
  const calls: FakeBridge['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: NianbaoBridge = {
    async invoke(channel, payload) {
      calls.push({ channel, payload });
      const handler = handlers[channel] as ((p: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'internal', message: `测试未提供通道 ${channel} 的应答` } };
      const answer = await handler(payload);
      return (isResult(answer) ? answer : { ok: true, value: answer }) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  window.nianbao = bridge;
  return {
    calls,
    callsTo: <C extends InvokeChannel>(channel: C) => calls.filter((c) => c.channel === channel).map((c) => c.payload as InvokeRequest<C>),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    handle: (more) => Object.assign(handlers, more),
    listening: (event) => listeners.get(event)?.size ?? 0,
    uninstall: () => {
      delete window.nianbao;
    },
  };
}
