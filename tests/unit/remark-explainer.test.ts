import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkExplainer, withBase } from '../../src/lib/markdown/remark-explainer.ts';
import { rehypeExplainer } from '../../src/lib/markdown/rehype-explainer.ts';
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
const sources = new Map([['iaea-a', source('iaea-a')], ['eia-b', source('eia-b')]]);

async function render(markdown: string, base = '/') {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkExplainer, { sources: () => sources, glossaryIds: () => new Set(['breakout-time']), definitions: () => new Map([['breakout-time', 'Time to make enough fuel for one bomb.']]), base })
    .use(remarkRehype)
    .use(rehypeExplainer, { siteOrigin: 'https://site.example' })
    .use(rehypeStringify)
    .process({ value: markdown, path: 'content/essays/test.mdx' });
  return String(file);
}

describe('remark-explainer', () => {
  test('numbers citations by first appearance and links both ways', async () => {
    const html = await render('First [@eia-b]. Second [@iaea-a; @eia-b]. Again [@iaea-a].');
    expect(html).toContain('First<sup class="cite">[<a href="#ref-eia-b" id="cite-eia-b-1" class="cite-link" aria-label="Source 1">1</a>]</sup>.');
    expect(html).toContain('id="cite-iaea-a-1" class="cite-link" aria-label="Source 2">2</a>, <a href="#ref-eia-b" id="cite-eia-b-2"');
    expect(html).toContain('<h2 id="references"');
    const refs = html.slice(html.indexOf('<ol class="references"'));
    expect(refs.indexOf('ref-eia-b')).toBeLessThan(refs.indexOf('ref-iaea-a'));
    expect(refs).toContain('href="#cite-iaea-a-2"');
  });
  test('an unknown source key stops the build naming file, line and key', async () => {
    await expect(render('Fine.\n\nLater [@nope-key].')).rejects.toThrow(
      'content/essays/test.mdx:3 field "citation": found "nope-key"; expected a source key defined in content/sources.yaml',
    );
  });
  test('glossary links resolve to the glossary page; unknown terms stop the build', async () => {
    expect(await render('[breakout](glossary:breakout-time)')).toContain('href="/glossary/#breakout-time" class="term-link" data-term="breakout-time" data-definition="Time to make enough fuel for one bomb."');
    await expect(render('[x](glossary:no-such-term)')).rejects.toThrow('field "glossary link": found "no-such-term"');
  });
  test('headings get slug ids, or the id the author pins', async () => {
    const html = await render('## Breakout time\n\n## Who mediates? {/* #mediators */}\n\n### Breakout time');
    expect(html).toContain('<h2 id="breakout-time" tabindex="-1">Breakout time</h2>');
    expect(html).toContain('<h2 id="mediators" tabindex="-1">Who mediates?</h2>');
    expect(html).toContain('<h3 id="breakout-time-1"');
  });
  test('every h2/h3 gets a link-to-section anchor and a copy button shown only when scripts run', async () => {
    const html = await render('## Snapback');
    expect(html).toContain('<a class="section-link" href="#snapback" aria-label="Link to section: Snapback">');
    expect(html).toContain('<button type="button" class="copy-link js-only" data-section="snapback"');
  });
  test('links to other sites open safely and say so; own links get the base path', async () => {
    const html = await render('[EIA](https://www.eia.gov/) and [essay](/essays/leverage/)', '/explainer/');
    expect(html).toContain('href="https://www.eia.gov/" target="_blank" rel="noopener noreferrer" class="external"');
    expect(html).toContain('(external site, opens in a new tab)');
    expect(html).toContain('href="/explainer/essays/leverage/"');
  });
  test('withBase leaves external and already-based links alone', () => {
    expect(withBase('/x/', 'https://a.org/')).toBe('https://a.org/');
    expect(withBase('/x/', '/x/page/')).toBe('/x/page/');
    expect(withBase('/', '/page/')).toBe('/page/');
  });
});

describe('heading aliases', () => {
  async function renderWithAliases(markdown: string, aliases: Record<string, string>) {
    const file = await unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkExplainer, { sources: () => sources, glossaryIds: () => new Set(), base: '/' })
      .use(remarkRehype)
      .use(rehypeExplainer, { siteOrigin: 'https://site.example' })
      .use(rehypeStringify)
      .process({ value: markdown, path: 'content/essays/test.mdx', data: { astro: { frontmatter: { aliases } } } });
    return String(file);
  }
  test('an old id lands on the renamed heading', async () => {
    const html = await renderWithAliases('## How long a breakout takes', { 'breakout-time': 'how-long-a-breakout-takes' });
    expect(html).toMatch(/<span id="breakout-time" class="alias-anchor" data-alias-for="how-long-a-breakout-takes"><\/span><div class="heading-wrap/);
  });
  test('an alias to a heading that does not exist stops the build', async () => {
    await expect(renderWithAliases('## Something else', { 'breakout-time': 'no-such-heading' })).rejects.toThrow('field "aliases.breakout-time": found "no-such-heading"');
  });
});
