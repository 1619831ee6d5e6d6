// validateSchemaBounded, the hand-written JSON Schema validator (the renderer's CSP rules out ajv): each
// keyword the report schema uses, in Chinese, lengths in characters, bounded work and issue lists; and it
// agrees with ajv on the report schema.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { createReport } from '../../../shared/model/document';
import { codePointCount, MAX_ENTRIES_CHECKED, validateSchemaBounded, type JsonSchema } from '../../../shared/model/json-schema';
import type { ReportDocument } from '../../../shared/model/report';
import { REPORT_SCHEMA } from '../../../shared/model/schema';

const NOW = '2026-01-05T09:30:00.000Z';
const fresh = (year = 2025) => createReport({ year, agencyName: '黄金镇人民政府', level: '乡镇', now: NOW });
const issues = (schema: JsonSchema, value: unknown) => validateSchemaBounded(schema, value, Infinity).issues;
const messages = (schema: JsonSchema, value: unknown) => issues(schema, value).map((i) => `${i.path} ${i.message}`);

describe('validateSchemaBounded', () => {
  it('agrees with ajv on valid and invalid documents', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(REPORT_SCHEMA as object);
    const good = fresh();
    const bad: unknown[] = [
      { ...good, format: '2022' },
      { ...good, agency: { name: 'x' } },
      { ...good, cells: { ...good.cells, 'x.y': 1 } },
      { ...good, cells: { ...good.cells, 't3.received.natural': 'a' } },
      { ...good, explanations: [{ rule: 'x' }] },
      { ...good, meta: { ...good.meta, created: 'yesterday' } },
      { ...good, extra: true },
      { ...good, settings: { typedTotals: ['t5'] } },
      { ...good, year: '2021' },
    ];
    expect(validate(good)).toBe(true);
    expect(validateSchemaBounded(REPORT_SCHEMA, good, Infinity).issues).toEqual([]);
    const withSettings: ReportDocument = { ...good, settings: { typedTotals: ['t3'], procurementUnit: '万元' } };
    expect(validate(withSettings)).toBe(true);
    expect(validateSchemaBounded(REPORT_SCHEMA, withSettings, Infinity).issues).toEqual([]);
    for (const doc of bad) {
      expect(validate(doc), JSON.stringify(doc).slice(0, 80)).toBe(false);
      expect(validateSchemaBounded(REPORT_SCHEMA, doc, Infinity).issues.length, JSON.stringify(doc).slice(0, 80)).toBeGreaterThan(0);
    }
  });

  it('types: an integer is a number, not the reverse; a type list takes any of them', () => {
    expect(messages({ type: 'number' }, 3)).toEqual([]);
    expect(messages({ type: 'integer' }, 3.5)).toEqual(['/ 应为整数，实际是数字']);
    expect(messages({ type: ['number', 'null'] }, null)).toEqual([]);
    expect(messages({ type: ['number', 'null'] }, '1')).toEqual(['/ 应为数字或空值，实际是文本']);
    expect(messages({ type: 'object' }, [])).toEqual(['/ 应为对象，实际是数组']);
  });

  it('const, enum, minimum and maximum', () => {
    expect(messages({ const: '2021' }, '2019')).toEqual(['/ 应为 “2021”，实际是 “2019”']);
    expect(messages({ enum: ['元', '万元'] }, '千元')).toEqual(['/ 应为 “元”、“万元” 之一，实际是 “千元”']);
    expect(messages({ minimum: 1, maximum: 6 }, 0)).toEqual(['/ 不能小于 1，实际是 0']);
    expect(messages({ minimum: 1, maximum: 6 }, 7)).toEqual(['/ 不能大于 6，实际是 7']);
    expect(messages({ minimum: 1, maximum: 6 }, 6)).toEqual([]);
  });

  it('string lengths count characters, not UTF-16 units; patterns are Unicode', () => {
    const astral = '𠀀'.repeat(3); // 3 characters, 6 UTF-16 units
    expect(messages({ maxLength: 3 }, astral)).toEqual([]);
    expect(messages({ maxLength: 3 }, `${astral.slice(2)}xx`)).toEqual(['/ 最多 3 个字符，实际 4 个']); // 4 characters, 6 units
    expect(messages({ minLength: 4 }, astral)).toEqual(['/ 至少 4 个字符']);
    expect(messages({ minLength: 1 }, '')).toEqual(['/ 不能为空']);
    expect(messages({ maxLength: 2 }, 'x'.repeat(10))).toEqual(['/ 最多 2 个字符，实际至少 5 个']);
    expect(messages({ pattern: '^.$' }, '𠀀')).toEqual([]);
    expect(messages({ pattern: '^[0-9a-f]{4}$' }, 'xyz1')).toEqual(['/ 格式不对：“xyz1”']);
  });

  it('objects: required, unknown keys, property names and additional properties, with their paths', () => {
    const schema: JsonSchema = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, cells: { type: 'object', propertyNames: { enum: ['a', 'b'] }, additionalProperties: { type: 'number' } } } };
    expect(messages(schema, { name: 'x', cells: { a: 1, b: 2 } })).toEqual([]);
    expect(messages(schema, { extra: 1, cells: { a: 'x', c: 1 } })).toEqual(['/name 缺少此项', '/extra 不是本格式中的项目', '/cells/a 应为数字，实际是文本', '/cells/c 不是本格式中的项目']);
  });

  it('arrays: items with their index, minItems and maxItems', () => {
    const schema: JsonSchema = { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } };
    expect(messages(schema, ['a', 1])).toEqual(['/1 应为文本，实际是整数']);
    expect(messages(schema, [])).toEqual(['/ 至少 1 项']);
    expect(messages(schema, ['a', 'b', 'c'])).toEqual(['/ 最多 2 项，实际 3 项']);
  });

  it('if/then applies only when the condition holds; allOf applies each; anyOf reports the closest alternative', () => {
    const byFormat: JsonSchema = { allOf: [{ if: { properties: { format: { const: '2019' } } }, then: { properties: { n: { type: 'integer' } } } }] };
    expect(messages(byFormat, { format: '2019', n: 1.5 })).toEqual(['/n 应为整数，实际是数字']);
    expect(messages(byFormat, { format: '2021', n: 1.5 })).toEqual([]);
    const either: JsonSchema = { anyOf: [{ type: 'object', required: ['x', 'y'] }, { type: 'object', required: ['a', 'b'] }] };
    expect(messages(either, { x: 1, y: 2 })).toEqual([]);
    expect(messages(either, { a: 1 })).toEqual(['/b 缺少此项']);
  });

  it('keeps the first `max` issues and counts them all', () => {
    const schema: JsonSchema = { type: 'object', additionalProperties: { type: 'number' } };
    const value = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'x']));
    const result = validateSchemaBounded(schema, value, 3);
    expect(result.total).toBe(50);
    expect(result.issues.map((i) => i.path)).toEqual(['/k0', '/k1', '/k2']);
  });

  it(`refuses an object or array of more than ${MAX_ENTRIES_CHECKED} entries as a whole, with one issue`, () => {
    const schema: JsonSchema = { type: 'object', additionalProperties: { type: 'number' } };
    const huge = Object.fromEntries(Array.from({ length: MAX_ENTRIES_CHECKED + 1 }, (_, i) => [`k${i}`, 'x']));
    expect(validateSchemaBounded(schema, huge)).toEqual({ issues: [{ path: '/', message: `有 ${MAX_ENTRIES_CHECKED + 1} 项，远超报告文件的合理范围，文件已损坏` }], total: 1 });
    const long = new Array<string>(MAX_ENTRIES_CHECKED + 1).fill('x');
    expect(validateSchemaBounded({ type: 'array', items: { type: 'number' } }, long).total).toBe(1);
    const atLimit = Object.fromEntries(Array.from({ length: MAX_ENTRIES_CHECKED }, (_, i) => [`k${i}`, 'x']));
    expect(validateSchemaBounded(schema, atLimit).total).toBe(MAX_ENTRIES_CHECKED);
  });
});

describe('codePointCount', () => {
  it('counts a surrogate pair once and a lone surrogate as one', () => {
    expect(codePointCount('')).toBe(0);
    expect(codePointCount('年报')).toBe(2);
    expect(codePointCount('𠀀a😀')).toBe(3);
    expect(codePointCount('\ud800a\udc00')).toBe(3);
    expect(codePointCount('a\ud800')).toBe(2);
  });
});
