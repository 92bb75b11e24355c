/**
 * Jump lists for long reference pages (/glossary/ A–Z, /sources/ by publisher): pure functions
 * that order entries for reading and say which letters have a target.
 */
import { slugify } from './slug.ts';

/** What an entry is filed under: lower case, accents and a leading "The" dropped ("The Economist" under E). */
export function sortKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/^the\s+/i, '')
    .toLowerCase();
}

/** Entries in A–Z order of their labels, as a reader of an index expects. */
export function alphabetical<T>(entries: readonly T[], label: (entry: T) => string): T[] {
  return [...entries].sort((a, b) => sortKey(label(a)).localeCompare(sortKey(label(b)), 'en', { sensitivity: 'base', numeric: true }));
}

/** The letter an entry is filed under: A–Z, or "#" for one that starts with a digit or a sign. */
export function indexLetter(label: string): string {
  const first = sortKey(label).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

export interface JumpLetter {
  letter: string;
  /** The id of the first entry under this letter; absent when no entry starts with it. */
  targetId?: string | undefined;
}

/**
 * A to Z (with "#" first when some entry needs it), each letter pointing to the first entry filed
 * under it in the order given. Give the entries in the order the page shows them (alphabetical()).
 */
export function alphabetJumpList(entries: readonly { label: string; id: string }[]): JumpLetter[] {
  const first = new Map<string, string>();
  for (const e of entries) {
    const letter = indexLetter(e.label);
    if (!first.has(letter)) first.set(letter, e.id);
  }
  const letters = [...(first.has('#') ? ['#'] : []), ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  return letters.map((letter) => ({ letter, targetId: first.get(letter) }));
}

/** The anchor of a publisher's heading within one kind of source: /sources/#wire-agency-reports-reuters. */
export function publisherAnchor(kindAnchor: string, publisher: string): string {
  return `${kindAnchor}-${slugify(publisher)}`;
}
