import { describe, expect, test } from 'vitest';
import { CONTENT_LICENCE, codeLicence, creditLine, feedRights, licenceStatement, notCovered, xmlText } from '../../src/lib/reuse.ts';

describe('reuse: licences and the credit line', () => {
  test('the credit line gives title, author, address and licence, in that order', () => {
    expect(creditLine({ siteTitle: 'US–Iran Talks Explained', workTitle: 'The Strait of Hormuz', url: 'https://example.org/essays/strait-of-hormuz/' })).toBe(
      '“The Strait of Hormuz”, US–Iran Talks Explained, https://example.org/essays/strait-of-hormuz/, CC BY 4.0',
    );
  });

  test('without a work title the credit is the site’s', () => {
    expect(creditLine({ siteTitle: 'Site', url: 'https://example.org/' })).toBe('Site, https://example.org/, CC BY 4.0');
  });

  test('the content licence is CC BY 4.0 with its SPDX id and page', () => {
    expect(CONTENT_LICENCE).toMatchObject({ id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  test('the code licence points to the LICENSE file in the repository', () => {
    expect(codeLicence('https://github.com/o/r', 'main')).toEqual({ id: 'MIT', short: 'MIT', name: 'MIT License', url: 'https://github.com/o/r/blob/main/LICENSE' });
  });

  test('each statement names what it covers and agrees in number', () => {
    expect(licenceStatement('essay')).toMatch(/^This essay is published under the Creative Commons Attribution 4\.0 International licence \(CC BY 4\.0\): you may copy, adapt and republish it,/);
    expect(licenceStatement('data')).toMatch(/^These data files are published .* republish them,/);
    expect(licenceStatement('chart')).toMatch(/^This chart and its data are published/);
  });

  test('only pages that can show the map name its coastline’s licence', () => {
    expect(notCovered('essay')).not.toMatch(/ODbL/);
    expect(notCovered('chart')).toMatch(/OpenStreetMap .*ODbL/);
  });

  test('the feed’s rights line is escaped for XML', () => {
    expect(xmlText(feedRights('A & B <C>'))).toBe('Text and data: A &amp; B &lt;C&gt;, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
  });
});
