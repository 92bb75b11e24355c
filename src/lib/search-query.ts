/**
 * Query expansion for spelling variants: "Araqchi" also searches "Araghchi". Browser-safe (no
 * zod); the groups come from content/search-variants.yaml, validated by search-variants.ts.
 */
export type VariantGroups = string[][];

/**
 * The queries to run for what the reader typed: the query itself, then the query with each
 * variant spelling substituted (whole words or phrases, case-insensitive). At most `limit`.
 *
 * In every one of them the name is quoted, so Pagefind matches that word only. Unquoted, a word
 * the index does not hold falls back to the longest indexed word it starts with: "Soleymani",
 * a spelling the site never uses, found every "so". A query the reader quoted is left as typed.
 */
export function expandQuery(query: string, variantGroups: VariantGroups, limit = 6): string[] {
  const typed = query.trim();
  if (typed.includes('"')) return [typed];
  const lower = typed.toLowerCase();
  // Each known name in the query (the first spelling of a group that is there), where it stands.
  const names: { start: number; end: number; others: string[] }[] = [];
  for (const group of variantGroups) {
    for (const spelling of group) {
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(spelling.toLowerCase())}(?=$|[^\\p{L}\\p{N}])`, 'u');
      const m = pattern.exec(lower);
      if (!m) continue;
      const at = m.index + m[1]!.length;
      names.push({ start: at, end: at + spelling.length, others: group.filter((o) => o.toLowerCase() !== spelling.toLowerCase()) });
      break;
    }
  }
  names.sort((a, b) => a.start - b.start);
  // Two groups can claim overlapping words ("Bandar Abbas" and a group with "Abbas"): the first wins.
  for (let i = names.length - 1; i > 0; i--) if (names[i]!.start < names[i - 1]!.end) names.splice(i, 1);
  /** The query with every name quoted, the one at `swap` replaced by `spelling`. */
  const build = (swap?: number, spelling?: string) => {
    let out = '';
    let from = 0;
    names.forEach((n, i) => {
      out += `${typed.slice(from, n.start)}"${i === swap ? spelling : typed.slice(n.start, n.end)}"`;
      from = n.end;
    });
    return out + typed.slice(from);
  };
  const out = [build()];
  names.forEach((n, i) => {
    for (const other of n.others) if (!out.includes(build(i, other))) out.push(build(i, other));
  });
  return out.slice(0, limit);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
