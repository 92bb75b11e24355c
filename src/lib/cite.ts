/**
 * "How to cite": APA, Chicago and BibTeX for an essay or one of its sections. Used at build time
 * for the essay-level block and in the browser for the per-section panel, so both say the same.
 */
import { MONTHS } from './dates.ts';

export interface CiteInput {
  siteTitle: string;
  essayTitle: string;
  sectionTitle?: string | undefined;
  url: string;
  updated: Date;
}


function parts(d: Date) {
  return { y: d.getUTCFullYear(), m: MONTHS[d.getUTCMonth()]!, d: d.getUTCDate() };
}

/** APA 7, web page by a group author that is also the site: Group. (Year, Month Day). Title. URL */
export function apa(c: CiteInput): string {
  const { y, m, d } = parts(c.updated);
  const title = c.sectionTitle ? `${c.essayTitle}: ${c.sectionTitle}` : c.essayTitle;
  return `${c.siteTitle}. (${y}, ${m} ${d}). ${title}. ${c.url}`;
}

/** Chicago (notes and bibliography), web page: Site. “Title.” Last modified Month Day, Year. URL. */
export function chicago(c: CiteInput): string {
  const { y, m, d } = parts(c.updated);
  const title = c.sectionTitle ? `${c.essayTitle}: ${c.sectionTitle}` : c.essayTitle;
  return `${c.siteTitle}. “${title}.” Last modified ${m} ${d}, ${y}. ${c.url}.`;
}

/** A BibTeX key from the URL: stable as long as the URL is. */
export function bibtexKey(url: string): string {
  const u = new URL(url);
  const slug = `${u.pathname}${u.hash}`.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  return `usiran-${slug}`.slice(0, 60);
}

export function bibtex(c: CiteInput): string {
  const { y, m, d } = parts(c.updated);
  const title = c.sectionTitle ? `${c.essayTitle}: ${c.sectionTitle}` : c.essayTitle;
  const esc = (s: string) => s.replace(/([{}&%$#_])/g, '\\$1');
  return [
    `@misc{${bibtexKey(c.url)},`,
    `  author = {{${esc(c.siteTitle)}}},`,
    `  title = {{${esc(title)}}},`,
    `  year = {${y}},`,
    `  month = {${m}},`,
    `  url = {${c.url}},`,
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
