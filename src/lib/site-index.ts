/**
 * A browser-free index of a built site: which pages exist, which ids each page has, where its
 * links point, and which pages are redirects. The link and permalink checks run on it, so they
 * work on any build (including one served under a sub-path) without a browser.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { forwardFragment } from './timeline-pages.ts';

export interface BuiltPage {
  /** Site path without the base, e.g. "/essays/leverage/". */
  path: string;
  ids: Set<string>;
  hrefs: string[];
  /** For redirect pages: where they send the reader (site path, with any anchor). */
  redirectTo?: string | undefined;
  /**
   * A timeline split into year pages: the years with a page, this page's year and where they
   * live, read from the event list's data attributes. The timeline script forwards an #id that is
   * not on the page to its year page; the checks follow it the same way (lib/timeline-pages.ts).
   */
  yearPages?: { years: number[]; pageYear?: number; root: string } | undefined;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

export function readBuiltSite(distDir: string, base = '/'): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
        continue;
      }
      if (!name.endsWith('.html')) continue;
      const rel = `/${path.relative(distDir, full).split(path.sep).join('/')}`;
      const sitePath = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
      const html = readFileSync(full, 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)));
      const hrefs = [...html.matchAll(/<a\s[^>]*?href="([^"]+)"/g)].map((m) => decodeEntities(m[1]!));
      const refresh = /<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"/i.exec(html);
      const to = refresh ? decodeEntities(refresh[1]!) : undefined;
      const years = /\sdata-year-pages="([\d ]+)"/.exec(html)?.[1];
      const yearRoot = /\sdata-timeline-root="([^"]+)"/.exec(html)?.[1];
      const pageYear = /\sdata-page-year="(\d+)"/.exec(html)?.[1];
      const yearPages = years && yearRoot?.startsWith(prefix) ? { years: years.split(' ').map(Number), root: `/${yearRoot.slice(prefix.length)}`, ...(pageYear ? { pageYear: Number(pageYear) } : {}) } : undefined;
      pages.set(sitePath, { path: sitePath, ids, hrefs, redirectTo: to?.startsWith(prefix) ? `/${to.slice(prefix.length)}` : to, yearPages });
    }
  };
  walk(distDir);
  return pages;
}

/** Resolves a site path with an optional #anchor, following redirect pages. */
export function resolveUrl(site: Map<string, BuiltPage>, url: string, distDir?: string): { ok: true } | { ok: false; reason: string } {
  let [pagePath, anchor] = url.split('#') as [string, string | undefined];
  for (let hops = 0; hops < 5; hops++) {
    const page = site.get(pagePath);
    if (!page) {
      if (distDir && existsSync(path.join(distDir, pagePath)) && !pagePath.endsWith('/')) return { ok: true };
      return { ok: false, reason: `no page at ${pagePath}` };
    }
    if (page.redirectTo) {
      const [to, toAnchor] = page.redirectTo.split('#') as [string, string | undefined];
      pagePath = to;
      anchor = anchor ?? toAnchor;
      continue;
    }
    if (anchor && !page.ids.has(decodeURIComponent(anchor))) {
      const forward = page.yearPages && forwardFragment(decodeURIComponent(anchor), page.yearPages.years, page.yearPages.pageYear);
      if (forward) {
        [pagePath, anchor] = `${page.yearPages!.root}${forward}`.split('#') as [string, string];
        continue;
      }
      return { ok: false, reason: `no element with id "${anchor}" on ${pagePath}` };
    }
    return { ok: true };
  }
  return { ok: false, reason: `too many redirects from ${url}` };
}

/** Every internal link of every page that does not resolve, as "from → href (reason)". */
export function brokenLinks(site: Map<string, BuiltPage>, base: string, distDir: string): string[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const broken: string[] = [];
  for (const page of site.values()) {
    for (const href of page.hrefs) {
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      let target: string;
      if (href.startsWith('#')) target = `${page.path}${href}`;
      else if (href.startsWith('/')) {
        if (!href.startsWith(prefix)) {
          broken.push(`${page.path} → ${href} (outside the base path ${prefix})`);
          continue;
        }
        target = `/${href.slice(prefix.length)}`;
      } else target = new URL(href, `http://x${page.path}`).pathname;
      target = target.replace(/\?[^#]*/, '');
      const r = resolveUrl(site, target, distDir);
      if (!r.ok) broken.push(`${page.path} → ${href} (${r.reason})`);
    }
  }
  return broken;
}
