// LEDGER_FIELDS, the ledger columns the mapping, the template and the remembered preferences go through:
// each once, each with a label, each found by its label's heading, the required ones among them.
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, proposeColumns, REQUIRED_FIELDS } from '../../../shared/ledger/mapping';
import { LEDGER_FIELDS } from '../../../shared/ledger/types';

describe('LEDGER_FIELDS', () => {
  it('lists each field with a label once, the required ones included', () => {
    expect(new Set(LEDGER_FIELDS).size).toBe(LEDGER_FIELDS.length);
    expect([...LEDGER_FIELDS].sort()).toEqual(Object.keys(FIELD_LABELS).sort());
    for (const field of REQUIRED_FIELDS) expect(LEDGER_FIELDS).toContain(field);
  });

  it('every field is found by its own label as a column heading', () => {
    const labels = Object.values(FIELD_LABELS);
    const columns = proposeColumns(labels);
    expect(columns).toEqual(Object.fromEntries(Object.keys(FIELD_LABELS).map((field, i) => [field, i])));
  });
});
