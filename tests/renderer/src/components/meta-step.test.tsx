// @vitest-environment jsdom
// 基本信息: agency name, level, region, year (refused with the reason until it is a supported year, and
// following undo), the title (the default not stored), the issue date, the format against the year with
// 转换, last year's report kept in the file, and the focus a finding asks for.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { defaultReportTitle, type PreviousReport } from '../../../../shared/model/report';
import { MetaStep } from '../../../../renderer/src/components/meta-step';
import { currentDoc, loadDoc, undo } from '../../../../renderer/src/store/document-store';
import { focusMeta, useSession } from '../../../../renderer/src/store/session-store';

const field = (name: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`.meta-step [name="${name}"]`)!;

beforeEach(() => {
  loadDoc(createReport({ year: 2024, agencyName: '测试镇人民政府', region: '福建省' }));
});

afterEach(() => {
  cleanup();
  loadDoc(null);
  useSession.setState({ focus: null, dialog: null, docId: null, fileName: null });
});

describe('MetaStep', () => {
  it('shows nothing without a report', () => {
    loadDoc(null);
    const { container } = render(<MetaStep />);
    expect(container.innerHTML).toBe('');
  });

  it('writes agency name, level and region into the report; an emptied region is removed', () => {
    render(<MetaStep />);
    expect(field('agencyName').value).toBe('测试镇人民政府');
    fireEvent.change(field('agencyName'), { target: { value: '测试县人民政府' } });
    fireEvent.change(field('level'), { target: { value: '县级' } });
    fireEvent.change(field('region'), { target: { value: '' } });
    expect(currentDoc()!.agency).toEqual({ name: '测试县人民政府', level: '县级' });
    fireEvent.change(field('region'), { target: { value: '福州市' } });
    expect(currentDoc()!.agency.region).toBe('福州市');
  });

  it('refuses a year it cannot use with the reason, keeping the report’s year, and takes a valid one (full-width too)', () => {
    render(<MetaStep />);
    fireEvent.change(field('year'), { target: { value: '202' } });
    expect(screen.getByRole('alert').textContent).toContain('不是四位年份');
    fireEvent.change(field('year'), { target: { value: '2015' } });
    expect(screen.getByRole('alert').textContent).toContain('年报助手不支持');
    expect(currentDoc()!.year).toBe(2024);
    expect(field('year').value).toBe('2015');
    fireEvent.change(field('year'), { target: { value: '２０２３' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(currentDoc()!.year).toBe(2023);
  });

  it('shows the year undo puts back', () => {
    render(<MetaStep />);
    fireEvent.change(field('year'), { target: { value: '2023' } });
    act(() => undo());
    expect(currentDoc()!.year).toBe(2024);
    expect(field('year').value).toBe('2024');
  });

  it('shows the default title without storing it; a written title is stored until 恢复默认标题', () => {
    render(<MetaStep />);
    const title = screen.getByTestId('report-title') as HTMLInputElement;
    expect(title.value).toBe('测试镇人民政府2024年政府信息公开工作年度报告');
    expect(screen.queryByRole('button', { name: /恢复默认标题/ })).toBeNull();
    fireEvent.change(title, { target: { value: '测试镇2024年政务公开年报' } });
    expect(currentDoc()!.title).toBe('测试镇2024年政务公开年报');
    fireEvent.click(screen.getByRole('button', { name: `恢复默认标题（${defaultReportTitle(currentDoc()!)}）` }));
    expect('title' in currentDoc()!).toBe(false);
    // Typing the default is the same as not writing one: it keeps following name and year.
    fireEvent.change(title, { target: { value: '自定' } });
    fireEvent.change(title, { target: { value: defaultReportTitle(currentDoc()!) } });
    expect('title' in currentDoc()!).toBe(false);
  });

  it('keeps a picked issue date and drops a cleared one (then the export’s day is used)', () => {
    render(<MetaStep />);
    const issued = field('issued') as HTMLInputElement;
    fireEvent.change(issued, { target: { value: '2025-01-15' } });
    expect(currentDoc()!.issued).toBe('2025-01-15');
    fireEvent.change(issued, { target: { value: '' } });
    expect('issued' in currentDoc()!).toBe(false);
  });

  it('says when the format does not fit the year and offers converting to the one the year calls for', () => {
    loadDoc(createReport({ year: 2020, agencyName: '测试镇人民政府', format: '2021' }));
    render(<MetaStep />);
    expect(screen.getByText('（2020 年度应使用 2019 年版格式，见检查结果）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '转换为 2019 年版格式…' }));
    expect(useSession.getState().dialog?.title).toBe('转换格式');
    cleanup();
    // A format that fits offers the other one.
    loadDoc(createReport({ year: 2024, agencyName: '测试镇人民政府' }));
    render(<MetaStep />);
    expect(screen.queryByText(/年度应使用/)).toBeNull();
    expect(screen.getByRole('button', { name: '转换为 2019 年版格式…' })).toBeTruthy();
  });

  it('moves the focus to the field a finding names', () => {
    render(<MetaStep />);
    act(() => focusMeta('format'));
    expect(document.activeElement).toBe(field('year'));
    act(() => focusMeta('title'));
    expect(document.activeElement).toBe(screen.getByTestId('report-title'));
    act(() => focusMeta('agencyName'));
    expect(document.activeElement).toBe(field('agencyName'));
    expect(useSession.getState().focus).toBeNull();
  });

  it('names last year’s report kept in the file and asks before removing it', () => {
    const last = createReport({ year: 2023, agencyName: '测试镇人民政府' });
    const previous: PreviousReport = {
      year: 2023,
      agency: last.agency,
      format: '2021',
      source: { fileName: '2023年报.html', kind: 'html' },
      sha256: '0123456789abcdef'.repeat(4),
      cells: last.cells,
      problems: '',
    };
    loadDoc({ ...currentDoc()!, previous });
    render(<MetaStep />);
    const kept = screen.getByTestId('previous-kept');
    expect(kept.textContent).toContain('2023 年度报告（2023年报.html，网页）');
    expect(kept.textContent).toContain('文件 SHA-256：0123456789abcdef…');
    fireEvent.click(screen.getByRole('button', { name: '移除上年报告' }));
    expect(useSession.getState().dialog?.title).toBe('移除上年报告');
  });

  it('shows the report’s earlier versions below', () => {
    useSession.setState({ docId: 'd1', fileName: null });
    render(<MetaStep />);
    expect(screen.getByRole('heading', { name: '历史版本' })).toBeTruthy();
    expect(screen.getByText('报告保存后，每次保存都会把上一版留作备份。')).toBeTruthy();
  });
});
