/**
 * "How to cite": APA, Chicago and BibTeX for an essay or one of its sections. Used at build time
 * for the essay-level block and in the browser for the per-section panel, so both say the same.
 */
import { MONTHS } from './dates.ts';

export interface CiteInput {
  siteTitle: string;
  essayTitle: string;
  sectionTitle?: string | undefined;
  /** The canonical address (src/lib/urls.ts sectionUrl()), never the address the reader happens to be on. */
  url: string;
  updated: Date;
  /**
   * The day the reader retrieved the page: today in the reader's browser for a section's panel,
   * the build date for the essay's own block (which says so). APA and Chicago give it because the
   * page changes as events move.
   */
  retrieved: Date;
}

function parts(d: Date) {
  return { y: d.getUTCFullYear(), m: MONTHS[d.getUTCMonth()]!, d: d.getUTCDate() };
}

/** "November 21, 2026": the US order both APA and Chicago use. */
function monthDayYear(date: Date): string {
  const { y, m, d } = parts(date);
  return `${m} ${d}, ${y}`;
}

function titleOf(c: CiteInput): string {
  return c.sectionTitle ? `${c.essayTitle}: ${c.sectionTitle}` : c.essayTitle;
}

/**
 * APA 7, web page whose group author is also the site (so the site name is not repeated), with a
 * retrieval date because the page is updated: Group. (Year, Month Day). Title. Retrieved Month
 * Day, Year, from URL
 */
export function apa(c: CiteInput): string {
  const { y, m, d } = parts(c.updated);
  return `${c.siteTitle}. (${y}, ${m} ${d}). ${titleOf(c)}. Retrieved ${monthDayYear(c.retrieved)}, from ${c.url}`;
}

/**
 * Chicago (notes and bibliography), web page, with the access date before the URL:
 * Site. “Title.” Last modified Month Day, Year. Accessed Month Day, Year. URL.
 */
export function chicago(c: CiteInput): string {
  return `${c.siteTitle}. “${titleOf(c)}.” Last modified ${monthDayYear(c.updated)}. Accessed ${monthDayYear(c.retrieved)}. ${c.url}.`;
}

/** A BibTeX key from the URL: stable as long as the URL is. */
export function bibtexKey(url: string): string {
  const u = new URL(url);
  const slug = `${u.pathname}${u.hash}`.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  return `usiran-${slug}`.slice(0, 60);
}

/** BibTeX's month macros (jan … dec), which every style defines and prints in its own language. */
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** "2026-12-02", the ISO date biblatex reads in urldate. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A @misc entry; `month` is the bare macro (no braces, or it would print as the word "nov"). */
export function bibtex(c: CiteInput): string {
  const { y, m, d } = parts(c.updated);
  const esc = (s: string) => s.replace(/([{}&%$#_])/g, '\\$1');
  return [
    `@misc{${bibtexKey(c.url)},`,
    `  author = {{${esc(c.siteTitle)}}},`,
    `  title = {{${esc(titleOf(c))}}},`,
    `  year = {${y}},`,
    `  month = ${BIBTEX_MONTHS[c.updated.getUTCMonth()]},`,
    `  url = {${c.url}},`,
    `  urldate = {${isoDate(c.retrieved)}},`,
    `  note = {Last updated ${d} ${m} ${y}}`,
    '}',
  ].join('\n');
}

/** A link that opens a new issue in the repository, prefilled with the page and section. */
export function reportErrorUrl(repository: string, pageTitle: string, url: string, sectionTitle?: string): string {
  const where = sectionTitle ? `${pageTitle} › ${sectionTitle}` : pageTitle;
  const body = [`Page: ${url}`, sectionTitle ? `Section: ${sectionTitle}` : '', '', 'What is wrong:', '', 'A source that shows the correct fact (link):', ''].filter((l, i) => l || i > 1).join('\n');
  return `${repository}/issues/new?${new URLSearchParams({ title: `Error in “${where}”`, body, labels: 'correction' })}`;
}

/** The reader's calendar day, in their own time zone, as the UTC midnight the formats above read. */
export function readerDay(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
