import { describe, expect, it } from 'vitest';
import { buildPhases, ratioWithPagesAtPeersCost, restOf } from '../../src/lib/build-phases.ts';

// Lines as Astro 7.3, Starlight 0.42 and src/cli/index-search.ts print them (500 synthetic essays).
const OURS = [
  '04:23:29 [build] ✓ Completed in 1.43s.',
  '04:23:29 [build] Building static entrypoints...',
  '04:23:33 [vite] ✓ built in 4.49s',
  '04:23:33 [vite] ✓ built in 53ms',
  ' generating static routes ',
  '04:23:41   └─ /timeline/index.html (+2ms) ',
  '04:23:41 ✓ Completed in 7.46s.',
  '',
  '04:23:41 [build] ✓ Completed in 12.38s.',
  '04:23:43 [build] 524 page(s) built in 16.10s',
  'search index: 524 HTML files (5079 section records) and 74 events in 4171 ms',
].join('\n');

const STARLIGHT = [
  '04:23:16 [build] ✓ Completed in 1.10s.',
  '04:23:20 [vite] ✓ built in 3.62s',
  '04:23:20 [vite] ✓ built in 50ms',
  '04:23:24 ✓ Completed in 3.97s.',
  '04:23:24 [build] ✓ Completed in 7.92s.',
  '04:23:24 [starlight:pagefind] Building search index with Pagefind...',
  '04:23:26 [starlight:pagefind] Finished building search index in 2.30s.',
  '04:23:26 [build] 502 page(s) built in 11.53s',
].join('\n');

describe('buildPhases', () => {
  it("reads this site's build: both bundles, the pages, and the indexer's time", () => {
    const p = buildPhases(OURS);
    expect(p.bundling).toBeCloseTo(4.543, 6);
    expect(p.pages).toBeCloseTo(7.46, 6);
    expect(p.searchIndex).toBeCloseTo(4.171, 6);
  });

  it("reads Starlight's build, its Pagefind step included", () => {
    expect(buildPhases(STARLIGHT)).toEqual({ bundling: 3.67, pages: 3.97, searchIndex: 2.3 });
  });

  it('does not take the "[build] ✓ Completed" steps for the pages', () => {
    expect(buildPhases('04:23:41 [build] ✓ Completed in 12.38s.').pages).toBeUndefined();
  });

  it('reads through colour codes', () => {
    expect(buildPhases('\u001b[2m04:23:33\u001b[22m \u001b[36m[vite]\u001b[39m \u001b[32m✓ built in 4.49s\u001b[39m').bundling).toBe(4.49);
  });

  it('leaves out what the log does not say, rather than guessing', () => {
    expect(buildPhases('')).toEqual({});
  });
});

describe('restOf and ratioWithPagesAtPeersCost', () => {
  // The medians of 3 December 2026's run at 500 essays (BENCHMARKS.md, "Morning, 3 December 2026").
  const ours = { seconds: 22.54, pages: 524, phases: { bundling: 5.07, pages: 6.32, searchIndex: 7.72 } };
  const starlight = { seconds: 11.73, pages: 502, phases: { bundling: 3.33, pages: 3.94, searchIndex: 2.27 } };

  it('the rest is the time no phase accounts for, or unknown when a phase is missing', () => {
    expect(restOf(ours)).toBeCloseTo(3.43, 6);
    expect(restOf({ ...ours, phases: { bundling: 5.07, pages: 6.32 } })).toBeUndefined();
  });

  it("puts our pages at the peer's cost per page, and compares per page", () => {
    // Worked by hand: Starlight's pages cost 3.94 s / 502 = 7.849 ms each, so our 524 would take
    // 4.113 s; our build becomes 22.54 - 6.32 + 4.113 = 20.333 s, 38.80 ms a page, against
    // Starlight's 11.73 s / 502 = 23.37 ms a page: 1.661.
    expect(ratioWithPagesAtPeersCost(ours, starlight)).toBeCloseTo(1.661, 3);
  });

  it('is a plain ratio when the pages cost the same and nothing else differs', () => {
    const same = { seconds: 10, pages: 500, phases: { pages: 4 } };
    expect(ratioWithPagesAtPeersCost(same, same)).toBeCloseTo(1, 9);
  });

  it('gives no figure without both page phases', () => {
    expect(ratioWithPagesAtPeersCost({ ...ours, phases: {} }, starlight)).toBeUndefined();
  });
});
