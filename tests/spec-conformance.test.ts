// Compares the format definitions in shared/formats with the domain contract ../shared/spec/report-format.md:
// every label, key and span is read out of the spec's own text, so a typo on either side fails here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatModel, type FormatId } from '../shared/formats/index';

const specPath = resolve(import.meta.dirname, '..', '..', 'shared', 'spec', 'report-format.md');
const spec = readFileSync(specPath, 'utf8');

function between(start: string, end: string): string {
  const a = spec.indexOf(start);
  const b = spec.indexOf(end, a + start.length);
  if (a < 0 || b < 0) throw new Error(`spec section not found: ${start}`);
  return spec.slice(a, b);
}

/** `key`: `label` pairs in a piece of spec text, in order. */
function pairs(text: string): [string, string][] {
  return [...text.matchAll(/`([A-Za-z.]+)`: `([^`]+)`/g)].map((m) => [m[1]!, m[2]!]);
}

describe('sections (spec §2)', () => {
  const rows = [...between('## 2. Sections', '## 3.').matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
  it.each(['2019', '2021'] as FormatId[])('format %s has the six sections in order with exact headings', (id) => {
    expect(rows).toHaveLength(6);
    expect(FORMATS[id].sections.map((s) => [s.key, s.heading])).toEqual(rows);
  });
});

type SpecSubTable = { title: string; rows: [string, string][]; columns: [string, string][]; spanNote: boolean };

function specT2(heading: string, end: string): SpecSubTable[] {
  const lines = between(heading, end).split('\n').filter((l) => l.startsWith('| `第二十条'));
  let previousColumns: [string, string][] = [];
  return lines.map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const title = /`([^`]+)`/.exec(cells[1]!)![1]!;
    const rows = pairs(cells[2]!);
    const columns = cells[3] === 'same three columns' ? previousColumns : pairs(cells[3]!);
    previousColumns = columns;
    return { title, rows, columns, spanNote: /spans 3/.test(cells[3]!) };
  });
}

describe('table 2 (spec §3)', () => {
  const cases: [FormatId, SpecSubTable[]][] = [
    ['2021', specT2('### 3.1 2021 format', '### 3.2')],
    ['2019', specT2('### 3.2 2019 format', '## 4.')],
  ];
  it.each(cases)('format %s: sub-table titles, rows, columns', (id, specSubs) => {
    const subs = FORMATS[id].t2.subTables;
    expect(subs.map((s) => s.title)).toEqual(specSubs.map((s) => s.title));
    subs.forEach((sub, i) => {
      expect(sub.rows.map((r) => [r.key, r.label])).toEqual(specSubs[i]!.rows);
      expect(sub.columns.map((c) => [c.key, c.label])).toEqual(specSubs[i]!.columns);
    });
  });

  it('2021: single-column sub-tables span 3 columns in header and value (spec “spans 3”)', () => {
    const specSubs = specT2('### 3.1 2021 format', '### 3.2');
    const grid = formatModel('2021').grids.t2;
    for (const sub of specSubs.filter((s) => s.spanNote)) {
      const titleIdx = grid.bodyRows.findIndex((r) => r[0]!.text === sub.title);
      const header = grid.bodyRows[titleIdx + 1]!;
      expect(header[0]!.text).toBe('信息内容');
      expect(header[1]!.colSpan).toBe(3);
      for (let r = 0; r < sub.rows.length; r++) {
        const row = grid.bodyRows[titleIdx + 2 + r]!;
        expect(row[0]!.text).toBe(sub.rows[r]![1]);
        expect(row[1]!.colSpan).toBe(3);
      }
    }
  });

  it.each(['2019', '2021'] as FormatId[])('format %s: every sub-table has a full-width title row and a 信息内容 header', (id) => {
    const grid = formatModel(id).grids.t2;
    const titles = grid.bodyRows.filter((r) => r[0]!.role === 'title');
    expect(titles).toHaveLength(FORMATS[id].t2.subTables.length);
    for (const t of titles) expect(t[0]!.colSpan).toBe(grid.columns);
    for (const row of grid.bodyRows) expect(row.reduce((n, c) => n + c.colSpan, 0)).toBe(grid.columns);
  });

  it('kinds: 本年增/减 is signed, amounts are amounts, everything else counts (spec §3)', () => {
    const m19 = formatModel('2019');
    const m21 = formatModel('2021');
    expect(m19.cells.filter((c) => c.kind === 'signedCount').map((c) => c.key)).toEqual([
      't2.licensing.change',
      't2.otherServices.change',
      't2.penalties.change',
      't2.enforcement.change',
      't2.fees.change',
    ]);
    expect(m19.cells.filter((c) => c.kind === 'amount').map((c) => c.key)).toEqual(['t2.procurement.amount']);
    expect(m21.cells.filter((c) => c.kind === 'amount').map((c) => c.key)).toEqual(['t2.fees.amount']);
  });
});

interface SpecT3 {
  /** Keyed data rows in order: key, innermost label, “spans N label cols” if given. */
  rows: { key: string; label: string; colSpan?: number }[];
  /** Group labels (unkeyed lines) with their “spans N rows”. */
  groupSpans: Map<string, number>;
}

/** Reads the row block of spec §4, keeping the lines that apply to one format. “2019 only:” / “2021 only:”
 *  apply to the （六）其他处理 lines that follow them (keys starting with `other`). */
function specT3(id: FormatId): SpecT3 {
  const block = between('Rows (key: label).', 'Canonical cell key: `t3.');
  const code = block.slice(block.indexOf('```') + 3, block.lastIndexOf('```'));
  const rows: SpecT3['rows'] = [];
  const groupSpans = new Map<string, number>();
  let only: FormatId | null = null;
  for (const raw of code.split('\n')) {
    if (!raw.trim()) continue;
    let line = raw.trim();
    const onlyMatch = /^(2019|2021) only:\s*(.*)$/.exec(line);
    if (onlyMatch) {
      only = onlyMatch[1] as FormatId;
      if (!onlyMatch[2]) continue;
      line = onlyMatch[2];
    }
    const keyed = /^([A-Za-z][A-Za-z.]*)\s+(\S+)(?:\s+\((.+)\))?$/.exec(line);
    if (keyed) {
      const [, key, label, note] = keyed;
      if (only && !key!.startsWith('other')) only = null;
      if (only && only !== id) continue;
      const span = note ? /spans (\d+) label cols/.exec(note) : null;
      rows.push({ key: key!, label: label!, ...(span ? { colSpan: Number(span[1]) } : {}) });
      continue;
    }
    if (only && only !== id) continue;
    const group = /^(\S+)\s+\((.+)\)$/.exec(line);
    if (!group) throw new Error(`unparsed spec line: ${raw}`);
    const rowsSpan = /spans (\d+) rows(?: in 2021, (\d+) rows in 2019)?/.exec(group[2]!);
    if (!rowsSpan) throw new Error(`group without row span: ${raw}`);
    groupSpans.set(group[1]!, Number(id === '2019' && rowsSpan[2] ? rowsSpan[2] : rowsSpan[1]));
  }
  return { rows, groupSpans };
}

describe('table 3 (spec §4)', () => {
  it('columns: keys and labels in order', () => {
    const specCols = pairs(between('`natural`: `自然人`', '\n\nRows'));
    for (const id of ['2019', '2021'] as FormatId[]) {
      expect(FORMATS[id].t3.columns.map((c) => [c.key, c.label])).toEqual(specCols);
    }
  });

  it.each(['2019', '2021'] as FormatId[])('format %s: row keys, labels and merged row spans as printed in the spec', (id) => {
    const { rows, groupSpans } = specT3(id);
    const ours = FORMATS[id].t3.rows;
    expect(ours.map((r) => r.key)).toEqual(rows.map((r) => r.key));
    ours.forEach((row, i) => expect(row.labels[row.labels.length - 1], row.key).toBe(rows[i]!.label));
    expect(ours).toHaveLength(id === '2021' ? 25 : 23);
    expect(groupSpans.size).toBe(id === '2021' ? 5 : 4);

    const labelCells = formatModel(id).grids.t3.bodyRows.flatMap((r) => r.filter((c) => c.role === 'label'));
    for (const [label, span] of groupSpans) {
      const cells = labelCells.filter((c) => c.text === label);
      expect(cells, label).toHaveLength(1);
      expect(cells[0]!.rowSpan, label).toBe(span);
    }
  });

  it.each(['2019', '2021'] as FormatId[])('format %s: label column spans (spec “spans N label cols”); rows cover the grid', (id) => {
    const { rows } = specT3(id);
    const grid = formatModel(id).grids.t3;
    rows.forEach((row, r) => {
      const labels = grid.bodyRows[r]!.filter((c) => c.role === 'label');
      const innermost = labels[labels.length - 1]!;
      expect(innermost.text, row.key).toBe(row.label);
      expect(innermost.colSpan, row.key).toBe(row.colSpan ?? 1);
    });
    const occupied = grid.bodyRows.map(() => 0);
    grid.bodyRows.forEach((row, r) => {
      for (const c of row) for (let k = 0; k < c.rowSpan; k++) occupied[r + k]! += c.colSpan;
    });
    expect(occupied.every((n) => n === grid.columns)).toBe(true);
  });

  it('header: note over 3 label columns × 3 rows, 申请人情况 over 7, 自然人/总计 over 2 rows, 法人或其他组织 over 5', () => {
    for (const id of ['2019', '2021'] as FormatId[]) {
      const [r1, r2, r3] = formatModel(id).grids.t3.headerRows;
      expect(spec).toContain('（本列数据的勾稽关系为：第一项');
      expect(r1![0]).toMatchObject({ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 });
      expect(r1![1]).toMatchObject({ text: '申请人情况', colSpan: 7 });
      expect(r2!.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
        ['自然人', 2, 1],
        ['法人或其他组织', 1, 5],
        ['总计', 2, 1],
      ]);
      expect(r3!.map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    }
  });

  it('cell keys are t3.<row>.<column>; 161 cells in 2019, 175 in 2021', () => {
    expect(spec).toContain('2019: 23 rows × 7 = 161 cells; 2021: 25 rows × 7 = 175 cells');
    expect(formatModel('2019').keysByTable.t3).toHaveLength(161);
    expect(formatModel('2021').keysByTable.t3).toHaveLength(175);
    expect(formatModel('2021').keysByTable.t3).toContain('t3.withheld.thirdPartyRights.natural');
    expect(formatModel('2021').keysByTable.t3).toContain('t3.resultsTotal.total');
  });
});

describe('table 4 (spec §5)', () => {
  const section = between('## 5. Table 4', '## 6.');
  const groups = [...section.matchAll(/`(review|suit\w+)` \(([^)]+)\)/g)].map((m) => [m[1], m[2]]);
  const columns = [...section.matchAll(/`(upheld|corrected|other|pending|total)` \(([^)]+)\)/g)].map((m) => [m[1], m[2]]);

  it.each(['2019', '2021'] as FormatId[])('format %s: groups, columns, 15 keys', (id) => {
    expect(FORMATS[id].t4.groups.map((g) => [g.key, g.label])).toEqual(groups);
    expect(FORMATS[id].t4.columns.map((c) => [c.key, c.label])).toEqual(columns);
    const keys = formatModel(id).keysByTable.t4;
    expect(keys).toHaveLength(15);
    expect(keys[0]).toBe('t4.review.upheld');
  });

  it('two-level header: 行政复议 over 5, 行政诉讼 over 10, its groups over 5, 行政复议 leaves over 2 rows', () => {
    const [r1, r2, r3] = formatModel('2021').grids.t4.headerRows;
    expect(section).toContain('`行政复议` (spans 5) | `行政诉讼` (spans 10)');
    expect(r1!.map((c) => [c.text, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(r2!.slice(0, 5).every((c) => c.rowSpan === 2)).toBe(true);
    expect(r2!.slice(5).map((c) => [c.text, c.colSpan])).toEqual([
      ['未经复议直接起诉', 5],
      ['复议后起诉', 5],
    ]);
    expect(r3!.map((c) => c.text)).toEqual([...columns.map((c) => c[1]), ...columns.map((c) => c[1])]);
  });
});

describe('computed cells (spec §6, last paragraph)', () => {
  it.each(['2019', '2021'] as FormatId[])('format %s: t3 totals, t3 resultsTotal row and t4 totals are computed, nothing else', (id) => {
    const computed = formatModel(id).cells.filter((c) => c.computed).map((c) => c.key);
    const expected = formatModel(id).cells
      .map((c) => c.key)
      .filter((k) => /^t3\..+\.total$/.test(k) || k.startsWith('t3.resultsTotal.') || /^t4\..+\.total$/.test(k));
    expect(computed).toEqual(expected);
  });

  it('2021 resultsTotal sums 22 − 1 part rows (granted … other.misc), 2019 sums 19', () => {
    const parts = (id: FormatId) => formatModel(id).sums.find((s) => s.rule === 't3.resultSum' && s.target === 'natural')!.parts;
    expect(parts('2021')).toHaveLength(21);
    expect(parts('2019')).toHaveLength(19);
    expect(parts('2019')).toContain('t3.other.natural');
    expect(parts('2021')).toContain('t3.other.unpaidFee.natural');
  });
});
