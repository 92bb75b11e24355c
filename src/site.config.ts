/**
 * Site-wide settings: the one place to change the name, the public URL or the repository.
 * `SITE_URL` and `SITE_BASE` may be overridden at build time (the sub-path build in the
 * tests and the GitHub Pages deploy use them; README explains the values for each kind of site).
 */
import { basePath, siteOrigin } from './lib/urls.ts';

export const SITE = {
  title: 'US–Iran Talks Explained',
  /** The name in the header on phones (under 32rem), where the full title would wrap. */
  shortTitle: 'US–Iran Talks',
  description:
    'Plain, sourced explainers on the US–Iran standoff: leverage, the Oman channel, the Strait of Hormuz, escalation, the nuclear file and sanctions.',
  /** Public origin of the deployed site, without a trailing slash. */
  url: siteOrigin(process.env.SITE_URL || 'https://us-iran-explainer.github.io'),
  /** Path the site is served under: '/' or e.g. '/explainer/'. */
  base: basePath(process.env.SITE_BASE || '/'),
  /** Repository that holds the content; "Edit this page" and "Report an error" link here. */
  repository: 'https://github.com/us-iran-explainer/site',
  branch: 'main',
  language: 'en',
} as const;

/** URL of a file in the repository, for "Edit this page". */
export function editUrl(pathInRepo: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${pathInRepo}`;
}
