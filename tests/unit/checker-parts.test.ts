/** The small pieces the content checker is made of: each does one thing, tested on its own. */
import { describe, expect, test } from 'vitest';
import { parseLiteral } from '../../src/lib/js-literal.ts';
import { LineIndex } from '../../src/lib/line-index.ts';
import { closest } from '../../src/lib/suggest.ts';
import { basePath, siteOrigin } from '../../src/lib/urls.ts';
import { CONTENT_PART, formatRegistry, parseRegistry, TEMPLATE_PART } from '../../src/lib/permalinks.ts';
import { isLivePage, resolveAddress, type SiteAddresses } from '../../src/lib/site-addresses.ts';
import { componentNamesFor, MDX_COMPONENTS } from '../../src/lib/mdx-components.ts';

describe('prop values in braces are read as literals, never run', () => {
  test.each([
    ["['u20', 'u60']", ['u20', 'u60']],
    ['2018', 2018],
    ['-1.5e2', -150],
    ['"a \\"quoted\\" word"', 'a "quoted" word'],
    ['[1, [true, null], ]', [1, [true, null]]],
    ["{ from: 2018, 'to': [2020] }", { from: 2018, to: [2020] }],
  ])('%s', (source, value) => {
    expect(parseLiteral(source)).toEqual({ ok: true, value });
  });
  test.each(['2020 + 1', 'levels', "['u20'].concat(x)", '`${x}`', '[1, 2', '() => 1', ''])('%s is refused', (source) => {
    expect(parseLiteral(source)).toEqual({ ok: false });
  });
});

describe('line index', () => {
  const index = new LineIndex('ab\ncde\n\nf');
  test('turns offsets into lines and columns, and back', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 2 });
    expect(index.position(8)).toEqual({ line: 4, column: 1 });
    expect(index.offset(2, 2)).toBe(4);
    expect(index.lineText(2)).toBe('cde');
    expect(index.lineText(3)).toBe('');
    expect(index.lineCount).toBe(4);
  });
});

describe('did you mean', () => {
  test('suggests a close name, and nothing for another word', () => {
    expect(closest('StockpileChrt', ['KeyPoints', 'StockpileChart', 'HormuzChart'])).toBe('StockpileChart');
    expect(closest('enrichmnet', ['enrichment', 'snapback'])).toBe('enrichment');
    expect(closest('economy', ['diplomacy', 'nuclear'])).toBeUndefined();
    expect(closest('same', ['same'])).toBeUndefined();
  });
});

describe('site URL and base path from the environment', () => {
  test('the origin is lower-cased and has no trailing slash', () => {
    expect(siteOrigin('https://Owner.GitHub.io/')).toBe('https://owner.github.io');
    expect(siteOrigin('https://example.org')).toBe('https://example.org');
    expect(() => siteOrigin('owner.github.io')).toThrow('SITE_URL: found "owner.github.io"; expected the site\'s public origin');
  });
  test('the base path always starts and ends with a slash', () => {
    expect(basePath('')).toBe('/');
    expect(basePath('/')).toBe('/');
    expect(basePath('explainer')).toBe('/explainer/');
    expect(basePath('/explainer')).toBe('/explainer/');
    expect(basePath('/explainer/')).toBe('/explainer/');
  });
});

describe('the permalink registry', () => {
  const text = ['# comment', CONTENT_PART, '/essays/a/', '/essays/a/#old retired: the section was merged into "Intro"', TEMPLATE_PART, '/#essays-title', ''].join('\n');
  test('reads the two parts and retirement lines', () => {
    const { entries, problems } = parseRegistry(text);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { address: '/essays/a/', line: 3, part: 'content' },
      { address: '/essays/a/#old', line: 4, part: 'content', retired: 'the section was merged into "Intro"' },
      { address: '/#essays-title', line: 6, part: 'template' },
    ]);
  });
  test('an old file without parts counts as template ids until npm run permalinks sorts it', () => {
    expect(parseRegistry('/\n/essays/a/\n').entries.map((e) => e.part)).toEqual(['template', 'template']);
  });
  test('writes each part sorted, keeping retirement reasons, and reads back the same', () => {
    const written = formatRegistry(parseRegistry(text).entries);
    expect(parseRegistry(written).entries.map(({ address, part, retired }) => ({ address, part, retired }))).toEqual(
      parseRegistry(text).entries.map(({ address, part, retired }) => ({ address, part, retired })),
    );
  });
  test('a line that is not an address is named', () => {
    expect(parseRegistry(`${CONTENT_PART}\nessays/a/\n`).problems).toEqual([
      { line: 2, column: 1, field: 'address', found: 'essays/a/', expected: 'an address starting with / (one per line), optionally followed by "retired: <reason>"' },
    ]);
  });
});

describe('addresses', () => {
  const site: SiteAddresses = {
    pages: new Map([
      ['/essays/a/', { origin: 'a.mdx', ids: new Map([['intro', { file: 'a.mdx', permalink: true }]]) }],
      ['/', { origin: 'index.astro' }],
    ]),
    redirects: new Map([
      ['/essays/old/', '/essays/a/'],
      ['/loop/', '/loop2/'],
      ['/loop2/', '/loop/'],
    ]),
    files: new Set(['/favicon.svg']),
  };
  test('resolve through redirects, and say why one does not', () => {
    expect(resolveAddress(site, '/essays/old/#intro')).toEqual({ status: 'ok', page: '/essays/a/' });
    expect(resolveAddress(site, '/essays/a/#nope')).toEqual({ status: 'no-anchor', page: '/essays/a/', anchor: 'nope', via: [] });
    expect(resolveAddress(site, '/#essays-title')).toEqual({ status: 'template-anchor', page: '/', anchor: 'essays-title' });
    expect(resolveAddress(site, '/favicon.svg')).toEqual({ status: 'ok', page: '/favicon.svg' });
    expect(resolveAddress(site, '/essays/b/')).toEqual({ status: 'no-page', page: '/essays/b/', via: [] });
    expect(resolveAddress(site, '/loop/').status).toBe('redirect-loop');
  });
  test('a live page is an essay or page that is not a draft, or a page template', () => {
    expect(isLivePage('/essays/leverage/', 'content')).toBe(true);
    expect(isLivePage('/about/', 'content')).toBe(true);
    expect(isLivePage('/timeline/', 'content')).toBe(true);
    expect(isLivePage('/essays/hormuz/', 'content')).toBe(false);
  });
});

describe('the component registry', () => {
  test('says which components each kind of page maps', () => {
    expect(componentNamesFor('essays')).toEqual(Object.keys(MDX_COMPONENTS).filter((name) => name !== 'SourceShares' && name !== 'CitationExample'));
    expect(componentNamesFor('pages')).toEqual(['KeyPoints', 'Fact', 'CitationExample', 'SourceShares']);
  });
  test('gives charts the ids their components render', () => {
    expect(MDX_COMPONENTS.StockpileChart.anchor!({ levels: ['u20', 'u60'] })).toBe('chart-stockpile-u20-u60');
    expect(MDX_COMPONENTS.StockpileChart.anchor!({})).toBe('chart-stockpile');
    expect(MDX_COMPONENTS.TimelineChart.anchor!({ categories: ['military', 'hormuz'], from: '2019-01-01' })).toBe('chart-timeline-military-hormuz-2019-01-01');
    expect(MDX_COMPONENTS.HormuzChart.anchor!({ id: 'chart-oil' })).toBe('chart-oil');
  });
});
