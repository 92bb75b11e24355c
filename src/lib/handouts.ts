/**
 * Page budgets for the printed handouts (issue 13): the essays a teacher is most likely to print,
 * the most A4 pages each may take, and how full every page but the last must be. Read by
 * `npm run print` (which reports against them) and by tests/e2e/print.test.ts (which enforces them).
 */
export interface HandoutBudget {
  /** Page path under the site, as `npm run print` takes it. */
  page: string;
  /** Most A4 pages the printed essay may take. */
  maxPages: number;
}

export const HANDOUT_BUDGETS: readonly HandoutBudget[] = [
  { page: 'essays/strait-of-hormuz/', maxPages: 8 },
  { page: 'essays/nuclear-file/', maxPages: 10 },
];

/**
 * Every page but the last must be filled at least this far down (0 = top edge, 1 = bottom edge of
 * the paper), measured by its lowest line of text: a chart pushed to the next page must not leave
 * the page before it more than half empty.
 */
export const MIN_PAGE_FILL = 0.6;

/** The pages of a handout that are filled less than MIN_PAGE_FILL (1-based), the last page excepted. */
export function underfilledPages(fills: readonly number[], minFill = MIN_PAGE_FILL): number[] {
  return fills.flatMap((fill, i) => (i < fills.length - 1 && fill < minFill ? [i + 1] : []));
}
