/** Ordering and neighbours of essays; plain data in, plain data out. */

export interface Orderable {
  id: string;
  data: { order: number; draft?: boolean | undefined; title: string };
}

/** Published essays in reading order (drafts are left out of the built site). */
export function publishedInOrder<T extends Orderable>(essays: T[]): T[] {
  return essays.filter((e) => !e.data.draft).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

export function neighbours<T extends Orderable>(ordered: T[], id: string): { previous?: T; next?: T } {
  const i = ordered.findIndex((e) => e.id === id);
  if (i < 0) return {};
  const out: { previous?: T; next?: T } = {};
  if (i > 0) out.previous = ordered[i - 1]!;
  if (i < ordered.length - 1) out.next = ordered[i + 1]!;
  return out;
}
