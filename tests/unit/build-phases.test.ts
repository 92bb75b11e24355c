import { describe, expect, it } from 'vitest';
import { buildPhases } from '../../src/lib/build-phases.ts';

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
