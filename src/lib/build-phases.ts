/**
 * Where a build's time went, read from what it prints: Astro's own timings (bundling, writing
 * the pages) and the search index's (ours from src/cli/index-search.ts, Starlight's from its
 * Pagefind step). `npm run bench:peer` sets them side by side for this site and Starlight, so a
 * gap can be put down to a phase rather than guessed at.
 */

/** Seconds in a phase, where the log said; a phase the log did not mention is left out. */
export interface BuildPhases {
  /** Vite's bundles (the pages' code, MDX included, and the browser's): the sum of its "built in" lines. */
  bundling?: number;
  /** Astro writing the pages: its "✓ Completed in" line that has no step name before it. */
  pages?: number;
  /** The search index: our indexer's "search index: … in N ms", or Starlight's Pagefind step. */
  searchIndex?: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;

function seconds(value: string, unit: string): number {
  return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

export function buildPhases(log: string): BuildPhases {
  const phases: BuildPhases = {};
  const add = (key: keyof BuildPhases, s: number) => (phases[key] = (phases[key] ?? 0) + s);
  for (const line of log.replace(ANSI, '').split('\n')) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/\[vite\] ✓ built in ([\d.]+)(ms|s)\b/))) add('bundling', seconds(m[1]!, m[2]!));
    // "04:56:18 ✓ Completed in 6.24s." is the pages; "[build] ✓ Completed in …" lines are other steps.
    else if ((m = line.match(/(?<!\] )✓ Completed in ([\d.]+)(ms|s)\./))) add('pages', seconds(m[1]!, m[2]!));
    else if ((m = line.match(/search index: .* in (\d+) ms$/))) add('searchIndex', seconds(m[1]!, 'ms'));
    else if ((m = line.match(/\[starlight:pagefind\] Finished building search index in ([\d.]+)(ms|s)\./))) add('searchIndex', seconds(m[1]!, m[2]!));
  }
  return phases;
}

/** A build as measured: its wall time, the pages it wrote, and its phases from its log. */
export interface MeasuredBuild {
  seconds: number;
  pages: number;
  phases: BuildPhases;
}

/** The wall time no phase in the log accounts for: start-up, content sync, steps after the pages. */
export function restOf(build: MeasuredBuild): number | undefined {
  const { bundling, pages, searchIndex } = build.phases;
  return bundling === undefined || pages === undefined || searchIndex === undefined ? undefined : build.seconds - bundling - pages - searchIndex;
}

/**
 * Our time per page over the peer's, had our pages been written exactly as fast, per page, as the
 * peer's: the ratio the rest of our build sets on its own, below which no work on the pages can
 * take it. Undefined when either log gave no time for the pages.
 */
export function ratioWithPagesAtPeersCost(ours: MeasuredBuild, peer: MeasuredBuild): number | undefined {
  if (ours.phases.pages === undefined || peer.phases.pages === undefined) return undefined;
  const oursSeconds = ours.seconds - ours.phases.pages + (peer.phases.pages / peer.pages) * ours.pages;
  return oursSeconds / ours.pages / (peer.seconds / peer.pages);
}
