// The grid's keymap (keymap.ts): which action a key press asks for, editing or not.
import { describe, expect, it } from 'vitest';
import { gridKeyAction, type KeyPress } from '../../../../renderer/src/grid/keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrl: false, shift: false, alt: false, ...mods });

describe('gridKeyAction', () => {
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

  it('leaves Home, End and the side arrows to the caret while editing with F2, but not up and down', () => {
    expect(gridKeyAction(press('ArrowRight'), 'caret')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('ArrowRight'), null)).toEqual({ type: 'move', dir: 'right' });
    expect(gridKeyAction(press('End'), 'caret')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('Home'), 'replace')).toEqual({ type: 'rowEdge', end: false });
    expect(gridKeyAction(press('ArrowUp'), 'caret')).toEqual({ type: 'move', dir: 'up' });
    expect(gridKeyAction(press('Enter'), 'caret')).toEqual({ type: 'move', dir: 'down' });
    expect(gridKeyAction(press('Tab'), 'caret')).toEqual({ type: 'tab', backwards: false });
  });

  it('with Ctrl: undo and redo in either case, the grid edges, nothing for other letters', () => {
    expect(gridKeyAction(press('Y', { ctrl: true, shift: true }), null)).toEqual({ type: 'undoRedo' });
    expect(gridKeyAction(press('Home', { ctrl: true }), 'caret')).toEqual({ type: 'gridEdge', end: false });
    expect(gridKeyAction(press('c', { ctrl: true }), null)).toEqual({ type: 'none' });
    expect(gridKeyAction(press('Delete', { ctrl: true }), null)).toEqual({ type: 'none' });
  });

  it('clears only when not editing, and ignores keys that type nothing', () => {
    expect(gridKeyAction(press('Backspace'), null)).toEqual({ type: 'clear' });
    expect(gridKeyAction(press('Delete'), 'caret')).toEqual({ type: 'none' });
    expect(gridKeyAction(press('F5'), null)).toEqual({ type: 'none' });
    expect(gridKeyAction(press('Shift', { shift: true }), null)).toEqual({ type: 'none' });
    expect(gridKeyAction(press('。'), null)).toEqual({ type: 'type' });
  });
});
