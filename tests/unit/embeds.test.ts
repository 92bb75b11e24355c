import { describe, expect, test } from 'vitest';
import { EMBED_HEIGHT_MESSAGE, headersFile, iframeSnippet, oembedJson, resizeListenerSnippet } from '../../src/lib/embeds.ts';

describe('embeds', () => {
  test('the snippet: the embed address, a title, the fixed fallback height, attributes escaped', () => {
    expect(iframeSnippet('https://example.org/embed/x/', 'A "quoted" & <title>', 640)).toBe(
      '<iframe src="https://example.org/embed/x/" title="A &quot;quoted&quot; &amp; &lt;title>" width="100%" height="640" style="border:0;max-width:48rem" loading="lazy"></iframe>',
    );
  });

  test('the listener trusts only the site’s origin and the embed’s message type', () => {
    const s = resizeListenerSnippet('https://example.org');
    expect(s).toContain('e.origin!=="https://example.org"');
    expect(s).toContain(`e.data.type!=="${EMBED_HEIGHT_MESSAGE}"`);
  });

  test('oEmbed: version 1.0, rich, with the snippet', () => {
    const o = oembedJson({ title: 'T', embedUrl: 'https://example.org/embed/x/', siteTitle: 'S', siteUrl: 'https://example.org/' });
    expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'S', provider_url: 'https://example.org/' });
    expect(o.html).toContain('src="https://example.org/embed/x/"');
  });

  test('_headers: each page refuses framing, embeds allow it, under the base path', () => {
    expect(headersFile(['', 'essays/a/', 'embed/chart-x/'], '/sub/').split('\n').slice(1)).toEqual([
      '/sub/', "  Content-Security-Policy: frame-ancestors 'none'", '  X-Frame-Options: DENY',
      '/sub/essays/a/', "  Content-Security-Policy: frame-ancestors 'none'", '  X-Frame-Options: DENY',
      '/sub/embed/*', '  Content-Security-Policy: frame-ancestors *',
      '',
    ]);
  });
});
