import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { groupByPage, sectionRecords, withoutIgnoredContent } from '../../src/lib/search-sections.ts';

/** An essay as the build writes it, cut short: kicker with topic filters, an h2 with an h3 inside, ignored sections at the end. */
const ESSAY = `<!DOCTYPE html><html lang="en"><head><title>The Oman channel</title><style>h2{color:red}</style></head><body>
<header class="site-header" data-pagefind-ignore><a href="/">Home</a></header>
<main id="main"><article class="essay" data-pagefind-body data-pagefind-filter="kind:Essay"><header class="essay-header"><p class="essay-kicker" data-pagefind-ignore><span data-pagefind-filter="topic">Mediation</span> · <span data-pagefind-filter="topic">Diplomacy</span></p><h1>The Oman channel: how indirect talks work</h1><p class="essay-summary">How Oman has carried messages.</p></header>
<div class="prose"><p>Intro text.</p>
<div class="heading-wrap heading-wrap-h2"><h2 id="the-2025-rounds" tabindex="-1">The 2025 rounds</h2><span class="section-tools" data-pagefind-ignore=""><a class="section-link" href="#the-2025-rounds" aria-label="Section link: The 2025 rounds"><span aria-hidden="true">#</span></a></span></div>
<p>Five rounds in Muscat and Rome<sup class="cite">[<a href="#ref-1">1</a>]</sup>.</p><img src="/x.png" alt="">
<div class="heading-wrap heading-wrap-h3"><h3 id="europes-parallel-track" tabindex="-1">Europe&#39;s parallel track</h3></div>
<p>Talks in Istanbul.</p><script>const s = '<h2 id="not-a-heading">';</script>
<div class="heading-wrap heading-wrap-h2"><h2 id="references" data-pagefind-ignore="" tabindex="-1">References</h2></div><ol class="references" data-pagefind-ignore><li>Reference text</li></ol>
</div><section class="updates" data-pagefind-ignore><h2 id="updates-and-corrections">Updates</h2><p>None.</p></section></article></main>
<footer class="site-footer" data-pagefind-ignore>Footer</footer></body></html>`;

describe('sectionRecords', () => {
  const records = sectionRecords(ESSAY, '/essays/oman-channel/');

  test('one record before the first heading and one per heading with an id outside data-pagefind-ignore', () => {
    expect(records.map((r) => r.url)).toEqual(['/essays/oman-channel/', '/essays/oman-channel/#the-2025-rounds', '/essays/oman-channel/#europes-parallel-track']);
    expect(records.map((r) => r.section)).toEqual([undefined, 'The 2025 rounds', 'Europe&#39;s parallel track']);
  });

  test('each record holds its own section\'s text only, and the ignored parts stay ignored', () => {
    const [intro, rounds, europe] = records.map((r) => r.html);
    expect(intro).toContain('Intro text.');
    expect(intro).not.toContain('Five rounds');
    expect(rounds).toContain('Five rounds in Muscat');
    expect(rounds).not.toContain('Talks in Istanbul');
    expect(europe).toContain('Talks in Istanbul');
    expect(europe).toContain('<ol class="references" data-pagefind-ignore>');
    expect(europe).toContain('<section class="updates" data-pagefind-ignore>');
    for (const r of records) expect(r.html).not.toContain('Footer');
  });

  test('every record is inside the page\'s data-pagefind-body, with its filters, title and section as Pagefind reads them', () => {
    for (const r of records) {
      expect(r.html).toMatch(/^<!doctype html><html lang="en">/);
      expect(r.html).toContain('<article class="essay" data-pagefind-body data-pagefind-filter="kind:Essay">');
      expect(r.html).toContain('<span data-pagefind-meta="title">The Oman channel: how indirect talks work</span>');
    }
    // A later section carries the topic filters that sit in the page's header.
    expect(records[1]!.html).toContain('<span data-pagefind-filter="topic">Mediation</span><span data-pagefind-filter="topic">Diplomacy</span>');
    expect(records[2]!.html).toContain('<span data-pagefind-meta="section">Europe&#39;s parallel track</span>');
  });

  test('the elements a section sits in are opened before it and closed after it', () => {
    const rounds = records[1]!.html;
    expect(rounds).toContain('<div class="prose"><div class="heading-wrap heading-wrap-h2"><h2 id="the-2025-rounds"');
    const opens = (tag: string) => rounds.split(`<${tag}`).length - 1;
    const closes = (tag: string) => rounds.split(`</${tag}>`).length - 1;
    for (const tag of ['article', 'div', 'p', 'span']) expect(closes(tag), tag).toBe(opens(tag));
  });

  test('a page with no data-pagefind-body, or no heading to split at, is left whole', () => {
    expect(sectionRecords('<html><body><h2 id="a">A</h2><p>x</p></body></html>', '/a/')).toEqual([]);
    expect(sectionRecords('<html><body><div data-pagefind-body><h1>T</h1><p>x</p></div></body></html>', '/a/')).toEqual([]);
  });

  const built = 'dist/essays/oman-channel/index.html';
  test.skipIf(!existsSync(built))('on the built Oman channel essay: a record per section, none from references, updates or citing', () => {
    const html = readFileSync(built, 'utf8');
    const ids = [...html.matchAll(/<h[234] id="([^"]+)" tabindex/g)].map((m) => m[1]!);
    const found = sectionRecords(html, '/essays/oman-channel/');
    expect(found.map((r) => r.url)).toEqual(['/essays/oman-channel/', ...ids.map((id) => `/essays/oman-channel/#${id}`)]);
    expect(found.map((r) => r.url)).toContain('/essays/oman-channel/#the-2025-rounds');
    for (const id of ['references', 'updates-and-corrections', 'how-to-cite-this-essay', 'reuse-this-essay']) expect(found.map((r) => r.url)).not.toContain(`/essays/oman-channel/#${id}`);
    // Every piece of the page's text is in exactly one record (records overlap only in the wrappers opened again).
    const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text(found.map((r) => r.html).join('')).length).toBeGreaterThan(text(html.slice(html.indexOf('<article'), html.indexOf('</article>'))).length * 0.9);
    expect(found.length).toBeGreaterThan(15);
  });
});

describe('groupByPage', () => {
  const r = (page: string, weighted: number, id = `${page}-${weighted}`) => ({ page, weighted, id });

  test('a page\'s second section comes right after its first when it scores at least half as well', () => {
    const out = groupByPage([r('event-a', 10), r('oman', 16), r('oman', 9.8), r('event-b', 9.9)], 5);
    expect(out.map((x) => x.id)).toEqual(['oman-16', 'oman-9.8', 'event-a-10', 'event-b-9.9']);
  });

  test('at most two sections of a page, the second dropped when it scores under half the first, and at most `limit` pages', () => {
    expect(groupByPage([r('a', 10), r('a', 4), r('b', 3)], 5).map((x) => x.id)).toEqual(['a-10', 'b-3']);
    expect(groupByPage([r('a', 10), r('a', 9), r('a', 8)], 5).map((x) => x.id)).toEqual(['a-10', 'a-9']);
    expect(groupByPage([r('a', 5), r('b', 4), r('c', 3)], 2).map((x) => x.id)).toEqual(['a-5', 'b-4']);
  });
});

describe('sectionRecords on blocks marked data-search-section', () => {
  /** A kind of source's page as built, cut short: a publisher and a source carry the anchor, their headings do not. */
  const KIND_PAGE = `<!doctype html><html lang="en"><body><main><div class="page" data-pagefind-body data-pagefind-filter="kind:Source"><h1>Official documents</h1><p class="lede">Reports issued by governments.</p>
<div class="source-publisher" id="official-documents-congressional-research-service" tabindex="-1" data-search-section><h2 class="source-publisher-name">Congressional Research Service <span class="source-publisher-count" data-pagefind-ignore><span class="visually-hidden">count </span>(1)</span></h2>
<ol class="source-list"><li class="source-entry" id="crs-2012-r42335" tabindex="-1" data-search-section><h3 class="source-title"><a href="https://example.org/r42335">Iran's Threat to the Strait of Hormuz</a></h3><p class="source-meta" data-pagefind-ignore>Congressional Research Service, 2012.</p></li></ol></div>
<div class="source-publisher" id="official-documents-iaea" tabindex="-1" data-search-section><h2 class="source-publisher-name">International Atomic Energy Agency <span class="source-publisher-count" data-pagefind-ignore>(1)</span></h2>
<ol class="source-list"><li class="source-entry" id="iaea-2022-11" tabindex="-1" data-search-section><h3 class="source-title"><a href="https://example.org/gov">Board report, November 2022</a></h3></li></ol></div></div></main></body></html>`;
  const records = sectionRecords(KIND_PAGE, '/sources/official-documents/');

  test('a publisher and each of its sources are records of their own at their blocks\' anchors, named by their headings', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/sources/official-documents/',
      '/sources/official-documents/#official-documents-congressional-research-service',
      '/sources/official-documents/#crs-2012-r42335',
      '/sources/official-documents/#official-documents-iaea',
      '/sources/official-documents/#iaea-2022-11',
    ]);
    // The counts beside the headings are marked data-pagefind-ignore (one with a nested span).
    expect(records.map((r) => r.section)).toEqual([undefined, 'Congressional Research Service', "Iran's Threat to the Strait of Hormuz", 'International Atomic Energy Agency', 'Board report, November 2022']);
    expect(records[0]!.html).toContain('Reports issued by governments.');
    expect(records[1]!.html).not.toContain('Strait of Hormuz');
    expect(records[2]!.html).toContain('Strait of Hormuz');
    expect(records[2]!.html).not.toContain('International Atomic Energy Agency');
  });

  const kindPages = existsSync('dist/sources') ? readdirSync('dist/sources').filter((d) => existsSync(`dist/sources/${d}/index.html`)) : [];
  test.skipIf(!kindPages.length)('each built kind of source\'s page gives every publisher and every source a record, titled without its count', () => {
    for (const kind of kindPages) {
      const url = `/sources/${kind}/`;
      const built = readFileSync(`dist${url}index.html`, 'utf8');
      const blocks = [...built.matchAll(/<(?:div|li) class="source-(?:publisher|entry)" id="([^"]+)"/g)].map((m) => `${url}#${m[1]}`);
      expect(blocks.length, kind).toBeGreaterThan(0);
      const records = sectionRecords(built, url);
      const urls = new Set(records.map((r) => r.url));
      for (const b of blocks) expect(urls.has(b), b).toBe(true);
      // A publisher's result is titled without its count: "Congressional Research Service", not "… (1)".
      const publishers = new Set([...built.matchAll(/<div class="source-publisher" id="([^"]+)"/g)].map((m) => `${url}#${m[1]}`));
      const counted = records.filter((r) => publishers.has(r.url) && /\(\d+\)$/.test(r.section ?? ''));
      expect(counted.map((r) => r.section)).toEqual([]);
    }
  });
});

describe('withoutIgnoredContent', () => {
  const trimmed = withoutIgnoredContent(ESSAY);

  test('empties ignored elements (a reference list, the footer), keeping the elements themselves and everything else', () => {
    expect(trimmed).toContain('<ol class="references" data-pagefind-ignore></ol>');
    expect(trimmed).toContain('<footer class="site-footer" data-pagefind-ignore></footer>');
    expect(trimmed).toContain('<section class="updates" data-pagefind-ignore></section>');
    expect(trimmed).not.toMatch(/Reference text|Footer<|None\./);
    for (const kept of ['Intro text.', 'Five rounds in Muscat', '<h2 id="the-2025-rounds" tabindex="-1">The 2025 rounds</h2>', 'Talks in Istanbul.', "const s = '<h2 id=\"not-a-heading\">';"]) expect(trimmed).toContain(kept);
  });

  test('keeps an ignored element whole where Pagefind reads a filter or meta inside it, even among ignored children', () => {
    expect(trimmed).toContain('<p class="essay-kicker" data-pagefind-ignore><span data-pagefind-filter="topic">Mediation</span> · <span data-pagefind-filter="topic">Diplomacy</span></p>');
    const nested = '<div data-pagefind-ignore><div><span data-pagefind-ignore>x</span></div><div data-pagefind-meta="title">T</div></div>';
    expect(withoutIgnoredContent(nested)).toBe(nested);
    // An ignored element only holding other ignored elements is emptied: data-pagefind-ignore is not data Pagefind reads.
    expect(withoutIgnoredContent('<p>a</p><div data-pagefind-ignore><div>b<span data-pagefind-ignore>c</span></div><div>d</div></div><p>e</p>')).toBe('<p>a</p><div data-pagefind-ignore></div><p>e</p>');
  });

  test('skips the insides of scripts and styles, their closing tags in either case', () => {
    const page = '<p data-pagefind-ignore>a<SCRIPT>"<p data-pagefind-ignore>"</SCRIPT>b<style>p{}</style></p><p>c<script>x</script></p><style>i{}</STYLE><p data-pagefind-ignore>d</p>';
    expect(withoutIgnoredContent(page)).toBe('<p data-pagefind-ignore></p><p>c<script>x</script></p><style>i{}</STYLE><p data-pagefind-ignore></p>');
  });

  test('splits into the same sections as the whole page', () => {
    expect(sectionRecords(trimmed, '/essays/oman-channel/').map((r) => [r.url, r.section])).toEqual(sectionRecords(ESSAY, '/essays/oman-channel/').map((r) => [r.url, r.section]));
  });
});
