import { describe, expect, test } from 'vitest';
import { HANDOUT_BUDGETS, MIN_PAGE_FILL, underfilledPages } from '../../src/lib/handouts.ts';

describe('handout budgets', () => {
  test('the issue 13 targets: Hormuz in 8 pages, the nuclear file in 10', () => {
    expect(Object.fromEntries(HANDOUT_BUDGETS.map((b) => [b.page, b.maxPages]))).toEqual({
      'essays/strait-of-hormuz/': 8,
      'essays/nuclear-file/': 10,
    });
  });

  test('a page filled less than the minimum is reported by its number, the last page never', () => {
    expect(underfilledPages([0.9, MIN_PAGE_FILL - 0.01, 0.95, 0.2])).toEqual([2]);
    expect(underfilledPages([0.9, MIN_PAGE_FILL, 0.1])).toEqual([]);
    expect(underfilledPages([0.1])).toEqual([]);
  });
});
