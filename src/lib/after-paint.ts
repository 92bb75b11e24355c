/**
 * Enhancement scripts start after the first paint. Astro writes each page's scripts as
 * `<script type="module" src>` in <head>; the browser fetches those while it still fetches the
 * page, and under a slow connection they delay the first paint of the text (the Largest
 * Contentful Paint) by the time their bytes take. After the build, each such tag on a page that
 * has the loader (Base.astro) becomes an inert `<script type="text/x-after-paint" data-src>`,
 * which the browser neither fetches nor runs; the loader imports them once the browser has recorded
 * the first contentful paint (it looks for the paint-timing entry once per frame: an animation-frame
 * callback alone runs before the frame is painted, so requests made there still delay it, and a
 * PerformanceObserver is told only when the browser is idle), or after 3 s where none is recorded, or
 * at once if a reader presses a key, clicks or taps first (and then replays that key or click,
 * so a "/" or a Cite click in the first moment still works). A held key or click is kept from
 * the page's own handlers until then: scripts load in parallel, so one may already listen while
 * another loads, and it would see the event twice (a theme switch clicked early flipped back).
 * A plain click on a heading's "#"
 * control (`a[data-section]`) is held and replayed too, so it opens the heading's menu rather than
 * jumping; focus that arrived early (a reader tabbing in at once) is told again, so a glossary
 * term focused then shows its definition. Pages without the loader (embeds) keep their scripts
 * as they are. Scripts are never inlined (astro.config.mjs): an inline module runs before the
 * first paint. The loader also adds the contents of every `noscript[data-after-paint]` (the print
 * stylesheet, which the browser would otherwise fetch while the page is still painting); without
 * JavaScript the noscript itself adds it.
 */

/** The attribute Base.astro's loader carries, and the type of a deferred script. */
export const LOADER_MARKER = 'data-script-loader';
export const DEFERRED_TYPE = 'text/x-after-paint';

const LOADER_BYTES = Buffer.from(LOADER_MARKER);
const TAG_OPEN = Buffer.from('<script type="module" src="');
const TAG_CLOSE = Buffer.from('"></script>');
const DEFERRED_OPEN = Buffer.from(`<script type="${DEFERRED_TYPE}" data-src="`);
const QUOTE = 0x22;

/**
 * The page with each `<script type="module" src="…"></script>` turned into a deferred one, or
 * undefined where nothing changes (a page without the loader, an embed, keeps its scripts). Works
 * on the page's bytes, without decoding it. The build rewrites every page this way, and decoding, searching and re-encoding
 * each whole page (an essay is about 160 KB) cost more than finding the few script tags in its bytes.
 * A byte 0x22 (") never occurs inside a multi-byte UTF-8 character, so "[^"]+" reads the same in bytes.
 */
export function deferModuleScriptBytes(bytes: Buffer): Buffer | undefined {
  if (bytes.indexOf(LOADER_BYTES) < 0) return undefined;
  const parts: Buffer[] = [];
  let copied = 0;
  for (let at = bytes.indexOf(TAG_OPEN); at >= 0; at = bytes.indexOf(TAG_OPEN, at + 1)) {
    const src = at + TAG_OPEN.length;
    const quote = bytes.indexOf(QUOTE, src);
    if (quote <= src || bytes.compare(TAG_CLOSE, 0, TAG_CLOSE.length, quote, quote + TAG_CLOSE.length) !== 0) continue;
    parts.push(bytes.subarray(copied, at), DEFERRED_OPEN, bytes.subarray(src, quote));
    copied = quote;
    at = quote + TAG_CLOSE.length - 1;
  }
  if (!parts.length) return undefined;
  parts.push(bytes.subarray(copied));
  return Buffer.concat(parts);
}

/** The scripts a page starts after its first paint, in document order. */
export function deferredScripts(html: string): string[] {
  return [...html.matchAll(new RegExp(`<script type="${DEFERRED_TYPE}" data-src="([^"]+)"></script>`, 'g'))].map((m) => m[1]!);
}
