// @vitest-environment jsdom
// TableStep: a table's step — its grid, the typed-totals switch (switchTypedTotals asks before sums
// replace differing typed totals), the 2019 procurement unit, 空白格全部填0, the proposals and the ledger
// tools of table 3, and the keyboard help.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stepTitle } from '../../../../renderer/src/components/step-rail';
import { switchTypedTotals, TableStep } from '../../../../renderer/src/components/table-step';
import { useGridUi } from '../../../../renderer/src/grid/grid-controller';
import { cellAccessibleName } from '../../../../renderer/src/grid/grid-editor';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { formatModel } from '../../../../shared/formats/index';
import type { TableId } from '../../../../shared/formats/types';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';

const initialSession = useSession.getState();
const initialGridUi = useGridUi.getState();
const scrollIntoView = Element.prototype.scrollIntoView;

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

function report(year: number, change: (doc: ReportDocument) => void = () => {}): ReportDocument {
  const doc = createReport({ year, agencyName: '黄金镇人民政府', now: '2026-01-05T00:00:00.000Z' });
  change(doc);
  return doc;
}

const typedTables = () => currentDoc()!.settings?.typedTotals ?? [];
const dialog = () => useSession.getState().dialog;

describe('switchTypedTotals', () => {
  it('does nothing without a report', () => {
    expect(() => switchTypedTotals('t4', true)).not.toThrow();
    expect(currentDoc()).toBeNull();
  });

  it('turns typed totals on at once', () => {
    loadDoc(report(2025));
    switchTypedTotals('t4', true);
    expect(typedTables()).toEqual(['t4']);
    expect(dialog()).toBeNull();
  });

  it('turns them off at once when every typed total is its sum', () => {
    loadDoc(
      report(2025, (d) => {
        d.settings = { typedTotals: ['t4'] };
        d.cells['t4.review.upheld'] = 2;
        d.cells['t4.review.total'] = 2;
      }),
    );
    switchTypedTotals('t4', false);
    expect(typedTables()).toEqual([]);
    expect(dialog()).toBeNull();
  });

  it('asks before sums replace typed totals that differ, naming each with both numbers', () => {
    loadDoc(
      report(2025, (d) => {
        d.settings = { typedTotals: ['t4'] };
        d.cells['t4.review.upheld'] = 1;
        d.cells['t4.review.total'] = 5;
      }),
    );
    switchTypedTotals('t4', false);
    expect(typedTables()).toEqual(['t4']);
    expect(dialog()!.title).toBe('改为自动计算合计');
    expect(dialog()!.message).toContain('表四有 1 个手工填写的合计与各项之和不同');
    expect(dialog()!.details).toEqual([`${cellAccessibleName(formatModel('2021'), 't4.review.total')}：手工填写 5，各项之和 1`]);

    dialog()!.buttons.find((b) => b.label === '保留手工填写的合计')!.action();
    expect(dialog()).toBeNull();
    expect(typedTables()).toEqual(['t4']);
    expect(currentDoc()!.cells['t4.review.total']).toBe(5);

    switchTypedTotals('t4', false);
    dialog()!.buttons.find((b) => b.label === '改为自动计算')!.action();
    expect(dialog()).toBeNull();
    expect(typedTables()).toEqual([]);
    expect(currentDoc()!.cells['t4.review.total']).toBe(1);
  });

  it('lists six of many differing totals and counts the rest; a blank sum is said to be blank', () => {
    const model = formatModel('2021');
    const totals = model.keysByTable.t3.filter((k) => model.cellByKey.get(k)?.computed).slice(0, 9);
    loadDoc(
      report(2025, (d) => {
        d.settings = { typedTotals: ['t3'] };
        for (const key of totals) d.cells[key] = 7;
      }),
    );
    switchTypedTotals('t3', false);
    const details = dialog()!.details!;
    expect(details).toHaveLength(7);
    expect(details[0]).toBe(`${cellAccessibleName(model, totals[0]!)}：手工填写 7，各项之和 （空白）`);
    expect(details[6]).toBe('另有 3 个');
  });
});

describe('TableStep', () => {
  function renderStep(table: TableId) {
    return render(<TableStep table={table} />);
  }

  it('shows the table under its step title, as a grid', () => {
    loadDoc(report(2025));
    renderStep('t4');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(stepTitle('t4'));
    expect(screen.getByRole('grid').getAttribute('data-table')).toBe('t4');
  });

  it('offers the typed-totals switch where a table has totals, and it switches', () => {
    loadDoc(report(2025));
    renderStep('t4');
    const box = screen.getByRole('checkbox', { name: /手工填写合计/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(typedTables()).toEqual(['t4']);
    expect((screen.getByRole('checkbox', { name: /手工填写合计/ }) as HTMLInputElement).checked).toBe(true);
    cleanup();
    renderStep('t2');
    expect(screen.queryByRole('checkbox', { name: /手工填写合计/ })).toBeNull();
  });

  it('counts the table’s blank cells and fills them with 0 in one go, totals computed', () => {
    loadDoc(report(2025, (d) => void (d.cells['t4.review.upheld'] = 2)));
    renderStep('t4');
    const model = formatModel('2021');
    const keys = model.keysByTable.t4;
    const blanks = keys.filter((k) => currentDoc()!.cells[k] === null);
    expect(blanks).not.toContain('t4.review.total');
    const filled = blanks.filter((k) => !model.cellByKey.get(k)?.computed);
    fireEvent.click(screen.getByRole('button', { name: `空白格全部填0（${filled.length} 格）` }));
    expect(blanks.map((k) => currentDoc()!.cells[k])).toEqual(blanks.map(() => 0));
    expect(currentDoc()!.cells['t4.review.upheld']).toBe(2);
    expect(currentDoc()!.cells['t4.review.total']).toBe(2);
    expect(screen.queryByRole('button', { name: /空白格全部填0/ })).toBeNull();
  });

  it('on an empty table counts only the cells it fills, not the blank computed totals that follow them', () => {
    loadDoc(report(2025));
    renderStep('t4');
    const model = formatModel('2021');
    const fillable = model.keysByTable.t4.filter((k) => !model.cellByKey.get(k)?.computed);
    expect(fillable.length).toBeLessThan(model.keysByTable.t4.length);
    fireEvent.click(screen.getByRole('button', { name: `空白格全部填0（${fillable.length} 格）` }));
    expect(model.keysByTable.t4.map((k) => currentDoc()!.cells[k])).toEqual(model.keysByTable.t4.map(() => 0));
  });

  it('asks for the unit of the 2019 procurement amount, warns until chosen, prints it in the header', () => {
    loadDoc(report(2020));
    renderStep('t2');
    expect(screen.getByRole('group').querySelector('legend')!.textContent).toBe('政府集中采购“采购总金额”的单位');
    expect(screen.getByText('请选择单位，导出时印在表头')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '万元' }));
    expect(currentDoc()!.settings?.procurementUnit).toBe('万元');
    expect(screen.queryByText('请选择单位，导出时印在表头')).toBeNull();
    expect((screen.getByRole('radio', { name: '万元' }) as HTMLInputElement).checked).toBe(true);
    expect([...document.querySelectorAll('th')].some((th) => th.textContent === '采购总金额（单位：万元）')).toBe(true);
  });

  it('asks for no unit in the 2021 format', () => {
    loadDoc(report(2025));
    renderStep('t2');
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('tells how to write a decrease where the table has signed counts (2019 table 2)', () => {
    loadDoc(report(2020));
    const { container } = renderStep('t2');
    expect(container.querySelector('.keys-help')!.textContent).toContain('“本年增/减”减少时填负数');
    cleanup();
    renderStep('t4');
    expect(document.querySelector('.keys-help')!.textContent).not.toContain('本年增/减');
  });

  it('shows table 3’s proposals and its ledger tools, and neither on table 4', () => {
    loadDoc(
      report(2025, (d) => {
        d.cells['t3.carriedIn.natural'] = 3;
        d.proposed = { cells: ['t3.carriedIn.natural'], sections: [] };
      }),
    );
    renderStep('t3');
    expect(screen.getByTestId('proposed-panel')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载台账模板' })).toBeTruthy();
    cleanup();
    renderStep('t4');
    expect(screen.queryByTestId('proposed-panel')).toBeNull();
    expect(screen.queryByRole('button', { name: '下载台账模板' })).toBeNull();
  });

  it('follows the document: a typed-totals switch made elsewhere shows at once', () => {
    loadDoc(report(2025));
    renderStep('t4');
    act(() => switchTypedTotals('t4', true));
    expect((screen.getByRole('checkbox', { name: /手工填写合计/ }) as HTMLInputElement).checked).toBe(true);
  });
});
