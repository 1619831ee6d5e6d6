// @vitest-environment jsdom
// ProposedPanel: the cells of one table proposed from last year's report, grouped by row, each with its
// value, a link to the cell and 确认; 全部确认 confirms the table's proposals and leaves the others.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProposedPanel } from '../../../../renderer/src/components/proposed-panel';
import { cellAccessibleName } from '../../../../renderer/src/grid/grid-editor';
import { currentDoc, loadDoc, undo } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import { previousBlock } from '../../../../shared/model/previous';
import type { ReportDocument } from '../../../../shared/model/report';

const initialSession = useSession.getState();
const model = formatModel('2021');

afterEach(() => {
  cleanup();
  loadDoc(null);
  useSession.setState(initialSession, true);
});

const PROPOSED = ['t3.carriedIn.natural', 't3.carriedIn.commercial', 't3.received.otherOrg', 't2.regulations.inForce'];

/** This year's report begun from last year's: carried-in cells proposed (and, as test input, a cell of
 *  another row and one of table 2). */
function reportFromLastYear({ withPrevious = true } = {}): ReportDocument {
  const last = createReport({ year: 2024, agencyName: '黄金镇人民政府', now: '2025-01-05T00:00:00.000Z' });
  const doc = createReport({ year: 2025, agencyName: '黄金镇人民政府', now: '2026-01-05T00:00:00.000Z' });
  doc.cells['t3.carriedIn.natural'] = 3;
  doc.cells['t3.carriedIn.commercial'] = 0;
  doc.cells['t3.received.otherOrg'] = 1;
  doc.cells['t2.regulations.inForce'] = 12;
  doc.proposed = { cells: [...PROPOSED], sections: [] };
  if (withPrevious) doc.previous = previousBlock(last, { fileName: '黄金镇-2024.nianbao', kind: 'report' }, 'a'.repeat(64));
  return doc;
}

const proposedCells = () => currentDoc()!.proposed?.cells ?? [];

describe('ProposedPanel', () => {
  it('renders nothing for a table without proposals, or without a report', () => {
    const { container, unmount } = render(<ProposedPanel table="t3" />);
    expect(container.innerHTML).toBe('');
    unmount();
    loadDoc(reportFromLastYear());
    const t4 = render(<ProposedPanel table="t4" />);
    expect(t4.container.innerHTML).toBe('');
  });

  it('counts the table’s proposed cells and names the report they came from', () => {
    loadDoc(reportFromLastYear());
    render(<ProposedPanel table="t3" />);
    expect(screen.getByRole('heading').textContent).toBe('按上年报告建议填入、待确认的 3 格');
    expect(screen.getByTestId('proposed-panel').textContent).toContain('这些数字来自 2024 年度报告（黄金镇-2024.nianbao）');
  });

  it('says 上年报告 when last year’s report is not kept in the file', () => {
    loadDoc(reportFromLastYear({ withPrevious: false }));
    render(<ProposedPanel table="t3" />);
    expect(screen.getByTestId('proposed-panel').textContent).toContain('这些数字来自上年报告');
  });

  it('names the conversion for the values offered again by converting back, and both origins when mixed', () => {
    const doc = reportFromLastYear();
    doc.history = [{ at: '2026-01-06T00:00:00.000Z', action: 'convert', from: '2021', to: '2019', dropped: { 't2.regulations.inForce': 12 } }];
    doc.history.push({ at: '2026-01-07T00:00:00.000Z', action: 'convert', from: '2019', to: '2021', dropped: {} });
    loadDoc(doc);
    const t2 = render(<ProposedPanel table="t2" />);
    expect(screen.getByRole('heading').textContent).toBe('按上次转换格式前的数值建议填入、待确认的 1 格');
    expect(screen.getByTestId('proposed-panel').textContent).toContain('这些数字是转换为 2019 年版格式前的数值（2019 年版格式中没有位置，保存在文件的历史记录中）');
    t2.unmount();
    render(<ProposedPanel table="t3" />);
    expect(screen.getByRole('heading').textContent).toBe('按上年报告建议填入、待确认的 3 格');
    cleanup();
    loadDoc({ ...doc, history: [{ ...doc.history[0]!, dropped: { 't2.regulations.inForce': 12, 't3.received.otherOrg': 1 } }, doc.history[1]!] });
    render(<ProposedPanel table="t3" />);
    expect(screen.getByRole('heading').textContent).toBe('建议填入、待确认的 3 格');
    expect(screen.getByTestId('proposed-panel').textContent).toContain('其中 1 格是转换为 2019 年版格式前的数值');
    expect(screen.getByTestId('proposed-panel').textContent).toContain('其余来自 2024 年度报告（黄金镇-2024.nianbao）');
  });

  it('groups the cells by row: the row once, then each column with its value', () => {
    loadDoc(reportFromLastYear());
    const { container } = render(<ProposedPanel table="t3" />);
    const rows = [...container.querySelectorAll('.proposed-row')];
    expect(rows.map((r) => r.querySelector('.proposed-row-label')!.textContent)).toEqual(['二、上年结转政府信息公开申请数量：', '一、本年新收政府信息公开申请数量：']);
    const carried = [...rows[0]!.querySelectorAll('li')].map((li) => [li.querySelector('button')!.textContent, li.querySelector('strong')!.textContent]);
    expect(carried).toEqual([
      ['自然人', '3'],
      ['商业企业', '0'],
    ]);
    expect(rows[1]!.querySelector('strong')!.textContent).toBe('1');
  });

  it('a column’s link goes to the cell in the grid', () => {
    loadDoc(reportFromLastYear());
    useSession.setState({ step: 'meta' });
    render(<ProposedPanel table="t3" />);
    fireEvent.click(screen.getByTitle(`转到 ${cellAccessibleName(model, 't3.carriedIn.commercial')}`));
    expect(useSession.getState().step).toBe('t3');
    expect(useSession.getState().focus).toMatchObject({ kind: 'cell', key: 't3.carriedIn.commercial' });
  });

  it('确认 takes the mark off one cell, keeping its value, as one undo step', () => {
    loadDoc(reportFromLastYear());
    render(<ProposedPanel table="t3" />);
    fireEvent.click(screen.getByRole('button', { name: `确认 ${cellAccessibleName(model, 't3.carriedIn.natural')}` }));
    expect(proposedCells()).toEqual(PROPOSED.filter((k) => k !== 't3.carriedIn.natural'));
    expect(currentDoc()!.cells['t3.carriedIn.natural']).toBe(3);
    expect(screen.getByRole('heading').textContent).toBe('按上年报告建议填入、待确认的 2 格');
    act(() => undo());
    expect(proposedCells()).toEqual(PROPOSED);
  });

  it('全部确认 confirms every proposal of the table and leaves those of other tables', () => {
    loadDoc(reportFromLastYear());
    const { container } = render(<ProposedPanel table="t3" />);
    const panel = screen.getByTestId('proposed-panel');
    fireEvent.click(within(panel).getByRole('button', { name: '全部确认（3 格）' }));
    expect(proposedCells()).toEqual(['t2.regulations.inForce']);
    expect(container.innerHTML).toBe('');
  });
});
