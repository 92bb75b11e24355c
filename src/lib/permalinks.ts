/**
 * The permalink contract: the addresses educators link to. content/permalinks.txt lists every one
 * ever published; each must keep resolving (as a page, an id on it, an alias or a redirect), or
 * carry a retirement line that says why it may not.
 *
 * The file has two parts. Addresses that follow from content (essays and their sections, terms,
 * events, sources, datasets, chart figures in essays) are checked by `npm run check` against the
 * content itself; ids that page templates add (the home page's "Essays" heading) are checked on
 * the built site by the browser tests. `npm run permalinks` builds the site and sorts new
 * addresses into the right part; it never removes a line.
 */
import { readBuiltSite, resolveUrl } from './site-index.ts';
import { readFileSync } from 'node:fs';
import type { ContentProblem } from './content-errors.ts';
import { resolveAddress, splitAddress, type SiteAddresses } from './site-addresses.ts';

export const PERMALINKS_FILE = 'permalinks.txt';

export const REGISTRY_HEADER = '# Every published address and id. Lines are only ever added (npm run permalinks); a test fails when one stops resolving.';
export const CONTENT_PART = '# == From content: npm run check resolves each against content/ ==';
export const TEMPLATE_PART = '# == From page templates: the browser tests resolve each on the built site ==';
export const RETIREMENT_HELP = '# To give up an address, keep its line and add a reason: /essays/old/#section retired: why it may stop resolving';

/** Ids that are part of the contract: headings, events, terms, sources and figures. */
const LINKABLE = /<(?:h2|h3|h4|figure|section)\b[^>]*?\sid="([^"]+)"/g;
/** Any other element whose id is part of the contract says so: a source's line on the sources overview. */
const MARKED_LINKABLE = /<[a-z][a-z0-9]*\b(?=[^>]*\sdata-permalink[\s=>])[^>]*?\sid="([^"]+)"/g;

export interface RegistryEntry {
  address: string;
  /** 1-based line in permalinks.txt. */
  line: number;
  part: 'content' | 'template';
  /** Set on a retired address: why it may stop resolving. */
  retired?: string | undefined;
}

const RETIRED = /^(\S+)\s+retired:\s*(.*)$/;

/**
 * Reads permalinks.txt. A file written before the two parts existed counts as template ids
 * throughout (checked on the built site only) until `npm run permalinks` sorts it.
 */
export function parseRegistry(text: string): { entries: RegistryEntry[]; problems: Omit<ContentProblem, 'file'>[] } {
  const entries: RegistryEntry[] = [];
  const problems: Omit<ContentProblem, 'file'>[] = [];
  const seen = new Map<string, number>();
  let part: RegistryEntry['part'] = text.includes(CONTENT_PART) ? 'content' : 'template';
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === CONTENT_PART) part = 'content';
    else if (trimmed === TEMPLATE_PART) part = 'template';
    if (!trimmed || trimmed.startsWith('#')) return;
    const retired = RETIRED.exec(trimmed);
    const address = retired ? retired[1]! : trimmed;
    if (!address.startsWith('/') || /\s/.test(address)) {
      problems.push({ line, column: 1, field: 'address', found: trimmed, expected: 'an address starting with / (one per line), optionally followed by "retired: <reason>"' });
      return;
    }
    if (retired && retired[2]!.trim().length < 10) {
      problems.push({ line, column: raw.indexOf('retired:') + 1, field: 'retired', found: retired[2]!.trim(), expected: 'a reason of a few words saying why this address may stop resolving' });
    }
    const first = seen.get(address);
    if (first) {
      problems.push({ line, column: 1, field: 'address', found: address, expected: `each address listed once (it is also on line ${first})` });
      return;
    }
    seen.set(address, line);
    entries.push({ address, line, part, ...(retired ? { retired: retired[2]!.trim() } : {}) });
  });
  return { entries, problems };
}

/** Writes permalinks.txt: the header, content addresses, then template ids; each part sorted. */
export function formatRegistry(entries: Pick<RegistryEntry, 'address' | 'part' | 'retired'>[]): string {
  const lineOf = (e: Pick<RegistryEntry, 'address' | 'retired'>) => (e.retired ? `${e.address} retired: ${e.retired}` : e.address);
  const part = (name: RegistryEntry['part']) =>
    entries
      .filter((e) => e.part === name)
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
      .map(lineOf);
  return [REGISTRY_HEADER, RETIREMENT_HELP, CONTENT_PART, ...part('content'), TEMPLATE_PART, ...part('template')].join('\n') + '\n';
}

/** The addresses a test should expect to resolve: every listed one that is not retired. */
export function readPermalinkList(text: string): string[] {
  return parseRegistry(text)
    .entries.filter((e) => !e.retired)
    .map((e) => e.address);
}

/**
 * Checks the registry against the addresses content gives the site. One problem per mistake: a
 * page that is gone is reported once (not once per section on it), and blamed on what removed it
 * when that is known (an essay marked draft).
 */
export function checkRegistry(
  entries: RegistryEntry[],
  site: SiteAddresses,
  file: string,
  explain: {
    /** Why a page that content no longer has is gone, and where: a draft flag, for instance. */
    pageGone?: (page: string) => ContentProblem | undefined;
    /** Which content file decides a page's ids, for "no id x in content/essays/y.mdx". */
    sourceOf?: (page: string) => string | undefined;
    /** Redirects (by old path) that already have an error of their own. */
    badRedirects?: ReadonlySet<string>;
    /** True when redirects.yaml could not be read: a missing page may be a redirect, so it is not reported. */
    redirectsUnknown?: boolean;
  } = {},
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const reportedPages = new Set<string>();
  const live = entries.filter((e) => !e.retired);
  const anchorsOn = (page: string) => live.filter((e) => splitAddress(e.address)[0] === page && e.address.includes('#')).length;
  // Template ids are the built site's business (the browser tests); a page that is gone is
  // reported through its own line, in the content part.
  for (const entry of live.filter((e) => e.part === 'content')) {
    const [page, anchor] = splitAddress(entry.address);
    const r = resolveAddress(site, entry.address);
    if (r.status === 'ok' || r.status === 'template-anchor' || r.status === 'unchecked') continue;
    // A redirect with its own error is reported in redirects.yaml, not again here.
    if ('via' in r && r.via.some((from) => explain.badRedirects?.has(from))) continue;
    const where = { file, line: entry.line, column: 1, field: 'address', found: entry.address };
    if (r.status === 'redirect-loop') {
      problems.push({ ...where, expected: `an address whose redirects end on a page (${[...r.via, r.page].join(' → ')} goes round in a circle)` });
      continue;
    }
    if (r.status === 'no-page' && explain.redirectsUnknown) continue;
    if (r.status === 'no-page') {
      const gonePage = r.via.length ? r.page : page;
      if (reportedPages.has(gonePage)) continue;
      reportedPages.add(gonePage);
      const blamed = explain.pageGone?.(gonePage);
      if (blamed) {
        problems.push(blamed);
        continue;
      }
      const others = anchorsOn(gonePage);
      const withAnchors = others ? ` (with the ${others} section and id address${others === 1 ? '' : 'es'} listed on it)` : '';
      problems.push({
        ...where,
        found: anchor && !r.via.length ? page : entry.address,
        line: r.via.length ? entry.line : (live.find((e) => e.address === gonePage)?.line ?? entry.line),
        expected: r.via.length
          ? `a redirect that ends on a page: ${[...r.via, r.page].join(' → ')}, and there is no page at ${r.page}`
          : `a page the site still publishes${withAnchors}: to move it, add "- from: ${gonePage}" with its new address to content/redirects.yaml; to withdraw it, add "retired: <reason>" after its line here`,
      });
      continue;
    }
    if (r.via.length) {
      // A moved or withdrawn page: its sections are one mistake, reported once.
      if (reportedPages.has(page)) continue;
      reportedPages.add(page);
      const missing = live.filter((e) => e.part === 'content' && splitAddress(e.address)[0] === page && resolveAddress(site, e.address).status === 'no-anchor').length;
      problems.push({
        ...where,
        expected: `an id on ${r.page}, where ${page} now redirects (${missing === 1 ? 'this listed id is' : `this and ${missing - 1} more listed ids of ${page} are`} not there): give the new page those ids (pinned headings or aliases), or add "retired: <reason>" after each line`,
      });
      continue;
    }
    problems.push({ ...where, expected: lostAnchorAdvice(r.page, r.anchor, explain.sourceOf?.(r.page)) });
  }
  return problems;
}

function lostAnchorAdvice(page: string, anchor: string, source: string | undefined): string {
  if (page === '/glossary/') return `a term with id "${anchor}" in content/glossary.yaml (term ids are permanent: put it back and change the wording instead)`;
  if (page === '/timeline/') return `an event with id "${anchor}" in content/data/events.csv (event ids are permanent: put it back and change the wording instead)`;
  if (page === '/sources/') return `a source with key "${anchor}" in content/sources.yaml, or "${anchor}" in the replaces: list of the entry that took its place`;
  if (page === '/data/') return `a dataset "${anchor}" in content/data/datasets.yaml`;
  return `an id that ${source ?? page} still has: pin it on the renamed heading, ## New wording {/* #${anchor} */}, or add "aliases: { ${anchor}: new-id }" to its frontmatter; if the section is gone for good, add "retired: <reason>" after this line`;
}

export function currentPermalinks(distDir: string): string[] {
  const out: string[] = [];
  for (const page of readBuiltSite(distDir).values()) {
    if (page.redirectTo) continue;
    if (page.path === '/404.html') continue;
    out.push(page.path);
  }
  for (const pagePath of [...out]) {
    const file = `${distDir}${pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath}`;
    const html = readFileSync(file, 'utf8');
    for (const m of [...html.matchAll(LINKABLE), ...html.matchAll(MARKED_LINKABLE)]) if (!m[1]!.startsWith('footnote') && !m[1]!.startsWith('user-content')) out.push(`${pagePath}#${m[1]}`);
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
