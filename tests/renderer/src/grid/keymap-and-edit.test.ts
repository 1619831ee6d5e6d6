// The grid's keymap and what an edit writes (pure pieces of the grid controller).
import { describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { entryOf, entryWhenFinished, entryWhileTyping, sameEntry, typedOutcome } from '../../../../renderer/src/grid/edit-session';
import { gridKeyAction, type KeyPress } from '../../../../renderer/src/grid/keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrl: false, shift: false, alt: false, ...mods });

describe('keymap', () => {
  it('moves, tabs, edits and clears as a spreadsheet does', () => {
    expect(gridKeyAction(press('ArrowDown'), null)).toEqual({ type: 'move', dir: 'down' });
    expect(gridKeyAction(press('Enter', { shift: true }), 'replace')).toEqual({ type: 'move', dir: 'up' });
    expect(gridKeyAction(press('Tab', { shift: true }), null)).toEqual({ type: 'tab', backwards: true });
    expect(gridKeyAction(press('ArrowLeft'), 'replace')).toEqual({ type: 'move', dir: 'left' });
    expect(gridKeyAction(press('ArrowLeft'), 'caret')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('Home'), 'caret')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('End'), null)).toEqual({ type: 'rowEdge', end: true });
    expect(gridKeyAction(press('End', { ctrl: true }), null)).toEqual({ type: 'gridEdge', end: true });
    expect(gridKeyAction(press('Delete'), null)).toEqual({ type: 'clear' });
    expect(gridKeyAction(press('Backspace'), 'replace')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('F2'), null)).toEqual({ type: 'caretEdit' });
    expect(gridKeyAction(press('Escape'), null)).toEqual({ type: 'escape' });
    expect(gridKeyAction(press('5'), null)).toEqual({ type: 'type' });
    expect(gridKeyAction(press('5'), 'replace')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('3', { alt: true }), null)).toEqual({ type: 'none' });
    expect(gridKeyAction(press('z', { ctrl: true }), 'replace')).toEqual({ type: 'undoRedo' });
    expect(gridKeyAction(press('Enter', { ctrl: true }), null)).toEqual({ type: 'acceptRounded' });
  });
});

describe('what an edit writes', () => {
  it('writes numbers through, waits on the beginning of a number, keeps anything else as typed', () => {
    expect(entryWhileTyping('12', 'count')).toEqual({ value: 12 });
    expect(entryWhileTyping('-', 'signedCount')).toBeNull();
    expect(entryWhileTyping('12.', 'amount')).toBeNull();
    expect(entryWhileTyping('1o', 'count')).toEqual({ invalid: '1o' });
    expect(entryWhileTyping('-', 'count')).toEqual({ invalid: '-' });
    expect(entryWhileTyping('', 'count')).toEqual({ value: null });
  });

  it('a finished edit is the value or the text as typed — 1o, l2, -3 are never 1, 2, 3', () => {
    expect(entryWhenFinished('1o', 'count')).toEqual({ invalid: '1o' });
    expect(entryWhenFinished('l2', 'count')).toEqual({ invalid: 'l2' });
    expect(entryWhenFinished('-3', 'count')).toEqual({ invalid: '-3' });
    expect(entryWhenFinished('-', 'signedCount')).toEqual({ invalid: '-' });
    expect(entryWhenFinished('5949.088667', 'amount')).toEqual({ invalid: '5949.088667' });
    expect(typedOutcome('5949.088667', 'amount')).toMatchObject({ kind: 'invalid', rounded: 5949.0887 });
    expect(entryWhenFinished('１２，３４５', 'count')).toEqual({ value: 12345 });
  });

  it('compares entries and reads them from a document', () => {
    const doc = { ...createReport({ year: 2022, agencyName: '某镇人民政府' }), invalidCells: { 't3.received.natural': '1o' } };
    expect(entryOf(doc, 't3.received.natural')).toEqual({ invalid: '1o' });
    expect(entryOf(doc, 't3.received.total')).toEqual({ value: null });
    expect(sameEntry({ value: 1 }, { value: 1 })).toBe(true);
    expect(sameEntry({ value: null }, { invalid: '' })).toBe(false);
  });
});
