import { describe, expect, it } from 'vitest';
import { formatInstant, formatKpiValue, formatPercent, formatSize, shanghaiDate } from './format';

describe('percentages', () => {
  it.each([
    [0.4, '40.0%'],
    [0.425, '42.5%'],
    [0.3333, '33.3%'],
    [0.0563, '5.6%'],
    [0.12345, '12.3%'],
    [1, '100.0%'],
    [0, '0.0%'],
  ])('share %s → %s', (v, out) => expect(formatPercent(v)).toBe(out));
});

describe('KPI values', () => {
  it('formats by measure', () => {
    expect(formatKpiValue(0.4, 'share')).toBe('40.0%');
    expect(formatKpiValue(3512, 'words', '字')).toBe('3,512 字');
    expect(formatKpiValue(12, 'count', '场')).toBe('12 场');
    expect(formatKpiValue(1, 'presence', '份')).toBe('1 份');
    expect(formatKpiValue(7, 'count', '')).toBe('7');
  });
});

describe('Beijing days and instants', () => {
  it('today in Beijing, not in the PC’s zone', () => {
    expect(shanghaiDate(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30');
    expect(shanghaiDate(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(shanghaiDate('2026-11-29T16:30:00.000Z')).toBe('2026-11-30');
    expect(shanghaiDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('an instant in Beijing time', () => {
    expect(formatInstant('2026-11-29T16:30:05.000Z')).toBe('2026-11-30 00:30:05');
    expect(formatInstant(null)).toBe('—');
  });
});

describe('file sizes', () => {
  it('in B, KB and MB', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(51 * 1024 * 1024)).toBe('51.0 MB');
    expect(formatSize(null)).toBe('');
  });
});
