/**
 * Where an address on the sources overview goes on to (src/scripts/sources-forward.ts): the
 * overview keeps the permanent ids (/sources/#key, /sources/#<kind>) and the full entries are on
 * one page per kind (src/pages/sources/[kind].astro).
 */

export interface OverviewLookup {
  /** The link held by the source's line or the kind's section that carries this id, if any. */
  linkOf(id: string): string | undefined;
  /** Each kind's section id and the address of its page. */
  kinds: readonly { id: string; href: string | undefined }[];
}

/**
 * A source's key (or a key merged into it) or a kind: the link its line or section holds. A
 * publisher's old jump target, "wire-agencies-reuters", which the overview no longer has: the same
 * id on the page of the kind whose id begins it. Anything else stays where it is.
 */
export function forwardedSourceHref(id: string, overview: OverviewLookup): string | undefined {
  if (!id) return undefined;
  const link = overview.linkOf(id);
  if (link) return link;
  // Longest first, so a kind whose id begins another's cannot take its publishers.
  const kind = [...overview.kinds].sort((a, b) => b.id.length - a.id.length).find((k) => k.href && id.startsWith(`${k.id}-`));
  return kind ? `${kind.href!.split('#')[0]}#${id}` : undefined;
}
