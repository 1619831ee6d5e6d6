// The names findings are shown by: the severities and rule ids are the spec's (../shared/spec §6, read from
// its text), every rule has its own short Chinese label, and the table rules are named after their table.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_LABELS, SEVERITY_LABELS } from '../../../shared/checks/types';
import { TABLE_NAMES } from '../../../shared/formats/vocabulary';

const spec = readFileSync(resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'spec', 'report-format.md'), 'utf8');
const checksSection = spec.slice(spec.indexOf('## 6. Checks'), spec.indexOf('## 7.'));

describe('SEVERITY_LABELS', () => {
  it('names each severity as the spec does: **error** (错误) …', () => {
    const fromSpec = Object.fromEntries([...checksSection.matchAll(/\*\*(\w+)\*\* \(([^)]+)\)/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(fromSpec)).toHaveLength(3);
    expect(SEVERITY_LABELS).toEqual(fromSpec);
  });
});

describe('RULE_LABELS', () => {
  it('labels exactly the rule ids of the spec’s table', () => {
    const ids = [...checksSection.matchAll(/^\| `([a-z0-9]+\.[A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(15);
    expect(Object.keys(RULE_LABELS).sort()).toEqual([...ids].sort());
  });

  it('gives every rule its own short Chinese label', () => {
    const labels = Object.values(RULE_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fff“”]{2,20}$/);
  });

  it('names the sum rules of tables 3 and 4 after their table', () => {
    for (const [rule, label] of Object.entries(RULE_LABELS)) {
      const table = /^(t3|t4)\.(rowSum|resultSum|balance|groupSum)$/.exec(rule)?.[1] as 't3' | 't4' | undefined;
      if (table) expect(label.startsWith(TABLE_NAMES[table]), `${rule}: ${label}`).toBe(true);
    }
  });
});
