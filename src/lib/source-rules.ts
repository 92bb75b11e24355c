/**
 * Rules a source entry's text must keep so that nothing unfinished reaches a reader: no
 * placeholder title, no tracking parameter in an address. They live here, apart from
 * src/lib/sources.ts, because the schema in src/lib/schemas.ts uses them too.
 */

/**
 * Query parameters that only say where a click came from (a feed, a newsletter, an ad). They are
 * never part of a page's address: the entry keeps the page's plain address. One list for the
 * whole site; a name ending in "*" covers every parameter that starts with it.
 */
export const TRACKING_PARAMETERS = [
  'utm_*', // Google Analytics campaigns: utm_source, utm_medium, utm_campaign, utm_term, utm_content
  'cid', // CNA, CNN and others: campaign id
  'traffic_source', // Al Jazeera feeds
  'fbclid', // Facebook
  'gclid', // Google Ads
  'dclid', // Google display ads
  'gbraid',
  'wbraid',
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'twclid', // X (Twitter) ads
  'igshid', // Instagram
  'mc_cid', // Mailchimp
  'mc_eid',
  'ocid', // Microsoft Start / MSN
  'cmpid', // campaign ids used by several outlets
  'icid',
  'ito',
  'smid', // The New York Times share links
  'ref_src', // X (Twitter) embeds
  'ns_source', // BBC feeds
  'ns_mchannel',
  'ns_campaign',
  'xtor', // AT Internet (Le Monde, France 24)
  'at_medium',
  'at_campaign',
  'mkt_tok', // Marketo
  '_ga',
  '_gl',
  'spm',
  'rss',
  'feed_id',
  'cmp',
] as const;

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.some((p) => (p.endsWith('*') ? lower.startsWith(p.slice(0, -1)) : lower === p));
}

/** The tracking parameters in a web address, in the order they appear (none for a clean address). */
export function trackingParametersIn(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  return [...parsed.searchParams.keys()].filter(isTrackingParameter);
}

/** A web address with its tracking parameters taken out (and nothing else changed). */
export function withoutTracking(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()]) if (isTrackingParameter(name)) parsed.searchParams.delete(name);
  return parsed.toString();
}

/**
 * The form in which two addresses of one page compare equal: https, host in lower case without
 * "www.", no tracking parameters, no fragment, no trailing slash. The path keeps its case.
 */
export function normaliseSourceUrl(url: string): string {
  const parsed = new URL(withoutTracking(url));
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  const query = parsed.searchParams.toString();
  return `https://${host}${path}${query ? `?${query}` : ''}`;
}

/**
 * Titles that stand in for a title nobody read: "(title from URL)", "(title taken from the URL)",
 * "Untitled", "TBD"… A title must be the page's own, as the page shows it.
 */
const PLACEHOLDER_TITLES: RegExp[] = [
  /\(\s*title\b[^)]*\burl\s*\)/i, // "(title from URL)", "(title taken from the URL)"
  /\btitle (?:taken |guessed |inferred )?from\b/i,
  /^\s*(?:untitled|no title|title|tbd|tbc|todo|xxx|placeholder|headline)\s*[.:]?\s*$/i,
  /\b(?:TBD|TBC|TODO|FIXME)\b/,
  /\[\s*title\s*\]|\{\s*title\s*\}|<\s*title\s*>/i,
  /lorem ipsum/i,
];

/**
 * The tell-tale marks of a placeholder inside running text (a rendered page), where a whole-title
 * test cannot apply: "(title from URL)", "title taken from the address".
 */
export const PLACEHOLDER_MARKERS = /\(\s*title\b[^)]*\burl\s*\)|\btitle (?:taken |guessed |inferred )?from (?:the )?(?:url|address)\b/i;

export function isPlaceholderTitle(title: string): boolean {
  return title.trim() === '' || PLACEHOLDER_TITLES.some((p) => p.test(title));
}
