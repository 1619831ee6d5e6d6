// The IPC contract's run-time lists: the events main may send and the bridge's methods are exactly those the
// contract's types name (the preload exposes and forwards only these), and no name is an invoke channel too.
import { describe, expect, it } from 'vitest';
import { BRIDGE_KEYS, EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type NianbaoBridge } from '../../../shared/ipc/contract';

// Written out so that the compiler fails here when EventMap or NianbaoBridge gains or loses a name.
const EVERY_EVENT: Record<EventChannel, true> = { 'menu:command': true, 'doc:opened': true, 'app:saveBeforeClose': true, 'app:error': true, 'merge:progress': true };
const EVERY_BRIDGE_KEY: Record<keyof NianbaoBridge, true> = { invoke: true, on: true };

describe('EVENT_CHANNELS', () => {
  it('lists every event of the contract once', () => {
    expect(new Set(EVENT_CHANNELS).size).toBe(EVENT_CHANNELS.length);
    expect([...EVENT_CHANNELS].sort()).toEqual(Object.keys(EVERY_EVENT).sort());
  });

  it('shares no name with an invoke channel', () => {
    const invoke = new Set<string>(INVOKE_CHANNELS);
    expect(EVENT_CHANNELS.filter((e) => invoke.has(e))).toEqual([]);
  });
});

describe('BRIDGE_KEYS', () => {
  it('lists every method of window.nianbao once', () => {
    expect(new Set(BRIDGE_KEYS).size).toBe(BRIDGE_KEYS.length);
    expect([...BRIDGE_KEYS].sort()).toEqual(Object.keys(EVERY_BRIDGE_KEY).sort());
  });
});
