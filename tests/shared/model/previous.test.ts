// The previous block (last year's report kept in this year's file) as the checks read it, and the marks of
// values proposed from it: kept until confirmed or edited.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { createReport, serializeReport } from '../../../shared/model/document';
import {
  dropEditedProposals,
  isProposedCell,
  isProposedSection,
  previousAsReport,
  previousBlock,
  storedPrevious,
  withoutProposed,
  withoutProposedIn,
} from '../../../shared/model/previous';
import type { ReportDocument } from '../../../shared/model/report';
import { startFromPrevious } from '../../../shared/model/start-from-previous';
import { pingtanReport } from '../../fixtures/pingtan';

const SOURCE = { source: { fileName: '2022年报.docx', kind: 'docx' as const }, sha256: 'e'.repeat(64), now: '2026-01-05T09:30:00.000Z' };

function started(last = pingtanReport()) {
  const r = startFromPrevious(last, SOURCE);
  if (!r.ok) throw new Error(r.message);
  return r;
}

const lastYear = (): ReportDocument => {
  const doc = createReport({ year: 2024, agencyName: '黄金镇人民政府', level: '乡镇', now: SOURCE.now });
  doc.cells['t3.carriedOver.natural'] = 3;
  doc.sections = { overview: '总体情况。', problems: '一是公开不够及时。', other: '无。' };
  return doc;
};

describe('previousBlock', () => {
  it('keeps every cell of last year’s format (anything but a finite number as blank), its agency, section 五 and the source', () => {
    const last = lastYear();
    last.cells['t3.received.natural'] = Number.NaN;
    last.cells['t3.granted.natural'] = Number.POSITIVE_INFINITY;
    delete last.cells['t3.received.commercial'];
    last.cells['t9.nothing.here'] = 5;
    const block = previousBlock(last, { fileName: '2024年报.docx', kind: 'docx' }, 'ab'.repeat(32));
    expect(Object.keys(block.cells)).toEqual(formatModel('2021').cells.map((c) => c.key));
    expect(block.cells['t3.carriedOver.natural']).toBe(3);
    expect([block.cells['t3.received.natural'], block.cells['t3.granted.natural'], block.cells['t3.received.commercial']]).toEqual([null, null, null]);
    expect(block).toMatchObject({ year: 2024, format: '2021', sha256: 'ab'.repeat(32), problems: '一是公开不够及时。', source: { fileName: '2024年报.docx', kind: 'docx' } });
    expect(block.agency).toEqual({ name: '黄金镇人民政府', level: '乡镇' });
    expect(block).not.toHaveProperty('sections');
    const withRegion = previousBlock({ ...last, agency: { ...last.agency, region: '某县' } }, { fileName: 'a.pdf', kind: 'pdf' }, 'c'.repeat(64));
    expect(withRegion.agency).toEqual({ name: '黄金镇人民政府', level: '乡镇', region: '某县' });
  });
});

describe('previousAsReport', () => {
  it('reads the block as last year’s report: its cells and section 五, the same object each time', () => {
    const block = previousBlock(lastYear(), { fileName: 'a.nianbao', kind: 'report' }, 'd'.repeat(64));
    const doc = previousAsReport(block);
    expect(doc).toMatchObject({ year: 2024, format: '2021', sections: { overview: '', problems: '一是公开不够及时。', other: '' } });
    expect(doc.cells).toBe(block.cells);
    expect(previousAsReport(block)).toBe(doc);
    expect(previousAsReport({ ...block, problems: undefined as unknown as string }).sections.problems).toBe('');
  });
});

describe('storedPrevious', () => {
  it('is the file’s own previous block as a report, or nothing for odd data', () => {
    const block = previousBlock(lastYear(), { fileName: 'a.nianbao', kind: 'report' }, 'd'.repeat(64));
    const doc = createReport({ year: 2025, agencyName: '黄金镇人民政府', now: SOURCE.now });
    expect(storedPrevious(doc)).toBeUndefined();
    expect(storedPrevious({ ...doc, previous: block })?.cells['t3.carriedOver.natural']).toBe(3);
    const odd: unknown[] = [null, 'x', { ...block, cells: null }, { ...block, format: '2022' }, { ...block, cells: 'x' }];
    for (const previous of odd) expect(storedPrevious({ ...doc, previous } as ReportDocument), JSON.stringify(previous)?.slice(0, 40)).toBeUndefined();
  });
});

describe('withoutProposed', () => {
  it('removes the given cells and sections; nothing left, or nothing given, is undefined', () => {
    const marks = { cells: ['t3.carriedIn.natural', 't3.carriedIn.commercial'], sections: ['overview' as const, 'problems' as const] };
    expect(withoutProposed(marks, ['t3.carriedIn.natural'], ['overview'])).toEqual({ cells: ['t3.carriedIn.commercial'], sections: ['problems'] });
    expect(withoutProposed(marks, [])).toEqual(marks);
    expect(withoutProposed(marks, marks.cells, marks.sections)).toBeUndefined();
    expect(withoutProposed(undefined, ['t3.carriedIn.natural'])).toBeUndefined();
  });
});

describe('isProposedCell, isProposedSection', () => {
  it('tell a proposed cell or section from the others', () => {
    const doc = { proposed: { cells: ['t3.carriedIn.natural'], sections: ['problems' as const] } };
    expect(isProposedCell(doc, 't3.carriedIn.natural')).toBe(true);
    expect(isProposedCell(doc, 't3.carriedIn.commercial')).toBe(false);
    expect(isProposedSection(doc, 'problems')).toBe(true);
    expect(isProposedSection(doc, 'overview')).toBe(false);
    expect(isProposedCell({}, 't3.carriedIn.natural')).toBe(false);
    expect(isProposedSection({}, 'problems')).toBe(false);
  });
});

describe('proposed marks', () => {
  it('an edited cell or section loses its mark, whatever made the change; untouched ones keep it', () => {
    const { doc } = started();
    const edited = dropEditedProposals(doc, { ...doc, cells: { ...doc.cells, 't3.carriedIn.natural': 9 }, sections: { ...doc.sections, other: '本年度未收取信息处理费。' } });
    expect(edited.proposed?.cells).not.toContain('t3.carriedIn.natural');
    expect(edited.proposed?.cells).toContain('t3.carriedIn.commercial');
    expect(edited.proposed?.sections).toEqual(['overview', 'problems']);
    // A change elsewhere leaves the marks as they are (the same object).
    const elsewhere = { ...doc, cells: { ...doc.cells, 't3.received.natural': 5 } };
    expect(dropEditedProposals(doc, elsewhere)).toBe(elsewhere);
  });

  it('a format conversion keeps the marks it set (values offered by converting back are new in their cells)', () => {
    const { doc } = started();
    const converted: ReportDocument = { ...doc, format: '2019', cells: { ...doc.cells, 't2.procurement.amount': 88.5 }, proposed: { cells: ['t2.procurement.amount'], sections: [] } };
    expect(dropEditedProposals(doc, converted)).toBe(converted);
  });

  it('confirming every proposed cell and section removes the field', () => {
    const { doc } = started();
    const confirmed = withoutProposedIn(doc, doc.proposed!.cells, ['overview', 'problems', 'other']);
    expect(confirmed).not.toHaveProperty('proposed');
    expect(JSON.parse(serializeReport(confirmed))).not.toHaveProperty('proposed');
    expect(withoutProposedIn(confirmed, ['t3.carriedIn.natural'])).toBe(confirmed);
  });
});
