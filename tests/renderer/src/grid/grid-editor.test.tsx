// @vitest-environment jsdom
// GridEditor: a table of the report drawn as the printed grid, one input per value cell named by its row
// and column (cellAccessibleName), showing its value, a refused entry, the computed / proposed / finding
// marks, the cursor, and the focus requests of the findings panel; typing writes through.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useGridUi } from '../../../../renderer/src/grid/grid-controller';
import { cellAccessibleName, GridEditor, PROPOSED_BY_CONVERSION_LABEL, PROPOSED_LABEL } from '../../../../renderer/src/grid/grid-editor';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import type { GridCell, TableId } from '../../../../shared/formats/types';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';

const model = formatModel('2021');
const initialSession = useSession.getState();
const initialGridUi = useGridUi.getState();
const scrollIntoView = Element.prototype.scrollIntoView;

// jsdom lays nothing out and has no scrollIntoView; the controller calls it when it moves the focus.
beforeAll(() => {
  Element.prototype.scrollIntoView = () => {};
});
afterAll(() => {
  Element.prototype.scrollIntoView = scrollIntoView;
});

afterEach(() => {
  cleanup();
  loadDoc(null);
  useSession.setState(initialSession, true);
  useGridUi.setState(initialGridUi, true);
});

function report(change: (doc: ReportDocument) => void = () => {}): ReportDocument {
  const doc = createReport({ year: 2025, agencyName: '黄金镇人民政府', now: '2026-01-05T00:00:00.000Z' });
  change(doc);
  return doc;
}

function renderTable(table: TableId, headerText?: (cell: GridCell) => string) {
  return render(<GridEditor table={table} grid={model.grids[table]} model={model} caption={`表格 ${table}`} {...(headerText ? { headerText } : {})} />);
}

/** The input of a cell, found by its data-key. */
function input(key: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(`input[data-key="${key}"]`);
  if (!el) throw new Error(`no input for ${key}`);
  return el;
}

describe('cellAccessibleName', () => {
  it('names a cell by its row labels, then its column labels', () => {
    expect(cellAccessibleName(model, 't3.carriedIn.natural')).toBe('二、上年结转政府信息公开申请数量，申请人情况 自然人');
    expect(cellAccessibleName(model, 't4.review.upheld')).toBe('行政复议，结果维持');
  });

  it('falls back to the key of a cell the format does not have', () => {
    expect(cellAccessibleName(model, 't2.procurement.amount')).toBe('t2.procurement.amount');
  });
});

describe('GridEditor', () => {
  it('draws the official grid: one named input per value cell, the rows counted, a caption', () => {
    loadDoc(report());
    renderTable('t4');
    const grid = screen.getByRole('grid');
    const t4 = model.grids.t4;
    expect(grid.getAttribute('aria-rowcount')).toBe(String(t4.headerRows.length + t4.bodyRows.length));
    expect(grid.querySelector('caption')!.textContent).toBe('表格 t4');
    expect([...grid.querySelectorAll('input')].map((i) => i.dataset.key).sort()).toEqual([...model.keysByTable.t4].sort());
    expect(screen.getByRole('textbox', { name: '行政复议，结果维持' })).toBe(input('t4.review.upheld'));
  });

  it('prints the headers through headerText when given', () => {
    loadDoc(report());
    renderTable('t4', (cell) => `〔${cell.text ?? ''}〕`);
    const headers = [...document.querySelectorAll('th')].map((th) => th.textContent!);
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every((h) => h.startsWith('〔') && h.endsWith('〕'))).toBe(true);
  });

  it('shows each value, a blank as an empty blank cell', () => {
    loadDoc(report((d) => void (d.cells['t4.review.upheld'] = 2)));
    renderTable('t4');
    expect(input('t4.review.upheld').value).toBe('2');
    expect(input('t4.review.upheld').closest('td')!.className).not.toContain('blank');
    expect(input('t4.suitDirect.other').value).toBe('');
    expect(input('t4.suitDirect.other').closest('td')!.className).toContain('blank');
  });

  it('marks a computed total and says so, unless the table’s totals are typed', () => {
    loadDoc(report((d) => void (d.cells['t4.review.upheld'] = 2)));
    const { unmount } = renderTable('t4');
    const total = input('t4.review.total');
    expect(total.value).toBe('2');
    expect(total.closest('td')!.className).toContain('computed');
    expect(total.getAttribute('aria-label')).toBe('行政复议，总计（自动计算；输入数字则改为手工填写合计）');
    expect(total.title).toBe('自动计算');
    unmount();
    loadDoc(report((d) => void (d.settings = { typedTotals: ['t4'] })));
    renderTable('t4');
    expect(input('t4.review.total').closest('td')!.className).not.toContain('computed');
    expect(input('t4.review.total').getAttribute('aria-label')).toBe('行政复议，总计');
  });

  it('marks a proposed cell 待确认 until it is typed into, which makes it the user’s', () => {
    loadDoc(
      report((d) => {
        d.cells['t3.carriedIn.natural'] = 3;
        d.proposed = { cells: ['t3.carriedIn.natural'], sections: [] };
      }),
    );
    renderTable('t3');
    const cell = input('t3.carriedIn.natural');
    expect(cell.getAttribute('aria-label')).toBe(`${cellAccessibleName(model, 't3.carriedIn.natural')}（${PROPOSED_LABEL}）`);
    expect(cell.closest('td')!.querySelector('.proposed-badge')!.textContent).toBe('待确认');
    fireEvent.change(cell, { target: { value: '4' } });
    expect(currentDoc()!.cells['t3.carriedIn.natural']).toBe(4);
    expect(currentDoc()!.proposed).toBeUndefined();
    expect(input('t3.carriedIn.natural').closest('td')!.querySelector('.proposed-badge')).toBeNull();
  });

  it('says where a proposed value comes from: converting back offers the value kept before the conversion', () => {
    loadDoc(
      report((d) => {
        d.cells['t2.fees.amount'] = 1.5;
        d.cells['t3.carriedIn.natural'] = 3;
        d.proposed = { cells: ['t2.fees.amount', 't3.carriedIn.natural'], sections: [] };
        d.history = [
          { at: '2026-01-06T00:00:00.000Z', action: 'convert', from: '2021', to: '2019', dropped: { 't2.fees.amount': 1.5 } },
          { at: '2026-01-07T00:00:00.000Z', action: 'convert', from: '2019', to: '2021', dropped: {} },
        ];
      }),
    );
    renderTable('t2');
    const fee = input('t2.fees.amount');
    expect(fee.getAttribute('aria-label')).toBe(`${cellAccessibleName(model, 't2.fees.amount')}（${PROPOSED_BY_CONVERSION_LABEL}）`);
    expect(fee.title).toBe('按上次转换格式前的数值建议填入，待确认');
    expect(fee.closest('td')!.querySelector('.proposed-badge')!.textContent).toBe('待确认');
  });

  it('marks the cells of an error finding as invalid and names the severity', () => {
    // A typed total that is not the sum of its parts.
    loadDoc(
      report((d) => {
        d.settings = { typedTotals: ['t4'] };
        d.cells['t4.review.upheld'] = 1;
        d.cells['t4.review.total'] = 5;
      }),
    );
    renderTable('t4');
    const total = input('t4.review.total');
    expect(total.getAttribute('aria-invalid')).toBe('true');
    expect(total.getAttribute('aria-label')).toBe('行政复议，总计（错误）');
    expect(total.closest('td')!.className).toContain('mark-error');
    expect(input('t4.suitDirect.total').getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps a refused entry as typed, with its reason beside the cell refused last', () => {
    loadDoc(report((d) => void (d.invalidCells = { 't4.review.upheld': '三' })));
    renderTable('t4');
    const cell = input('t4.review.upheld');
    expect(cell.value).toBe('三');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(cell.closest('td')!.className).toContain('invalid');
    expect(screen.queryByTestId('cell-reason')).toBeNull();
    act(() => useGridUi.setState({ lastRefused: 't4.review.upheld' }));
    const reason = screen.getByTestId('cell-reason');
    expect(reason.textContent).toContain('未接受“三”');
    expect(cell.getAttribute('aria-describedby')).toBe(reason.id);
    act(() => useGridUi.setState({ dismissed: new Set(['t4.review.upheld']) }));
    expect(screen.queryByTestId('cell-reason')).toBeNull();
  });

  it('starts with the cursor on the table’s first cell: the grid is one tab stop', () => {
    loadDoc(report());
    renderTable('t4');
    const first = model.keysByTable.t4[0]!;
    expect(useGridUi.getState().cursor).toBe(first);
    const stops = [...document.querySelectorAll('input')].filter((i) => i.tabIndex === 0);
    expect(stops.map((i) => i.dataset.key)).toEqual([first]);
    expect(input(first).closest('td')!.getAttribute('aria-selected')).toBe('true');
  });

  it('moves the cursor and the focus to a cell asked for, and takes the request', () => {
    loadDoc(report());
    renderTable('t4');
    act(() => useSession.setState({ focus: { kind: 'cell', key: 't4.suitDirect.other', nonce: 1 } }));
    expect(document.activeElement).toBe(input('t4.suitDirect.other'));
    expect(useGridUi.getState().cursor).toBe('t4.suitDirect.other');
    expect(useSession.getState().focus).toBeNull();
  });

  it('leaves a focus request for a cell of another table alone', () => {
    loadDoc(report());
    renderTable('t4');
    const request = { kind: 'cell' as const, key: 't3.received.natural', nonce: 2 };
    act(() => useSession.setState({ focus: request }));
    expect(useSession.getState().focus).toEqual(request);
    expect(useGridUi.getState().cursor).toBe(model.keysByTable.t4[0]);
  });

  it('writes what is typed through, and the computed total follows', () => {
    loadDoc(report());
    renderTable('t4');
    fireEvent.change(input('t4.review.corrected'), { target: { value: '3' } });
    expect(currentDoc()!.cells['t4.review.corrected']).toBe(3);
    expect(input('t4.review.corrected').closest('td')!.className).toContain('editing');
    fireEvent.blur(input('t4.review.corrected'));
    expect(input('t4.review.corrected').closest('td')!.className).not.toContain('editing');
    expect(input('t4.review.total').value).toBe('3');
  });
});
