// @vitest-environment jsdom
// Undo and redo as the user sees them (undo-commands.ts): where a change happened (undo/redo go there),
// what a text field holds (Ctrl+Z in it undoes only its own typing).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLACE_NAMES } from '../../../../shared/formats/vocabulary';
import { createReport } from '../../../../shared/model/document';
import { changePlaces, fieldValue, showChange, UNDO_FIELD_ATTRIBUTE, undoCommand } from '../../../../renderer/src/app/undo-commands';
import { currentDoc, loadDoc, setCells, setSection } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';

const base = createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇', now: '2021-01-05T08:00:00.000Z' });

describe('changePlaces', () => {
  it('names each step a change touched, in step order, with the first changed cell in print order', () => {
    const after = {
      ...base,
      agency: { ...base.agency, region: '福建省' },
      sections: { ...base.sections, problems: '一是……' },
      cells: { ...base.cells, 't4.review.other': 2, 't3.granted.natural': 1, 't3.received.natural': 3 },
    };
    expect(changePlaces(base, after)).toEqual([
      { step: 'meta' },
      { step: 't3', cell: 't3.received.natural' },
      { step: 't4', cell: 't4.review.other' },
      { step: 'problems', section: 'problems' },
    ]);
  });

  it('counts a switch of typed totals or of the procurement unit as a change of its table', () => {
    const typed = { ...base, settings: { typedTotals: ['t4' as const] } };
    expect(changePlaces(base, typed)).toEqual([{ step: 't4' }]);
    const unit = { ...base, settings: { procurementUnit: '万元' as const } };
    expect(changePlaces(base, unit)).toEqual([{ step: 't2' }]);
  });

  it('finds nothing between equal documents, and leaves explanations out', () => {
    expect(changePlaces(base, { ...base, cells: { ...base.cells } })).toEqual([]);
    expect(changePlaces(base, { ...base, explanations: [{ rule: 't3.balance', target: 'natural', text: '口径' }] })).toEqual([]);
  });
});

describe('fieldValue', () => {
  it('reads the field a text input edits', () => {
    const doc = {
      ...base,
      sections: { ...base.sections, other: '无。' },
      explanations: [{ rule: 'prev.carryOver', target: 'natural|x', text: '上年有误' }],
    };
    expect(fieldValue(doc, 'section:other')).toBe('无。');
    expect(fieldValue(doc, 'explain:prev.carryOver|natural|x')).toBe('上年有误');
    expect(fieldValue(doc, 'explain:t3.balance|natural')).toBe('');
    expect(fieldValue(doc, 'meta:name')).toBe('黄金镇人民政府');
    expect(fieldValue(doc, 'meta:region')).toBe('');
    expect(fieldValue(doc, 'meta:year')).toBe('2020');
    expect(fieldValue(doc, 'meta:level')).toBe('乡镇');
  });
});

describe('showChange', () => {
  const session = useSession.getState();
  afterEach(() => useSession.setState(session, true));
  const withCell = (key: string, value: number) => ({ ...base, cells: { ...base.cells, [key]: value } });

  it('stays on the current step when the change is there, putting the cursor on the changed cell', () => {
    useSession.setState({ step: 't4' });
    showChange(base, { ...withCell('t3.received.natural', 1), cells: { ...withCell('t3.received.natural', 1).cells, 't4.review.other': 2 } });
    expect(useSession.getState()).toMatchObject({ step: 't4', focus: { kind: 'cell', key: 't4.review.other' } });
  });

  it('goes to the first step that changed otherwise: its cell, its text, or the step', () => {
    useSession.setState({ step: 'meta' });
    showChange(base, withCell('t3.granted.natural', 1));
    expect(useSession.getState()).toMatchObject({ step: 't3', focus: { kind: 'cell', key: 't3.granted.natural' } });
    showChange(base, { ...base, sections: { ...base.sections, other: '无' } });
    expect(useSession.getState()).toMatchObject({ step: 'other', focus: { kind: 'section', key: 'other' } });
    useSession.setState({ focus: null });
    showChange(base, { ...base, agency: { ...base.agency, name: '另一镇' } });
    expect(useSession.getState()).toMatchObject({ step: 'meta', focus: null });
  });

  it('leaves the focus alone for a change of the text or settings on the current step, and for no change', () => {
    useSession.setState({ step: 'problems', focus: null });
    showChange(base, { ...base, sections: { ...base.sections, problems: '一是' } });
    showChange(base, base);
    showChange(null, base);
    showChange(base, { ...base, cells: { ...base.cells } });
    expect(useSession.getState()).toMatchObject({ step: 'problems', focus: null });
  });
});

describe('undoCommand', () => {
  const session = useSession.getState();
  let field: HTMLTextAreaElement;
  beforeEach(() => {
    loadDoc(base);
    field = document.createElement('textarea');
    field.setAttribute(UNDO_FIELD_ATTRIBUTE, 'section:overview');
    document.body.append(field);
  });
  afterEach(() => {
    field.remove();
    useSession.setState(session, true);
    loadDoc(null);
  });

  it('outside a text field undoes and redoes the newest change and goes to where it happened', () => {
    setCells({ 't3.received.natural': 4 });
    useSession.setState({ step: 'overview' });
    undoCommand('undo', null);
    expect(currentDoc()!.cells['t3.received.natural']).toBeNull();
    expect(useSession.getState()).toMatchObject({ step: 't3', focus: { kind: 'cell', key: 't3.received.natural' } });
    useSession.setState({ step: 'meta' });
    undoCommand('redo', document.body);
    expect(currentDoc()!.cells['t3.received.natural']).toBe(4);
    expect(useSession.getState().step).toBe('t3');
    expect(useSession.getState().notice).toBeNull();
  });

  it('in a text field undoes that field’s own typing quietly', () => {
    setCells({ 't3.received.natural': 4 });
    setSection('overview', '概述');
    useSession.setState({ step: 'overview' });
    undoCommand('undo', field);
    expect(currentDoc()!.sections.overview).toBe('');
    expect(currentDoc()!.cells['t3.received.natural']).toBe(4);
    expect(useSession.getState()).toMatchObject({ step: 'overview', notice: null });
    undoCommand('redo', field);
    expect(currentDoc()!.sections.overview).toBe('概述');
  });

  it('in a text field whose last change was elsewhere undoes that one, says so and goes there', () => {
    setSection('overview', '概述');
    setCells({ 't3.received.natural': 4 });
    useSession.setState({ step: 'overview' });
    undoCommand('undo', field);
    expect(currentDoc()!.cells['t3.received.natural']).toBeNull();
    expect(currentDoc()!.sections.overview).toBe('概述');
    expect(useSession.getState().notice).toBe(`已撤销“${PLACE_NAMES.t3}”中的上一步修改。`);
    expect(useSession.getState().step).toBe('t3');
    useSession.setState({ step: 'overview', notice: null });
    undoCommand('redo', field);
    expect(currentDoc()!.cells['t3.received.natural']).toBe(4);
    expect(useSession.getState().notice).toBe(`已重做“${PLACE_NAMES.t3}”中的上一步修改。`);
  });

  it('does nothing without a document or with nothing to undo', () => {
    undoCommand('undo', field);
    undoCommand('redo', null);
    expect(currentDoc()).toBe(base);
    expect(useSession.getState().notice).toBeNull();
    loadDoc(null);
    expect(() => undoCommand('undo')).not.toThrow();
  });
});
