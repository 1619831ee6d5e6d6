import { describe, expect, it } from 'vitest';
import { migrateToCurrent, MIGRATIONS, type Migration } from '../../../shared/model/migrate';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/report';

describe('migrateToCurrent', () => {
  it('has a step from every version before the current one', () => {
    for (let v = 1; v < CURRENT_SCHEMA_VERSION; v++) expect(MIGRATIONS[v], `step ${v}`).toBeTypeOf('function');
  });

  it('brings a version 1 file to the current version, keeping its content', () => {
    const input = { schemaVersion: 1, agency: { name: '某某县人民政府' }, cells: { 't2.regulations.issued': 3 } };
    const result = migrateToCurrent(input);
    expect(result).toEqual({ ok: true, from: 1, doc: { ...input, schemaVersion: CURRENT_SCHEMA_VERSION } });
    expect(input.schemaVersion).toBe(1);
  });

  it('runs the steps in order on copies, never mutating the input', () => {
    const steps: Record<number, Migration> = {
      1: (doc) => ({ ...doc, log: ['1→2'] }),
      2: (doc) => {
        (doc.log as string[]).push('2→3');
        (doc.nested as { n: number }).n = 99;
        return doc;
      },
    };
    const input = { schemaVersion: 1, nested: { n: 1 } };
    const result = migrateToCurrent(input, steps, 3);
    expect(result).toEqual({ ok: true, from: 1, doc: { schemaVersion: 3, nested: { n: 99 }, log: ['1→2', '2→3'] } });
    expect(input).toEqual({ schemaVersion: 1, nested: { n: 1 } });
  });

  it('leaves a current file as it is', () => {
    const input = { schemaVersion: CURRENT_SCHEMA_VERSION, x: 1 };
    expect(migrateToCurrent(input)).toEqual({ ok: true, from: CURRENT_SCHEMA_VERSION, doc: input });
  });

  it('refuses a file from a newer version, saying so in Chinese and that it is not rewritten', () => {
    const result = migrateToCurrent({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('newer');
    expect(result.message).toContain(`文件格式版本 ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(result.message).toContain(`支持到 ${CURRENT_SCHEMA_VERSION}`);
    expect(result.message).toContain('不会改写');
  });

  it('refuses a version that is not a positive integer', () => {
    for (const version of [0, -1, 1.5, '2', null, undefined, Number.NaN]) {
      const result = migrateToCurrent({ schemaVersion: version });
      expect(result.ok, String(version)).toBe(false);
      if (!result.ok) expect(result.reason).toBe('invalid');
    }
  });

  it('refuses when a step is missing', () => {
    expect(migrateToCurrent({ schemaVersion: 1 }, { 1: (d) => d }, 3)).toEqual({ ok: false, reason: 'invalid', message: '缺少从文件格式版本 2 升级的步骤' });
  });
});
