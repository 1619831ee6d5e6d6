import { describe, expect, it } from 'vitest';
import { findSignature } from '../../../shared/import/signature';

describe('findSignature', () => {
  it('finds the agency name over the date, after blank lines', () => {
    const lines = ['六、其他需要报告的事项', '本年度无。', '', '某某县人民政府办公室', '2025年1月20日', '', '  '];
    expect(findSignature(lines)).toEqual({ from: 3, issued: '2025-01-20' });
  });

  it('reads full-width digits, spaces and indentation in the date', () => {
    expect(findSignature(['正文。', '　　某某镇人民政府', '　　２０２５年 １月 ２日'])).toEqual({ from: 1, issued: '2025-01-02' });
  });

  it('keeps the signature but no date when the printed date does not exist', () => {
    expect(findSignature(['正文。', '某某县人民政府', '2025年2月30日'])).toEqual({ from: 1, issued: undefined });
    expect(findSignature(['某某县人民政府', '2024年2月29日'])).toEqual({ from: 0, issued: '2024-02-29' });
  });

  it('does not take a sentence or a heading above the date as the name', () => {
    expect(findSignature(['本年度无其他需要报告的事项。', '2025年1月20日'])).toEqual({ from: 1, issued: '2025-01-20' });
    expect(findSignature(['六、其他需要报告的事项', '2025年1月20日'])).toEqual({ from: 1, issued: '2025-01-20' });
    expect(findSignature(['（一）收费情况', '2025年1月20日'])).toEqual({ from: 1, issued: '2025-01-20' });
    expect(findSignature(['某'.repeat(61), '2025年1月20日'])).toEqual({ from: 1, issued: '2025-01-20' });
  });

  it('finds nothing when the text does not end with a date', () => {
    expect(findSignature(['某某县人民政府', '2025年1月'])).toBeUndefined();
    expect(findSignature(['2025年1月20日', '某某县人民政府'])).toBeUndefined();
    expect(findSignature(['', '  '])).toBeUndefined();
    expect(findSignature([])).toBeUndefined();
  });
});
