/**
 * Query expansion for spelling variants: "Araqchi" also searches "Araghchi". Browser-safe (no
 * zod); the groups come from content/search-variants.yaml, validated by search-variants.ts.
 */
export type VariantGroups = string[][];

/**
 * The queries to run for what the reader typed: the query itself, then the query with each
 * variant spelling substituted (whole words or phrases, case-insensitive). At most `limit`.
 */
export function expandQuery(query: string, variantGroups: VariantGroups, limit = 6): string[] {
  const out = [query.trim()];
  const lower = query.toLowerCase();
  for (const group of variantGroups) {
    for (const spelling of group) {
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(spelling.toLowerCase())}(?=$|[^\\p{L}\\p{N}])`, 'u');
      const m = pattern.exec(lower);
      if (!m) continue;
      const start = m.index + m[1]!.length;
      for (const other of group) {
        if (other.toLowerCase() === spelling.toLowerCase()) continue;
        const expanded = query.slice(0, start) + other + query.slice(start + spelling.length);
        if (!out.includes(expanded.trim())) out.push(expanded.trim());
      }
      break;
    }
  }
  return out.slice(0, limit);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
