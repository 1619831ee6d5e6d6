// A small JSON Schema (draft 2020-12 subset) validator with Chinese messages. Hand-written because the
// renderer runs under a CSP without 'unsafe-eval', which rules out code-generating validators such as ajv.
// Supported keywords: type, const, enum, required, properties, additionalProperties, propertyNames,
// items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, if/then, allOf, anyOf.
// tests/json-schema.test.ts checks it agrees with ajv on the report schema.

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

export function validateSchema(schema: JsonSchema, value: unknown, path = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const at = path || '/';
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      issues.push({ path: at, message: `应为${types.map((t) => TYPE_NAMES[t]).join('或')}，实际是${TYPE_NAMES[typeOf(value)] ?? typeof value}` });
      return issues;
    }
  }
  if (schema.const !== undefined && value !== schema.const) {
    issues.push({ path: at, message: `应为 ${show(schema.const)}，实际是 ${show(value)}` });
  }
  if (schema.enum && !schema.enum.includes(value)) {
    issues.push({ path: at, message: `应为 ${schema.enum.map(show).join('、')} 之一，实际是 ${show(value)}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) issues.push({ path: at, message: `不能小于 ${schema.minimum}，实际是 ${value}` });
    if (schema.maximum !== undefined && value > schema.maximum) issues.push({ path: at, message: `不能大于 ${schema.maximum}，实际是 ${value}` });
  }
  if (typeof value === 'string') {
    // Characters ≤ UTF-16 units ≤ 2 × characters: count (without building an array) only when in doubt.
    const units = value.length;
    if (schema.minLength !== undefined && units < schema.minLength) issues.push({ path: at, message: schema.minLength === 1 ? '不能为空' : `至少 ${schema.minLength} 个字符` });
    else if (schema.minLength !== undefined && units < 2 * schema.minLength && codePointCount(value) < schema.minLength) issues.push({ path: at, message: `至少 ${schema.minLength} 个字符` });
    if (schema.maxLength !== undefined && units > 2 * schema.maxLength) issues.push({ path: at, message: `最多 ${schema.maxLength} 个字符，实际超过 ${2 * schema.maxLength} 个` });
    else if (schema.maxLength !== undefined && units > schema.maxLength) {
      const len = codePointCount(value);
      if (len > schema.maxLength) issues.push({ path: at, message: `最多 ${schema.maxLength} 个字符，实际 ${len} 个` });
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) issues.push({ path: at, message: `格式不对：${show(value)}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) issues.push({ path: at, message: `至少 ${schema.minItems} 项` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) issues.push({ path: at, message: `最多 ${schema.maxItems} 项，实际 ${value.length} 项` });
    if (schema.items) value.forEach((item, i) => issues.push(...validateSchema(schema.items!, item, `${path}/${i}`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) issues.push({ path: `${path}/${key}`, message: '缺少此项' });
    }
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (schema.propertyNames) {
        const nameIssues = validateSchema(schema.propertyNames, key, `${path}/${key}`);
        if (nameIssues.length > 0) {
          issues.push({ path: `${path}/${key}`, message: '不是本格式中的项目' });
          continue;
        }
      }
      if (sub) issues.push(...validateSchema(sub, v, `${path}/${key}`));
      else if (schema.additionalProperties === false) issues.push({ path: `${path}/${key}`, message: '不是本格式中的项目' });
      else if (typeof schema.additionalProperties === 'object') issues.push(...validateSchema(schema.additionalProperties, v, `${path}/${key}`));
    }
  }
  if (schema.if && schema.then && validateSchema(schema.if, value, path).length === 0) {
    issues.push(...validateSchema(schema.then, value, path));
  }
  for (const sub of schema.allOf ?? []) issues.push(...validateSchema(sub, value, path));
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => validateSchema(s, value, path));
    if (!results.some((r) => r.length === 0)) issues.push(...(results.sort((a, b) => a.length - b.length)[0] ?? []));
  }
  return issues;
}
