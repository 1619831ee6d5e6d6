// @vitest-environment jsdom
// ImportYearForm asks for the year and agency of an imported text that names neither: it refuses a bad
// year or an empty agency before asking main, keeps main's own refusal in the form, and 取消/Esc forget it.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_SUPPORTED_YEAR } from '../../../../shared/formats/vocabulary';
import { createReport } from '../../../../shared/model/document';
import { ImportYearForm } from '../../../../renderer/src/components/import-year-form';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

const ASK = { importId: 'imp-1', message: '读不出报告年度：文本中没有标题，也没有统计期限。' };

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge({ 'import:discard': () => ({}), 'doc:close': () => ({}) });
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState({ importAsk: null, screen: 'start', docId: null, fileName: null, location: null, savedDoc: null, error: null, notice: null, importProblems: null, focus: null });
});

function openAsk(): HTMLElement {
  render(<ImportYearForm />);
  act(() => useSession.setState({ importAsk: ASK }));
  return screen.getByTestId('import-year-form');
}

function fill(form: HTMLElement, year: string, agency: string): void {
  fireEvent.change(form.querySelector('input[name=importYear]')!, { target: { value: year } });
  fireEvent.change(form.querySelector('input[name=importAgency]')!, { target: { value: agency } });
}

describe('ImportYearForm', () => {
  it('is shown only while main asks, with its message and the focus in 报告年度', () => {
    const { container } = render(<ImportYearForm />);
    expect(container.innerHTML).toBe('');
    act(() => useSession.setState({ importAsk: ASK }));
    const form = screen.getByRole('dialog', { name: '这份报告是哪一年、哪个机关的？' });
    expect(form.textContent).toContain(ASK.message);
    expect((document.activeElement as HTMLInputElement).name).toBe('importYear');
  });

  it('refuses a year that is not four digits, one the app does not support, and an empty agency, without asking main', () => {
    const form = openAsk();
    fill(form, '二〇二三', '某县人民政府');
    fireEvent.click(within(form).getByRole('button', { name: '导入' }));
    expect(within(form).getByRole('alert').textContent).toContain('不是四位年份');
    fill(form, '2010', '某县人民政府');
    fireEvent.click(within(form).getByRole('button', { name: '导入' }));
    expect(within(form).getByRole('alert').textContent).toContain('不支持');
    fill(form, '2023', '   ');
    fireEvent.click(within(form).getByRole('button', { name: '导入' }));
    expect(within(form).getByRole('alert').textContent).toBe('请填写发布这份报告的机关全称，如“某县人民政府”。');
    expect(bridge.callsTo('import:complete')).toEqual([]);
  });

  it('sends the year (full-width digits too) and the trimmed name, then opens the imported report', async () => {
    const doc = createReport({ year: 2023, agencyName: '某县人民政府' });
    bridge.handle({ 'import:complete': () => ({ docId: 'd9', doc, fileName: null, location: null, problems: ['表三第 2 行读不出'] }) });
    const form = openAsk();
    fill(form, '２０２３', '  某县人民政府 ');
    fireEvent.submit(form);
    await expect.poll(() => useSession.getState().importAsk).toBeNull();
    expect(bridge.callsTo('import:complete')).toEqual([{ importId: 'imp-1', year: 2023, agencyName: '某县人民政府' }]);
    expect(screen.queryByTestId('import-year-form')).toBeNull();
    expect(useSession.getState().screen).toBe('editor');
    expect(useSession.getState().docId).toBe('d9');
    expect(useSession.getState().importProblems).toEqual(['表三第 2 行读不出']);
    expect(currentDoc()?.agency.name).toBe('某县人民政府');
  });

  it('keeps the form open with main’s problems when main refuses the answer', async () => {
    bridge.handle({
      'import:complete': () => ({ ok: false, error: { code: 'invalid-payload', message: '年度不对', problems: ['年度与文本中的日期不符', '机关名称过长'] } }),
    });
    const form = openAsk();
    fill(form, '2023', '某县人民政府');
    fireEvent.submit(form);
    await expect.poll(() => within(form).queryByRole('alert')?.textContent).toBe('年度与文本中的日期不符；机关名称过长');
    expect(useSession.getState().importAsk).toEqual(ASK);
    expect(within(form).getByRole('button', { name: '导入' })).toHaveProperty('disabled', false);
  });

  it('取消 and Esc close the form and tell main to forget the text', () => {
    let form = openAsk();
    fireEvent.click(within(form).getByRole('button', { name: '取消' }));
    expect(screen.queryByTestId('import-year-form')).toBeNull();
    expect(bridge.callsTo('import:discard')).toEqual([{ importId: 'imp-1' }]);

    cleanup();
    form = openAsk();
    fireEvent.keyDown(form, { key: 'Escape' });
    expect(useSession.getState().importAsk).toBeNull();
    expect(bridge.callsTo('import:discard')).toHaveLength(2);
  });

  it('after 从上年报告开始 asks for last year’s report’s year, refuses one that leaves no year for the new report, and begins from it', async () => {
    const begun = { docId: 'd10', doc: createReport({ year: 2024, agencyName: '某县人民政府' }), fileName: null, location: null, problems: [], source: '文本', fromPrevious: true as const, notes: [] };
    bridge.handle({ 'import:complete': () => begun });
    render(<ImportYearForm />);
    act(() => useSession.setState({ importAsk: { ...ASK, fromPrevious: true } }));
    const form = screen.getByRole('dialog', { name: '这份上年报告是哪一年、哪个机关的？' });
    expect(form.querySelector('input[name=importYear]')?.closest('label')?.textContent).toBe('上年报告的年度');
    expect(form.textContent).toContain('新报告的年度为其下一年');
    expect(within(form).queryByRole('button', { name: '导入' })).toBeNull();
    fill(form, String(LAST_SUPPORTED_YEAR), '某县人民政府');
    fireEvent.click(within(form).getByRole('button', { name: '从它开始' }));
    expect(within(form).getByRole('alert').textContent).toContain(`新报告的年度将是 ${LAST_SUPPORTED_YEAR + 1}`);
    expect(bridge.callsTo('import:complete')).toEqual([]);
    fill(form, '2023', '某县人民政府');
    fireEvent.click(within(form).getByRole('button', { name: '从它开始' }));
    await expect.poll(() => useSession.getState().importAsk).toBeNull();
    expect(bridge.callsTo('import:complete')).toEqual([{ importId: 'imp-1', year: 2023, agencyName: '某县人民政府' }]);
    expect(useSession.getState().docId).toBe('d10');
    expect(useSession.getState().notice).toContain('已从上年报告（文本）新建');
  });

  it('keeps Tab inside the form, wrapping from 取消 back to 报告年度', () => {
    const form = openAsk();
    within(form).getByRole('button', { name: '取消' }).focus();
    fireEvent.keyDown(form, { key: 'Tab' });
    expect((document.activeElement as HTMLInputElement).name).toBe('importYear');
    fireEvent.keyDown(form, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(within(form).getByRole('button', { name: '取消' }));
  });
});
