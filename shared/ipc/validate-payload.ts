// Checks every request the renderer sends before main acts on it: the channel must be in the contract, the
// payload plain JSON-like data within size limits, then it must match the channel's schema (requests.ts),
// any report inside it a valid report. Never throws; a bad request gets a Chinese message.
//
// The cost is bounded before any schema runs: nodes, depth, the length of each string and of all strings
// together are counted while copying, so a huge payload is refused after one pass over its structure.
import * as v from 'valibot';
import type { BridgeError, InvokeChannel, InvokeRequest } from './contract';
import { MAX_DROPPED_BYTES, MAX_IMPORT_TEXT, MAX_PROBLEMS, REPORT_ISSUE, REPORT_PROBLEM, REQUEST_SCHEMAS } from './requests';

export const PAYLOAD_LIMITS = {
  depth: 16,
  nodes: 10_000,
  /** UTF-16 units of any one string (the schemas then count characters). */
  stringLength: 1_000_000,
  /** UTF-16 units of all strings together: two full reports (export with last year's) fit several times. */
  totalStringLength: 8_000_000,
  /** Characters of pasted report text (import:text). */
  importText: MAX_IMPORT_TEXT,
  /** Bytes of all Uint8Arrays together (a file dropped onto the window, import:dropped). */
  bytes: MAX_DROPPED_BYTES,
} as const;

/** Keys that could reach an object's prototype if some code copied them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, value);
}

export type PayloadCheck<C extends InvokeChannel> = { ok: true; value: InvokeRequest<C> } | { ok: false; error: BridgeError };

function invalid(channel: string, detail: string, problems?: string[]): { ok: false; error: BridgeError } {
  const error: BridgeError = { code: 'invalid-payload', message: `请求“${channel}”的内容不符合约定：${detail}` };
  if (problems && problems.length > 0) error.problems = problems.slice(0, MAX_PROBLEMS);
  return { ok: false, error };
}

class PayloadShapeError extends Error {}

/** Copies a payload made only of plain JSON values (finite numbers), within the limits; or says why not. */
function plainCopy(value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  let nodes = 0;
  let characters = 0;
  let bytes = 0;
  const copy = (v: unknown, depth: number): unknown => {
    if (++nodes > PAYLOAD_LIMITS.nodes) throw new PayloadShapeError('内容过多');
    if (depth > PAYLOAD_LIMITS.depth) throw new PayloadShapeError('嵌套层次过深');
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new PayloadShapeError('含有无效数字（NaN 或无穷大）');
      return v;
    }
    if (typeof v === 'string') {
      if (v.length > PAYLOAD_LIMITS.stringLength) throw new PayloadShapeError('文本过长');
      characters += v.length;
      if (characters > PAYLOAD_LIMITS.totalStringLength) throw new PayloadShapeError('文本总量过大');
      return v;
    }
    if (Array.isArray(v)) {
      if (v.length > PAYLOAD_LIMITS.nodes) throw new PayloadShapeError('内容过多');
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) out.push(copy(v[i], depth + 1));
      return out;
    }
    // A file's bytes (import:dropped): exactly a Uint8Array, copied, within the byte budget.
    if (v instanceof Uint8Array && Object.getPrototypeOf(v) === Uint8Array.prototype) {
      bytes += v.byteLength;
      if (bytes > PAYLOAD_LIMITS.bytes) throw new PayloadShapeError('文件内容过大');
      return new Uint8Array(v);
    }
    if (typeof v === 'object') {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new PayloadShapeError('含有不是普通数据的对象');
      const out: Record<string, unknown> = {};
      const keys = Reflect.ownKeys(v);
      if (keys.length > PAYLOAD_LIMITS.nodes) throw new PayloadShapeError('内容过多');
      for (const key of keys) {
        if (typeof key !== 'string') throw new PayloadShapeError('含有不是文本的键');
        if (FORBIDDEN_KEYS.has(key)) throw new PayloadShapeError(`含有不允许的键“${key}”`);
        characters += key.length;
        if (key.length > PAYLOAD_LIMITS.stringLength || characters > PAYLOAD_LIMITS.totalStringLength) throw new PayloadShapeError('文本总量过大');
        const desc = Object.getOwnPropertyDescriptor(v, key);
        if (!desc || !('value' in desc)) throw new PayloadShapeError('含有访问器属性');
        out[key] = copy(desc.value, depth + 1);
      }
      return out;
    }
    throw new PayloadShapeError(`含有不能传递的值（${typeof v}）`);
  };
  try {
    return { ok: true, value: copy(value, 0) };
  } catch (e) {
    if (e instanceof PayloadShapeError) return { ok: false, reason: e.message };
    return { ok: false, reason: '内容无法读取' };
  }
}

/** Where an issue is, as the renderer's developer reads it: `agency/name`, or 请求 for the payload itself. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  return keys.length > 0 ? keys.join('/') : '请求';
}

/** Validates `payload` for `channel`. The value returned is a fresh copy, with documents as parsed. */
export function validatePayload<C extends InvokeChannel>(channel: C, payload: unknown): PayloadCheck<C>;
export function validatePayload(channel: string, payload: unknown): PayloadCheck<InvokeChannel>;
export function validatePayload(channel: string, payload: unknown): PayloadCheck<InvokeChannel> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `未知的请求“${String(channel).slice(0, 60)}”。` } };
  }
  const plain = plainCopy(payload);
  if (!plain.ok) return invalid(channel, `${plain.reason}。`);
  if (typeof plain.value !== 'object' || plain.value === null || Array.isArray(plain.value)) return invalid(channel, '请求应为对象。');
  const result = v.safeParse(REQUEST_SCHEMAS[channel], plain.value);
  if (result.success) return { ok: true, value: result.output as InvokeRequest<InvokeChannel> };

  // A report's own problems are listed once the request around it is right.
  const issues = result.issues.filter((i) => i.expected !== REPORT_ISSUE && i.expected !== REPORT_PROBLEM);
  if (issues.length > 0) {
    const shown = issues.slice(0, 3).map((i) => `${issuePath(i)}${i.message}`);
    return invalid(channel, `${shown.join('；')}${issues.length > 3 ? `；另有 ${issues.length - 3} 处` : ''}。`);
  }
  const report = result.issues.find((i) => i.expected === REPORT_ISSUE);
  const problems = result.issues.filter((i) => i.expected === REPORT_PROBLEM).map((i) => i.message);
  return invalid(channel, report?.message ?? '报告内容有误。', problems);
}
