// What an edit of a grid cell writes (edit-session.ts): while typing, when finished, how entries compare
// and are read from a document, and the IME composition state.
import { describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { compositionStarted, entryOf, entryWhenFinished, entryWhileTyping, isComposing, sameEntry, typedOutcome } from '../../../../renderer/src/grid/edit-session';

describe('entryWhileTyping, entryWhenFinished, sameEntry, entryOf', () => {
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

describe('typedOutcome', () => {
  it('tells a value, the beginning of a number and a refused entry apart', () => {
    expect(typedOutcome(' 7 ', 'count')).toEqual({ kind: 'value', value: 7 });
    expect(typedOutcome('', 'amount')).toEqual({ kind: 'value', value: null });
    expect(typedOutcome('12.', 'amount')).toEqual({ kind: 'incomplete' });
    const refused = typedOutcome('七', 'count');
    expect(refused.kind).toBe('invalid');
    // A refused entry carries its reason, and a rounded value only where one is offered.
    expect(refused.kind === 'invalid' && refused.reason.length > 0).toBe(true);
    expect(refused).not.toHaveProperty('rounded');
  });

  it('keeps a refused entry as typed but without the spaces around it', () => {
    expect(entryWhileTyping(' 1o ', 'count')).toEqual({ invalid: '1o' });
    expect(entryWhenFinished(' 1o ', 'count')).toEqual({ invalid: '1o' });
  });
});

describe('sameEntry', () => {
  it('compares refused texts with each other and values with each other', () => {
    expect(sameEntry({ invalid: '1o' }, { invalid: '1o' })).toBe(true);
    expect(sameEntry({ invalid: '1o' }, { invalid: 'lo' })).toBe(false);
    expect(sameEntry({ invalid: '' }, { value: null })).toBe(false);
    expect(sameEntry({ value: 0 }, { value: null })).toBe(false);
  });
});

describe('compositionStarted / isComposing', () => {
  it('is composing from the start of an IME composition, also over an empty cell', () => {
    expect(isComposing(compositionStarted('12'))).toBe(true);
    expect(compositionStarted('12')).toEqual({ before: '12' });
    expect(isComposing(compositionStarted(''))).toBe(true);
    expect(isComposing({ before: null })).toBe(false);
    expect(isComposing(null)).toBe(false);
    expect(isComposing(undefined)).toBe(false);
  });
});
