// A small JSON Schema (draft 2020-12 subset) validator with Chinese messages. Hand-written because the
// renderer runs under a CSP without 'unsafe-eval', which rules out code-generating validators such as ajv.
// Supported keywords: type, const, enum, required, properties, additionalProperties, propertyNames,
// items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, if/then, allOf, anyOf.
// tests/shared/model/json-schema.test.ts checks it agrees with ajv on the report schema.

export type JsonSchema = {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: readonly unknown[];
  required?: readonly string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  if?: JsonSchema;
  then?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface SchemaIssue {
  /** JSON pointer-like path, e.g. `/agency/level` or `/cells/t3.received.natural`. */
  path: string;
  message: string;
}

const TYPE_NAMES: Record<JsonType, string> = {
  object: '对象',
  array: '数组',
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  null: '空值',
};

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function matchesType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

const show = (v: unknown) => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v));

/** Characters (code points) of `s`, without building an array. */
export function codePointCount(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** An object or array with more entries than this is refused as a whole, not entry by entry: a report
 *  has a few hundred cells, and a damaged or hostile file with a million keys must cost milliseconds. */
export const MAX_ENTRIES_CHECKED = 10_000;

/** Issues kept (the first `max`) and counted (all), without ever building a list longer than `max`. */
interface IssueSink {
  list: SchemaIssue[];
  total: number;
  max: number;
}

function sinkOf(max: number): IssueSink {
  return { list: [], total: 0, max };
}

function add(sink: IssueSink, issue: SchemaIssue): void {
  sink.total++;
  if (sink.list.length < sink.max) sink.list.push(issue);
}

function addAll(sink: IssueSink, from: IssueSink): void {
  for (const issue of from.list) if (sink.list.length < sink.max) sink.list.push(issue);
  sink.total += from.total;
}

/** The first `max` issues and how many there are in all. */
export function validateSchemaBounded(schema: JsonSchema, value: unknown, max = 20): { issues: SchemaIssue[]; total: number } {
  const sink = sinkOf(max);
  check(schema, value, '', sink);
  return { issues: sink.list, total: sink.total };
}

function check(schema: JsonSchema, value: unknown, path: string, sink: IssueSink): void {
  const at = path || '/';
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      add(sink, { path: at, message: `应为${types.map((t) => TYPE_NAMES[t]).join('或')}，实际是${TYPE_NAMES[typeOf(value)] ?? typeof value}` });
      return;
    }
  }
  if (schema.const !== undefined && value !== schema.const) {
    add(sink, { path: at, message: `应为 ${show(schema.const)}，实际是 ${show(value)}` });
  }
  if (schema.enum && !schema.enum.includes(value)) {
    add(sink, { path: at, message: `应为 ${schema.enum.map(show).join('、')} 之一，实际是 ${show(value)}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add(sink, { path: at, message: `不能小于 ${schema.minimum}，实际是 ${value}` });
    if (schema.maximum !== undefined && value > schema.maximum) add(sink, { path: at, message: `不能大于 ${schema.maximum}，实际是 ${value}` });
  }
  if (typeof value === 'string') {
    // Characters ≤ UTF-16 units ≤ 2 × characters: count (without building an array) only when in doubt.
    const units = value.length;
    if (schema.minLength !== undefined && units < schema.minLength) add(sink, { path: at, message: schema.minLength === 1 ? '不能为空' : `至少 ${schema.minLength} 个字符` });
    else if (schema.minLength !== undefined && units < 2 * schema.minLength && codePointCount(value) < schema.minLength) add(sink, { path: at, message: `至少 ${schema.minLength} 个字符` });
    // Past 2 × max units: at least half as many characters as units (exact when every one is a surrogate pair).
    if (schema.maxLength !== undefined && units > 2 * schema.maxLength) add(sink, { path: at, message: `最多 ${schema.maxLength} 个字符，实际至少 ${Math.ceil(units / 2)} 个` });
    else if (schema.maxLength !== undefined && units > schema.maxLength) {
      const len = codePointCount(value);
      if (len > schema.maxLength) add(sink, { path: at, message: `最多 ${schema.maxLength} 个字符，实际 ${len} 个` });
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) add(sink, { path: at, message: `格式不对：${show(value)}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) add(sink, { path: at, message: `至少 ${schema.minItems} 项` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add(sink, { path: at, message: `最多 ${schema.maxItems} 项，实际 ${value.length} 项` });
    if (value.length > MAX_ENTRIES_CHECKED) {
      add(sink, { path: at, message: `有 ${value.length} 项，远超报告文件的合理范围，文件已损坏` });
      return;
    }
    if (schema.items) value.forEach((item, i) => check(schema.items!, item, `${path}/${i}`, sink));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length > MAX_ENTRIES_CHECKED) {
      add(sink, { path: at, message: `有 ${keys.length} 项，远超报告文件的合理范围，文件已损坏` });
      return;
    }
    for (const key of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) add(sink, { path: `${path}/${key}`, message: '缺少此项' });
    }
    for (const key of keys) {
      const v = obj[key];
      const sub = schema.properties?.[key];
      if (schema.propertyNames) {
        const nameIssues = sinkOf(0);
        check(schema.propertyNames, key, `${path}/${key}`, nameIssues);
        if (nameIssues.total > 0) {
          add(sink, { path: `${path}/${key}`, message: '不是本格式中的项目' });
          continue;
        }
      }
      if (sub) check(sub, v, `${path}/${key}`, sink);
      else if (schema.additionalProperties === false) add(sink, { path: `${path}/${key}`, message: '不是本格式中的项目' });
      else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, v, `${path}/${key}`, sink);
    }
  }
  if (schema.if && schema.then) {
    const condition = sinkOf(0);
    check(schema.if, value, path, condition);
    if (condition.total === 0) check(schema.then, value, path, sink);
  }
  for (const sub of schema.allOf ?? []) check(sub, value, path, sink);
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => {
      const alternative = sinkOf(sink.max);
      check(s, value, path, alternative);
      return alternative;
    });
    if (!results.some((r) => r.total === 0)) addAll(sink, results.sort((a, b) => a.total - b.total)[0]!);
  }
}
