// @vitest-environment jsdom
// The grid's controller (grid-controller.ts): DOM events in, store changes out. Typing writes through as
// one undo step per edit, Esc puts the cell back, refused entries stay as typed, computed totals, keys,
// IME composition, paste (asking first when rows are matched by label) and Ctrl+Enter rounding.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import type { TableId } from '../../../../shared/formats/types';
import { createReport } from '../../../../shared/model/document';
import { GridController, typedTotalsNotice, useGridUi } from '../../../../renderer/src/grid/grid-controller';
import { currentDoc, loadDoc, pastStepCount, undo } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';

const model = formatModel('2021');
const session = useSession.getState();
const gridUi = useGridUi.getState();

const A = 't3.received.natural';
const B = 't3.received.commercial';
const TOTAL = 't3.received.total';
const BELOW = 't3.carriedIn.natural';

function controller(table: TableId = 't3'): GridController {
  const c = new GridController(table, model.grids[table], model);
  // The inputs the grid renders, one per cell.
  for (const key of c.layout.keys) {
    const input = document.createElement('input');
    input.dataset.key = key;
    document.body.append(input);
    c.ref(key)(input);
  }
  return c;
}

function input(key: string): HTMLInputElement {
  return document.querySelector<HTMLInputElement>(`input[data-key="${key}"]`)!;
}

interface FakeKey {
  defaultPrevented: boolean;
  stopped: boolean;
  selected: boolean;
}

/** A React keyboard event as the controller reads it. */
function key(c: GridController, cell: string, k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; composing?: boolean } = {}): FakeKey {
  const seen: FakeKey = { defaultPrevented: false, stopped: false, selected: false };
  c.onKeyDown(cell, {
    key: k,
    ctrlKey: !!mods.ctrl,
    metaKey: false,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt,
    keyCode: mods.composing ? 229 : 0,
    nativeEvent: { isComposing: !!mods.composing },
    currentTarget: { select: () => (seen.selected = true) },
    preventDefault: () => (seen.defaultPrevented = true),
    stopPropagation: () => (seen.stopped = true),
  } as never);
  return seen;
}

function type(c: GridController, cell: string, text: string): void {
  c.onChange(cell, { target: { value: text } } as never);
}

function pasteEvent(c: GridController, cell: string, text: string): { defaultPrevented: boolean } {
  const seen = { defaultPrevented: false };
  c.onPaste(cell, { clipboardData: { getData: () => text }, preventDefault: () => (seen.defaultPrevented = true) } as never);
  return seen;
}

beforeEach(() => {
  // jsdom has no layout: scrolling a cell into view is a no-op here.
  Element.prototype.scrollIntoView = vi.fn();
  loadDoc(createReport({ year: 2022, agencyName: '测试镇人民政府', now: '2023-01-05T09:00:00.000Z' }));
  useSession.setState({ docId: 'd1' });
});
afterEach(() => {
  useSession.setState(session, true);
  useGridUi.setState(gridUi, true);
  loadDoc(null);
  document.body.innerHTML = '';
});

const cell = (k: string) => currentDoc()!.cells[k];

describe('typedTotalsNotice', () => {
  it('names the tables and says how to go back to computed totals', () => {
    const text = typedTotalsNotice(['t3', 't4']);
    expect(text).toContain('已改为“手工填写合计”');
    expect(text).toContain('取消勾选表格上方的“手工填写合计”');
  });
});

describe('GridController: typing', () => {
  it('writes what is typed through on every keystroke, the whole edit one undo step', () => {
    const c = controller();
    type(c, A, '1');
    expect(cell(A)).toBe(1);
    expect(cell(TOTAL)).toBe(1);
    type(c, A, '12');
    expect(cell(A)).toBe(12);
    expect(useGridUi.getState().edit).toMatchObject({ key: A, text: '12', mode: 'replace', docId: 'd1' });
    c.commit();
    expect(useGridUi.getState().edit).toBeNull();
    expect(pastStepCount()).toBe(1);
    undo();
    expect(cell(A)).toBeNull();
  });

  it('keeps a refused entry as typed, shows its reason, and writes nothing for the beginning of a number', () => {
    const c = controller();
    type(c, A, '-');
    expect(currentDoc()!.invalidCells?.[A]).toBe('-');
    type(c, A, '1o');
    c.commit();
    expect(currentDoc()!.invalidCells?.[A]).toBe('1o');
    expect(cell(A)).toBeNull();
    expect(useGridUi.getState().lastRefused).toBe(A);
    const amount = model.keysByTable.t2.find((k) => model.cellByKey.get(k)!.kind === 'amount')!;
    const t2 = controller('t2');
    type(t2, amount, '12.');
    expect(currentDoc()!.invalidCells?.[amount]).toBeUndefined();
    expect(cell(amount)).toBeNull();
  });

  it('Esc puts the cell back: the very document object, no undo step', () => {
    const c = controller();
    const before = currentDoc();
    type(c, A, '5');
    type(c, A, '57');
    const esc = key(c, A, 'Escape');
    expect(esc.defaultPrevented && esc.stopped).toBe(true);
    expect(currentDoc()).toBe(before);
    expect(pastStepCount()).toBe(0);
    expect(useGridUi.getState().edit).toBeNull();
  });

  it('an edit that ends where it began leaves no step and the report not dirty', () => {
    const c = controller();
    type(c, A, '3');
    c.commit();
    const saved = currentDoc();
    useSession.setState({ savedDoc: saved });
    type(c, A, '34');
    type(c, A, '3');
    c.commit();
    expect(currentDoc()).toBe(saved);
    expect(pastStepCount()).toBe(1);
  });

  it('drops an edit left over from a report no longer open, writing nothing', () => {
    const c = controller();
    type(c, A, '4');
    const doc = currentDoc();
    useSession.setState({ docId: 'd2' });
    useGridUi.setState({ edit: { ...useGridUi.getState().edit!, text: '9' } });
    c.commit();
    expect(useGridUi.getState().edit).toBeNull();
    expect(currentDoc()).toBe(doc);
  });

  it('moving to another cell finishes the edit; leaving a cell takes its passing message away', () => {
    const c = controller();
    type(c, A, '2');
    c.onFocus(B);
    expect(useGridUi.getState()).toMatchObject({ edit: null, cursor: B });
    expect(cell(A)).toBe(2);
    type(c, B, '3');
    useGridUi.setState({ message: { key: B, text: '提示', tone: 'info' } });
    c.onBlur(B);
    expect(useGridUi.getState()).toMatchObject({ edit: null, message: null });
    expect(cell(B)).toBe(3);
  });
});

describe('GridController: computed totals', () => {
  it('writes a typed total when the edit is finished, switching the table to typed totals with a notice', () => {
    const c = controller();
    type(c, A, '2');
    c.commit();
    expect(c.isComputedTotal(TOTAL)).toBe(true);
    type(c, TOTAL, '5');
    // Nothing yet: the sum still shows while the total is typed.
    expect(cell(TOTAL)).toBe(2);
    c.commit();
    expect(cell(TOTAL)).toBe(5);
    expect(currentDoc()!.settings?.typedTotals).toEqual(['t3']);
    expect(c.isComputedTotal(TOTAL)).toBe(false);
    expect(useSession.getState().notice).toBe(typedTotalsNotice(['t3']));
  });

  it('Delete clears a cell but not a computed total, which says why', () => {
    const c = controller();
    type(c, A, '2');
    c.commit();
    expect(key(c, TOTAL, 'Delete').defaultPrevented).toBe(true);
    expect(cell(TOTAL)).toBe(2);
    expect(useGridUi.getState().message).toMatchObject({ key: TOTAL, tone: 'info' });
    expect(useGridUi.getState().message!.text).toContain('合计由各项自动计算，不能清空');
    key(c, A, 'Backspace');
    expect(cell(A)).toBeNull();
    expect(pastStepCount()).toBe(2);
  });
});

describe('GridController: keys', () => {
  it('arrows, Enter and Tab finish the edit and move the cursor (and focus)', () => {
    const c = controller();
    c.focus(A);
    type(c, A, '7');
    expect(key(c, A, 'ArrowDown').defaultPrevented).toBe(true);
    expect(cell(A)).toBe(7);
    expect(useGridUi.getState()).toMatchObject({ cursor: BELOW, edit: null });
    expect(document.activeElement).toBe(input(BELOW));
    key(c, BELOW, 'Enter', { shift: true });
    expect(useGridUi.getState().cursor).toBe(A);
    key(c, A, 'Tab');
    expect(useGridUi.getState().cursor).toBe(B);
    key(c, B, 'End');
    expect(useGridUi.getState().cursor).toBe(TOTAL);
    key(c, TOTAL, 'Home', { ctrl: true });
    expect(useGridUi.getState().cursor).toBe(c.layout.keys[0]);
  });

  it('Tab past the last cell leaves the grid (the browser moves the focus on)', () => {
    const c = controller();
    const last = c.layout.keys[c.layout.keys.length - 1]!;
    c.focus(last);
    expect(key(c, last, 'Tab').defaultPrevented).toBe(false);
    expect(useGridUi.getState().cursor).toBe(last);
  });

  it('F2 edits with a caret at the end of the cell’s text: side arrows stay in the cell', () => {
    const c = controller();
    type(c, A, '42');
    c.commit();
    input(A).value = '42';
    input(A).setSelectionRange(0, 0);
    key(c, A, 'F2');
    expect(useGridUi.getState().edit).toMatchObject({ key: A, mode: 'caret', text: '42' });
    expect(input(A).selectionStart).toBe(2);
    expect(key(c, A, 'ArrowLeft').defaultPrevented).toBe(false);
    expect(useGridUi.getState().edit?.key).toBe(A);
  });

  it('a printable key starts typing over the cell; keys during an IME composition are left alone', () => {
    const c = controller();
    expect(key(c, A, '5').selected).toBe(true);
    expect(key(c, A, 'ArrowDown', { composing: true }).defaultPrevented).toBe(false);
    expect(useGridUi.getState().cursor).toBeNull();
  });

  it('Esc on a refused cell hides its reason; typing there shows it again', () => {
    const c = controller();
    type(c, A, '1o');
    c.commit();
    expect(key(c, A, 'Escape').defaultPrevented).toBe(true);
    expect(useGridUi.getState().dismissed.has(A)).toBe(true);
    type(c, A, '1oo');
    expect(useGridUi.getState().dismissed.has(A)).toBe(false);
  });
});

describe('GridController: IME composition', () => {
  it('writes nothing while composing, and takes the composed text when composition ends', () => {
    const c = controller();
    c.onCompositionStart(A);
    type(c, A, 'ｙｉ');
    expect(useGridUi.getState().edit).toMatchObject({ key: A, text: 'ｙｉ' });
    expect(currentDoc()!.invalidCells).toBeUndefined();
    expect(cell(A)).toBeNull();
    c.onCompositionEnd(A, { currentTarget: { value: '１２' } } as never);
    expect(cell(A)).toBe(12);
    c.commit();
    expect(pastStepCount()).toBe(1);
  });
});

describe('GridController: Ctrl+Enter', () => {
  it('takes the rounded value offered for an amount with too many decimals', () => {
    const amount = model.keysByTable.t2.find((k) => model.cellByKey.get(k)!.kind === 'amount')!;
    const c = controller('t2');
    type(c, amount, '5949.088667');
    expect(currentDoc()!.invalidCells?.[amount]).toBe('5949.088667');
    key(c, amount, 'Enter', { ctrl: true });
    expect(cell(amount)).toBe(5949.0887);
    expect(currentDoc()!.invalidCells).toBeUndefined();
    expect(useGridUi.getState().message).toMatchObject({ key: amount, tone: 'info' });
    expect(useGridUi.getState().message!.text).toContain('已改为四舍五入后的 5949.0887');
    // Also on a refused amount already in the cell, outside an edit.
    type(c, amount, '1.23456');
    c.commit();
    key(c, amount, 'Enter', { ctrl: true });
    expect(cell(amount)).toBe(1.2346);
  });

  it('does nothing for an entry that is not a rounding case', () => {
    const c = controller();
    type(c, A, '1o');
    c.commit();
    const doc = currentDoc();
    key(c, A, 'Enter', { ctrl: true });
    expect(currentDoc()).toBe(doc);
  });
});

describe('GridController: paste', () => {
  it('writes a block from the cursor as one undo step and says what it wrote', () => {
    const c = controller();
    const seen = pasteEvent(c, A, '1\t2\n3\t4');
    expect(seen.defaultPrevented).toBe(true);
    expect([cell(A), cell(B), cell(BELOW), cell('t3.carriedIn.commercial')]).toEqual([1, 2, 3, 4]);
    expect(pastStepCount()).toBe(1);
    expect(useGridUi.getState().message).toEqual({ key: A, text: '已粘贴 4 格。按 Ctrl+Z 可撤销。', tone: 'info' });
  });

  it('keeps refused values as pasted and marks them, showing their reasons again', () => {
    const c = controller();
    c.paste(A, '1\tx1');
    key(c, B, 'Escape');
    expect(useGridUi.getState().dismissed.has(B)).toBe(true);
    c.paste(A, '1\tx2');
    expect(useGridUi.getState().dismissed.has(B)).toBe(false);
    expect(currentDoc()!.invalidCells).toEqual({ [B]: 'x2' });
    expect(useGridUi.getState().lastRefused).toBe(B);
    expect(useGridUi.getState().message).toMatchObject({ tone: 'error' });
    expect(useGridUi.getState().message!.text).toContain('其中 1 格不是有效的数字');
  });

  it('a pasted total that differs from its parts switches the table to typed totals', () => {
    const c = controller();
    c.paste(A, '1\t1\t0\t0\t0\t0\t9');
    expect(cell(TOTAL)).toBe(9);
    expect(useSession.getState().notice).toBe(typedTotalsNotice(['t3']));
  });

  it('says why a block that does not fit is not pasted', () => {
    const c = controller();
    const last = c.layout.keys[c.layout.keys.length - 1]!;
    c.paste(last, '1\t2\t3');
    expect(useGridUi.getState().message).toMatchObject({ key: last, tone: 'error' });
    expect(pastStepCount()).toBe(0);
  });

  it('one value pasted into a caret edit is inserted like typing', () => {
    const c = controller();
    c.onDoubleClick(A);
    expect(pasteEvent(c, A, '12').defaultPrevented).toBe(false);
    expect(pastStepCount()).toBe(0);
  });

  it('asks first when the rows are matched by label; 取消 pastes nothing, 确定 pastes', () => {
    const grid = model.grids.t3;
    const lines = [...grid.headerRows, ...grid.bodyRows]
      .filter((row) => !row.some((c) => c.text === '5.属于三类内部事务信息'))
      .map((row) => row.map((c) => (c.key ? '1' : (c.text ?? ''))).join('\t'));
    const c = controller();
    c.paste(A, lines.join('\n'));
    const dialog = useSession.getState().dialog!;
    expect(dialog.title).toBe('按行名对应粘贴');
    expect(dialog.details!.join()).toContain('5.属于三类内部事务信息');
    dialog.buttons.find((b) => b.label === '取消')!.action();
    expect(useSession.getState().dialog).toBeNull();
    expect(pastStepCount()).toBe(0);
    c.paste(A, lines.join('\n'));
    useSession.getState().dialog!.buttons.find((b) => b.label === '确定')!.action();
    expect(pastStepCount()).toBe(1);
    expect(cell(A)).toBe(1);
    expect(useGridUi.getState().message!.text).toMatch(/^已按行名对应粘贴 \d+ 行、\d+ 格/);
  });
});
