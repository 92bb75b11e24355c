/**
 * The permalink contract: the addresses educators link to. content/permalinks.txt lists every one
 * ever published; each must keep resolving (as a page, an id on it, an alias or a redirect).
 */
import { readBuiltSite, resolveUrl } from './site-index.ts';
import { readFileSync } from 'node:fs';

export const PERMALINKS_FILE = 'permalinks.txt';

/** Ids that are part of the contract: headings, events, terms, sources and figures. */
const LINKABLE = /<(?:h2|h3|h4|figure|section)\b[^>]*?\sid="([^"]+)"/g;

export function currentPermalinks(distDir: string): string[] {
  const out: string[] = [];
  const redirectPages = new Set<string>();
  for (const page of readBuiltSite(distDir).values()) {
    if (page.redirectTo) {
      redirectPages.add(page.path);
      continue;
    }
    if (page.path === '/404.html') continue;
    out.push(page.path);
  }
  for (const pagePath of [...out]) {
    const file = `${distDir}${pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath}`;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(LINKABLE)) if (!m[1]!.startsWith('footnote') && !m[1]!.startsWith('user-content')) out.push(`${pagePath}#${m[1]}`);
  }
  return [...new Set(out)].sort();
}

/** Listed permalinks that no longer resolve on a built site, each with the reason. */
export function lostPermalinks(listed: string[], distDir: string, base = '/'): string[] {
  const site = readBuiltSite(distDir, base);
  return listed.flatMap((url) => {
    const r = resolveUrl(site, url, distDir);
    return r.ok ? [] : [`${url}: ${r.reason}`];
  });
}

export function readPermalinkList(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}
