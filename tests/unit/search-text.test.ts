import { describe, expect, test } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { citationMarkerHtml } from '../../src/lib/markdown/citation-markers.ts';
import { searchableHtml, separateTableCells, withoutCitationMarkers } from '../../src/lib/search-text.ts';

describe('separateTableCells', () => {
  test('puts a space between header cells, rows and cells, so their words do not run together', () => {
    const table = '<table><caption>Shares</caption><thead><tr><th scope="col">Country</th><th scope="col">Share</th></tr></thead><tbody><tr><th scope="row">China</th><td>90 %</td></tr></tbody></table>';
    const text = separateTableCells(table).replace(/<[^>]+>/g, '');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Shares Country Share China 90 %');
    expect(text).not.toMatch(/CountryShare|ShareChina|China90/);
  });

  test('leaves everything outside tables as it is', () => {
    const prose = '<p>One <em>two</em></p><ul><li>three</li><li>four</li></ul>';
    expect(separateTableCells(prose)).toBe(prose);
  });
});

describe('withoutCitationMarkers', () => {
  test('drops the markers the citation plugin writes, and nothing around them', () => {
    const marker = citationMarkerHtml([{ key: 'eia-a', n: 5, occurrence: 1 }, { key: 'iaea-b', n: 6, occurrence: 2 }]);
    expect(marker).toContain('<sup class="cite">');
    const html = `<p>Ships fell to about 7 a day${marker}. Then <sup>2</sup> more.</p>`;
    expect(withoutCitationMarkers(html)).toBe('<p>Ships fell to about 7 a day. Then <sup>2</sup> more.</p>');
  });

  test.skipIf(!existsSync('dist/essays/strait-of-hormuz/index.html'))('a built essay keeps no "[n]" marker in what is indexed', () => {
    const built = readFileSync('dist/essays/strait-of-hormuz/index.html', 'utf8');
    expect(built).toMatch(/<sup class="cite">/);
    expect(searchableHtml(built)).not.toMatch(/class="cite"/);
  });
});
