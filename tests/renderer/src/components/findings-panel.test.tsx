// @vitest-environment jsdom
// The findings panel over a real report's live checks: the counts, 待填写 and the severity groups by
// place; a click goes to the finding's cell, text or field; 全部填0, 转换, the explanation of a confirm
// finding, and last year's report. Also its helpers quotedPassages, goToFinding and fillBlanksWithZero.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/checks/types';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import type { PreviousReport } from '../../../../shared/model/report';
import { FindingsPanel, fillBlanksWithZero, goToFinding, quotedPassages } from '../../../../renderer/src/components/findings-panel';
import { currentDoc, loadDoc, pastStepCount, undo } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge();
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState({ step: 'meta', focus: null, dialog: null, notice: null, error: null });
});

/** A blank 2024 report of a 乡镇 (2021 format): every cell blank, every section empty. */
function blankReport() {
  return createReport({ year: 2024, agencyName: '测试镇人民政府' });
}

function finding(over: Partial<Finding>): Finding {
  return { rule: 'test.rule', severity: 'error', target: 'x', place: 't3', cells: [], message: '测试', ...over } as Finding;
}

const counts = () => screen.getByTestId('findings-counts').textContent;

describe('quotedPassages', () => {
  it('finds the sentence a text finding quotes, also when shortened with …', () => {
    // Longest first; the editor selects the first one its text contains.
    expect(quotedPassages('“五、存在的主要问题及改进情况”中写道：“…全年共收到政府信息公开申请100件”，其中')).toEqual([
      '全年共收到政府信息公开申请100件',
      '五、存在的主要问题及改进情况',
    ]);
  });

  it('ignores quotes shorter than four characters and pieces of an excerpt that short', () => {
    expect(quotedPassages('“规章”行填报了“12”，见“…公开申请…共3件”')).toEqual(['公开申请']);
    expect(quotedPassages('没有引文')).toEqual([]);
  });
});

describe('goToFinding', () => {
  it('goes to a table finding’s first cell, a meta field, a section with its quoted sentence, or just the step', () => {
    goToFinding(finding({ place: 't4', cells: ['t4.review.total', 't4.review.upheld'] }));
    expect(useSession.getState()).toMatchObject({ step: 't4', focus: { kind: 'cell', key: 't4.review.total' } });
    goToFinding(finding({ place: 'meta', target: 'year' }));
    expect(useSession.getState()).toMatchObject({ step: 'meta', focus: { kind: 'meta', field: 'year' } });
    goToFinding(finding({ place: 'problems', message: '“全年共收到申请100件”与表三不符', range: { start: 3, end: 12 } }));
    expect(useSession.getState()).toMatchObject({
      step: 'problems',
      focus: { kind: 'section', key: 'problems', select: ['全年共收到申请100件'], range: { start: 3, end: 12 } },
    });
    useSession.setState({ focus: null });
    goToFinding(finding({ place: 't2', cells: [] }));
    expect(useSession.getState()).toMatchObject({ step: 't2', focus: null });
  });
});

describe('fillBlanksWithZero', () => {
  it('writes 0 into the table’s blank cells only, leaving typed values and refused entries, as one undo step', () => {
    const doc = blankReport();
    doc.cells['t4.review.upheld'] = 3;
    doc.invalidCells = { 't4.review.other': '1o' };
    loadDoc(doc);
    fillBlanksWithZero('t4');
    const cells = currentDoc()!.cells;
    expect(cells['t4.review.upheld']).toBe(3);
    expect(cells['t4.review.other']).toBeNull();
    expect(cells['t4.review.corrected']).toBe(0);
    expect(cells['t4.suitAfterReview.pending']).toBe(0);
    // Totals are computed from the parts, not filled with 0.
    expect(cells['t4.suitDirect.total']).toBe(0);
    expect(cells['t4.review.total']).not.toBe(0);
    expect(currentDoc()!.settings?.typedTotals ?? []).not.toContain('t4');
    // Other tables are untouched.
    expect(cells['t2.regulations.issued']).toBeNull();
    expect(pastStepCount()).toBe(1);
  });
});

describe('FindingsPanel', () => {
  it('counts what is left to fill apart from errors, confirms and hints, and lists it first', () => {
    loadDoc(blankReport());
    render(<FindingsPanel />);
    const blanks = formatModel('2021').cells.filter((c) => !c.computed).length;
    // Every cell the user fills (the computed totals follow their parts), plus the two required sections
    // 一 and 五; the empty 六 is a confirm in the 2021 format.
    expect(counts()).toBe(`待填写 ${blanks + 2}错误 0须说明 1提示 0`);
    const todo = screen.getByRole('region', { name: `待填写 ${blanks + 2} 处` });
    expect([...todo.querySelectorAll('li.finding')].map((li) => (li as HTMLElement).dataset.target)).toEqual(['t2', 't3', 't4', 'overview', 'problems']);
    const confirm = screen.getByRole('region', { name: '须说明 1 条' });
    expect(within(confirm).getByRole('heading', { level: 4 }).textContent).toBe('六、其他需要报告的事项');
    expect(screen.queryByText('没有发现问题。')).toBeNull();
  });

  it('says all clear when there is nothing to report', () => {
    render(<FindingsPanel />);
    expect(screen.getByText('没有发现问题。')).toBeTruthy();
    expect(counts()).toBe('错误 0须说明 0提示 0');
  });

  it('goes to the first blank cell when a 待填写 finding is clicked', () => {
    loadDoc(blankReport());
    render(<FindingsPanel />);
    const t3 = document.querySelector('li.finding[data-target="t3"]')!;
    fireEvent.click(within(t3 as HTMLElement).getByRole('button', { name: /^表三有 144 个单元格未填写/ }));
    expect(useSession.getState()).toMatchObject({ step: 't3', focus: { kind: 'cell', key: formatModel('2021').keysByTable.t3[0] } });
  });

  it('全部填0 fills that table’s blanks and its 待填写 entry goes away', () => {
    loadDoc(blankReport());
    render(<FindingsPanel />);
    const t4 = document.querySelector<HTMLElement>('li.finding[data-target="t4"]')!;
    fireEvent.click(within(t4).getByRole('button', { name: '全部填0' }));
    expect(currentDoc()!.cells['t4.review.total']).toBe(0);
    expect(document.querySelector('li.finding[data-target="t4"]')).toBeNull();
    // The count falls by what the button said it would fill: 12 cells.
    expect(counts()).toContain(`待填写 ${formatModel('2021').cells.filter((c) => !c.computed).length + 2 - 12}`);
    // Only table findings offer it.
    expect(within(document.querySelector<HTMLElement>('li.finding[data-target="overview"]')!).queryByRole('button', { name: '全部填0' })).toBeNull();
  });

  it('takes the explanation of a confirm finding into the report and counts what is still to explain', () => {
    const doc = blankReport();
    doc.cells['t2.regulations.issued'] = 2;
    loadDoc(doc);
    render(<FindingsPanel />);
    expect(counts()).toContain('须说明 2');
    expect(counts()).not.toContain('待说明');
    const item = document.querySelector<HTMLElement>('li.finding[data-rule="t2.regulationsPower"]')!;
    const box = within(item).getByRole('textbox');
    // The field names the finding it explains.
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toContain('没有规章制定权');
    fireEvent.change(box, { target: { value: '系县政府规章的转发件，已更正。' } });
    expect(currentDoc()!.explanations).toEqual([{ rule: 't2.regulationsPower', target: 'regulations', text: '系县政府规章的转发件，已更正。' }]);
    expect(counts()).toContain('须说明 2（待说明 1）');
    expect(item.querySelector('label.explanation')!.className).toContain('done');
  });

  it('offers 转换 on a format that does not fit the year, which shows what the conversion does', () => {
    const doc = createReport({ year: 2020, agencyName: '测试镇人民政府', format: '2021' });
    loadDoc(doc);
    render(<FindingsPanel />);
    const item = document.querySelector<HTMLElement>('li.finding[data-rule="meta.formatYear"]')!;
    fireEvent.click(within(item).getByRole('button', { name: '转换' }));
    expect(useSession.getState().dialog?.title).toBe('转换格式');
    expect(useSession.getState().dialog?.message).toContain('从 2021 年版格式转换为 2019 年版格式');
  });

  it('loads last year’s report for the comparison, names it, and removes it after asking', async () => {
    loadDoc(blankReport());
    const last = createReport({ year: 2023, agencyName: '测试镇人民政府' });
    const previous: PreviousReport = {
      year: 2023,
      agency: last.agency,
      format: '2021',
      source: { fileName: '2023年报.docx', kind: 'docx' },
      sha256: 'a'.repeat(64),
      cells: last.cells,
      problems: '',
    };
    bridge.handle({ 'doc:openPrevious': () => ({ previous, fileName: '2023年报.docx', source: 'Word 文档', problems: [] }) });
    render(<FindingsPanel />);
    fireEvent.click(screen.getByRole('button', { name: '载入上年报告，对比检查…' }));
    await screen.findByText(/已与上年报告对比：2023 年度（2023年报.docx）/);
    expect(currentDoc()!.previous?.year).toBe(2023);
    fireEvent.click(screen.getByRole('button', { name: '移除' }));
    expect(useSession.getState().dialog?.title).toBe('移除上年报告');
    act(() => useSession.getState().dialog!.buttons.find((b) => b.label === '移除')!.action());
    expect(currentDoc()!.previous).toBeUndefined();
    expect(screen.getByRole('button', { name: '载入上年报告，对比检查…' })).toBeTruthy();
    undo();
    expect(currentDoc()!.previous?.year).toBe(2023);
  });
});
