/**
 * Embeds: each chart alone at /embed/<chart-id>/, for a lesson page or a course site on another
 * origin. The snippet readers copy, the message the embed posts with its height, the static oEmbed
 * document, and the _headers file that lets only /embed/* be framed.
 */

/** The message an embed posts to its parent: { type, id, height }. */
export const EMBED_HEIGHT_MESSAGE = 'us-iran-explainer:embed-height';

/**
 * The height the snippet gives the frame, for hosts whose pages cannot run the listener: enough
 * for the tallest chart at 48rem wide with its source line, so nothing is cut off; a shorter chart
 * leaves space below.
 */
export const EMBED_FALLBACK_HEIGHT = 900;

export function embedPath(id: string): string {
  return `embed/${id}/`;
}

export function oembedPath(id: string): string {
  return `embed/${id}/oembed.json`;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The <iframe> to paste: the chart at its fixed fallback height, full width up to 48rem. */
export function iframeSnippet(src: string, title: string, height = EMBED_FALLBACK_HEIGHT): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0;max-width:48rem" loading="lazy"></iframe>`;
}

/**
 * What a host page adds (once) so each embed takes its own height: a listener for the message,
 * which only trusts messages from the site's origin and sizes the frame that sent it.
 */
export function resizeListenerSnippet(origin: string): string {
  return `<script>addEventListener("message",function(e){if(e.origin!=="${origin}"||!e.data||e.data.type!=="${EMBED_HEIGHT_MESSAGE}")return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.height=String(e.data.height);});});</script>`;
}

export interface OEmbedInput { title: string; embedUrl: string; siteTitle: string; siteUrl: string; width?: number; height?: number }

/** oEmbed 1.0 "rich" response, served as a static file and linked from the chart's page. */
export function oembedJson(o: OEmbedInput) {
  const width = o.width ?? 768;
  const height = o.height ?? EMBED_FALLBACK_HEIGHT;
  return { version: '1.0', type: 'rich', title: o.title, provider_name: o.siteTitle, provider_url: o.siteUrl, width, height, html: iframeSnippet(o.embedUrl, o.title, height) };
}

/**
 * _headers (read by Netlify and Cloudflare Pages): every page is refused to frames on other sites
 * (frame-ancestors 'none', and X-Frame-Options for old browsers) except the embeds, which any
 * site may frame. Pages are listed one by one rather than with a catch-all, because hosts differ
 * in whether a later, narrower rule replaces a catch-all's header or adds to it.
 */
export function headersFile(pagePaths: readonly string[], base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const lines = ['# Made by the build (src/lib/embeds.ts). Which pages other sites may show in a frame: only /embed/*.'];
  for (const p of pagePaths) {
    if (p.startsWith('embed/')) continue;
    lines.push(`${b}${p}`, "  Content-Security-Policy: frame-ancestors 'none'", '  X-Frame-Options: DENY');
  }
  lines.push(`${b}embed/*`, '  Content-Security-Policy: frame-ancestors *');
  return `${lines.join('\n')}\n`;
}
