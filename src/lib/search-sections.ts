/**
 * Splits a built page into one search record per section, so a search result downloads the text
 * of one section (a Pagefind fragment of 1–2 KB) rather than the whole page (8–30 KB).
 *
 * The page's data-pagefind-body is cut before each h2, h3 or h4 that has an id and is not inside
 * data-pagefind-ignore, and before each element with an id marked data-search-section (a block
 * whose anchor is on the block, not its heading: a publisher or a kind of source on /sources/). Each piece becomes a small HTML document with the elements it sits in
 * opened again before it and closed after it, so Pagefind still sees data-pagefind-body, the
 * page's filters (kind, topic), data-pagefind-ignore and heading weights. The part before the
 * first such heading keeps the page's address; the others get the section's (`/essays/x/#id`).
 * Each record names its page title and section heading as Pagefind meta (`title`, `section`).
 */

export interface SectionRecord {
  /** The address a result opens: the page, or the page and the section's anchor. */
  url: string;
  /** The section's heading as text, or undefined for the part before the first heading. */
  section: string | undefined;
  /** A small HTML document for Pagefind's addHTMLFile. */
  html: string;
}

/** Marks an element with an id as a section of its own for search, where its heading has no id. */
export const SECTION_MARK = 'data-search-section';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

interface Open {
  name: string;
  tag: string;
  ignored: boolean;
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+))?(?=[\\s/>]|$)`).exec(attrs);
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
/** A heading's words as a reader sees them in a result: parts marked data-pagefind-ignore (a count) left out. */
function headingText(html: string): string {
  let kept = '';
  let from = 0;
  let skipDepth = 0;
  let skipName = '';
  for (const t of tags(html)) {
    if (skipDepth) {
      if (t.name === skipName && !t.selfClosing) skipDepth += t.closing ? -1 : 1;
      if (!skipDepth) from = t.end;
      continue;
    }
    if (!t.closing && !t.selfClosing && attr(t.attrs, 'data-pagefind-ignore')) {
      kept += html.slice(from, t.start);
      skipName = t.name;
      skipDepth = 1;
    }
  }
  return textOf(skipDepth ? kept : kept + html.slice(from));
}
const escapeText = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where `</name` next starts from `from`, written in lower or upper case; -1 when nowhere. */
function closingTagAt(html: string, name: string, from: number): number {
  const lower = html.indexOf(`</${name}`, from);
  // An upper-case one matters only before the lower-case one: look there only, not to the page's end
  // (a page has no "</SCRIPT", so the search ran through the rest of the page at every script).
  const upper = (lower < 0 ? html.slice(from) : html.slice(from, lower)).indexOf(`</${name.toUpperCase()}`);
  return upper < 0 ? lower : from + upper;
}

/** The tags of an HTML text in order, comments and the insides of scripts and styles skipped. */
function* tags(html: string) {
  const re = new RegExp(TAG.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (!m[2]) continue;
    const name = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    const closing = m[1] === '/';
    const start = m.index;
    const end = start + m[0].length;
    if (!closing && (name === 'script' || name === 'style')) {
      // Not html.toLowerCase(): lowering the whole page at each script was most of a 500-essay index's time.
      const close = closingTagAt(html, name, end);
      re.lastIndex = close < 0 ? html.length : close;
      yield { name, attrs, tag: m[0], closing, selfClosing: true, start, end };
      continue;
    }
    yield { name, attrs, tag: m[0], closing, selfClosing: VOID.has(name) || attrs.trimEnd().endsWith('/'), start, end };
  }
}

/** A Pagefind attribute that Pagefind reads even inside an ignored element (filters, meta, sort). */
const PAGEFIND_DATA = /\sdata-pagefind-(?!ignore)/;

/**
 * The page with the insides of its data-pagefind-ignore elements emptied, where nothing inside
 * is a Pagefind filter or meta (Pagefind still reads those inside an ignored element). Pagefind
 * indexes no words there, but it parses every byte it is handed: an essay's reference list and
 * chart markup were about four fifths of what the index step sent it.
 */
export function withoutIgnoredContent(html: string): string {
  let kept = '';
  let from = 0;
  let skip: { name: string; depth: number; insideFrom: number } | undefined;
  for (const t of tags(html)) {
    if (skip) {
      if (t.name === skip.name && !t.selfClosing) skip.depth += t.closing ? -1 : 1;
      if (skip.depth) continue;
      if (!PAGEFIND_DATA.test(html.slice(skip.insideFrom, t.start))) {
        kept += html.slice(from, skip.insideFrom);
        from = t.start;
      }
      skip = undefined;
    } else if (!t.closing && !t.selfClosing && attr(t.attrs, 'data-pagefind-ignore')) {
      skip = { name: t.name, depth: 1, insideFrom: t.end };
    }
  }
  return kept + html.slice(from);
}

/** Every element on the page with data-pagefind-filter="name" (not "name:value"), as a span that says the same. */
function filterSpans(html: string): string {
  const spans: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-pagefind-filter="([^":]+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    spans.push(`<span data-pagefind-filter="${m[2]}">${textOf(m[3]!)}</span>`);
  }
  return spans.join('');
}

/**
 * The section records of a built page, or [] when the page has no data-pagefind-body or no
 * heading to split at (index such a page whole).
 */
export function sectionRecords(html: string, url: string): SectionRecord[] {
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html lang="en">';
  const stack: Open[] = [];
  const cuts: { at: number; stack: Open[]; id: string; heading: string | undefined }[] = [];
  let bodyStart = -1;
  let bodyEnd = -1;
  let bodyDepth = -1;
  for (const t of tags(html)) {
    if (t.closing) {
      const i = stack.map((o) => o.name).lastIndexOf(t.name);
      if (i < 0) continue;
      stack.length = i;
      if (bodyStart >= 0 && stack.length === bodyDepth) {
        bodyEnd = t.end;
        break;
      }
      continue;
    }
    if (t.selfClosing) continue;
    const ignored = (stack.at(-1)?.ignored ?? false) || !!attr(t.attrs, 'data-pagefind-ignore');
    if (bodyStart < 0 && attr(t.attrs, 'data-pagefind-body')) {
      bodyStart = t.start;
      bodyDepth = stack.length;
    }
    const id = attr(t.attrs, 'id')?.[1]?.replace(/^["']|["']$/g, '');
    if (bodyStart >= 0 && /^h[234]$/.test(t.name) && id && !ignored) {
      const close = html.indexOf(`</${t.name}>`, t.end);
      cuts.push({ at: t.start, stack: stack.slice(bodyDepth), id, heading: headingText(html.slice(t.end, close)) });
    } else if (bodyStart >= 0 && id && !ignored && attr(t.attrs, SECTION_MARK)) {
      // A block that is its own section though its heading has no id (a publisher on /sources/):
      // cut before the block, named by the first heading inside it.
      const heading = /<h[2-4]\b[^>]*>([\s\S]*?)<\/h[2-4]>/.exec(html.slice(t.end))?.[1];
      cuts.push({ at: t.start, stack: stack.slice(bodyDepth), id, heading: headingText(heading ?? '') || undefined });
    }
    stack.push({ name: t.name, tag: t.tag, ignored });
  }
  if (bodyStart < 0 || bodyEnd < 0 || !cuts.length) return [];

  const body = html.slice(bodyStart, bodyEnd);
  const title = textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1] ?? '');
  const filters = filterSpans(body);
  const page = url.split('#')[0]!;
  const pieces = [
    { at: bodyStart, stack: [] as Open[], id: undefined as string | undefined, heading: undefined as string | undefined },
    ...cuts,
  ];
  return pieces.map((p, i) => {
    const end = pieces[i + 1]?.at ?? bodyEnd;
    const inner = html.slice(p.at, end);
    // What is still open at the end of the piece, to close it again.
    const open = [...p.stack];
    for (const t of tags(inner)) {
      if (t.closing) {
        const j = open.map((o) => o.name).lastIndexOf(t.name);
        if (j >= 0) open.length = j;
      } else if (!t.selfClosing) {
        open.push({ name: t.name, tag: t.tag, ignored: false });
      }
    }
    const meta =
      `<div data-pagefind-ignore>${i > 0 ? filters : ''}` +
      (title ? `<span data-pagefind-meta="title">${escapeText(title)}</span>` : '') +
      (p.heading ? `<span data-pagefind-meta="section">${escapeText(p.heading)}</span>` : '') +
      '</div>';
    const opened = p.stack.map((o) => o.tag).join('');
    const closed = open.reverse().map((o) => `</${o.name}>`).join('');
    // The meta goes inside data-pagefind-body (Pagefind reads only what is inside it).
    const doc = i === 0 ? `${inner}${closed}`.replace(/^(<[^>]*>)/, `$1${meta}`) : `${opened.replace(/^(<[^>]*>)/, `$1${meta}`)}${inner}${closed}`;
    return { url: p.id ? `${page}#${p.id}` : page, section: p.heading, html: `<!doctype html>${htmlTag}<head><meta charset="utf-8"></head><body>${doc}</body></html>` };
  });
}

/**
 * Puts section results back together the way whole-page results were shown: pages in order of
 * their best section, at most two sections of a page, the second right after the first and kept
 * only when it scores at least half as well. `page` is what counts as one page (a timeline event
 * is its own). Returns at most `limit` pages' worth.
 */
export function groupByPage<T extends { page: string; weighted: number }>(items: T[], limit: number): T[] {
  const pages = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => b.weighted - a.weighted)) {
    const list = pages.get(item.page);
    if (list) list.push(item);
    else pages.set(item.page, [item]);
  }
  return [...pages.values()].slice(0, limit).flatMap(([first, second]) => (second && second.weighted * 2 >= first!.weighted ? [first!, second] : [first!]));
}
