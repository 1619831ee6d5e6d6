import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import { formatModel } from '../../../shared/formats/index';
import { parseReport, serializeReport } from '../../../shared/model/document';
import { startFromPrevious } from '../../../shared/model/start-from-previous';
import { clean2019 } from '../checks/helpers';
import { pingtanReport } from '../../fixtures/pingtan';

const SOURCE = { source: { fileName: '2022年报.docx', kind: 'docx' as const }, sha256: 'e'.repeat(64), now: '2026-01-05T09:30:00.000Z' };

function started(last = pingtanReport(), year?: number) {
  const r = startFromPrevious(last, { ...SOURCE, ...(year !== undefined ? { year } : {}) });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('startFromPrevious (从上年报告开始)', () => {
  it('2021 → 2022 format: next year, same agency, carriedIn proposed from last year’s carriedOver, previous block kept', () => {
    const last = pingtanReport();
    last.cells['t3.carriedOver.natural'] = 4;
    last.cells['t3.carriedOver.commercial'] = 1;
    last.cells['t3.carriedOver.total'] = 5;
    const { doc, notes } = started(last);
    expect(doc.year).toBe(last.year + 1);
    expect(doc.format).toBe('2021');
    expect(doc.agency).toEqual(last.agency);
    expect(doc.cells['t3.carriedIn.natural']).toBe(4);
    expect(doc.cells['t3.carriedIn.commercial']).toBe(1);
    // The total is the tool's (computed), not proposed.
    expect(doc.cells['t3.carriedIn.total']).toBe(5);
    expect(doc.proposed?.cells).toEqual(formatModel('2021').cells.filter((c) => c.key.startsWith('t3.carriedIn.') && !c.computed).map((c) => c.key));
    // Nothing else of last year's tables is copied.
    expect(doc.cells['t3.received.natural']).toBeNull();
    expect(doc.cells['t2.regulations.inForce']).toBeNull();
    expect(doc.previous).toMatchObject({ year: last.year, format: '2021', source: SOURCE.source, sha256: SOURCE.sha256, problems: last.sections.problems });
    expect(doc.previous?.cells['t2.regulations.inForce']).toBe(last.cells['t2.regulations.inForce']);
    expect(doc.sections).toEqual(last.sections);
    expect(doc.proposed?.sections).toEqual(['overview', 'problems', 'other']);
    expect(notes.join('\n')).toContain('上年结转 6 格');
    expect(notes.join('\n')).toContain('现行有效件数');
    // The file reads back as it was written.
    const back = parseReport(serializeReport(doc));
    expect(back.ok && back.doc).toEqual(doc);
  });

  it('moves the year in last year’s own title on', () => {
    const last = { ...pingtanReport(), title: '平潭综合实验区2022年度政府信息公开工作年度报告' };
    expect(started(last).doc.title).toBe('平潭综合实验区2023年度政府信息公开工作年度报告');
    const { title: _t, ...untitled } = last;
    expect(started(untitled).doc.title).toBeUndefined();
  });

  it('the checks run against last year without it being given: prev.carryOver fires when a proposed cell is changed, prev.identical for unchanged 五', () => {
    const { doc } = started();
    const carry = (d: typeof doc) => runChecks({ report: d }).filter((f) => f.rule === 'prev.carryOver');
    expect(carry(doc)).toEqual([]);
    const changed = { ...doc, cells: { ...doc.cells, 't3.carriedIn.natural': (doc.cells['t3.carriedIn.natural'] ?? 0) + 2 } };
    expect(carry(changed).map((f) => f.cells[0])).toContain('t3.carriedIn.natural');
    const identical = runChecks({ report: doc }).filter((f) => f.rule === 'prev.identical');
    expect(identical.map((f) => f.target)).toEqual(['problems']);
  });

  it('2019 → 2019 format (2019 → 2020): 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减, proposed', () => {
    const last = { ...clean2019(), year: 2019 };
    const { doc, notes } = started(last);
    expect(doc.year).toBe(2020);
    expect(doc.format).toBe('2019');
    expect(doc.cells['t2.licensing.lastYearItems']).toBe(35 - 3);
    expect(doc.cells['t2.penalties.lastYearItems']).toBe(22);
    expect(doc.cells['t2.licensing.change']).toBeNull();
    expect(doc.proposed?.cells).toContain('t2.licensing.lastYearItems');
    expect(doc.proposed?.cells).toContain('t3.carriedIn.natural');
    expect(doc.settings?.procurementUnit).toBe(last.settings?.procurementUnit);
    expect(notes.join('\n')).toContain('上一年项目数量 5 格');
  });

  it('2019 format → 2021 format (2020 → 2021): carriedIn proposed, no 上一年项目数量, previous in the 2019 format', () => {
    const last = clean2019();
    const { doc } = started(last);
    expect(doc.year).toBe(2021);
    expect(doc.format).toBe('2021');
    expect(doc.previous?.format).toBe('2019');
    expect(doc.proposed?.cells.every((k) => k.startsWith('t3.carriedIn.'))).toBe(true);
  });

  it('a blank or refused cell of last year is not proposed and is named', () => {
    const last = pingtanReport();
    last.cells['t3.carriedOver.research'] = null;
    last.cells['t3.carriedOver.natural'] = null;
    last.invalidCells = { 't3.carriedOver.natural': '1o' };
    const { doc, notes } = started(last);
    expect(doc.cells['t3.carriedIn.research']).toBeNull();
    expect(doc.proposed?.cells).not.toContain('t3.carriedIn.research');
    expect(doc.proposed?.cells).not.toContain('t3.carriedIn.natural');
    expect(notes.join('\n')).toMatch(/未能建议：.*科研机构/);
  });

  it('--year: a later year is allowed, the same or an earlier year is refused with what to do', () => {
    expect(started(pingtanReport(), 2025).doc.year).toBe(2025);
    for (const year of [2022, 2020]) {
      const r = startFromPrevious(pingtanReport(), { ...SOURCE, year });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('应晚于上年报告的年度');
    }
    const r = startFromPrevious(pingtanReport(), { ...SOURCE, year: 3000 });
    expect(r.ok).toBe(false);
  });

  it('blank sections are not proposed', () => {
    const last = pingtanReport();
    last.sections.other = '  ';
    const { doc } = started(last);
    expect(doc.proposed?.sections).toEqual(['overview', 'problems']);
    expect(doc.sections.other).toBe('');
  });
});
