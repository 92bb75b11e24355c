import { describe, expect, test } from 'vitest';
import { formatDate, isCalendarDay, isCalendarMonth, parseDay } from '../../src/lib/dates.ts';

describe('dates', () => {
  test('accepts real days and rejects impossible ones', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
    expect(isCalendarMonth('2013-03')).toBe(true);
    expect(isCalendarMonth('2013-00')).toBe(false);
  });
  test('formats dates day first, in full', () => {
    expect(formatDate(parseDay('2026-02-28'))).toBe('28 February 2026');
    expect(formatDate(parseDay('2013-03'), 'month')).toBe('March 2013');
  });
});

import { describeSourceDate } from '../../src/lib/sources.ts';
describe('source dates', () => {
  test('are written like every other date on the site, at the precision given', () => {
    expect(describeSourceDate('2025-05-31')).toBe('31 May 2025');
    expect(describeSourceDate('2026-03')).toBe('March 2026');
    expect(describeSourceDate('2026')).toBe('2026');
  });
});
