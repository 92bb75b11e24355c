/** Site-internal URLs with the base path applied, so the site also works under a sub-path. */

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

/**
 * The public origin from SITE_URL, as browsers write it: "https://Owner.GitHub.io/" becomes
 * "https://owner.github.io" (a host in capitals, or a trailing slash, would make canonical URLs,
 * feeds and "is this link external?" disagree with the addresses readers see).
 */
export function siteOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`SITE_URL: found "${url}"; expected the site's public origin, such as https://owner.github.io or https://example.org`);
  }
}

/** The base path from SITE_BASE, always "/" or "/name/": "explainer", "/explainer" and "" are read as meant. */
export function basePath(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The address to share for a section: the page's canonical URL (its `<link rel="canonical">`,
 * built from SITE.url and the base path) with `#id`, and never a query string (search adds
 * `?highlight=…`) or the host a preview or mirror happens to be served from.
 */
export function sectionUrl(canonical: string, id: string): string {
  const url = new URL(canonical);
  url.search = '';
  url.hash = id;
  return url.href;
}

/**
 * An SVG as a `data:` address. The site's icon is written into each page this way (Base.astro):
 * as a file, browsers fetched it while the page was still painting, on a connection of its own,
 * which Lighthouse's simulated slow network charges to the page's Largest Contentful Paint.
 * Only the characters a data: address cannot hold as they are get escaped.
 */
export function svgDataUri(svg: string): string {
  // Attribute values in single quotes, so the double quotes need no escaping.
  return `data:image/svg+xml,${svg.trim().replace(/\s+/g, ' ').replace(/"/g, "'").replace(/[%#<>{}|\\^`]/g, (c) => encodeURIComponent(c))}`;
}
