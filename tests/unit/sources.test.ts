import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatProblem } from '../../src/lib/content-errors.ts';
import {
  archiveLink,
  backLinkLetter,
  citationMap,
  describeOrigin,
  describeShare,
  describeTypeCounts,
  displayUrl,
  groupCitingPlaces,
  groupSources,
  ordinal,
  readSources,
  sourceEntryPath,
  sourceKindPath,
  sourcePreview,
  sourceTypeShares,
  SOURCE_TYPE_LABELS,
} from '../../src/lib/sources.ts';
import { SOURCE_TYPES, type SourceEntry, type SourceType } from '../../src/lib/schemas.ts';
import { toSourcePreview } from '../../src/lib/popover.ts';
import { forwardedSourceHref } from '../../src/lib/sources-forward.ts';
import { isPlaceholderTitle, normaliseSourceUrl, trackingParametersIn, withoutTracking } from '../../src/lib/source-rules.ts';

const FIXTURES = 'tests/fixtures/sources';

/** Every problem readSources reports for a fixture, as the maintainer sees it. */
function problemsIn(fixture: string): string[] {
  const file = `${FIXTURES}/${fixture}`;
  return readSources(readFileSync(file, 'utf8'), file).problems.map(formatProblem);
}

describe('source registry rules (one bad fixture each)', () => {
  test('the good fixture passes every rule', () => {
    const file = `${FIXTURES}/good.yaml`;
    const { sources, problems } = readSources(readFileSync(file, 'utf8'), file);
    expect(problems).toEqual([]);
    expect(sources.get('iaea-gov-2025-25')?.document?.id).toBe('GOV/2025/25');
  });

  test('a missing type is named as required, with the closed list', () => {
    expect(problemsIn('missing-type.yaml')).toEqual([
      'tests/fixtures/sources/missing-type.yaml:2 field "untyped-source.type": found nothing; expected one of "official-document", "official-statement", "wire", "news", "research", "state-media", "other" (this field is required)',
    ]);
  });

  test('a placeholder title is refused', () => {
    expect(problemsIn('placeholder-title.yaml')).toEqual([
      `tests/fixtures/sources/placeholder-title.yaml:3 field "placeholder-source.title": found "Israel strikes Iran nuclear sites (title from URL)"; expected the page's own title, as the page shows it (a headline's own typo kept and marked [sic]), not a placeholder`,
    ]);
  });

  test('a tracking parameter in the address is refused, naming the parameters', () => {
    expect(problemsIn('tracking-url.yaml')).toEqual([
      `tests/fixtures/sources/tracking-url.yaml:7 field "tracked-source.url": found "https://www.efe.com/efe/english/portada/trump-announces-us-withdrawal-from-ir..."; expected the page's address without tracking parameters (remove "utm_source", "utm_medium")`,
    ]);
  });

  test('the same page under two keys names the first key and its line', () => {
    expect(problemsIn('duplicate-url.yaml')).toEqual([
      'tests/fixtures/sources/duplicate-url.yaml:16 field "second-key.url": found "https://timesofisrael.com/white-house-held-secret-talks-with-iran-for-past-year"; expected an address not already listed under "first-key" (line 8): merge the two entries into one, cite the one kept, and list "second-key" under its "replaces"',
    ]);
  });

  test('"replaces" may not name a key that is still an entry', () => {
    expect(problemsIn('replaces-live-key.yaml')).toEqual([
      'tests/fixtures/sources/replaces-live-key.yaml:8 field "kept-key.replaces": found "still-live-key"; expected the key of a retired entry ("still-live-key" is still an entry at line 10: delete it once its citations use "kept-key")',
    ]);
  });

  test('"via" must name a site other than the publisher', () => {
    expect(problemsIn('via-same-as-publisher.yaml')).toEqual([
      `tests/fixtures/sources/via-same-as-publisher.yaml:6 field "same-via.via": found "reuters"; expected a "via" naming the site that republished the report, other than the publisher "Reuters" (leave "via" out when the copy was read at the publisher's own site)`,
    ]);
  });
});

describe('placeholder titles and tracking parameters', () => {
  test.each([
    ['Iran says Strait of Hormuz open for India (title from URL)', true],
    ['IAEA eyes Isfahan nuclear complex (title taken from the URL)', true],
    ['Untitled', true],
    ['TBD', true],
    ['', true],
    ['Report on the talks TODO', true],
    ['Supereme [sic] Leader warns on the Strait', false],
    ['Iran, IAEA: since June impossible to verify enriched uranium stocks', false],
    ['Title IX and the URL of the future', false],
  ])('%j is a placeholder: %s', (title, expected) => {
    expect(isPlaceholderTitle(title)).toBe(expected);
  });

  test('tracking parameters are found and removed; other parameters stay', () => {
    const url = 'https://www.japantimes.co.jp/?post_type=news&p=1619180&utm_source=feedburner&utm_medium=feed';
    expect(trackingParametersIn(url)).toEqual(['utm_source', 'utm_medium']);
    expect(withoutTracking(url)).toBe('https://www.japantimes.co.jp/?post_type=news&p=1619180');
    expect(trackingParametersIn('https://www.channelnewsasia.com/world/x-5982956?cid=cna_flip_070214')).toEqual(['cid']);
    expect(trackingParametersIn('https://www.aljazeera.com/news/x?traffic_source=rss')).toEqual(['traffic_source']);
    expect(trackingParametersIn('https://example.org/a?fbclid=1&gclid=2&mc_cid=3&ocid=4')).toEqual(['fbclid', 'gclid', 'mc_cid', 'ocid']);
    expect(trackingParametersIn('https://example.org/a?id=7')).toEqual([]);
  });

  test('addresses of one page normalise to one form', () => {
    const a = normaliseSourceUrl('http://www.Example.org/news/story/?utm_source=rss#top');
    expect(a).toBe('https://example.org/news/story');
    expect(normaliseSourceUrl('https://example.org/news/story')).toBe(a);
    expect(normaliseSourceUrl('https://example.org/news/Story')).not.toBe(a);
  });
});

const entry = (key: string, type: SourceType, publisher: string, date = '2025-01-01', extra: Partial<SourceEntry> = {}): SourceEntry => ({
  key,
  type,
  publisher,
  title: `Title of ${key}`,
  date,
  url: `https://example.org/${key}`,
  accessed: new Date('2026-11-21T00:00:00Z'),
  ...extra,
});

describe('type shares', () => {
  test('counts every type in the closed order, with whole per cents that add up to 100', () => {
    const sources = [
      ...Array.from({ length: 3 }, (_, i) => entry(`w${i}`, 'wire', 'Reuters')),
      ...Array.from({ length: 3 }, (_, i) => entry(`n${i}`, 'news', 'Dawn')),
      entry('d', 'official-document', 'IAEA'),
    ];
    const shares = sourceTypeShares(sources);
    expect(shares.map((s) => s.type)).toEqual([...SOURCE_TYPES]);
    // 3/7 = 42.86 %, 3/7 = 42.86 %, 1/7 = 14.29 %: the two largest remainders (.86) round up.
    expect(Object.fromEntries(shares.map((s) => [s.type, [s.count, s.percent]]))).toEqual({
      'official-document': [1, 14],
      'official-statement': [0, 0],
      wire: [3, 43],
      news: [3, 43],
      research: [0, 0],
      'state-media': [0, 0],
      other: [0, 0],
    });
    expect(shares.reduce((a, s) => a + s.percent, 0)).toBe(100);
  });

  test('a type with entries that rounds to nothing reads "under 1 %"; an empty registry is all zeros', () => {
    const sources = [...Array.from({ length: 250 }, (_, i) => entry(`n${i}`, 'news', 'Dawn')), entry('x', 'other', 'Blog')];
    const other = sourceTypeShares(sources).find((s) => s.type === 'other')!;
    expect(other).toEqual({ type: 'other', count: 1, percent: 0 });
    expect(describeShare(other)).toBe('under 1\u00a0%');
    expect(describeShare({ count: 0, percent: 0 })).toBe('0\u00a0%');
    expect(sourceTypeShares([]).every((s) => s.count === 0 && s.percent === 0)).toBe(true);
  });

  test('every type has a label and a distinct anchor', () => {
    const anchors = SOURCE_TYPES.map((t) => SOURCE_TYPE_LABELS[t].anchor);
    expect(new Set(anchors).size).toBe(SOURCE_TYPES.length);
  });
});

describe('what a reader sees of a source', () => {
  test('a republication names the original outlet and the site whose copy was read', () => {
    expect(describeOrigin({ publisher: 'Reuters', via: 'Deccan Herald' })).toBe('Reuters, via Deccan Herald');
    expect(describeOrigin({ publisher: 'Dawn' })).toBe('Dawn');
  });

  test('the archive link is a capture when one was seen, else the Wayback lookup on the day read', () => {
    const s = entry('a', 'news', 'Dawn');
    expect(archiveLink(s)).toEqual({ href: 'https://web.archive.org/web/20261121/https://example.org/a', label: 'Archived copies', seen: false });
    const seen = archiveLink({ ...s, archived: 'https://web.archive.org/web/20250101000000/https://example.org/a' });
    expect(seen).toEqual({ href: 'https://web.archive.org/web/20250101000000/https://example.org/a', label: 'Archived copy', seen: true });
  });

  test('groups by every type (empty ones too), then publisher (ignoring "The"), newest first', () => {
    const groups = groupSources([
      entry('old', 'news', 'The Guardian', '2020-01-01'),
      entry('new', 'news', 'The Guardian', '2024-01-01'),
      entry('dawn', 'news', 'Dawn'),
      entry('iaea', 'official-document', 'IAEA'),
    ]);
    expect(groups.map((g) => [g.type, g.count])).toEqual([
      ['official-document', 1],
      ['official-statement', 0],
      ['wire', 0],
      ['news', 3],
      ['research', 0],
      ['state-media', 0],
      ['other', 0],
    ]);
    expect(groups[3]!.publishers.map((p) => [p.publisher, p.entries.map((e) => e.key)])).toEqual([
      ['Dawn', ['dawn']],
      ['The Guardian', ['new', 'old']],
    ]);
  });

  test('the citation map lists essays, pages, events, data files and terms, each place once', () => {
    const map = citationMap({
      essays: [{ id: 'leverage', title: 'Leverage', body: 'A claim [@a; @b]. Again [@a].' }],
      pages: [{ id: 'about', title: 'About', body: 'Sourced [@b].' }],
      events: [{ id: '2020-01-03-x', title: 'An event', sources: ['a'] }],
      datasets: [{ anchor: 'stockpile', title: 'Stockpile', keys: ['a', 'a', 'c'] }],
      terms: [{ id: 'snapback', term: 'Snapback', sources: ['c'] }, { id: 'none', term: 'No sources' }],
    });
    expect(map.get('a')).toEqual([
      { kind: 'essay', title: 'Leverage', path: 'essays/leverage/#ref-a' },
      { kind: 'event', title: 'An event', path: 'timeline/#2020-01-03-x' },
      { kind: 'data', title: 'Stockpile', path: 'data/#stockpile' },
    ]);
    expect(map.get('b')!.map((p) => p.kind)).toEqual(['essay', 'page']);
    expect(map.get('c')!.map((p) => p.path)).toEqual(['data/#stockpile', 'glossary/#snapback']);
    expect(map.has('d')).toBe(false);
  });
});

describe('cited-in groups', () => {
  test('places are gathered by kind, in order, with singular and plural labels', () => {
    const groups = groupCitingPlaces([
      { kind: 'essay', title: 'A', path: 'essays/a/#ref-k' },
      { kind: 'event', title: 'E', path: 'timeline/#e' },
      { kind: 'essay', title: 'B', path: 'essays/b/#ref-k' },
    ]);
    expect(groups.map((g) => [g.label, g.places.map((p) => p.title)])).toEqual([
      ['Essays', ['A', 'B']],
      ['Timeline event', ['E']],
    ]);
  });
});

describe('type counts in words', () => {
  test('largest first, singular for one, empty kinds left out', () => {
    const shares = sourceTypeShares([entry('a', 'wire', 'AP'), entry('b', 'wire', 'AP'), entry('c', 'official-document', 'IAEA'), entry('d', 'research', 'ISIS'), entry('e', 'research', 'ISIS'), entry('f', 'research', 'ACA')]);
    expect(describeTypeCounts(shares)).toBe('3 research institutes and think tanks, 2 wire agency reports and 1 official document');
    expect(describeTypeCounts(sourceTypeShares([entry('a', 'news', 'Dawn')]))).toBe('1 newspaper or broadcaster');
    expect(describeTypeCounts(sourceTypeShares([]))).toBe('');
  });
});

describe('citation previews and reference entries', () => {
  test('a preview carries title, origin, type label, date, address, archive link and document', () => {
    const s: SourceEntry = { ...entry('a', 'wire', 'Reuters'), via: 'Deccan Herald', document: { id: 'GOV/2025/25', url: 'https://www.iaea.org/board' } };
    const preview = sourcePreview(s);
    expect(preview).toEqual({
      title: s.title,
      origin: 'Reuters, via Deccan Herald',
      typeLabel: SOURCE_TYPE_LABELS.wire.one,
      date: '1 January 2025',
      url: s.url,
      archive: { href: archiveLink(s).href, label: archiveLink(s).label },
      document: { id: 'GOV/2025/25', url: 'https://www.iaea.org/board' },
    });
    // Read back from a reference entry's parts, as the popover does; a missing part means no preview.
    const parts = { title: s.title, author: '', typeLabel: preview.typeLabel, origin: preview.origin, date: preview.date, url: s.url, archive: preview.archive, documentId: 'GOV/2025/25', documentUrl: 'https://www.iaea.org/board' };
    expect(toSourcePreview(parts)).toEqual(preview);
    expect(toSourcePreview({ ...parts, origin: '' })).toBeUndefined();
    expect(toSourcePreview({ ...parts, archive: { href: '', label: '' } })).toBeUndefined();
  });

  test('addresses are written short: no scheme, no www, no trailing slash; a needed query is kept', () => {
    expect(displayUrl('https://www.reuters.com/world/iran-talks/')).toBe('reuters.com/world/iran-talks');
    expect(displayUrl('https://apnews.com/article/abc?page=2')).toBe('apnews.com/article/abc?page=2');
    expect(displayUrl('https://www.iaea.org/')).toBe('iaea.org');
  });

  test('back-links are lettered a… z, aa… and their uses counted 1st, 2nd, 3rd, 11th, 21st', () => {
    expect([1, 2, 26, 27, 28].map(backLinkLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });
});

describe('the sources pages: one per kind, with the overview holding the permanent addresses', () => {
  test('each kind has its own page, named as its permanent anchor on the overview, and a source links to its entry there', () => {
    const paths = SOURCE_TYPES.map(sourceKindPath);
    expect(new Set(paths).size).toBe(SOURCE_TYPES.length);
    for (const t of SOURCE_TYPES) expect(sourceKindPath(t)).toBe(`sources/${SOURCE_TYPE_LABELS[t].anchor}/`);
    expect(sourceEntryPath({ key: 'iaea-gov-2025-25', type: 'official-document' })).toBe('sources/official-documents/#iaea-gov-2025-25');
  });

  const kinds = [
    { id: 'research', href: 'https://site.test/sources/research/' },
    { id: 'wire-agencies', href: 'https://site.test/sources/wire-agencies/' },
    { id: 'wire', href: 'https://site.test/sources/wire/' },
  ];
  const lines = new Map([['reuters-2025-04-12', 'https://site.test/sources/wire-agencies/#reuters-2025-04-12']]);
  const overview = { linkOf: (id: string) => lines.get(id), kinds };

  test('a key, a merged key or a kind goes on to the link its line or section holds', () => {
    expect(forwardedSourceHref('reuters-2025-04-12', overview)).toBe('https://site.test/sources/wire-agencies/#reuters-2025-04-12');
  });

  test("a publisher's old jump target goes to the page of the kind whose id begins it, the longest such kind first", () => {
    expect(forwardedSourceHref('wire-agencies-reuters', overview)).toBe('https://site.test/sources/wire-agencies/#wire-agencies-reuters');
    expect(forwardedSourceHref('research-chatham-house', overview)).toBe('https://site.test/sources/research/#research-chatham-house');
  });

  test('anything else, or nothing, stays where it is', () => {
    expect(forwardedSourceHref('', overview)).toBeUndefined();
    expect(forwardedSourceHref('source-kinds', overview)).toBeUndefined();
    expect(forwardedSourceHref('researcher-notes', overview)).toBeUndefined();
  });
});
