// @vitest-environment jsdom
// UnitView: a unit's report read-only in the 汇总 mode — its heading line, the sections and tables in the
// report's order without inputs, the figures a changed PDF prints differently, its check results with the
// unit's explanations; 返回 or Esc goes back to the overview.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useMerge } from '../../../../renderer/src/merge/merge-store';
import { UnitView } from '../../../../renderer/src/merge/unit-view';
import type { MergeRowView, MergeUnitView } from '../../../../shared/ipc/contract';
import { PLACE_NAMES } from '../../../../shared/formats/vocabulary';
import { computeTotals } from '../../../../shared/checks/totals';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { mergeRow } from './merge-rows';

const initialMerge = useMerge.getState();

afterEach(() => {
  cleanup();
  useMerge.setState(initialMerge, true);
});

/** A complete report on which the checks find nothing: every cell filled, totals computed, each section written. */
function cleanReport(): ReportDocument {
  const doc = createReport({ year: 2022, agencyName: '平潭综合实验区', level: '设区的市级', now: '2023-01-05T00:00:00.000Z' });
  for (const c of formatModel('2021').cells) if (!c.computed) doc.cells[c.key] = 0;
  doc.cells['t4.review.upheld'] = 2;
  doc.cells['t2.regulations.issued'] = 1;
  doc.cells['t2.regulations.inForce'] = 3;
  doc.cells = computeTotals(doc);
  doc.sections = {
    overview: '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依申请公开工作有序开展。',
    problems: '存在的问题：公开内容不够全面。改进措施：加强培训。',
    other: '本年度未收取信息处理费。',
  };
  return doc;
}

const row = (doc: ReportDocument, over: Partial<MergeRowView> = {}) =>
  mergeRow('u7', doc.agency.name, { fileName: '平潭-2022.pdf', level: doc.agency.level, year: doc.year, format: doc.format, source: 'pdf-verified', ...over });

function showUnit(unit: MergeUnitView) {
  useMerge.setState({ unit, returnTo: null });
  return render(<UnitView unit={unit} />);
}

describe('UnitView', () => {
  it('heads the report with its title, file, source and status, read-only, the focus on 返回', () => {
    const doc = cleanReport();
    showUnit({ doc, row: row(doc, { status: 'superseded', statusDetail: '由 平潭-2022-更正.pdf 替代', exportedAt: '2023-01-20T08:00:00.000Z' }) });
    expect(screen.getByRole('heading', { level: 2, name: '2022年平潭综合实验区政府信息公开工作年度报告' })).toBeTruthy();
    expect(screen.getByText('平潭-2022.pdf · PDF内嵌数据（校验一致） · 已被更正，不计入：由 平潭-2022-更正.pdf 替代')).toBeTruthy();
    expect(screen.getByText('只读（不能修改）')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /返回概览/ }));
    const meta = document.querySelector('.unit-meta')!.textContent!;
    expect(meta).toContain('平潭综合实验区（设区的市级）');
    expect(meta).toContain('2022 年（2021年版格式）');
    expect(meta).toContain('导出/保存于2023-01-20');
  });

  it('shows the five parts in the report’s order, the tables without inputs', () => {
    const doc = cleanReport();
    doc.sections.other = '';
    showUnit({ doc, row: row(doc, { notes: ['从 PDF 附带的数据读取'] }) });
    const sections = [...document.querySelectorAll('.unit-section')];
    expect(sections.map((s) => s.querySelector('h3')!.textContent)).toEqual(['overview', 't2', 't3', 't4', 'problems', 'other'].map((p) => PLACE_NAMES[p as 'overview']));
    expect(sections[0]!.querySelector('.unit-text')!.textContent).toBe(doc.sections.overview);
    expect(sections[5]!.querySelector('.unit-text')!.textContent).toBe('（空）');
    expect(sections.slice(1, 4).map((s) => s.querySelector('table')!.dataset.table)).toEqual(['t2', 't3', 't4']);
    expect(document.querySelectorAll('input')).toHaveLength(0);
    expect(document.querySelector('.unit-notes')!.textContent).toBe('从 PDF 附带的数据读取');
  });

  it('shows every figure in its cell, named by its row and column, computed totals marked', () => {
    const doc = cleanReport();
    showUnit({ doc, row: row(doc) });
    const cell = (key: string) => document.querySelector<HTMLElement>(`td[data-key="${key}"]`)!;
    expect(cell('t4.review.total').textContent).toBe(String(doc.cells['t4.review.total']));
    expect(cell('t4.review.total').className).toContain('computed');
    expect(cell('t4.review.upheld').className).not.toContain('computed');
    expect(cell('t4.review.upheld').title).toBe('行政复议，结果维持');
    expect(cell('t2.regulations.issued').textContent).toBe(String(doc.cells['t2.regulations.issued']));
  });

  it('marks the figures a changed PDF prints differently, with the other number beside them', () => {
    const doc = cleanReport();
    const printed = structuredClone(doc);
    printed.cells['t4.review.upheld'] = 9;
    showUnit({ doc, row: row(doc, { source: 'pdf-edited' }), printedDiffers: ['t4.review.upheld'], other: { kind: 'printed', doc: printed } });
    const cell = document.querySelector<HTMLElement>('td[data-key="t4.review.upheld"]')!;
    expect(cell.className).toContain('differs');
    expect(cell.querySelector('.printed')!.textContent).toBe('印 9');
    expect(cell.title).toBe(`行政复议，结果维持：${doc.cells['t4.review.upheld']}，PDF 上印的是 9`);
    expect(document.querySelectorAll('td.differs')).toHaveLength(1);
    const note = screen.getByRole('note').textContent!;
    expect(note).toContain('有 1 个数字与它附带的数据不同');
    expect(note).toContain('附带的数据，标“印”的是 PDF 上印的数字');
  });

  it('says the printed figures are shown when the office chose them, the embedded data beside', () => {
    const doc = cleanReport();
    const embedded = structuredClone(doc);
    embedded.cells['t4.review.upheld'] = 4;
    showUnit({ doc, row: row(doc, { source: 'pdf-edited', dataUsed: 'printed' }), printedDiffers: ['t4.review.upheld'], other: { kind: 'embedded', doc: embedded } });
    expect(document.querySelector('td[data-key="t4.review.upheld"] .printed')!.textContent).toBe('内嵌 4');
    expect(screen.getByRole('note').textContent).toContain('您选定的印出的数字，标“内嵌”的是附带的数据');
  });

  it('has no note and no marks for a report whose PDF agrees with itself', () => {
    const doc = cleanReport();
    showUnit({ doc, row: row(doc) });
    expect(screen.queryByRole('note')).toBeNull();
    expect(document.querySelectorAll('td.differs')).toHaveLength(0);
  });

  it('lists the report’s check results by severity, with the unit’s explanation or its absence', () => {
    const doc = cleanReport();
    doc.cells['t4.review.upheld'] = (doc.cells['t4.review.upheld'] ?? 0) + 100; // total no longer its sum: an error
    doc.agency = { ...doc.agency, level: '乡镇' };
    doc.cells['t2.regulations.issued'] = 2; // a 乡镇 has no 规章 power: 须说明
    doc.explanations = [{ rule: 't2.regulationsPower', target: 'regulations', text: '系上级文件转发' }];
    const { unmount } = showUnit({ doc, row: row(doc) });
    const panel = screen.getByRole('complementary', { name: '这份报告的检查结果' });
    expect(panel.querySelector('.counts')!.textContent).toBe('错误 1须说明 1提示 0');
    const groups = [...panel.querySelectorAll('.severity-group')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['错误（1）', '须说明（1）']);
    expect(groups[0]!.querySelector('.finding')!.getAttribute('data-rule')).toBe('t4.groupSum');
    expect(groups[1]!.querySelector('.explanation')!.textContent).toBe('单位的说明：系上级文件转发');
    unmount();

    doc.explanations = [];
    showUnit({ doc, row: row(doc) });
    expect(document.querySelector('.severity-group.confirm .explanation')!.textContent).toBe('单位没有写说明');
  });

  it('says so when the checks find nothing', () => {
    const doc = cleanReport();
    showUnit({ doc, row: row(doc) });
    expect(screen.getByText('没有发现问题。')).toBeTruthy();
    expect(document.querySelectorAll('.severity-group')).toHaveLength(0);
  });

  it('返回 and Esc go back to the overview, the focus to go to the unit’s row', () => {
    const doc = cleanReport();
    const unit = { doc, row: row(doc) };
    const first = showUnit(unit);
    fireEvent.click(screen.getByRole('button', { name: /返回概览/ }));
    expect(useMerge.getState()).toMatchObject({ unit: null, returnTo: 'u7' });
    first.unmount();

    showUnit(unit);
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(useMerge.getState().unit).toBe(unit);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(useMerge.getState()).toMatchObject({ unit: null, returnTo: 'u7' });
  });

  it('leaves an Esc that something else already handled alone', () => {
    const doc = cleanReport();
    const unit = { doc, row: row(doc) };
    showUnit(unit);
    const handled = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    handled.preventDefault();
    window.dispatchEvent(handled);
    expect(useMerge.getState().unit).toBe(unit);
  });

  it('stops listening for Esc once closed', () => {
    const doc = cleanReport();
    const unit = { doc, row: row(doc) };
    const { unmount } = showUnit(unit);
    unmount();
    useMerge.setState({ unit, returnTo: null });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(useMerge.getState().unit).toBe(unit);
  });
});
