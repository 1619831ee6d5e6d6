// @vitest-environment jsdom
// PdfPages draws every page of a PDF (and its thumbnail) one after the other, enables 打印 once all are
// drawn, scrolls to a page from its thumbnail, says why a PDF cannot be shown, and frees the PDF again.
// pdf.js itself (renderer/src/lib/pdf-render.ts) is replaced by a fake: jsdom has no canvas to draw into.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PdfPages } from '../../../../renderer/src/components/pdf-pages';

interface FakePdf {
  numPages: number;
  destroy: ReturnType<typeof vi.fn>;
  bytes: Uint8Array;
}

const fake = vi.hoisted(() => ({
  opened: [] as FakePdf[],
  drawn: [] as { pdf: unknown; n: number; width: number; canvas: HTMLCanvasElement }[],
  /** When set, drawing waits for it. */
  gate: null as Promise<void> | null,
  failOpen: null as string | null,
}));

vi.mock('../../../../renderer/src/lib/pdf-render', () => ({
  async openPdf(bytes: Uint8Array) {
    if (fake.failOpen) throw new Error(fake.failOpen);
    // The fake's page count is the first byte.
    const pdf = { numPages: bytes[0]!, destroy: vi.fn(async () => {}), bytes };
    fake.opened.push(pdf);
    return pdf;
  },
  async drawPage(pdf: unknown, n: number, canvas: HTMLCanvasElement, width: number) {
    if (fake.gate) await fake.gate;
    fake.drawn.push({ pdf, n, width, canvas });
  },
}));

beforeEach(() => {
  fake.opened = [];
  fake.drawn = [];
  fake.gate = null;
  fake.failOpen = null;
});

afterEach(() => {
  cleanup();
});

describe('PdfPages', () => {
  it('draws each page and its thumbnail in order, then shows the page count and enables 打印', async () => {
    const onPrint = vi.fn();
    render(<PdfPages bytes={new Uint8Array([3])} label="导出PDF预览（草稿）" onPrint={onPrint} />);
    expect(screen.getByRole('status').textContent).toBe('正在打开预览…');
    const pages = await screen.findByTestId('pdf-pages');
    await expect.poll(() => pages.dataset.drawn).toBe('3');
    expect(pages.dataset.pages).toBe('3');
    expect(fake.drawn.map((d) => `${d.n}@${d.width}`)).toEqual(['1@560', '1@90', '2@560', '2@90', '3@560', '3@90']);
    // Each page goes into its own sheet, the thumbnail into its button.
    const sheets = [...pages.querySelectorAll<HTMLCanvasElement>('canvas.pdf-sheet')];
    expect(sheets.map((s) => s.dataset.page)).toEqual(['1', '2', '3']);
    expect(fake.drawn.filter((d) => d.width === 560).map((d) => d.canvas)).toEqual(sheets);
    expect(fake.drawn.filter((d) => d.width === 90).every((d) => d.canvas.closest('button.pdf-thumb') !== null)).toBe(true);
    expect(screen.getByRole('document', { name: '导出PDF预览（草稿）' })).toBeTruthy();
    expect(screen.getByText('共 3 页')).toBeTruthy();
    const print = screen.getByRole('button', { name: '打印…' });
    expect(print).toHaveProperty('disabled', false);
    fireEvent.click(print);
    expect(onPrint).toHaveBeenCalledTimes(1);
  });

  it('keeps 打印 disabled while pages are still being drawn, and while the caller is printing', async () => {
    let release!: () => void;
    fake.gate = new Promise((r) => (release = r));
    const bytes = new Uint8Array([2]);
    const { rerender } = render(<PdfPages bytes={bytes} label="预览" onPrint={() => {}} />);
    await screen.findByTestId('pdf-pages');
    expect(screen.getByText('正在绘制第 1 页，共 2 页…')).toBeTruthy();
    expect(screen.getByRole('button', { name: '打印…' })).toHaveProperty('disabled', true);
    await act(async () => release());
    await expect.poll(() => screen.getByTestId('pdf-pages').dataset.drawn).toBe('2');
    expect(screen.getByRole('button', { name: '打印…' })).toHaveProperty('disabled', false);
    rerender(<PdfPages bytes={bytes} label="预览" onPrint={() => {}} printing />);
    expect(screen.getByRole('button', { name: '打印…' })).toHaveProperty('disabled', true);
  });

  it('scrolls to a page when its thumbnail is clicked', async () => {
    const scrolled: Element[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this);
    };
    try {
      render(<PdfPages bytes={new Uint8Array([3])} label="预览" onPrint={() => {}} />);
      const pages = await screen.findByTestId('pdf-pages');
      fireEvent.click(screen.getByRole('button', { name: '第 2 页' }));
      expect(scrolled).toEqual([pages.querySelector('canvas.pdf-sheet[data-page="2"]')]);
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });

  it('says why a PDF cannot be shown', async () => {
    fake.failOpen = 'Invalid PDF structure';
    render(<PdfPages bytes={new Uint8Array([1])} label="预览" onPrint={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('预览无法显示：Invalid PDF structure');
    expect(screen.queryByTestId('pdf-pages')).toBeNull();
  });

  it('opens new bytes afresh and frees each PDF it no longer shows', async () => {
    const { rerender, unmount } = render(<PdfPages bytes={new Uint8Array([1])} label="预览" onPrint={() => {}} />);
    await expect.poll(() => screen.queryByTestId('pdf-pages')?.dataset.drawn).toBe('1');
    rerender(<PdfPages bytes={new Uint8Array([2])} label="预览" onPrint={() => {}} />);
    await expect.poll(() => screen.queryByTestId('pdf-pages')?.dataset.pages).toBe('2');
    expect(fake.opened).toHaveLength(2);
    expect(fake.opened[0]!.destroy).toHaveBeenCalled();
    expect(fake.opened[1]!.destroy).not.toHaveBeenCalled();
    unmount();
    expect(fake.opened[1]!.destroy).toHaveBeenCalled();
  });
});
