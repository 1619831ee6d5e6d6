import { describe, expect, it } from 'vitest';
import { DRAFT_NOTICE, publication, type PublishedTable } from '../../../../electron/node/publish/publication';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';

function report(): ReportDocument {
  const doc = createReport({ year: 2024, agencyName: ' 某某县人民政府 ', level: '县级', now: '2025-01-02T03:04:05.000Z' });
  doc.sections.overview = [
    '一、总体情况',
    '　　本机关依法公开政府信息。',
    '（一）强化领导。根据条例要求，成立工作专班。',
    '1.主动公开',
    '',
    '（二）平台建设',
  ].join('\n');
  return doc;
}

const allCells = (table: PublishedTable) => [...table.headerRows.flat(), ...table.bodyRows.flat()];

describe('publication', () => {
  it('has the title, the six sections in the format’s order and the 落款', () => {
    const doc = report();
    const pub = publication(doc, '2025-01-20');
    expect(pub.title).toBe('某某县人民政府2024年政府信息公开工作年度报告');
    expect(pub.draft).toBe(false);
    expect(pub.sections.map((s) => s.heading)).toEqual(formatModel('2021').format.sections.map((s) => s.heading));
    expect(pub.sections.map((s) => s.kind)).toEqual(formatModel('2021').format.sections.map((s) => (s.key.startsWith('t') ? 'table' : 'text')));
    expect(pub.signature).toEqual({ agency: '某某县人民政府', date: '2025年1月20日' });
    expect(publication(doc, '2025-01-20', true).draft).toBe(true);
    expect(DRAFT_NOTICE.mark).toBe('草稿');
  });

  it('prints the report’s own date of issue over the export day', () => {
    const doc = { ...report(), issued: '2025-01-05' };
    expect(publication(doc, '2025-03-01').signature.date).toBe('2025年1月5日');
  });

  it('splits paragraphs by outline level, a run-on heading keeping its face up to its first 。', () => {
    const pub = publication(report(), '2025-01-20');
    const overview = pub.sections[0]!;
    expect(overview.kind).toBe('text');
    if (overview.kind !== 'text') return;
    // The section's own heading, pasted with its text, is not repeated.
    expect(overview.paragraphs).toEqual([
      { level: null, lead: '', rest: '本机关依法公开政府信息。' },
      { level: 2, lead: '（一）强化领导。', rest: '根据条例要求，成立工作专班。' },
      { level: 3, lead: '', rest: '1.主动公开' },
      { level: 2, lead: '（二）平台建设', rest: '' },
    ]);
  });

  it('places every value cell of each table once, with the report’s values as printed', () => {
    const doc = report();
    const model = formatModel(doc.format);
    const [first, second] = model.keysByTable.t2;
    doc.cells[first!] = 3;
    doc.cells[second!] = 0;
    const money = model.cells.find((c) => c.kind === 'amount' && !c.computed)!;
    doc.cells[money.key] = 24252.3111;
    const pub = publication(doc, '2025-01-20');
    for (const section of pub.sections) {
      if (section.kind !== 'table') continue;
      const { table } = section;
      const keyed = allCells(table).filter((c) => c.key !== undefined);
      expect(keyed.map((c) => c.key).sort(), table.table).toEqual([...model.keysByTable[table.table]].sort());
      const seen = new Set<string>();
      for (const cell of allCells(table)) {
        expect(cell.col + cell.colSpan, `${table.table} ${cell.text}`).toBeLessThanOrEqual(table.columns);
        const at = `${cell.row}:${cell.col}:${table.headerRows.flat().includes(cell) ? 'h' : 'b'}`;
        expect(seen.has(at), at).toBe(false);
        seen.add(at);
      }
      expect(table.columnWidths).toHaveLength(table.columns);
    }
    const cellOf = (key: string) =>
      pub.sections.flatMap((s) => (s.kind === 'table' ? allCells(s.table) : [])).find((c) => c.key === key)!;
    expect(cellOf(first!).text).toBe('3');
    expect(cellOf(second!).text).toBe('0');
    expect(cellOf(money.key).text).toBe('24252.3111');
    // A blank cell prints empty, never 0.
    expect(cellOf(model.keysByTable.t3[0]!).text).toBe('');
  });
});
