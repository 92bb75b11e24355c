/** The bibliography: content/sources.yaml, every cited source by key. */
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { SOURCE_TYPES, sourceEntry, type SourceEntry, type SourceType } from './schemas.ts';
import { readYaml } from './yaml-file.ts';
import { formatDate, isoDay, parseDay } from './dates.ts';
import { normaliseSourceUrl } from './source-rules.ts';
import { citedKeys } from './citations.ts';
import { typesetNumbers } from './typesetting.ts';
import type { SourcePreview } from './popover.ts';
import { eventAddress, timelineIsSplit } from './timeline-pages.ts';

export type { SourcePreview } from './popover.ts';

export const SOURCE_KEY = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** Every well-formed source, and a problem for each one that is not (so one bad entry does not hide the rest). */
export function readSources(text: string, file: string): { sources: Map<string, SourceEntry>; keys: Set<string>; problems: ContentProblem[] } {
  // A key written twice is reported (naming the first) and the first entry kept, so one slip
  // does not turn every citation of every other source into an "unknown source".
  const { data, lineOf, duplicates } = readYaml(text, file);
  const problems: ContentProblem[] = [...duplicates];
  const sources = new Map<string, SourceEntry>();
  // Every well-formed key, valid entry or not: a citation of a key whose entry has a bad field is
  // not also reported as a citation of an unknown key.
  const keys = new Set<string>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentValidationError([{ file, line: 1, found: data, expected: 'a mapping of source keys to sources' }]);
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!SOURCE_KEY.test(key)) {
      problems.push({ file, line: lineOf([key]), field: 'key', found: key, expected: 'a key of lowercase letters, digits and hyphens' });
      continue;
    }
    keys.add(key);
    const result = validateWith(sourceEntry, value, { file, lineOf: (path) => lineOf([key, ...path]) });
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ ...p, field: `${key}.${p.field ?? ''}`.replace(/\.$/, '') })));
      continue;
    }
    sources.set(key, { ...result.value, key });
  }
  problems.push(...crossEntryProblems(sources, file, lineOf));
  return { sources, keys, problems };
}

/**
 * Rules that look at more than one entry: one page under one key (a second key for the same page
 * splits its citations and shows readers a duplicate), and `replaces` naming only retired keys,
 * each retired key claimed by one entry.
 */
function crossEntryProblems(sources: ReadonlyMap<string, SourceEntry>, file: string, lineOf: (path: PropertyKey[]) => number | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstKeyOfUrl = new Map<string, string>();
  const replacedBy = new Map<string, string>();
  for (const [key, s] of sources) {
    const url = normaliseSourceUrl(s.url);
    const first = firstKeyOfUrl.get(url);
    if (first === undefined) firstKeyOfUrl.set(url, key);
    else {
      problems.push({
        file,
        line: lineOf([key, 'url']),
        field: `${key}.url`,
        found: s.url,
        expected: `an address not already listed under "${first}" (line ${lineOf([first, 'url'])}): merge the two entries into one, cite the one kept, and list "${key}" under its "replaces"`,
      });
    }
    s.replaces?.forEach((old, i) => {
      const at = { file, line: lineOf([key, 'replaces', i]), field: `${key}.replaces`, found: old };
      if (sources.has(old)) problems.push({ ...at, expected: `the key of a retired entry ("${old}" is still an entry at line ${lineOf([old])}: delete it once its citations use "${key}")` });
      else if (!SOURCE_KEY.test(old)) problems.push({ ...at, expected: 'a retired source key of lowercase letters, digits and hyphens' });
      else if (replacedBy.has(old)) problems.push({ ...at, expected: `a key no other entry replaces (it is already listed by "${replacedBy.get(old)}")` });
      else replacedBy.set(old, key);
    });
  }
  return problems;
}

export function parseSources(text: string, file: string): Map<string, SourceEntry> {
  const { sources, problems } = readSources(text, file);
  if (problems.length) throw new ContentValidationError(problems);
  return sources;
}

/** A source's date as the site writes dates: "28 February 2026", "February 2026" or "2026". */
export function describeSourceDate(date: string): string {
  if (/^\d{4}$/.test(date)) return date;
  return formatDate(parseDay(date), date.length === 7 ? 'month' : 'day');
}

/**
 * What a reader sees for each type: a singular label for one entry, a plural for a group heading,
 * the anchor of its section on /sources/ (permanent: educators link to it), which is also the name
 * of its own page (/sources/wire-agencies/), and a line saying what belongs to it.
 */
export const SOURCE_TYPE_LABELS: Record<SourceType, { one: string; many: string; anchor: string; description: string }> = {
  'official-document': {
    one: 'Official document',
    many: 'Official documents',
    anchor: 'official-documents',
    description: 'Reports and texts issued by governments and international bodies: IAEA reports, EIA and IEA analyses, laws and government documents.',
  },
  'official-statement': {
    one: 'Official statement',
    many: 'Official statements',
    anchor: 'official-statements',
    description: 'Statements, briefings and announcements by governments, international bodies and their officials.',
  },
  wire: {
    one: 'Wire agency report',
    many: 'Wire agency reports',
    anchor: 'wire-agencies',
    description: 'News agencies that supply reports to other media (Reuters, AP, AFP, dpa, EFE…). Many were read as republished by another site, which is named after "via".',
  },
  news: {
    one: 'Newspaper or broadcaster',
    many: 'Newspapers and broadcasters',
    anchor: 'newspapers-and-broadcasters',
    description: 'Newspapers, magazines, news sites and broadcasters, including public broadcasters with an independent charter.',
  },
  research: {
    one: 'Research institute or think tank',
    many: 'Research institutes and think tanks',
    anchor: 'research',
    description: 'Research institutes, think tanks and professional journals. Their analysis is a view, and the essays label it as one.',
  },
  'state-media': {
    one: 'State-run or state-aligned media',
    many: 'State-run and state-aligned media',
    anchor: 'state-media',
    description: "Outlets run by a government or aligned with one. The essays use them mainly for that government's own statements and attribute what they report.",
  },
  other: {
    one: 'Other (trade press, blog or aggregator)',
    many: 'Other sources',
    anchor: 'other-sources',
    description: 'Trade press, blogs, aggregators, law-firm notes and sites of unknown standing. They are weaker sources, kept where nothing better was found.',
  },
};

/**
 * The page that lists every source of one kind, in full: "sources/wire-agencies/" (no base path).
 * One page per kind keeps each small enough to arrive in two round trips on a phone; one page of
 * every entry did not.
 */
export function sourceKindPath(type: SourceType): string {
  return `sources/${SOURCE_TYPE_LABELS[type].anchor}/`;
}

/**
 * Where a link to a source goes: its full entry on its kind's page, "sources/research/#key". The
 * permanent address educators cite stays /sources/#key: the overview has that id and forwards it
 * here (src/scripts/sources-forward.ts), so a source may change kind without breaking a citation.
 */
export function sourceEntryPath(s: Pick<SourceEntry, 'key' | 'type'>): string {
  return `${sourceKindPath(s.type)}#${s.key}`;
}

export interface TypeShare {
  type: SourceType;
  count: number;
  /** Whole per cent of all entries; the shares add up to 100 (largest remainders round up). */
  percent: number;
}

/** How many entries of each type there are, in SOURCE_TYPES order, with whole-per-cent shares that add up to 100. */
export function sourceTypeShares(sources: Iterable<Pick<SourceEntry, 'type'>>): TypeShare[] {
  const counts = new Map<SourceType, number>(SOURCE_TYPES.map((t) => [t, 0]));
  let total = 0;
  for (const s of sources) {
    counts.set(s.type, counts.get(s.type)! + 1);
    total++;
  }
  const shares = SOURCE_TYPES.map((type) => {
    const exact = total ? (counts.get(type)! * 100) / total : 0;
    return { type, count: counts.get(type)!, percent: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total ? 100 - shares.reduce((a, s) => a + s.percent, 0) : 0;
  for (const s of [...shares].sort((a, b) => b.remainder - a.remainder || b.count - a.count)) {
    if (left <= 0) break;
    s.percent++;
    left--;
  }
  return shares.map(({ type, count, percent }) => ({ type, count, percent }));
}

/** A share as the site writes it (src/lib/typesetting.ts): "12 %", or "under 1 %" for a type that has entries but rounds to none. */
export function describeShare(share: Pick<TypeShare, 'count' | 'percent'>): string {
  return typesetNumbers(share.count > 0 && share.percent === 0 ? 'under 1 %' : `${share.percent} %`);
}

/** Who stands behind the copy a reader opens: "Reuters, via Deccan Herald", or just "Reuters". */
export function describeOrigin(s: Pick<SourceEntry, 'publisher' | 'via'>): string {
  return s.via ? `${s.publisher}, via ${s.via}` : s.publisher;
}

/**
 * The archived copy beside each link. An `archived` address is a capture someone has seen; without
 * one the site links the Wayback Machine's lookup for the page on the day it was read, which opens
 * the nearest capture if there is one, and says so rather than promising a capture.
 */
export function archiveLink(s: Pick<SourceEntry, 'url' | 'accessed' | 'archived'>): { href: string; label: string; seen: boolean } {
  if (s.archived) return { href: s.archived, label: 'Archived copy', seen: true };
  const day = isoDay(s.accessed).replaceAll('-', '');
  return { href: `https://web.archive.org/web/${day}/${s.url}`, label: 'Archived copies', seen: false };
}

/** One place on the site that cites a source. `path` is site-relative, without the base. */
export interface CitingPlace {
  kind: 'essay' | 'page' | 'event' | 'data' | 'term';
  title: string;
  path: string;
}

export interface CitationInputs {
  essays: { id: string; title: string; body: string }[];
  pages: { id: string; title: string; body: string }[];
  events: { id: string; title: string; sources: readonly string[] }[];
  /** Each data file with the keys its rows cite and the keys its description lists. */
  datasets: { anchor: string; title: string; keys: readonly string[] }[];
  terms: { id: string; term: string; sources?: readonly string[] | undefined }[];
}

/**
 * For every source key, every place that cites it: essays (to the reference entry), pages,
 * timeline events, data files and glossary terms, each place once, in that order.
 */
export function citationMap(inputs: CitationInputs): Map<string, CitingPlace[]> {
  const map = new Map<string, CitingPlace[]>();
  const add = (key: string, place: CitingPlace) => {
    const list = map.get(key) ?? [];
    if (!list.some((p) => p.path === place.path)) list.push(place);
    map.set(key, list);
  };
  for (const e of inputs.essays) for (const key of citedKeys(e.body)) add(key, { kind: 'essay', title: e.title, path: `essays/${e.id}/#ref-${key}` });
  for (const p of inputs.pages) for (const key of citedKeys(p.body)) add(key, { kind: 'page', title: p.title, path: `${p.id}/` });
  const split = timelineIsSplit(inputs.events.length);
  for (const ev of inputs.events) for (const key of ev.sources) add(key, { kind: 'event', title: ev.title, path: eventAddress(ev.id, split) });
  for (const d of inputs.datasets) for (const key of d.keys) add(key, { kind: 'data', title: d.title, path: `data/#${d.anchor}` });
  for (const t of inputs.terms) for (const key of t.sources ?? []) add(key, { kind: 'term', title: t.term, path: `glossary/#${t.id}` });
  return map;
}

export interface PublisherGroup {
  publisher: string;
  entries: SourceEntry[];
}
export interface TypeGroup {
  type: SourceType;
  publishers: PublisherGroup[];
  count: number;
}

/**
 * The sources page's order: by type (every type, in SOURCE_TYPES order, so each type's section and
 * its permanent anchor exist even while it has no entries), then by publisher (alphabetical,
 * ignoring a leading "The"), newest first within a publisher.
 */
export function groupSources(sources: Iterable<SourceEntry>): TypeGroup[] {
  const sortName = (p: string) => p.replace(/^the\s+/i, '');
  const all = [...sources];
  return SOURCE_TYPES.map((type) => {
    const ofType = all.filter((s) => s.type === type);
    const byPublisher = new Map<string, SourceEntry[]>();
    for (const s of ofType) byPublisher.set(s.publisher, [...(byPublisher.get(s.publisher) ?? []), s]);
    const publishers = [...byPublisher]
      .sort(([a], [b]) => sortName(a).localeCompare(sortName(b), 'en', { sensitivity: 'base' }))
      .map(([publisher, entries]) => ({ publisher, entries: entries.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)) }));
    return { type, publishers, count: ofType.length };
  });
}

/** The site a link leads to, as a reader recognises it: "deccanherald.com" for https://www.deccanherald.com/…. */
export function siteOf(url: string): string {
  return new URL(url).host.toLowerCase().replace(/^www\./, '');
}

/** How each kind of place that cites a source is introduced in a "Cited in" list, one and many. */
export const CITING_KIND_LABELS: Record<CitingPlace['kind'], { one: string; many: string }> = {
  essay: { one: 'Essay', many: 'Essays' },
  page: { one: 'Page', many: 'Pages' },
  event: { one: 'Timeline event', many: 'Timeline events' },
  data: { one: 'Data file', many: 'Data files' },
  term: { one: 'Glossary term', many: 'Glossary terms' },
};

/** A source's citing places gathered by kind, in the citation map's order: "Essays: A; B. Timeline events: C." */
export function groupCitingPlaces(places: readonly CitingPlace[]): { kind: CitingPlace['kind']; label: string; places: CitingPlace[] }[] {
  const groups: { kind: CitingPlace['kind']; label: string; places: CitingPlace[] }[] = [];
  for (const p of places) {
    const group = groups.find((g) => g.kind === p.kind);
    if (group) group.places.push(p);
    else groups.push({ kind: p.kind, label: '', places: [p] });
  }
  for (const g of groups) g.label = g.places.length === 1 ? CITING_KIND_LABELS[g.kind].one : CITING_KIND_LABELS[g.kind].many;
  return groups;
}

/**
 * A breakdown in words, largest kinds first: "26 wire agency reports, 4 research institutes and
 * think tanks and 1 official document". Kinds with no entries are left out.
 */
export function describeTypeCounts(shares: readonly Pick<TypeShare, 'type' | 'count'>[]): string {
  const parts = [...shares]
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((s) => `${s.count} ${(s.count === 1 ? SOURCE_TYPE_LABELS[s.type].one : SOURCE_TYPE_LABELS[s.type].many).toLowerCase()}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * An address as a reader can read it in a reference list or on paper: no scheme, no "www.", no
 * trailing slash: "reuters.com/world/middle-east/iran-talks-2025-04-12". Tracking parameters never
 * reach here (the source rules refuse them); a query the page needs is kept.
 */
export function displayUrl(url: string): string {
  const u = new URL(url);
  const path = `${u.pathname}${u.search}${u.hash}`.replace(/\/$/, '');
  return `${u.host.toLowerCase().replace(/^www\./, '')}${path}`;
}

export function sourcePreview(s: SourceEntry): SourcePreview {
  const { href, label } = archiveLink(s);
  return {
    title: s.title,
    ...(s.author ? { author: s.author } : {}),
    origin: describeOrigin(s),
    typeLabel: SOURCE_TYPE_LABELS[s.type].one,
    date: describeSourceDate(s.date),
    url: s.url,
    archive: { href, label },
    ...(s.document ? { document: { id: s.document.id, ...(s.document.url ? { url: s.document.url } : {}) } } : {}),
  };
}

/** "1st", "2nd", "3rd", "4th", "11th", "21st"… */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The visible letter of a back-link: a, b … z, then aa, ab … (as footnote back-links are lettered). */
export function backLinkLetter(occurrence: number): string {
  let n = occurrence;
  let out = '';
  while (n > 0) {
    n--;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}
