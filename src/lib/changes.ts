/** Every revision across the site, newest first: the /changes/ page and its feed. */

export interface ChangeEntry {
  date: Date;
  essayId: string;
  essayTitle: string;
  note: string;
  kind: 'published' | 'revised';
}

interface EssayLike {
  id: string;
  data: { title: string; published: Date; revisions?: { date: Date; note: string }[] | undefined };
}

export function siteChanges(essays: EssayLike[]): ChangeEntry[] {
  const entries: ChangeEntry[] = essays.flatMap((e) => [
    { date: e.data.published, essayId: e.id, essayTitle: e.data.title, note: 'First published.', kind: 'published' as const },
    ...(e.data.revisions ?? []).map((r) => ({ date: r.date, essayId: e.id, essayTitle: e.data.title, note: r.note, kind: 'revised' as const })),
  ]);
  // Newest first; on the same day, revisions before first publications, then by title.
  return entries.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.kind === b.kind ? a.essayTitle.localeCompare(b.essayTitle) : a.kind === 'revised' ? -1 : 1));
}
