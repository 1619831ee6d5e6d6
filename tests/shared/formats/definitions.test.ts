// The two official formats as data: each applies to its own years (one format per supported year, the one
// formatIdForYear picks), keys are unique where cells are built from them, and the formats differ in
// table 3 only in the （六）其他处理 group.
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, FORMATS } from '../../../shared/formats/definitions';
import { formatIdForYear } from '../../../shared/formats/index';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../../shared/formats/vocabulary';

const unique = (keys: string[]) => expect(new Set(keys).size, keys.join()).toBe(keys.length);

describe('FORMATS', () => {
  it('are the two formats by their ids', () => {
    expect(FORMATS).toEqual({ '2019': FORMAT_2019, '2021': FORMAT_2021 });
    for (const [id, format] of Object.entries(FORMATS)) expect(format.id).toBe(id);
  });

  it('cover each supported year with exactly one format, the one formatIdForYear picks', () => {
    for (let year = FIRST_SUPPORTED_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
      const covering = Object.values(FORMATS).filter((f) => f.firstYear <= year && (f.lastYear === undefined || year <= f.lastYear));
      expect(covering.map((f) => f.id), String(year)).toEqual([formatIdForYear(year)]);
    }
  });
});

describe.each([FORMAT_2019, FORMAT_2021])('format $id', (format) => {
  it('has unique keys for its rows, columns and groups', () => {
    unique(format.sections.map((s) => s.key));
    unique(format.t3.rows.map((r) => r.key));
    unique(format.t3.columns.map((c) => c.key));
    unique(format.t4.groups.map((g) => g.key));
    unique(format.t4.columns.map((c) => c.key));
    unique(format.t2.subTables.flatMap((s) => s.rows.map((r) => r.key)));
    for (const sub of format.t2.subTables) unique(sub.columns.map((c) => c.key));
  });

  it('labels every result row of table 3 under 三、本年度办理结果, and the other-results rows under its group label', () => {
    for (const row of format.t3.rows) {
      if (row.resultPart) expect(row.labels[0], row.key).toBe('三、本年度办理结果');
      if (row.key === 'other' || row.key.startsWith('other.')) expect(row.labels[1], row.key).toBe(format.t3.otherResultsLabel);
    }
  });
});

describe('2019 and 2021', () => {
  it('share the sections and table 3’s columns, and its rows except （六）其他处理: one row in 2019, three in 2021', () => {
    expect(FORMAT_2019.sections).toEqual(FORMAT_2021.sections);
    expect(FORMAT_2019.t3.columns).toEqual(FORMAT_2021.t3.columns);
    const isOther = (key: string) => key === 'other' || key.startsWith('other.');
    expect(FORMAT_2019.t3.rows.filter((r) => !isOther(r.key))).toEqual(FORMAT_2021.t3.rows.filter((r) => !isOther(r.key)));
    expect(FORMAT_2019.t3.rows.filter((r) => isOther(r.key)).map((r) => r.key)).toEqual(['other']);
    expect(FORMAT_2021.t3.rows.filter((r) => isOther(r.key))).toHaveLength(3);
  });
});
