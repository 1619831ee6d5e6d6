// The categories a ledger row is counted under, read from the format definitions: table 3's six applicant
// columns and its result groups with their reasons (（六）其他处理: one row in 2019, three in 2021).
import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../shared/formats/index';
import { APPLICANT_KEYS, groupOf, ledgerCategories, RESULT_EXPLANATIONS, resultName, stripNumbering } from '../../../shared/ledger/categories';

describe('stripNumbering', () => {
  it('drops the numbering of a group or reason, and the note of 部分公开', () => {
    expect(stripNumbering('（三）不予公开')).toBe('不予公开');
    expect(stripNumbering('4.保护第三方合法权益')).toBe('保护第三方合法权益');
    expect(stripNumbering('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(stripNumbering('自然人')).toBe('自然人');
  });
});

describe('ledgerCategories', () => {
  it('the applicants are table 3’s six columns, printed labels as the format has them', () => {
    const cats = ledgerCategories('2021');
    expect(cats.applicants.map((a) => a.key)).toEqual([...APPLICANT_KEYS]);
    const columns = getFormat('2021').t3.columns;
    for (const a of cats.applicants) expect(a.label).toBe(columns.find((c) => c.key === a.key)!.label);
    // 其他 alone could be anything: the lists say 其他组织.
    expect(cats.applicants.find((a) => a.key === 'otherOrg')).toMatchObject({ label: '其他', listLabel: '其他组织' });
  });

  it('groups the result rows: a row by itself, or a group of numbered reasons', () => {
    const cats = ledgerCategories('2021');
    expect(cats.groups.map((g) => g.key)).toEqual(['granted', 'partlyGranted', 'withheld', 'unavailable', 'notProcessed', 'other']);
    expect(cats.groups[0]).toEqual({ key: 'granted', label: '予以公开', printed: '（一）予以公开', reasons: [] });
    const withheld = cats.groups.find((g) => g.key === 'withheld')!;
    expect(withheld).toMatchObject({ label: '不予公开', printed: '（三）不予公开' });
    expect(withheld.reasons).toHaveLength(8);
    expect(withheld.reasons[3]).toEqual({ key: 'withheld.thirdPartyRights', group: 'withheld', printed: '4.保护第三方合法权益', label: '保护第三方合法权益' });
  });

  it('counts every result row of table 3 exactly once: 2019 has one 其他处理 row, 2021 three', () => {
    for (const format of ['2019', '2021'] as const) {
      const rows = getFormat(format).t3.rows.filter((r) => r.resultPart).map((r) => r.key);
      expect([...ledgerCategories(format).resultKeys].sort()).toEqual([...rows].sort());
    }
    expect(ledgerCategories('2019').resultKeys.filter((k) => groupOf(k) === 'other')).toEqual(['other']);
    expect(ledgerCategories('2021').resultKeys.filter((k) => groupOf(k) === 'other')).toEqual(['other.noCorrection', 'other.unpaidFee', 'other.misc']);
  });

  it('is built once per format', () => {
    expect(ledgerCategories('2019')).toBe(ledgerCategories('2019'));
    expect(ledgerCategories('2019')).not.toBe(ledgerCategories('2021'));
    expect(ledgerCategories('2019').format).toBe('2019');
  });
});

describe('groupOf', () => {
  it('is the part before the first dot', () => {
    expect(groupOf('withheld.stateSecret')).toBe('withheld');
    expect(groupOf('granted')).toBe('granted');
    expect(groupOf('other.misc')).toBe('other');
  });
});

describe('resultName', () => {
  it('names a group, or a reason under its group; an unknown key as it is', () => {
    expect(resultName('2021', 'granted')).toBe('予以公开');
    expect(resultName('2021', 'withheld.thirdPartyRights')).toBe('不予公开／4.保护第三方合法权益');
    expect(resultName('2021', 'other.misc')).toBe('其他处理／3.其他');
    expect(resultName('2019', 'other')).toBe('其他处理');
    expect(resultName('2019', 'other.misc')).toBe('其他处理');
    expect(resultName('2021', 'nonsense')).toBe('nonsense');
  });
});

describe('RESULT_EXPLANATIONS', () => {
  it('explains every group and reason of both formats', () => {
    for (const format of ['2019', '2021'] as const) {
      const cats = ledgerCategories(format);
      for (const key of [...cats.groups.map((g) => g.key), ...cats.resultKeys]) expect(RESULT_EXPLANATIONS[key], `${format} ${key}`).toBeTruthy();
    }
  });
});
