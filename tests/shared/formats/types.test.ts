// TABLE_IDS and SECTION_KEYS, the ids every layer iterates over: together the six sections of each format,
// tables apart from narrative sections, every cell belonging to one of the tables.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../shared/formats/definitions';
import { formatModel } from '../../../shared/formats/index';
import { SECTION_KEYS, TABLE_IDS } from '../../../shared/formats/types';

describe('TABLE_IDS and SECTION_KEYS', () => {
  it.each(['2019', '2021'] as const)('%s: are the format’s sections, tables apart from narrative, in reading order', (id) => {
    const keys = FORMATS[id].sections.map((s) => s.key as string);
    expect(keys.filter((k) => (TABLE_IDS as readonly string[]).includes(k))).toEqual([...TABLE_IDS]);
    expect(keys.filter((k) => !(TABLE_IDS as readonly string[]).includes(k))).toEqual([...SECTION_KEYS]);
  });

  it.each(['2019', '2021'] as const)('%s: every cell belongs to one of the tables, and every table has cells', (id) => {
    const model = formatModel(id);
    for (const cell of model.cells) expect(TABLE_IDS, cell.key).toContain(cell.table);
    for (const table of TABLE_IDS) expect(model.keysByTable[table].length, table).toBeGreaterThan(0);
  });
});
