// The JSON Schema of a `.nianbao` file, built from the format definitions so that the allowed cell keys
// of each format come from one place. docs/report.schema.json is this object, written out (a test keeps
// the two equal).
import { FIRST_SUPPORTED_YEAR, formatModel, LAST_SUPPORTED_YEAR } from '../formats/index';
import { SECTION_KEYS, TABLE_IDS } from '../formats/types';
import type { JsonSchema } from './json-schema';
import { AGENCY_LEVELS, CURRENT_SCHEMA_VERSION, PREVIOUS_SOURCE_KINDS, PROCUREMENT_UNITS } from './report';

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const ISO_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

function cellsFor(format: '2019' | '2021'): JsonSchema {
  return {
    type: 'object',
    propertyNames: { enum: formatModel(format).cells.map((c) => c.key) },
    additionalProperties: { type: ['number', 'null'] },
  };
}

/** Refused entries: a cell key of the format → the text as typed. */
function invalidCellsFor(format: '2019' | '2021'): JsonSchema {
  return {
    type: 'object',
    propertyNames: { enum: formatModel(format).cells.map((c) => c.key) },
    additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
  };
}

/** Cell keys proposed from last year: keys of the file's format, each at most once in practice. */
function proposedFor(format: '2019' | '2021'): JsonSchema {
  return {
    type: 'object',
    properties: { cells: { type: 'array', maxItems: 500, items: { enum: formatModel(format).cells.map((c) => c.key) } } },
  };
}

const AGENCY: JsonSchema = {
  type: 'object',
  required: ['name', 'level'],
  additionalProperties: false,
  properties: {
    name: text(100),
    level: { enum: [...AGENCY_LEVELS] },
    region: text(100),
  },
};

/** Last year's report kept in the file (version 5); its cells are keys of its own format. */
const PREVIOUS: JsonSchema = {
  type: 'object',
  required: ['year', 'agency', 'format', 'source', 'sha256', 'cells', 'problems'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer', minimum: FIRST_SUPPORTED_YEAR, maximum: LAST_SUPPORTED_YEAR },
    agency: AGENCY,
    format: { enum: ['2019', '2021'] },
    source: {
      type: 'object',
      required: ['fileName', 'kind'],
      additionalProperties: false,
      properties: { fileName: text(260), kind: { enum: [...PREVIOUS_SOURCE_KINDS] } },
    },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    cells: { type: 'object' },
    problems: text(100000),
  },
  allOf: [
    { if: { required: ['format'], properties: { format: { const: '2019' } } }, then: { properties: { cells: cellsFor('2019') } } },
    { if: { required: ['format'], properties: { format: { const: '2021' } } }, then: { properties: { cells: cellsFor('2021') } } },
  ],
};

export const REPORT_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'nianbao-report.schema.json',
  title: '年报助手报告文件（.nianbao）',
  type: 'object',
  required: ['schemaVersion', 'format', 'year', 'agency', 'sections', 'cells', 'explanations', 'meta'],
  additionalProperties: false,
  properties: {
    schemaVersion: { type: 'integer', minimum: 1, maximum: CURRENT_SCHEMA_VERSION },
    format: { enum: ['2019', '2021'] },
    year: { type: 'integer', minimum: FIRST_SUPPORTED_YEAR, maximum: LAST_SUPPORTED_YEAR },
    title: text(200),
    agency: AGENCY,
    sections: {
      type: 'object',
      required: ['overview', 'problems', 'other'],
      additionalProperties: false,
      properties: { overview: text(100000), problems: text(100000), other: text(100000) },
    },
    cells: { type: 'object' },
    invalidCells: { type: 'object' },
    issued: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
    explanations: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['rule', 'target', 'text'],
        additionalProperties: false,
        properties: { rule: text(100), target: text(200), text: text(5000) },
      },
    },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        typedTotals: { type: 'array', maxItems: 3, items: { enum: [...TABLE_IDS] } },
        procurementUnit: { enum: [...PROCUREMENT_UNITS] },
      },
    },
    ledgerSource: {
      type: 'object',
      required: ['fileName', 'sheet', 'rows', 'counted', 'excluded', 'derivedAt'],
      additionalProperties: false,
      properties: {
        fileName: text(260),
        sheet: text(100),
        rows: { type: 'integer', minimum: 0, maximum: 10_000_000 },
        counted: { type: 'integer', minimum: 0, maximum: 10_000_000 },
        excluded: { type: 'integer', minimum: 0, maximum: 10_000_000 },
        derivedAt: { type: 'string', pattern: ISO_TIME },
      },
    },
    merged: {
      type: 'object',
      required: ['units', 'incomplete'],
      additionalProperties: false,
      properties: {
        units: {
          type: 'array',
          maxItems: 10000,
          items: {
            type: 'object',
            required: ['name', 'file', 'sha256', 'source'],
            additionalProperties: false,
            properties: {
              name: text(100),
              file: text(500),
              sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              source: { enum: ['file', 'pdf-verified', 'pdf-edited', 'pdf-hash-failed', 'text'] },
              dataUsed: { enum: ['embedded', 'printed'] },
            },
          },
        },
        incomplete: {
          type: 'object',
          propertyNames: { type: 'string', maxLength: 100, pattern: '^t[234]\\.[A-Za-z.]+$' },
          additionalProperties: { type: 'array', maxItems: 10000, items: text(100) },
        },
      },
    },
    previous: PREVIOUS,
    proposed: {
      type: 'object',
      required: ['cells', 'sections'],
      additionalProperties: false,
      properties: {
        cells: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 100 } },
        sections: { type: 'array', maxItems: 3, items: { enum: [...SECTION_KEYS] } },
      },
    },
    history: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['at', 'action', 'from', 'to', 'dropped'],
        additionalProperties: false,
        properties: {
          at: { type: 'string', pattern: ISO_TIME },
          action: { enum: ['convert'] },
          from: { enum: ['2019', '2021'] },
          to: { enum: ['2019', '2021'] },
          dropped: {
            type: 'object',
            propertyNames: { type: 'string', maxLength: 100, pattern: '^t[234]\\.[A-Za-z.]+$' },
            additionalProperties: { type: ['number', 'string'] },
          },
        },
      },
    },
    meta: {
      type: 'object',
      required: ['created', 'updated', 'appVersion'],
      additionalProperties: false,
      properties: {
        created: { type: 'string', pattern: ISO_TIME },
        updated: { type: 'string', pattern: ISO_TIME },
        appVersion: text(50),
      },
    },
  },
  allOf: [
    { if: { required: ['format'], properties: { format: { const: '2019' } } }, then: { properties: { cells: cellsFor('2019'), invalidCells: invalidCellsFor('2019'), proposed: proposedFor('2019') } } },
    { if: { required: ['format'], properties: { format: { const: '2021' } } }, then: { properties: { cells: cellsFor('2021'), invalidCells: invalidCellsFor('2021'), proposed: proposedFor('2021') } } },
  ],
};
