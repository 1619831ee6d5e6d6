import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatSize } from '../../../../renderer/src/lib/time';

describe('formatClock / formatDateTime', () => {
  it('writes local time on a 24-hour clock, zero-padded', () => {
    const iso = new Date(2025, 0, 5, 8, 3, 59).toISOString();
    expect(formatClock(iso)).toBe('08:03');
    expect(formatDateTime(iso)).toBe('2025-01-05 08:03');
    const evening = new Date(2024, 11, 31, 23, 45).toISOString();
    expect(formatClock(evening)).toBe('23:45');
    expect(formatDateTime(evening)).toBe('2024-12-31 23:45');
  });

  it('does not show “NaN” for text that is not a time', () => {
    expect(formatClock('不是时间')).toBe('');
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });
});

describe('formatSize', () => {
  it('uses 字节 below 1 KB, whole KB below 1 MB, one decimal above', () => {
    expect(formatSize(0)).toBe('0 字节');
    expect(formatSize(1023)).toBe('1023 字节');
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(10 * 1024 + 100)).toBe('10 KB');
    expect(formatSize(1024 * 1024)).toBe('1.0 MB');
    expect(formatSize(5.25 * 1024 * 1024)).toBe('5.3 MB');
  });
});
