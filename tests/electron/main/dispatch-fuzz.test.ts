// Fuzzing core.dispatch with malformed requests for every channel: random JSON values, wrong types, huge
// strings, prototype-pollution keys, cycles, values IPC could carry but JSON cannot, unknown channels.
// dispatch must never throw and always answer {ok:false} with invalid-payload or unknown-channel. (validatePayload
// itself: tests/shared/ipc/validate-payload.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel, type Result } from '../../../shared/ipc/contract';
import { PAYLOAD_LIMITS, validatePayload } from '../../../shared/ipc/validate-payload';
import { expectRejected, ID, VALID } from '../../shared/ipc/valid-requests';
import { CHINESE, makeCore, removeDir, tempDir, type TestCore } from '../node/storage/helpers';

/** Deterministic random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(r: () => number): string {
  const pool = ['', 'a', '年报', '__proto__', 'constructor', 'doc:save', '../../etc/passwd', '\u0000', '\ud800', '😀', '<script>', ' '];
  return r() < 0.5 ? pool[Math.floor(r() * pool.length)]! : Math.random().toString(36).slice(2, 2 + Math.floor(r() * 12));
}

function randomValue(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return [0, -1, 1.5, 2025, 1e308, -0, Number.MAX_SAFE_INTEGER + 2][Math.floor(r() * 7)];
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return undefined;
    case 6: {
      const arr: unknown[] = [];
      for (let i = Math.floor(r() * 4); i > 0; i--) arr.push(randomValue(r, depth + 1));
      return arr;
    }
    default: {
      const obj: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) obj[randomString(r)] = randomValue(r, depth + 1);
      return obj;
    }
  }
}

/** Payloads no channel may accept (checked against each channel's valid example below). */
function nastyPayloads(): { name: string; value: unknown }[] {
  const cyclic: Record<string, unknown> = { docId: ID };
  cyclic.self = cyclic;
  let deep: unknown = ID;
  for (let i = 0; i < 200; i++) deep = { docId: deep };
  const wide = Object.fromEntries(Array.from({ length: PAYLOAD_LIMITS.nodes + 10 }, (_, i) => [`k${i}`, i]));
  const throwing = new Proxy({}, {
    ownKeys() {
      throw new Error('boom');
    },
    getPrototypeOf() {
      throw new Error('boom');
    },
  });
  const getter = Object.defineProperty({}, 'docId', { enumerable: true, get: () => ID });
  return [
    { name: 'undefined', value: undefined },
    { name: 'null', value: null },
    { name: 'a number', value: 42 },
    { name: 'a string', value: 'doc' },
    { name: 'an array', value: [ID] },
    { name: 'a function', value: () => ID },
    { name: 'a symbol', value: Symbol('x') },
    { name: 'a bigint', value: 10n },
    { name: 'a Date', value: new Date() },
    { name: 'a Map', value: new Map([['docId', ID]]) },
    { name: 'a Uint8Array', value: new Uint8Array(4) },
    { name: 'a class instance', value: new (class Payload { docId = ID })() },
    { name: 'a cycle', value: cyclic },
    { name: 'deep nesting', value: deep },
    { name: 'too many keys', value: wide },
    { name: 'a throwing proxy', value: throwing },
    { name: 'a getter', value: getter },
    { name: '__proto__ key', value: JSON.parse(`{"__proto__": {"polluted": true}, "docId": "${ID}"}`) },
    { name: 'constructor key', value: { constructor: { prototype: { polluted: true } } } },
    { name: 'huge string', value: { text: 'x'.repeat(PAYLOAD_LIMITS.stringLength + 1), docId: 'x'.repeat(5_000_000) } },
    { name: 'NaN', value: { year: NaN, dirty: NaN } },
    { name: 'Infinity', value: { year: Infinity } },
    { name: 'symbol key', value: { [Symbol('k')]: 1 } },
  ];
}

let root: string;
let t: TestCore;
beforeAll(() => {
  root = tempDir();
  t = makeCore(root, { pdf: null });
});
afterAll(() => removeDir(root));

describe('core.dispatch under fuzzing', () => {
  it('unknown channels, including prototype names and near-misses: unknown-channel', async () => {
    const channels: unknown[] = ['', 'doc:delete', 'DOC:SAVE', 'doc:save ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'fs:readFile', 'x'.repeat(100_000), 42, null, undefined, {}, Symbol('c')];
    for (const channel of channels) {
      const result = await t.core.dispatch(channel as string, {});
      expectRejected(result, String(channel).slice(0, 30), ['unknown-channel']);
    }
  });

  it('nasty payloads on every channel: invalid-payload, never a throw', async () => {
    const nasty = nastyPayloads();
    for (const channel of INVOKE_CHANNELS) {
      for (const { name, value } of nasty) {
        // `{}` is valid for channels without parameters; a nasty value never is.
        const result = await t.core.dispatch(channel, value);
        expectRejected(result, `${channel} ← ${name}`);
      }
    }
  });

  it('2000 random payloads spread over all channels: never a throw; rejected unless valid', async () => {
    const r = rng(20261129);
    let rejected = 0;
    for (let i = 0; i < 2000; i++) {
      const known = r() < 0.9;
      const channel = known ? INVOKE_CHANNELS[Math.floor(r() * INVOKE_CHANNELS.length)]! : randomString(r);
      let payload = randomValue(r);
      // Random objects sometimes get the channel's real keys with random values.
      if (known && typeof payload === 'object' && payload !== null && !Array.isArray(payload) && r() < 0.5) {
        for (const key of Object.keys(VALID[channel as InvokeChannel])) (payload as Record<string, unknown>)[key] = randomValue(r);
      }
      if (known && JSON.stringify(payload) === '{}' && Object.keys(VALID[channel as InvokeChannel]).length === 0) payload = { x: 1 };
      let result: Result<unknown>;
      try {
        result = await t.core.dispatch(channel, payload);
      } catch (e) {
        throw new Error(`dispatch threw for ${channel} ${JSON.stringify(payload)}: ${String(e)}`);
      }
      const label = `${channel} ${JSON.stringify(payload)?.slice(0, 80)}`;
      if (validatePayload(channel, payload).ok) {
        // By chance a valid request (e.g. an unknown recoveryId): handled, and still a proper Result.
        expect(typeof result.ok, label).toBe('boolean');
        if (!result.ok) expect(result.error.message, label).toMatch(CHINESE);
      } else {
        expectRejected(result, label, ['invalid-payload', 'unknown-channel']);
        rejected++;
      }
    }
    console.log(`dispatch fuzz: ${rejected} of 2000 random requests rejected by validation`);
    expect(rejected).toBeGreaterThan(1900);
  });

  it('leaves Object.prototype alone', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
