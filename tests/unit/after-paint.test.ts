import { describe, expect, test } from 'vitest';
import { DEFERRED_TYPE, deferModuleScriptBytes, deferredScripts } from '../../src/lib/after-paint.ts';

const page = (loader: boolean) =>
  `<head><script type="module" src="/_astro/Header.a1.js"></script></head><body><p>Text</p><script type="module" src="/_astro/Essay.b2.js"></script>${loader ? '<script data-script-loader>…</script>' : ''}<script type="module">import "/x.js"</script></body>`;

/** The page as the build writes it: the deferred bytes decoded, or the page itself where nothing changed. */
const deferModuleScripts = (html: string) => deferModuleScriptBytes(Buffer.from(html))?.toString('utf8') ?? html;

describe('deferModuleScriptBytes', () => {
  test('turns each external module script into an inert one the loader starts, in document order', () => {
    const out = deferModuleScripts(page(true));
    expect(out).not.toContain('<script type="module" src=');
    expect(out).toContain(`<script type="${DEFERRED_TYPE}" data-src="/_astro/Header.a1.js"></script>`);
    expect(deferredScripts(out)).toEqual(['/_astro/Header.a1.js', '/_astro/Essay.b2.js']);
  });

  test('leaves inline module scripts alone (they carry their own CSP hash)', () => {
    expect(deferModuleScripts(page(true))).toContain('<script type="module">import "/x.js"</script>');
  });

  test('leaves a page without the loader (an embed) as it is, so its scripts still run', () => {
    expect(deferModuleScriptBytes(Buffer.from(page(false)))).toBeUndefined();
  });

  test('keeps text in other scripts and languages byte for byte, and skips tags it cannot read', () => {
    const html = `<p>Żółw — “quoted” ${page(true)}</p><script type="module" src=""></script><script type="module" src="/a.js" ></script><script type="module" src="/é.js"></script>`;
    expect(deferModuleScripts(html)).toBe(
      `<p>Żółw — “quoted” ${deferModuleScripts(page(true))}</p><script type="module" src=""></script><script type="module" src="/a.js" ></script><script type="${DEFERRED_TYPE}" data-src="/é.js"></script>`,
    );
    expect(deferModuleScriptBytes(Buffer.from('<script data-script-loader></script><script type="module" src="/unclosed.js'))).toBeUndefined();
  });
});
