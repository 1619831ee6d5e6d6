// REPORT_SCHEMA, the JSON Schema of a .nianbao file: docs/report.schema.json is this object written out, and
// the cell keys allowed are those of the file's format (and of the previous block's own format).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReport } from '../../../shared/model/document';
import { validateSchemaBounded } from '../../../shared/model/json-schema';
import { previousBlock } from '../../../shared/model/previous';
import type { ReportDocument } from '../../../shared/model/report';
import { REPORT_SCHEMA } from '../../../shared/model/schema';
import { schemaPath, schemaText } from '../../tools/write-schema';

const NOW = '2026-01-05T09:30:00.000Z';
const fresh = (year: number) => createReport({ year, agencyName: '黄金镇人民政府', level: '乡镇', now: NOW });
const issuePaths = (doc: unknown) => validateSchemaBounded(REPORT_SCHEMA, doc, Infinity).issues.map((i) => i.path);

describe('REPORT_SCHEMA', () => {
  it('docs/report.schema.json is the schema the app validates with', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(schemaText());
  });

  it('takes the cell keys of the file’s format only, in cells, refused entries and proposed marks', () => {
    const r21 = fresh(2025);
    const r19 = fresh(2020);
    expect(issuePaths(r21)).toEqual([]);
    expect(issuePaths(r19)).toEqual([]);
    expect(issuePaths({ ...r19, cells: { ...r19.cells, 't3.other.misc.natural': 0 } })).toEqual(['/cells/t3.other.misc.natural']);
    expect(issuePaths({ ...r21, cells: { ...r21.cells, 't2.procurement.amount': 0 } })).toEqual(['/cells/t2.procurement.amount']);
    expect(issuePaths({ ...r19, invalidCells: { 't3.other.misc.natural': '1o' } })).toEqual(['/invalidCells/t3.other.misc.natural']);
    expect(issuePaths({ ...r21, invalidCells: { 't3.received.natural': '1o' } })).toEqual([]);
    expect(issuePaths({ ...r21, proposed: { cells: ['t2.procurement.amount'], sections: [] } })).toEqual(['/proposed/cells/0']);
    expect(issuePaths({ ...r19, proposed: { cells: ['t2.procurement.amount'], sections: ['problems'] } })).toEqual([]);
  });

  it('checks the previous block’s cells against last year’s own format, not the file’s', () => {
    const last = fresh(2020);
    last.cells['t2.procurement.amount'] = 12;
    const doc: ReportDocument = { ...fresh(2021), previous: previousBlock(last, { fileName: '2020.pdf', kind: 'pdf' }, 'c'.repeat(64)) };
    expect(issuePaths(doc)).toEqual([]);
    const wrong = { ...doc, previous: { ...doc.previous!, cells: { ...doc.previous!.cells, 't2.regulations.inForce': 1 } } };
    expect(issuePaths(wrong)).toEqual(['/previous/cells/t2.regulations.inForce']);
  });

  it('takes the supported years and schema versions only', () => {
    const doc = fresh(2025);
    expect(issuePaths({ ...doc, year: 2018 })).toEqual(['/year']);
    expect(issuePaths({ ...doc, year: 2101 })).toEqual(['/year']);
    expect(issuePaths({ ...doc, schemaVersion: doc.schemaVersion + 1 })).toEqual(['/schemaVersion']);
    expect(issuePaths({ ...doc, schemaVersion: 0 })).toEqual(['/schemaVersion']);
  });
});
