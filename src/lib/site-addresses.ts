/**
 * The site's addresses as they follow from content/ and src/pages/, computed without building:
 * which pages will exist, and which ids content puts on each. The checker resolves links,
 * redirects and the permalink registry (content/permalinks.txt) against it, so a renamed heading,
 * a drafted essay or a link to /essays/nope/ is found in a second, not after a build.
 *
 * URL conventions live here and in the pages that render them: an essay is /essays/<file name>/,
 * a prose page /<file name>/, a term /glossary/#<id>, an event /timeline/#<id>, a source
 * /sources/#<key>, a dataset /data/#<key> and its file /data/<file>. A browser test builds the
 * site and checks that every address computed here exists, so the two cannot drift apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface IdOrigin {
  /** File and line that give the page this id, for messages. */
  file: string;
  line?: number | undefined;
  /** Whether the id is a permalink the registry lists (headings, figures, terms, events, sources), or only an anchor (an alias, a raw id). */
  permalink: boolean;
}

export interface PageAddresses {
  /** What the page is made from, for messages: a content file or a page template. */
  origin: string;
  /** Ids that content decides; undefined on pages whose ids only templates decide. */
  ids?: Map<string, IdOrigin> | undefined;
  /** Set when content decides the ids but its file has an error that hides some: nothing is said about them until it is fixed. */
  unreadable?: boolean | undefined;
}

export interface SiteAddresses {
  /** Site paths without the base path: "/", "/essays/leverage/". */
  pages: Map<string, PageAddresses>;
  /** Pages that only send the reader on: old path → new address (content/redirects.yaml). */
  redirects: Map<string, string>;
  /** Files served as they are: public/, endpoints such as /rss.xml, and the data downloads. */
  files: Set<string>;
}

export type Resolution =
  | { status: 'ok'; page: string }
  /** The page exists but its ids are decided by a template: only the built site can tell. */
  | { status: 'template-anchor'; page: string; anchor: string }
  /** The page's file has an error that hides its ids: that error is reported instead. */
  | { status: 'unchecked'; page: string }
  | { status: 'no-page'; page: string; via: string[] }
  | { status: 'no-anchor'; page: string; anchor: string; via: string[] }
  | { status: 'redirect-loop'; page: string; via: string[] };

/** Resolves a site path with an optional #anchor, following redirects. */
export function resolveAddress(site: SiteAddresses, url: string): Resolution {
  let [pagePath, anchor] = splitAddress(url);
  const via: string[] = [];
  for (let hops = 0; hops < 6; hops++) {
    const page = site.pages.get(pagePath);
    if (page) {
      if (!anchor) return { status: 'ok', page: pagePath };
      if (page.unreadable) return { status: 'unchecked', page: pagePath };
      if (!page.ids) return { status: 'template-anchor', page: pagePath, anchor };
      return page.ids.has(anchor) ? { status: 'ok', page: pagePath } : { status: 'no-anchor', page: pagePath, anchor, via };
    }
    const to = site.redirects.get(pagePath);
    if (to !== undefined) {
      via.push(pagePath);
      const [next, nextAnchor] = splitAddress(to);
      pagePath = next;
      anchor ??= nextAnchor;
      continue;
    }
    if (site.files.has(pagePath)) return anchor ? { status: 'no-anchor', page: pagePath, anchor, via } : { status: 'ok', page: pagePath };
    return { status: 'no-page', page: pagePath, via };
  }
  return { status: 'redirect-loop', page: pagePath, via };
}

export function splitAddress(url: string): [string, string | undefined] {
  const hash = url.indexOf('#');
  const pagePart = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : decodeURIComponent(url.slice(hash + 1)) || undefined;
  return [pagePart, anchor];
}

/** Every permalink content decides: each page and each of its permalink ids, sorted. */
export function contentPermalinks(site: SiteAddresses): string[] {
  const out: string[] = [];
  for (const [pagePath, page] of site.pages) {
    if (pagePath === '/404.html') continue;
    out.push(pagePath);
    for (const [id, origin] of page.ids ?? []) if (origin.permalink) out.push(`${pagePath}#${id}`);
  }
  return out.sort();
}

/**
 * Pages that src/pages/ defines by file name (index.astro → "/", glossary.astro → "/glossary/",
 * rss.xml.ts → "/rss.xml"), and the dynamic routes whose pages content does not list.
 * Dynamic routes that content lists (essays, prose pages, data files) are added by the checker.
 */
export function templatePages(pagesDir: string): { pages: Map<string, string>; files: Set<string>; dynamicRoutes: string[] } {
  const pages = new Map<string, string>();
  const files = new Set<string>();
  const dynamicRoutes: string[] = [];
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full, `${prefix}${name}/`);
        continue;
      }
      const shown = path.relative(process.cwd(), full);
      if (name.includes('[')) {
        dynamicRoutes.push(`${prefix}${name}`);
        continue;
      }
      const astro = /^(.*)\.(astro|md|mdx)$/.exec(name);
      if (astro) {
        const stem = astro[1]!;
        if (stem === '404') pages.set('/404.html', shown);
        else pages.set(stem === 'index' ? prefix : `${prefix}${stem}/`, shown);
        continue;
      }
      const endpoint = /^(.*\.[a-z0-9]+)\.(ts|js)$/.exec(name);
      if (endpoint) files.add(`${prefix}${endpoint[1]}`);
    }
  };
  walk(pagesDir, '/');
  return { pages, files, dynamicRoutes };
}

/** Every file under public/, by the path it is served at. */
export function publicFiles(publicDir: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out.add(`${prefix}${name}`);
    }
  };
  walk(publicDir, '/');
  return out;
}

/**
 * Whether a page is published at a site path, from the files alone (no checking): an essay or
 * prose page that is not a draft, or a page template. The config uses it so that a redirect
 * written over a live page never replaces it, even while the dev server shows that error.
 */
export function isLivePage(sitePath: string, contentRoot: string, projectRoot = process.cwd()): boolean {
  const essay = /^\/essays\/([^/]+)\/$/.exec(sitePath)?.[1];
  const file = essay ? path.join(contentRoot, 'essays', `${essay}.mdx`) : path.join(contentRoot, 'pages', `${sitePath.replace(/^\/|\/$/g, '')}.mdx`);
  if (existsSync(file)) return !/^draft:\s*true\s*$/m.exec(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '');
  return templatePages(path.join(projectRoot, 'src', 'pages')).pages.has(sitePath);
}
