// The one value rule (shared/model/cell-value.ts): exact value or a reason, never a guess.
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../../shared/formats/types';
import { formatCellValue, isIncompleteEntry, normaliseEntry, parseCellValue, roundHalfUp } from '../../../shared/model/cell-value';

const value = (text: string, kind: CellKind = 'count') => {
  const r = parseCellValue(text, kind);
  return r.ok ? r.value : undefined;
};
const reason = (text: string, kind: CellKind = 'count') => {
  const r = parseCellValue(text, kind);
  return r.ok ? null : r.reason;
};

describe('the value rule', () => {
  it('reads full-width forms through NFKC and thousands separators between groups of three', () => {
    expect(normaliseEntry('　１２，３４５ ')).toBe('12,345');
    expect(value('１２，３４５')).toBe(12345);
    expect(value('1,234')).toBe(1234);
    expect(value('1，234')).toBe(1234);
    expect(value('1,234,567')).toBe(1234567);
    expect(value('－３', 'signedCount')).toBe(-3);
    expect(value('−3', 'signedCount')).toBe(-3);
    expect(value('+3', 'signedCount')).toBe(3);
    expect(value('-0', 'signedCount')).toBe(0);
    expect(Object.is(value('-0', 'signedCount'), -0)).toBe(false);
    expect(value('９１１６．３６', 'amount')).toBe(9116.36);
    expect(value('24252.3111', 'amount')).toBe(24252.3111);
    expect(value('007')).toBe(7);
    expect(value('')).toBe(null);
    expect(value('   ')).toBe(null);
  });

  it('refuses what the issue saw stored as another number: 1o, l2, -3, 12.5 in a count', () => {
    expect(reason('1o')).toContain('“o”不是数字');
    expect(reason('l2')).toContain('“l”不是数字');
    expect(reason('-3')).toContain('不能为负数');
    expect(reason('12.5')).toContain('整数');
    expect(reason('1.5', 'signedCount')).toContain('整数');
    expect(reason('-1', 'amount')).toContain('不能为负数');
    expect(reason('+3')).toContain('正负号');
  });

  it('never reads run-together or oddly separated digits as one number', () => {
    expect(reason('80 1 0 0 0 0 81')).toContain('中间有空格');
    expect(reason('1 2')).toContain('中间有空格');
    expect(reason('1,2')).toContain('千位分隔符');
    expect(reason('12,34')).toContain('千位分隔符');
    expect(reason('1,2345')).toContain('千位分隔符');
    expect(reason('12。5', 'amount')).toContain('不是小数点');
    expect(reason('/')).toContain('不能代替 0');
    expect(reason('无')).toContain('不能代替 0');
    expect(reason('3件')).toContain('“件”不是数字');
    expect(reason('1234567890123456')).toContain('数字过大');
    expect(reason('-', 'signedCount')).toContain('不是完整的数字');
    expect(reason('12.', 'amount')).toContain('不是完整的数字');
  });

  it('refuses an amount with more than 4 decimals and offers it rounded half up, never truncated', () => {
    const r = parseCellValue('5949.088667', 'amount');
    expect(r).toMatchObject({ ok: false, rounded: 5949.0887 });
    expect(!r.ok && r.reason).toContain('最多保留 4 位小数');
    expect(parseCellValue('0.00005', 'amount')).toMatchObject({ ok: false, rounded: 0.0001 });
    expect(parseCellValue('0.00004', 'amount')).toMatchObject({ ok: false, rounded: 0 });
    expect(parseCellValue('9.99995', 'amount')).toMatchObject({ ok: false, rounded: 10 });
    expect(parseCellValue('1.00015', 'amount')).toMatchObject({ ok: false, rounded: 1.0002 });
    expect(roundHalfUp('99', '99995', 4)).toBe(100);
    expect(roundHalfUp('5949', '088667', 4)).toBe(5949.0887);
  });

  it('tells beginnings of a number (typed on) from wrong entries', () => {
    expect(isIncompleteEntry('-', 'signedCount')).toBe(true);
    expect(isIncompleteEntry('12.', 'amount')).toBe(true);
    expect(isIncompleteEntry('1,2', 'count')).toBe(true);
    expect(isIncompleteEntry('-', 'count')).toBe(false);
    expect(isIncompleteEntry('12.', 'count')).toBe(false);
    expect(isIncompleteEntry('1o', 'count')).toBe(false);
    expect(isIncompleteEntry('12', 'count')).toBe(false);
  });

  it('shows a stored number plainly', () => {
    expect(formatCellValue(12345)).toBe('12345');
    expect(formatCellValue(9116.36)).toBe('9116.36');
    expect(formatCellValue(0.0001)).toBe('0.0001');
    expect(formatCellValue(null)).toBe('');
  });
});

// --- Property: for any text, the stored value is exactly the number written, or the entry is refused. --

/** Independent reading of a text: NFKC, minus signs, trim, then a strict decimal grammar; the exact
 *  decimal as a (sign, digits, scale) triple, or null when the text is not a plain decimal number. */
function oracle(raw: string): { negative: boolean; digits: bigint; scale: number; sign: string } | null {
  const text = raw.normalize('NFKC').replace(/[\u2212\u2012\u2013]/g, '-').trim().replace(/^[\u200b\ufeff]+|[\u200b\ufeff]+$/g, '').trim();
  const m = /^([+-]?)([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.([0-9]+))?$/.exec(text);
  if (!m) return null;
  const integer = m[2]!.replace(/,/g, '');
  const fraction = m[5] ?? '';
  if ((integer.replace(/^0+(?=\d)/, '') + fraction).length > 15) return null;
  return { negative: m[1] === '-', digits: BigInt(integer + fraction), scale: fraction.length, sign: m[1]! };
}

/** A random-number generator with a seed, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = ['0', '1', '2', '5', '9', '0', '7', ',', '.', '-', '+', ' ', '　', '，', '．', '－', '１', '０', 'o', 'l', 'O', '/', '。', '−', 'e', '\t', '万', '件', '٣', '①'];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 9);
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

describe('property: exact value or refused', () => {
  it('for 20 000 random texts and every kind, an accepted value is exactly the written number', () => {
    const next = rng(20261203);
    let accepted = 0;
    for (let n = 0; n < 20000; n++) {
      const text = randomText(next);
      for (const kind of ['count', 'signedCount', 'amount'] as CellKind[]) {
        const r = parseCellValue(text, kind);
        const o = oracle(text);
        if (!r.ok) {
          expect(r.reason.length, text).toBeGreaterThan(0);
          continue;
        }
        if (r.value === null) {
          expect(text.normalize('NFKC').trim(), JSON.stringify(text)).toBe('');
          continue;
        }
        accepted++;
        expect(o, JSON.stringify(text)).not.toBeNull();
        // The value is the written decimal, exactly: value × 10^scale equals the digits.
        const scaled = BigInt(Math.round(Math.abs(r.value) * 10 ** o!.scale));
        expect(scaled, JSON.stringify(text)).toBe(o!.digits);
        expect(r.value < 0, JSON.stringify(text)).toBe(o!.negative && o!.digits !== 0n);
        // And allowed for its kind.
        if (kind !== 'amount') expect(Number.isInteger(r.value)).toBe(true);
        if (kind !== 'signedCount') expect(r.value >= 0 && o!.sign === '').toBe(true);
        if (kind === 'amount') expect(o!.scale).toBeLessThanOrEqual(4);
      }
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});
