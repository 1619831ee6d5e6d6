// @vitest-environment jsdom
// 检查与导出 over a real report's checks: what blocks the final version (with the explanations), the PDF,
// web and Word exports (blocked, failed, cancelled, done with the folder and missing glyphs), the preview
// with its pages and 打印 (main's print or the page's own). Also countPdfPages.
// pdf.js (renderer/src/lib/pdf-render.ts) is replaced by a fake: jsdom has no canvas to draw into.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../../../shared/checks/types';
import type { ExportResult } from '../../../../shared/ipc/contract';
import { createReport } from '../../../../shared/model/document';
import { formatModel } from '../../../../shared/formats/index';
import { ExportStep, countPdfPages } from '../../../../renderer/src/components/export-step';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';
import { useFindings } from '../../../../renderer/src/store/findings-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

vi.mock('../../../../renderer/src/lib/pdf-render', async () => {
  const { countPdfPages: pages } = await import('../../../../renderer/src/components/export-step');
  return {
    openPdf: async (bytes: Uint8Array) => ({ numPages: pages(bytes), destroy: async () => {} }),
    drawPage: async () => {},
  };
});

/** The page objects of a pdfkit PDF, as countPdfPages reads them. */
function pdfOf(pages: number): Uint8Array {
  const objects = Array.from({ length: pages }, (_, i) => `${i + 2} 0 obj <</Type /Page /Parent 1 0 R>>`).join(' ');
  return new TextEncoder().encode(`%PDF-1.7 1 0 obj <</Type /Pages /Count ${pages}>> ${objects}`);
}

const DONE: ExportResult = { exportId: 'e1', fileName: '2024年报.pdf', location: '/home/user/文档', size: 3 * 1024, findings: [], missingGlyphs: [] };

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge({ 'app:info': () => ({ version: '1.0.0', platform: 'linux', systemPrint: true }) });
  URL.createObjectURL = () => 'blob:preview';
  URL.revokeObjectURL = () => {};
  loadDoc(createReport({ year: 2024, agencyName: '测试镇人民政府' }));
  useSession.setState({ docId: 'd1', screen: 'editor' });
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState({ docId: null, lastExport: null, error: null, step: 'meta', focus: null });
});

/** No findings at all: the final version may be exported. */
function allClear(): void {
  useFindings.setState({ findings: [] });
}

describe('countPdfPages', () => {
  it('counts the pages of a pdfkit PDF', () => {
    const fake = new TextEncoder().encode('%PDF-1.7 1 0 obj <</Type /Pages /Count 2>> 2 0 obj <</Type /Page>> 3 0 obj <</Type/Page /Parent 1 0 R>>');
    expect(countPdfPages(fake)).toBe(2);
  });

  it('is 0 for bytes without page objects', () => {
    expect(countPdfPages(new TextEncoder().encode('%PDF-1.7 1 0 obj <</Type /Pages /Count 0>>'))).toBe(0);
    expect(countPdfPages(new Uint8Array())).toBe(0);
  });
});

describe('ExportStep', () => {
  it('lists what blocks the final version, and moves a confirm finding to the explained ones once explained', () => {
    // A blank report: the cells of three tables and two sections to fill (待填写, as the findings panel
    // and the step rail say — not 错误), the empty 六 to explain (confirm).
    const toFill = formatModel('2021').cells.filter((c) => !c.computed).length + 2;
    render(<ExportStep />);
    expect(screen.getByTestId('export-summary').textContent).toContain(`还有 待填写 ${toFill} 处、1 处须说明未说明，处理后才能导出正式版。`);
    const todo = screen.getByRole('heading', { name: '需要处理' }).nextElementSibling as HTMLElement;
    expect(todo.querySelectorAll('li.finding')).toHaveLength(6);
    expect([...todo.querySelectorAll('li.finding .tag')].map((t) => t.textContent)).toEqual(['待填写', '待填写', '待填写', '待填写', '待填写', '须说明']);
    const confirm = todo.querySelector<HTMLElement>('li.finding.confirm')!;
    expect(within(confirm).getByText('六、其他需要报告的事项')).toBeTruthy();
    fireEvent.change(within(confirm).getByRole('textbox'), { target: { value: '本年度无其他事项。' } });
    expect(currentDoc()!.explanations).toEqual([{ rule: 'text.empty', target: 'other', text: '本年度无其他事项。' }]);
    expect(screen.getByTestId('export-summary').textContent).toContain(`还有 待填写 ${toFill} 处，处理后才能导出正式版。`);
    expect(screen.getByRole('heading', { name: '已作说明的事项（1）' })).toBeTruthy();
  });

  it('says what 从上年报告开始 proposed and is still to confirm, and goes there when asked', () => {
    expect(screen.queryByTestId('proposed-summary')).toBeNull();
    loadDoc({ ...createReport({ year: 2024, agencyName: '测试镇人民政府' }), proposed: { cells: ['t3.carriedIn.natural', 't3.carriedIn.total'], sections: ['overview'] } });
    render(<ExportStep />);
    const summary = screen.getByTestId('proposed-summary');
    expect(summary.textContent).toBe(
      '标为“待确认”的建议值还有 3 处：三、收到和处理政府信息公开申请情况（2 格）；一、总体情况（沿用上年的正文）。这些内容会照样印入正式版，请逐一核对：表格中无误的点“确认”，正文请按本年情况改写。',
    );
    fireEvent.click(within(summary).getByRole('button', { name: '一、总体情况' }));
    expect(useSession.getState().step).toBe('overview');
  });

  it('goes to a blocking finding’s place when it is clicked', () => {
    render(<ExportStep />);
    fireEvent.click(screen.getByRole('button', { name: /^“五、存在的主要问题及改进情况”还没有填写/ }));
    expect(useSession.getState()).toMatchObject({ step: 'problems', focus: { kind: 'section', key: 'problems' } });
  });

  it('exports the final PDF of the open report and shows where it went, with the characters the fonts lack', async () => {
    allClear();
    bridge.handle({ 'export:pdf': () => ({ ...DONE, missingGlyphs: ['𠀀', '😀'] }), 'shell:showExport': () => ({}) });
    render(<ExportStep />);
    expect(screen.getByTestId('export-summary').textContent).toContain('检查通过');
    fireEvent.click(screen.getByRole('button', { name: '导出正式版PDF…' }));
    const result = await screen.findByTestId('export-result');
    expect(bridge.callsTo('export:pdf')).toEqual([{ docId: 'd1', doc: currentDoc(), mode: 'final' }]);
    expect(result.textContent).toContain('已导出 2024年报.pdf（3 KB），位于 /home/user/文档');
    expect(screen.getByTestId('missing-glyphs').textContent).toContain('PDF 中有 2 个字符在内置字体里没有字形，会印成方框：“𠀀”、“😀”');
    fireEvent.click(within(result).getByRole('button', { name: '打开所在文件夹' }));
    await expect.poll(() => bridge.callsTo('shell:showExport')).toEqual([{ exportId: 'e1' }]);
  });

  it('lists the findings main names when it refuses the final version, each a link to its place', async () => {
    const blocking: Finding = { rule: 't3.rowSum', severity: 'error', target: 'received', place: 't3', cells: ['t3.received.total'], message: '表三合计不等于各项之和' };
    bridge.handle({ 'export:pdf': () => ({ ok: false, error: { code: 'blocked', message: '还有问题，不能导出正式版。', findings: [blocking] } }) });
    allClear();
    render(<ExportStep />);
    fireEvent.click(screen.getByRole('button', { name: '导出正式版PDF…' }));
    const blocked = await screen.findByTestId('export-blocked');
    expect(blocked.textContent).toContain('还有问题，不能导出正式版。');
    fireEvent.click(within(blocked).getByRole('button', { name: '错误：表三合计不等于各项之和' }));
    expect(useSession.getState()).toMatchObject({ step: 't3', focus: { kind: 'cell', key: 't3.received.total' } });
    expect(useSession.getState().error).toBeNull();
  });

  it('brings what an action shows (refusal, result, preview) into view and focus; a result already there stays put', async () => {
    const scrolled: { el: Element; block: unknown }[] = [];
    Element.prototype.scrollIntoView = function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
      scrolled.push({ el: this, block: typeof arg === 'object' ? arg.block : arg });
    };
    try {
      useSession.setState({ lastExport: DONE });
      const blocking: Finding = { rule: 't3.rowSum', severity: 'error', target: 'received', place: 't3', cells: [], message: '表三合计不等于各项之和' };
      bridge.handle({
        'export:pdf': () => ({ ok: false, error: { code: 'blocked', message: '不能导出正式版。', findings: [blocking] } }),
        'export:publish': () => ({ ...DONE, fileName: '2024年报.html' }),
        'export:preview': () => ({ pdf: pdfOf(1), findings: [], missingGlyphs: [] }),
      });
      render(<ExportStep />);
      expect(scrolled).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: '导出正式版PDF…' }));
      const blocked = await screen.findByTestId('export-blocked');
      await expect.poll(() => document.activeElement).toBe(blocked);
      expect(scrolled).toEqual([{ el: blocked, block: 'nearest' }]);
      fireEvent.click(screen.getByRole('button', { name: '导出网页版草稿…' }));
      await expect.poll(() => screen.getByTestId('export-result').textContent).toContain('2024年报.html');
      expect(document.activeElement).toBe(screen.getByTestId('export-result'));
      fireEvent.click(screen.getByRole('button', { name: '预览' }));
      const preview = await screen.findByTestId('preview');
      await expect.poll(() => document.activeElement).toBe(preview);
      expect(scrolled.at(-1)).toEqual({ el: preview, block: 'start' });
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('shows other failures in the message bar, but not a cancelled save dialog', async () => {
    bridge.handle({
      'export:pdf': () => ({ ok: false, error: { code: 'io', message: '无法写入文件。' } }),
      'export:publish': () => ({ ok: false, error: { code: 'cancelled', message: '已取消' } }),
    });
    render(<ExportStep />);
    fireEvent.click(screen.getByRole('button', { name: '导出Word草稿…' }));
    await expect.poll(() => bridge.callsTo('export:publish')).toEqual([{ docId: 'd1', doc: currentDoc(), kind: 'docx', mode: 'draft' }]);
    await expect.poll(() => screen.getByRole('button', { name: '导出草稿PDF…' })).toHaveProperty('disabled', false);
    expect(useSession.getState().error).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '导出草稿PDF…' }));
    await expect.poll(() => useSession.getState().error?.message).toBe('无法写入文件。');
    expect(bridge.callsTo('export:pdf')[0]!.mode).toBe('draft');
    expect(screen.queryByTestId('export-blocked')).toBeNull();
  });

  it('disables every export while one runs and says what it does', async () => {
    let finish!: (r: ExportResult) => void;
    bridge.handle({ 'export:publish': () => new Promise<ExportResult>((r) => (finish = r)) });
    render(<ExportStep />);
    fireEvent.click(screen.getByRole('button', { name: '导出网页版…' }));
    expect((await screen.findByRole('status')).textContent).toBe('正在导出网页版…');
    for (const name of ['导出正式版PDF…', '预览', '导出Word…', '导出网页版草稿…']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    finish({ ...DONE, fileName: '2024年报.html' });
    expect((await screen.findByTestId('export-result')).textContent).toContain('2024年报.html');
    expect(screen.getByRole('button', { name: '导出正式版PDF…' })).toHaveProperty('disabled', false);
  });

  it('previews the draft while something blocks the final version, with its pages, and prints it through main', async () => {
    bridge.handle({ 'export:preview': () => ({ pdf: pdfOf(3), findings: [], missingGlyphs: [] }), 'export:print': () => ({}) });
    render(<ExportStep />);
    fireEvent.click(screen.getByRole('button', { name: '预览' }));
    const preview = await screen.findByTestId('preview');
    expect(bridge.callsTo('export:preview')).toEqual([{ doc: currentDoc(), mode: 'draft' }]);
    expect(preview.querySelector('.preview-facts')!.textContent).toMatch(/^预览（草稿）：3 页，/);
    expect(within(preview).getByRole('link', { name: '下载预览PDF' }).getAttribute('href')).toBe('blob:preview');
    const pages = await within(preview).findByTestId('pdf-pages');
    expect(pages.dataset.pages).toBe('3');
    await expect.poll(() => within(preview).getByRole('button', { name: '打印…' })).toHaveProperty('disabled', false);
    fireEvent.click(within(preview).getByRole('button', { name: '打印…' }));
    await expect.poll(() => bridge.callsTo('export:print')).toEqual([{ doc: currentDoc(), mode: 'draft' }]);
  });

  it('previews the final version when nothing blocks it, and prints with the page’s own print outside the app', async () => {
    allClear();
    bridge.handle({
      'app:info': () => ({ version: '1.0.0', platform: 'web', systemPrint: false }),
      'export:preview': () => ({ pdf: pdfOf(1), findings: [], missingGlyphs: ['龘'] }),
    });
    const print = vi.fn();
    window.print = print;
    render(<ExportStep />);
    await expect.poll(() => bridge.callsTo('app:info').length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: '预览' }));
    const preview = await screen.findByTestId('preview');
    expect(bridge.callsTo('export:preview')[0]!.mode).toBe('final');
    expect(preview.querySelector('.preview-facts')!.textContent).toMatch(/^预览（正式版）：1 页，/);
    expect(within(preview).getByTestId('missing-glyphs').textContent).toContain('“龘”');
    await expect.poll(() => within(preview).getByRole('button', { name: '打印…' })).toHaveProperty('disabled', false);
    fireEvent.click(within(preview).getByRole('button', { name: '打印…' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(bridge.callsTo('export:print')).toEqual([]);
  });
});
