/**
 * Query expansion for spelling variants: "Araqchi" also searches "Araghchi". Browser-safe (no
 * zod); the groups come from content/search-variants.yaml, validated by search-variants.ts.
 */
export type VariantGroups = string[][];

/** dist/search-variants.json, written with the search index (src/cli/index-search.ts). */
export interface SearchVariants {
  groups: VariantGroups;
  /** The spellings, lower-cased, that some page's text uses. */
  onSite: string[];
}

/** The pattern of a spelling as a whole word or phrase, case-insensitive, in lower-cased text. */
export function wholeWord(spelling: string): RegExp {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(spelling.toLowerCase())}(?=$|[^\\p{L}\\p{N}])`, 'u');
}

/**
 * The queries to run for what the reader typed: the query itself, then the query with each
 * variant spelling substituted (whole words or phrases, case-insensitive). At most `limit`.
 *
 * With `onSite` (the spellings, lower-cased, that the site's text uses: search-variants.json),
 * only those are searched. A word the index does not hold makes Pagefind fall back to the
 * longest indexed word it starts with: "Soleymani", a spelling the site never uses, found every
 * "so"; and each spelling cost the reader a download of the index chunk where it would be.
 * (Quoting the name stops the fallback too, but Pagefind then returns pages without sections.)
 * A query the reader quoted is left as typed.
 */
export function expandQuery(query: string, variantGroups: VariantGroups, limit = 6, onSite?: ReadonlySet<string>): string[] {
  const typed = query.trim();
  if (typed.includes('"')) return [typed];
  const lower = typed.toLowerCase();
  // Each known name in the query (the first spelling of a group that is there), where it stands.
  const names: { start: number; end: number; spellings: string[] }[] = [];
  for (const group of variantGroups) {
    for (const spelling of group) {
      const m = wholeWord(spelling).exec(lower);
      if (!m) continue;
      const at = m.index + m[1]!.length;
      const typedSpelling = typed.slice(at, at + spelling.length);
      const used = (o: string) => !onSite || onSite.has(o.toLowerCase());
      const others = group.filter((o) => o.toLowerCase() !== spelling.toLowerCase() && used(o));
      // The reader's own spelling first, unless no page uses it and another spelling is used.
      const spellings = used(spelling) || !others.length ? [typedSpelling, ...others] : others;
      names.push({ start: at, end: at + spelling.length, spellings });
      break;
    }
  }
  names.sort((a, b) => a.start - b.start);
  // Two groups can claim overlapping words ("Bandar Abbas" and a group with "Abbas"): the first wins.
  for (let i = names.length - 1; i > 0; i--) if (names[i]!.start < names[i - 1]!.end) names.splice(i, 1);
  /** The query with every name in its first spelling, the one at `swap` in `spelling`. */
  const build = (swap?: number, spelling?: string) => {
    let out = '';
    let from = 0;
    names.forEach((n, i) => {
      out += `${typed.slice(from, n.start)}${i === swap ? spelling : n.spellings[0]}`;
      from = n.end;
    });
    return out + typed.slice(from);
  };
  const out = [build()];
  names.forEach((n, i) => {
    for (const other of n.spellings.slice(1)) if (!out.includes(build(i, other))) out.push(build(i, other));
  });
  return out.slice(0, limit);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
