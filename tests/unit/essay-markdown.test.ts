import { describe, expect, test } from 'vitest';
import { essayMarkdown } from '../../src/lib/essay-markdown.ts';

const body = `---
title: T
---

<KeyPoints>
- First point [@b].
</KeyPoints>

The stock was <Fact id="stock" /> then, says [the glossary](glossary:iaea) and [another essay](/essays/x/) [@a; @b].

<StockpileChart levels={['total']} />
`;

describe('an essay as Markdown', () => {
  const md = essayMarkdown({
    title: 'Essay',
    summary: 'Sum.',
    url: 'https://example.org/sub/essays/e/',
    siteRoot: 'https://example.org/sub/',
    siteTitle: 'Site',
    updated: '2026-11-21',
    body,
    source: (k) => ({ title: `Title ${k}`, publisher: `Pub ${k}`, url: `https://news.example/${k}` }),
    fact: () => ({ text: '440.9 kg (as of 13 June 2025)', sources: ['c'] }),
  });

  test('citations and facts become footnotes numbered in reading order, each source once', () => {
    expect(md).toContain('- First point [^1].');
    expect(md).toContain('The stock was 440.9 kg (as of 13 June 2025)[^2] then');
    expect(md).toContain('(https://example.org/sub/essays/x/) [^3][^1].');
    expect(md.split('\n').filter((l) => l.startsWith('[^'))).toEqual([
      '[^1]: Title b. Pub b. <https://news.example/b>',
      '[^2]: Title c. Pub c. <https://news.example/c>',
      '[^3]: Title a. Pub a. <https://news.example/a>',
    ]);
  });

  test('no component, front matter or internal key is left; links are absolute', () => {
    expect(md).not.toMatch(/<[A-Z]|\[@|glossary:|^title:/m);
    expect(md).toContain('[the glossary](https://example.org/sub/glossary/#iaea)');
    expect(md).toContain('*(A chart is shown here on the page: https://example.org/sub/essays/e/)*');
  });

  test('title, summary, address, and the licence with the credit line', () => {
    expect(md.startsWith('# Essay\n\n*Sum.*\n\nSite, updated 2026-11-21. https://example.org/sub/essays/e/')).toBe(true);
    expect(md).toContain('Credit: “Essay”, Site, https://example.org/sub/essays/e/, CC BY 4.0.');
  });
});
