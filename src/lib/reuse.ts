/**
 * Licences and the credit line: what a reader may reuse and how to credit it. One module, so the
 * "Reuse this work" blocks, the chart images, the data package, the feeds and /llms.txt all say
 * the same thing. The licence files at the root of the repository (LICENSE, LICENSE-content) say
 * it in full.
 */

export interface Licence {
  /** SPDX identifier, as data packages and feeds expect. */
  id: string;
  /** Short name readers know. */
  short: string;
  /** Full name. */
  name: string;
  /** The licence's own page. */
  url: string;
}

/** Text, charts and data: free to reuse with credit. */
export const CONTENT_LICENCE: Licence = {
  id: 'CC-BY-4.0',
  short: 'CC BY 4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** The code that builds the site. Its text is the LICENSE file in the repository. */
export function codeLicence(repository: string, branch: string): Licence {
  return { id: 'MIT', short: 'MIT', name: 'MIT License', url: `${repository}/blob/${branch}/LICENSE` };
}

/**
 * What the content licence does not cover: reused here under others' terms, so not ours to
 * license. Only the map draws the coastline, so an essay's block names quotations alone.
 */
export function notCovered(kind: 'essay' | 'chart' | 'data' | 'site'): string {
  return kind === 'essay' ? 'Quotations from sources keep their own terms.' : 'Quotations from sources, and the map’s coastline (OpenStreetMap data under the ODbL), keep their own terms.';
}

export interface CreditInput {
  /** The site's name (SITE.title). */
  siteTitle: string;
  /** Title of the essay, chart or data set, when crediting one work. */
  workTitle?: string | undefined;
  /** Permanent address of the work (or of the site). */
  url: string;
}

/**
 * The credit line to copy, in the order Creative Commons asks for (title, author, source,
 * licence): “Title”, US–Iran Talks Explained, https://…, CC BY 4.0.
 */
export function creditLine(c: CreditInput): string {
  const title = c.workTitle ? `“${c.workTitle}”, ` : '';
  return `${title}${c.siteTitle}, ${c.url}, ${CONTENT_LICENCE.short}`;
}

/** The one-sentence licence statement for a kind of work, as the reuse block and feeds say it. */
export function licenceStatement(kind: 'essay' | 'chart' | 'data' | 'site'): string {
  const what = {
    essay: 'This essay',
    chart: 'This chart and its data',
    data: 'These data files',
    site: 'The text, charts and data of this site',
  }[kind];
  const [verb, pronoun] = kind === 'essay' ? ['is', 'it'] : ['are', 'them'];
  return `${what} ${verb} published under the ${CONTENT_LICENCE.name} licence (${CONTENT_LICENCE.short}): you may copy, adapt and republish ${pronoun}, also commercially, as long as you credit the site and link to the licence.`;
}

/** The RSS <copyright> element's text. */
export function feedRights(siteTitle: string): string {
  return `Text and data: ${siteTitle}, ${CONTENT_LICENCE.short} (${CONTENT_LICENCE.url}).`;
}

/** Escapes text for XML element content (the feed's customData is raw XML). */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
