/**
 * Citations and the References list.
 *
 * citations (Markdown tree), in document order:
 * - `[@key]` and `[@key-one; @key-two]` in text become numbered markers (citation-markers.ts);
 *   a malformed citation or an unknown key is a problem naming its line;
 * - `<Fact id="…" />` (inline or on its own line) cites the fact's sources exactly as `[@…]`
 *   would, and gets a `refs` attribute, a JSON list of `{"key", "n", "occurrence"}`, from which the
 *   Fact component draws the same markers. An unknown fact id is a problem naming its line.
 *
 * references (HTML tree): the "References" heading at the end, and after it a `<ReferenceList
 * cited='[["key", times cited], …]' />` element that the ReferenceList component turns into the
 * numbered list (referenceListHtml below), each entry linking back to each place it is cited.
 * The list is drawn when the page is rendered, not compiled into every page's module: compiled,
 * it was a third of each essay's code and a quarter of a 500-essay build's CPU time.
 */
import type { Element, ElementContent } from 'hast';
import type { PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, Custom } from 'satteri';
import { lineAtOffset, scanCitations } from '../citations.ts';
import { backLinkLetter, displayUrl, ordinal, sourcePreview } from '../sources.ts';
import type { SourceEntry } from '../schemas.ts';
import { asMdast, h, toHtml } from './hast.ts';
import { externalLinkMarks, isExternalHref } from './links.ts';
import { cite, citationMarker } from './citation-markers.ts';
import { WORD_JOINER } from '../typesetting.ts';
import type { HastStep, MdastStep, StepContext } from './context.ts';

export function citations({ doc, lookups, options }: StepContext): MdastStep {
  const { sources, factSources } = lookups;

  /** A `<Fact>` element with its sources cited and its `refs` set; undefined when it is not a Fact. */
  function citeFact<N extends MdxJsxTextElement | MdxJsxFlowElement>(node: Readonly<N>): N | undefined {
    if (node.name !== 'Fact') return undefined;
    const line = node.position?.start.line;
    const raw = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
    const id = typeof raw === 'string' ? raw : undefined;
    const keys = id === undefined ? undefined : factSources.get(id);
    if (!keys) {
      // id="…" is the only form: an expression (id={…}) cannot be checked before the page runs.
      const found = raw && typeof raw === 'object' ? `{${raw.value}}` : raw;
      doc.problems.push({ file: doc.file, line, field: 'fact', found, expected: 'a fact id defined in content/facts.yaml, written id="…"' });
      return undefined;
    }
    const unknown = keys.filter((k) => !sources.has(k));
    for (const key of unknown) {
      doc.problems.push({ file: doc.file, line, field: 'fact', found: key, expected: `a source key defined in content/sources.yaml (a source of fact "${id}" in content/facts.yaml)` });
    }
    if (unknown.length) return undefined;
    const refs = keys.map((key) => cite(doc.citations, key));
    const attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === 'refs'));
    return { ...node, attributes: [...attributes, { type: 'mdxJsxAttribute', name: 'refs', value: JSON.stringify(refs) }] } as N;
  }

  return {
    name: 'explainer:citations',
    options: { position: true },
    text(node, ctx) {
      const matches = scanCitations(node.value);
      if (!matches.length) return;
      const firstLine = node.position?.start.line ?? 1;
      const replacement: (PhrasingContent | Custom)[] = [];
      let cursor = 0;
      for (const m of matches) {
        const line = lineAtOffset(node.value, m.start, firstLine);
        if (m.malformed !== undefined) {
          doc.problems.push({ file: doc.file, line, field: 'citation', found: m.raw, expected: 'citations written [@source-key] or [@key-one; @key-two]' });
          continue;
        }
        const unknown = m.keys.filter((k) => !sources.has(k));
        for (const key of unknown) {
          doc.problems.push({ file: doc.file, line, field: 'citation', found: key, expected: 'a source key defined in content/sources.yaml' });
        }
        if (unknown.length) continue;
        // Drop the space before the marker so it hugs the claim it supports.
        // A word joiner after it keeps the marker from wrapping onto a line of its own (after "." a
        // break before "[" would otherwise be allowed).
        const before = node.value.slice(cursor, m.start).replace(/[ \t]+$/, '');
        if (before) replacement.push({ type: 'text', value: `${before}${WORD_JOINER}` });
        replacement.push(asMdast(citationMarker(m.keys.map((key) => cite(doc.citations, key)))));
        cursor = m.end;
      }
      if (cursor === 0) return;
      const rest = node.value.slice(cursor);
      if (rest) replacement.push({ type: 'text', value: rest });
      ctx.replaceNode(node, replacement);
    },
    mdxJsxTextElement: (node) => citeFact(node),
    mdxJsxFlowElement: (node) => citeFact(node),
    after(root, ctx) {
      // The page imports the component that draws its References list (see references below).
      if (doc.citations.order.length && options.referenceListComponent) {
        ctx.prependChild(root, { type: 'mdxjsEsm', value: `import ${REFERENCE_LIST} from ${JSON.stringify(options.referenceListComponent)};` });
      }
    },
  };
}

/** The name of the element (and of the component) that draws the References list. */
export const REFERENCE_LIST = 'ReferenceList';

/** Sources in order of first citation, each with how often the page cites it. */
export type CitedSources = [key: string, timesCited: number][];

function referencesHeading(): Element {
  // The reference list stays out of the search index: the sources page is where sources are found.
  return h('h2', { id: 'references', dataPagefindIgnore: '' }, ['References']);
}

/**
 * The numbered list of cited sources. Each entry: the title (linked), then on one line its type,
 * who published it (", via …" for a republication) and its date, then its address written short
 * and an archived copy, then labelled links back to each place the text cites it. The citation
 * popover (src/scripts/popover.ts) reads its preview from these parts (.ref-type, .ref-origin,
 * .ref-date, the cited link, .ref-document, .ref-archive), so the marker and the list cannot
 * disagree and the page carries each fact once. This draws one entry: the source `key`, cited
 * `count` times; referenceListHtml puts them in the list.
 */
function referenceItem(key: string, count: number, sources: ReadonlyMap<string, SourceEntry>, siteOrigin: string): Element {
  const external = (link: Element) => (isExternalHref(String(link.properties.href), siteOrigin) ? externalLinkMarks(link) : link);
  const s = sources.get(key);
  if (!s) throw new Error(`References: no source "${key}" in content/sources.yaml`);
  const preview = sourcePreview(s);
  // One use: a single "↑". Several: "↑ a b c", each letter saying which use it returns to.
  const backlinks: (ElementContent | string)[] =
    count === 1
      ? [' ', h('a', { href: `#cite-${key}-1`, className: ['ref-back'], ariaLabel: 'Back to text' }, ['↑'])]
      : [' ', h('span', { ariaHidden: 'true' }, ['↑'])];
  for (let i = 1; count > 1 && i <= count; i++) {
    backlinks.push(' ', h('a', { href: `#cite-${key}-${i}`, className: ['ref-back'], ariaLabel: `Back to text, ${ordinal(i)} use` }, [backLinkLetter(i)]));
  }
  return h('li', { id: `ref-${key}` }, [
    ...(s.author ? [`${s.author}, `] : []),
    h('cite', {}, [external(h('a', { href: s.url }, [s.title]))]),
    // No "." after the title: the details start on a line of their own (.ref-meta is a block), and
    // a browser may break between the link's ↗ and a period, leaving the "." alone on a line.
    ' ',
    h('span', { className: ['ref-meta'] }, [h('span', { className: ['ref-type'] }, [preview.typeLabel]), ' · ', h('span', { className: ['ref-origin'] }, [preview.origin]), ' · ', h('span', { className: ['ref-date'] }, [preview.date])]),
    ...(s.document ? [' ', h('span', { className: ['ref-document'] }, s.document.url ? [external(h('a', { href: s.document.url }, [s.document.id]))] : [s.document.id])] : []),
    ' ',
    h('span', { className: ['ref-address'] }, [
      h('span', { className: ['ref-url'], translate: 'no' }, [displayUrl(s.url)]),
      h('span', { className: ['ref-sep'] }, [' · ']),
      external(h('a', { href: preview.archive.href, className: ['ref-archive'] }, [preview.archive.label])),
    ]),
    h('span', { className: ['ref-back-links'], dataPagefindIgnore: '' }, backlinks),
  ]);
}

/** Reads the `cited` attribute the references step writes; throws, saying what was found, on anything else. */
export function parseCitedSources(json: string): CitedSources {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const ok = Array.isArray(value) && value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Number.isInteger(e[1]) && e[1] > 0);
  if (!ok) throw new Error(`References: found cited=${JSON.stringify(json)}; expected a JSON list of ["source-key", times cited]`);
  return value as CitedSources;
}

/** What the ReferenceList component renders. */
export function referenceListHtml(citedJson: string, sources: ReadonlyMap<string, SourceEntry>, siteOrigin: string): string {
  const items = parseCitedSources(citedJson).map(([key, count]) => {
    const entry = sources.get(key);
    if (!entry) return toHtml(referenceItem(key, count, sources, siteOrigin)); // throws, naming the key
    let drawn = itemHtml.get(entry);
    if (!drawn) itemHtml.set(entry, (drawn = new Map()));
    const id = `${key}\n${count}\n${siteOrigin}`;
    let html = drawn.get(id);
    if (html === undefined) drawn.set(id, (html = toHtml(referenceItem(key, count, sources, siteOrigin))));
    return html;
  });
  return `${LIST_OPEN}${items.join('')}</${LIST_TAG}>`;
}

/**
 * Each entry's markup, by source entry, then key, times cited and site: essays cite the same
 * sources, and drawing each entry again on every page was a cost per page (100 synthetic essays
 * list 4,842 entries, 582 of them different). A source changed in development is a new entry
 * object, so it is drawn afresh.
 */
const itemHtml = new WeakMap<SourceEntry, Map<string, string>>();
const LIST_TAG = 'ol';
/** The list's opening tag, as toHtml writes it. */
const LIST_OPEN = toHtml(h(LIST_TAG, { className: ['references'], dataPagefindIgnore: '' })).slice(0, -`</${LIST_TAG}>`.length);

/** Appends the References heading and the element that draws the list; runs before the heading step, which gives the heading its tools. */
export function references({ doc }: StepContext): HastStep {
  return {
    name: 'explainer:references',
    after(root, ctx) {
      const { order, counts } = doc.citations;
      if (!order.length) return;
      const cited: CitedSources = order.map((key) => [key, counts.get(key) ?? 1]);
      ctx.appendChild(root, [
        referencesHeading(),
        { type: 'mdxJsxFlowElement', name: REFERENCE_LIST, attributes: [{ type: 'mdxJsxAttribute', name: 'cited', value: JSON.stringify(cited) }], children: [] },
      ]);
    },
  };
}
