// Undo and redo as the user sees them (undo-commands.ts): where a change happened (undo/redo go there),
// what a text field holds (Ctrl+Z in it undoes only its own typing).
import { describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { changePlaces, fieldValue } from '../../../../renderer/src/app/undo-commands';

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
