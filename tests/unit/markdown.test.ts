import { describe, expect, test } from 'vitest';
import { renderMdx } from './support/render-mdx.ts';
import { withBase } from '../../src/lib/markdown/links.ts';
import { frontmatterLine } from '../../src/lib/markdown/headings.ts';
import { citationMarkerHtml, parseCitationRefs } from '../../src/lib/markdown/citation-markers.ts';
import { explainerMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { parseCitedSources, referenceListHtml } from '../../src/lib/markdown/references.ts';
import { mdxToJs } from 'satteri';
import { tableLabel } from '../../src/lib/table-frame.ts';
import type { ExplainerMarkdownOptions } from '../../src/lib/markdown/pipeline.ts';
import type { SourceEntry } from '../../src/lib/schemas.ts';

const source = (key: string): SourceEntry => ({
  key,
  title: `Title of ${key}`,
  type: 'official-document',
  publisher: 'Publisher',
  date: '2025-05-31',
  url: `https://example.org/${key}`,
  accessed: new Date('2026-11-21'),
});
const sources = new Map([['iaea-a', source('iaea-a')], ['eia-b', source('eia-b')], ['afp-c', source('afp-c')]]);
/** A small registry of facts, as content/facts.yaml would give it: fact id → its sources. */
const facts = new Map<string, readonly string[]>([['stockpile-60', ['iaea-a']], ['hormuz-flow', ['eia-b', 'afp-c']]]);

const options: ExplainerMarkdownOptions = {
  sources: () => sources,
  glossaryIds: () => new Set(['breakout-time']),
  definitions: () => new Map([['breakout-time', 'Time to make enough fuel for one bomb.']]),
  factSources: () => facts,
  base: '/',
  siteOrigin: 'https://site.example',
};

/** The Fact component's part that matters here: what the Markdown step passed it. */
const Fact = (props: Record<string, unknown>) => `<fact data-id="${String(props.id)}" data-refs='${String(props.refs)}'></fact>`;

const render = (mdx: string, extra: Partial<ExplainerMarkdownOptions> = {}) => renderMdx(mdx, { ...options, ...extra }, { components: { Fact } });

describe('citations', () => {
  test('numbers sources by first citation and links both ways', async () => {
    const html = await render('First [@eia-b]. Second [@iaea-a; @eia-b]. Again [@iaea-a].');
    expect(html).toContain('First\u2060<sup class="cite">[<a href="#ref-eia-b" id="cite-eia-b-1" class="cite-link" aria-label="Source 1">1</a>]</sup>.');
    expect(html).toContain('id="cite-iaea-a-1" class="cite-link" aria-label="Source 2">2</a>, <a href="#ref-eia-b" id="cite-eia-b-2"');
    expect(html).toContain('<h2 id="references" data-pagefind-ignore="" tabindex="-1">References</h2>');
    expect(html).toContain('<ol class="references" data-pagefind-ignore><li id="ref-eia-b"><cite>');
    const refs = html.slice(html.indexOf('<ol class="references"'));
    expect(refs.indexOf('ref-eia-b')).toBeLessThan(refs.indexOf('ref-iaea-a'));
    // Cited twice: "↑ a b", each letter labelled with the use it returns to; cited once: one "↑".
    expect(refs).toContain('<span aria-hidden="true">↑</span> <a href="#cite-iaea-a-1" class="ref-back" aria-label="Back to text, 1st use">a</a> <a href="#cite-iaea-a-2" class="ref-back" aria-label="Back to text, 2nd use">b</a>');
    expect(await render('Once [@afp-c].')).toContain('<span class="ref-back-links" data-pagefind-ignore> <a href="#cite-afp-c-1" class="ref-back" aria-label="Back to text">↑</a></span></li>');
    expect(refs).toContain('<cite><a href="https://example.org/iaea-a" target="_blank" rel="noopener noreferrer" class="external">Title of iaea-a');
    // Type, publisher and date on one line, then the address written short and an archived copy.
    expect(refs).toContain('<span class="ref-meta"><span class="ref-type">Official document</span> · <span class="ref-origin">Publisher</span> · <span class="ref-date">31 May 2025</span></span> <span class="ref-address"><span class="ref-url" translate="no">example.org/iaea-a</span><span class="ref-sep"> · </span><a href="https://web.archive.org/web/20261121/https://example.org/iaea-a"');
  });
  test('a page without citations has no References list', async () => {
    expect(await render('No sources here.')).not.toContain('references');
  });
  test('a page that cites imports the component that draws its list, and gives it the sources in order with their counts', async () => {
    const compile = (mdx: string) => mdxToJs(mdx, { ...explainerMarkdown({ ...options, referenceListComponent: '/site/src/components/ReferenceList.astro' }), jsxImportSource: 'astro' });
    const { code } = await compile('A [@eia-b]. B [@iaea-a; @eia-b].');
    expect(code).toContain('import ReferenceList from "/site/src/components/ReferenceList.astro";');
    expect(code).toMatch(/_jsx\(ReferenceList, \{\s*cited: "\[\[\\"eia-b\\",2\],\[\\"iaea-a\\",1\]\]"/);
    expect((await compile('No sources.')).code).not.toContain('ReferenceList');
  });
  test('the list reads what the step writes and refuses anything else', () => {
    expect(parseCitedSources('[["a",2],["b",1]]')).toEqual([['a', 2], ['b', 1]]);
    expect(() => parseCitedSources('[["a",0]]')).toThrow('found cited="[[\\"a\\",0]]"; expected a JSON list of ["source-key", times cited]');
    expect(() => parseCitedSources('{')).toThrow('expected a JSON list');
    expect(() => referenceListHtml('[["missing",1]]', sources, 'https://site.example')).toThrow('no source "missing" in content/sources.yaml');
  });
  test('the list drawn again from remembered entries is the list drawn afresh', () => {
    const site = 'https://example.org';
    // Entries are remembered by source object: copies of the sources are drawn afresh.
    const copies = () => new Map([...sources].map(([key, entry]) => [key, { ...entry }]));
    for (const cited of ['[["iaea-a",1],["eia-b",3]]', '[["eia-b",3],["afp-c",2],["iaea-a",2]]', '[["iaea-a",1]]']) {
      const fresh = referenceListHtml(cited, copies(), site);
      expect(fresh.match(/<li /g)).toHaveLength(parseCitedSources(cited).length);
      expect(referenceListHtml(cited, sources, site)).toBe(fresh);
      expect(referenceListHtml(cited, sources, site)).toBe(fresh);
    }
    // Another site origin changes which links are external: not taken from the other's entries.
    const elsewhere = referenceListHtml('[["iaea-a",1]]', sources, 'https://site.example');
    expect(elsewhere).toBe(referenceListHtml('[["iaea-a",1]]', copies(), 'https://site.example'));
    expect(elsewhere).not.toBe(referenceListHtml('[["iaea-a",1]]', sources, site));
  });
  test('an unknown source key stops the build naming file, line and key', async () => {
    await expect(render('Fine.\n\nLater [@nope-key].')).rejects.toThrow(
      'content/essays/test.mdx:3 field "citation": found "nope-key"; expected a source key defined in content/sources.yaml',
    );
  });
  test('the line is counted within a paragraph that spans lines', async () => {
    await expect(render('One line [@iaea-a],\nthen another [@no-such],\nthen a third.')).rejects.toThrow('test.mdx:2 field "citation": found "no-such"');
  });
  test('a malformed citation stops the build', async () => {
    await expect(render('Claim [@Bad Key].')).rejects.toThrow('test.mdx:1 field "citation": found "[@Bad Key]"; expected citations written [@source-key]');
  });
  test('every problem in a file is listed at once', async () => {
    const error = await render('[@nope-one]\n\n[x](glossary:nope-two)\n\n## A\n\n## B {/* #a */}').catch((e: Error) => e);
    expect(String(error)).toMatch(/3 problems/);
    expect(String(error)).toContain('test.mdx:1 field "citation": found "nope-one"');
    expect(String(error)).toContain('test.mdx:3 field "glossary link": found "nope-two"');
    expect(String(error)).toContain('test.mdx:7 field "heading id": found "a"; expected an id not used by another heading (line 5)');
  });
});

describe('facts', () => {
  test('<Fact> cites its sources in the same numbering as [@key] and gets refs', async () => {
    const html = await render('First [@eia-b]. The stockpile is <Fact id="stockpile-60" />. Flows: <Fact id="hormuz-flow" />.\n\nAgain [@iaea-a].');
    expect(html).toContain(`<fact data-id="stockpile-60" data-refs='[{"key":"iaea-a","n":2,"occurrence":1}]'></fact>`);
    expect(html).toContain(`<fact data-id="hormuz-flow" data-refs='[{"key":"eia-b","n":1,"occurrence":2},{"key":"afp-c","n":3,"occurrence":1}]'></fact>`);
    // The citation after the facts continues their numbering and occurrences.
    expect(html).toContain('Again\u2060<sup class="cite">[<a href="#ref-iaea-a" id="cite-iaea-a-2" class="cite-link" aria-label="Source 2">2</a>]</sup>.');
    const refs = html.slice(html.indexOf('<ol class="references"'));
    expect(refs.indexOf('ref-eia-b')).toBeLessThan(refs.indexOf('ref-iaea-a'));
    expect(refs.indexOf('ref-iaea-a')).toBeLessThan(refs.indexOf('ref-afp-c'));
    expect(refs).toContain('href="#cite-eia-b-2"');
    expect(refs).toContain('href="#cite-afp-c-1"');
  });
  test('a <Fact> on a line of its own is cited too', async () => {
    const html = await render('<Fact id="hormuz-flow" />\n');
    expect(html).toContain(`data-refs='[{"key":"eia-b","n":1,"occurrence":1},{"key":"afp-c","n":2,"occurrence":1}]'`);
    expect(html).toContain('<li id="ref-afp-c"><cite>');
  });
  test('an unknown fact id stops the build naming file and line', async () => {
    await expect(render('Fine.\n\nThe stockpile is <Fact id="no-such-fact" />.')).rejects.toThrow(
      'content/essays/test.mdx:3 field "fact": found "no-such-fact"; expected a fact id defined in content/facts.yaml',
    );
  });
  test('a <Fact> without an id, or with an id the build cannot read, stops the build', async () => {
    await expect(render('<Fact />')).rejects.toThrow('test.mdx:1 field "fact": found nothing; expected a fact id');
    await expect(render('<Fact id />')).rejects.toThrow('field "fact": found an empty value');
    await expect(render('x <Fact id={name} />')).rejects.toThrow('field "fact": found "{name}"; expected a fact id defined in content/facts.yaml, written id="…"');
  });
  test('with no facts registry (the default), any <Fact> is unknown', async () => {
    const { factSources: _, ...withoutFacts } = options;
    await expect(renderMdx('<Fact id="stockpile-60" />', withoutFacts, { components: { Fact } })).rejects.toThrow('found "stockpile-60"');
  });
  test('a fact whose source is not in sources.yaml stops the build', async () => {
    await expect(render('<Fact id="bad" />', { factSources: () => new Map([['bad', ['missing-key']]]) })).rejects.toThrow(
      'field "fact": found "missing-key"; expected a source key defined in content/sources.yaml (a source of fact "bad"',
    );
  });
});

describe('citation markers for components', () => {
  test('citationMarkerHtml makes exactly the marker [@…] makes', async () => {
    const html = await render('Claim [@iaea-a; @eia-b].');
    const marker = citationMarkerHtml([{ key: 'iaea-a', n: 1, occurrence: 1 }, { key: 'eia-b', n: 2, occurrence: 1 }]);
    expect(marker).toMatch(/^<sup class="cite">\[<a href="#ref-iaea-a"/);
    expect(html).toContain(`Claim\u2060${marker}.`);
  });
  test('parseCitationRefs reads what the step writes and refuses anything else', () => {
    expect(parseCitationRefs('[{"key":"a","n":3,"occurrence":1}]')).toEqual([{ key: 'a', n: 3, occurrence: 1 }]);
    expect(() => parseCitationRefs('not json')).toThrow('found "not json"; expected a JSON list');
    expect(() => parseCitationRefs('[{"key":"a"}]')).toThrow('expected a JSON list');
  });
});

describe('glossary and links', () => {
  test('glossary links resolve to the glossary page with their definition; unknown terms stop the build', async () => {
    expect(await render('[breakout](glossary:breakout-time)')).toContain('<a href="/glossary/#breakout-time" class="term-link" data-term="breakout-time" data-definition="Time to make enough fuel for one bomb.">breakout</a>');
    await expect(render('Text.\n\n[x](glossary:no-such-term)')).rejects.toThrow('test.mdx:3 field "glossary link": found "no-such-term"; expected a term id defined in content/glossary.yaml');
  });
  test('links to other sites open safely and say so; own links get the base path', async () => {
    const html = await render('[EIA](https://www.eia.gov/), [home](https://site.example/x/), [essay](/essays/leverage/) and [term](glossary:breakout-time)', { base: '/explainer/' });
    expect(html).toContain('<a href="https://www.eia.gov/" target="_blank" rel="noopener noreferrer" class="external">EIA<span class="visually-hidden" data-pagefind-ignore=""> (external site, opens in a new tab)</span></a>');
    expect(html).toContain('<a href="https://site.example/x/">home</a>');
    expect(html).toContain('href="/explainer/essays/leverage/"');
    expect(html).toContain('href="/explainer/glossary/#breakout-time"');
  });
  test('withBase leaves external and already-based links alone', () => {
    expect(withBase('/x/', 'https://a.org/')).toBe('https://a.org/');
    expect(withBase('/x/', '/x/page/')).toBe('/x/page/');
    expect(withBase('/x/', '//cdn.example/a')).toBe('//cdn.example/a');
    expect(withBase('/', '/page/')).toBe('/page/');
    expect(withBase('/x/', '/page/')).toBe('/x/page/');
  });
});

describe('headings', () => {
  test('headings get slug ids (of the text as typeset), or the id the author pins', async () => {
    const html = await render('## Breakout time\n\n## Who mediates? {/* #mediators */}\n\n### Breakout time\n\n## Iran\'s "red lines"');
    expect(html).toContain('<h2 id="breakout-time" tabindex="-1">Breakout time</h2>');
    expect(html).toContain('<h2 id="mediators" tabindex="-1">Who mediates?</h2>');
    expect(html).toContain('<h3 id="breakout-time-1" tabindex="-1">');
    expect(html).toContain('<h2 id="irans-red-lines" tabindex="-1">Iran’s “red lines”</h2>');
  });
  test('a pinned id that is not lowercase-hyphenated stops the build', async () => {
    await expect(render('Intro.\n\n## Who {/* #Who_Mediates */}')).rejects.toThrow('test.mdx:3 field "heading id": found "Who_Mediates"; expected an id of lowercase letters');
  });
  test('every h2/h3 gets one quiet "#" control, a plain link to the section, glued to its last word', async () => {
    const html = await render('## Snapback');
    // No space between the heading and the control: nothing to break the line at.
    expect(html).toContain('<div class="heading-wrap heading-wrap-h2"><h2 id="snapback" tabindex="-1">Snapback</h2><span class="section-tools" data-pagefind-ignore="">'
      + '<a class="section-link" href="#snapback" data-section="snapback" data-title="Snapback" aria-label="Section link: Snapback"><span aria-hidden="true">#</span></a></span></div>');
    expect(html).not.toContain('<button');
  });
  test('h4 and deeper get an id but no section tools', async () => {
    const html = await render('#### Detail');
    expect(html).toContain('<h4 id="detail">Detail</h4>');
    expect(html).not.toContain('section-tools');
  });
});

describe('heading aliases', () => {
  const renderWithAliases = (mdx: string, aliases: Record<string, string>) => renderMdx(mdx, options, { frontmatter: { aliases } });
  test('an old id lands on the renamed heading', async () => {
    const html = await renderWithAliases('## How long a breakout takes', { 'breakout-time': 'how-long-a-breakout-takes' });
    expect(html).toMatch(/<span id="breakout-time" class="alias-anchor" data-alias-for="how-long-a-breakout-takes"><\/span><div class="heading-wrap/);
  });
  test('an alias to a heading that does not exist stops the build', async () => {
    await expect(renderWithAliases('## Something else', { 'breakout-time': 'no-such-heading' })).rejects.toThrow('field "aliases.breakout-time": found "no-such-heading"; expected the id of a heading in this essay');
  });
  test('the frontmatter line of an alias is found for the message', () => {
    const mdx = '---\ntitle: "T"\naliases:\n  old-one: new-one\n  breakout-time: nowhere\n---\n\n## Text';
    expect(frontmatterLine(mdx, ['aliases', 'breakout-time'])).toBe(5);
    expect(frontmatterLine(mdx, ['aliases', 'missing'])).toBeUndefined();
    expect(frontmatterLine('## No frontmatter', ['aliases', 'x'])).toBeUndefined();
  });
});

describe('typesetting', () => {
  test('percentages and units get no-break spaces in prose, tables and headings; code is left alone', async () => {
    const html = await render('## Up 20% in 2025\n\nAbout 20% of oil, 60 % enriched, 440.9 kg and 21 miles [@eia-b].\n\n| Share |\n| --- |\n| 0.7 % |\n\n`20 %` stays.');
    expect(html).toContain('Up 20\u00a0% in 2025');
    expect(html).toContain('About 20\u00a0% of oil, 60\u00a0% enriched, 440.9\u00a0kg and 21\u00a0miles\u2060<sup class="cite">');
    expect(html).toContain('<td>0.7\u00a0%</td>');
    expect(html).toContain('<code>20 %</code>');
    // The heading's id is the slug of the text as written.
    expect(html).toContain('id="up-20-in-2025"');
  });
});

describe('table frames', () => {
  test('a Markdown table sits in a focusable, named scroll frame', async () => {
    const html = await render('| Source and date | Oil | LNG |\n| --- | --- | --- |\n| EIA, June 2025 | 20 | 20 |');
    expect(html).toMatch(/<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Source and date, Oil, LNG"><table>/);
    expect(html).toMatch(/<\/table><\/div>/);
  });

  test('the frame is named by the caption where there is one, else by the column headings', () => {
    expect(tableLabel('Columns of stockpile.csv', ['Column'])).toBe('Columns of stockpile.csv');
    expect(tableLabel('  ', [' Level ', 'Use'])).toBe('Table: Level, Use');
    expect(tableLabel(undefined, [])).toBe('Table');
  });
});
