// Checks every request the renderer sends before main acts on it: the channel must be in the contract, the
// payload plain JSON-like data within size limits, matching the channel's schema, and any report inside
// it a valid report (parseReportData). Never throws; a bad request gets a Chinese message.
import { parseReportData } from '../model/document';
import { validateSchema, type JsonSchema } from '../model/json-schema';
import { AGENCY_LEVELS } from '../model/report';
import { INVOKE_CHANNELS, type BridgeError, type InvokeChannel, type InvokeRequest } from './contract';

export const PAYLOAD_LIMITS = {
  depth: 16,
  nodes: 10_000,
  /** UTF-16 units of any one string (the schemas then count characters). */
  stringLength: 1_000_000,
  /** Characters of pasted report text (import:text). */
  importText: 500_000,
} as const;

/** Keys that could reach an object's prototype if some code copied them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const CHANNELS: ReadonlySet<string> = new Set(INVOKE_CHANNELS);

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && CHANNELS.has(value);
}

const EMPTY: JsonSchema = { type: 'object', additionalProperties: false };
const ID: JsonSchema = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' };
const DOC: JsonSchema = { type: 'object' };
const MODE: JsonSchema = { enum: ['final', 'draft'] };
const TEXT = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

/** Per channel: the payload schema and which properties hold report documents. */
const RULES: Record<InvokeChannel, { schema: JsonSchema; docs?: readonly ('doc' | 'previous')[] }> = {
  'app:info': { schema: EMPTY },
  'app:ready': { schema: EMPTY },
  'prefs:get': { schema: EMPTY },
  'prefs:setAgency': {
    schema: object({
      agency: object({ name: TEXT(100), level: { enum: [...AGENCY_LEVELS] }, region: TEXT(100), contact: TEXT(200) }),
    }),
  },
  'doc:new': {
    schema: object(
      {
        year: { type: 'integer', minimum: 2008, maximum: 2100 },
        agencyName: TEXT(100),
        level: { enum: [...AGENCY_LEVELS] },
        region: TEXT(100),
        format: { enum: ['2019', '2021'] },
      },
      ['year', 'agencyName', 'level'],
    ),
  },
  'doc:open': { schema: EMPTY },
  'doc:openRecent': { schema: object({ recentId: ID }) },
  'doc:save': {
    schema: object({ docId: ID, doc: DOC, overwriteChanged: { type: 'boolean' } }, ['docId', 'doc']),
    docs: ['doc'],
  },
  'doc:saveAs': { schema: object({ docId: ID, doc: DOC }), docs: ['doc'] },
  'doc:autosave': { schema: object({ docId: ID, doc: DOC }), docs: ['doc'] },
  'doc:setDirty': { schema: object({ docId: ID, dirty: { type: 'boolean' } }) },
  'doc:close': { schema: object({ docId: ID }) },
  'doc:openPrevious': { schema: EMPTY },
  'recovery:list': { schema: EMPTY },
  'recovery:restore': { schema: object({ recoveryId: ID }) },
  'recovery:discard': { schema: object({ recoveryId: ID }) },
  'backups:list': { schema: object({ docId: ID }) },
  'backups:restore': { schema: object({ docId: ID, backupId: ID }) },
  'import:text': { schema: object({ text: { type: 'string', minLength: 1, maxLength: PAYLOAD_LIMITS.importText } }) },
  'import:textFile': { schema: EMPTY },
  'import:pdf': { schema: EMPTY },
  'export:pdf': {
    schema: object({ docId: ID, doc: DOC, mode: MODE, previous: DOC }, ['docId', 'doc', 'mode']),
    docs: ['doc', 'previous'],
  },
  'export:preview': { schema: object({ doc: DOC, mode: MODE, previous: DOC }, ['doc', 'mode']), docs: ['doc', 'previous'] },
  'shell:showExport': { schema: object({ exportId: ID }) },
};

export type PayloadCheck<C extends InvokeChannel> = { ok: true; value: InvokeRequest<C> } | { ok: false; error: BridgeError };

function invalid(channel: string, detail: string, problems?: string[]): { ok: false; error: BridgeError } {
  const error: BridgeError = { code: 'invalid-payload', message: `请求“${channel}”的内容不符合约定：${detail}` };
  if (problems && problems.length > 0) error.problems = problems.slice(0, 50);
  return { ok: false, error };
}

/** Copies a payload made only of plain JSON values (finite numbers), within the limits; or says why not. */
function plainCopy(value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  let nodes = 0;
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
      return v;
    }
    if (Array.isArray(v)) {
      if (v.length > PAYLOAD_LIMITS.nodes) throw new PayloadShapeError('内容过多');
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) out.push(copy(v[i], depth + 1));
      return out;
    }
    if (typeof v === 'object') {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new PayloadShapeError('含有不是普通数据的对象');
      const out: Record<string, unknown> = {};
      for (const key of Reflect.ownKeys(v)) {
        if (typeof key !== 'string') throw new PayloadShapeError('含有不是文本的键');
        if (FORBIDDEN_KEYS.has(key)) throw new PayloadShapeError(`含有不允许的键“${key}”`);
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

class PayloadShapeError extends Error {}

/** Validates `payload` for `channel`. The value returned is a fresh copy, with documents as parsed. */
export function validatePayload<C extends InvokeChannel>(channel: C, payload: unknown): PayloadCheck<C>;
export function validatePayload(channel: string, payload: unknown): PayloadCheck<InvokeChannel>;
export function validatePayload(channel: string, payload: unknown): PayloadCheck<InvokeChannel> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `未知的请求“${String(channel).slice(0, 60)}”。` } };
  }
  const rule = RULES[channel];
  const plain = plainCopy(payload);
  if (!plain.ok) return invalid(channel, `${plain.reason}。`);
  const issues = validateSchema(rule.schema, plain.value);
  if (issues.length > 0) {
    const shown = issues.slice(0, 3).map((i) => `${i.path === '/' ? '请求' : i.path.replace(/^\//, '')}${i.message}`);
    return invalid(channel, `${shown.join('；')}${issues.length > 3 ? `；另有 ${issues.length - 3} 处` : ''}。`);
  }
  const value = plain.value as Record<string, unknown>;
  for (const key of rule.docs ?? []) {
    if (!(key in value)) continue;
    const parsed = parseReportData(value[key]);
    if (!parsed.ok) {
      const which = key === 'previous' ? '上一年度报告' : '报告';
      return invalid(channel, `${which}内容有误。${parsed.message}`, parsed.problems.map((p) => p.message));
    }
    value[key] = parsed.doc;
  }
  return { ok: true, value: value as InvokeRequest<InvokeChannel> };
}
