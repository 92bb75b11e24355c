/**
 * The site's Markdown conventions, applied to every essay and page:
 *
 *   `[@key]`, `[@a; @b]`          citation → numbered marker + a "References" list at the end
 *   `[term](glossary:id)`         link to a glossary term (unknown ids stop the build)
 *   `## Heading {/* #my-id *\/}`  pin a heading's id by hand (otherwise the slug of its text)
 *   `/essays/…` links             get the site's base path when it is served under a sub-path
 *
 * Unknown source keys and glossary ids throw a ContentValidationError naming the file and line.
 */
import type { Root, Heading, Text, Link, RootContent, PhrasingContent, Parent } from 'mdast';
import type { Element, ElementContent } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { ContentValidationError, type ContentProblem } from '../content-errors.ts';
import { scanCitations, lineAtOffset } from '../citations.ts';
import { createSlugger, ID_PATTERN } from '../slug.ts';
import { describeSourceDate } from '../sources.ts';
import type { SourceEntry } from '../schemas.ts';
import { h } from './hast.ts';
import { joinBase } from '../urls.ts';

export interface ExplainerOptions {
  sources: () => ReadonlyMap<string, SourceEntry>;
  glossaryIds: () => ReadonlySet<string>;
  /** Term definitions, carried on each glossary link for the popover that shows them. */
  definitions?: () => ReadonlyMap<string, string>;
  /** The site's base path, '/' or '/explainer/'. */
  base: string;
  /** Turns an absolute file path into the path shown in messages. */
  displayPath?: (file: string) => string;
}

const PINNED_ID = /^\s*\/\*\s*#([^\s*]+)\s*\*\/\s*$/;

interface MdxExpression {
  type: 'mdxTextExpression';
  value: string;
}

/** Cited keys in order of first citation, with how often each was cited. */
export interface CitationState {
  order: string[];
  counts: Map<string, number>;
}

/** A root-relative link with the site's base path; other links, and links already based, unchanged. */
export function withBase(base: string, url: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith(base)) return url;
  return joinBase(base, url);
}

export function remarkExplainer(options: ExplainerOptions) {
  return function transform(tree: Root, file: { path?: string; history: string[]; data: Record<string, unknown> }) {
    const filePath = file.path ?? file.history[0] ?? 'unknown file';
    const shownPath = options.displayPath ? options.displayPath(filePath) : filePath;
    const problems: ContentProblem[] = [];
    const sources = options.sources();
    const glossary = options.glossaryIds();

    assignHeadingIds(tree, shownPath, problems);

    const state: CitationState = { order: [], counts: new Map() };
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const matches = scanCitations(node.value);
      if (!matches.length) return;
      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      const firstLine = node.position?.start.line ?? 1;
      for (const m of matches) {
        const line = lineAtOffset(node.value, m.start, firstLine);
        if (m.malformed !== undefined) {
          problems.push({ file: shownPath, line, field: 'citation', found: m.raw, expected: 'citations written [@source-key] or [@key-one; @key-two]' });
          continue;
        }
        const unknown = m.keys.filter((k) => !sources.has(k));
        for (const key of unknown) {
          problems.push({ file: shownPath, line, field: 'citation', found: key, expected: 'a source key defined in content/sources.yaml' });
        }
        if (unknown.length) continue;
        // Drop the space before the marker so it hugs the claim it supports.
        const before = node.value.slice(cursor, m.start).replace(/[ \t]+$/, '');
        if (before) replacement.push({ type: 'text', value: before });
        replacement.push(citationMarker(m.keys, state));
        cursor = m.end;
      }
      if (cursor === 0) return;
      const rest = node.value.slice(cursor);
      if (rest) replacement.push({ type: 'text', value: rest });
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    });

    visit(tree, 'link', (node: Link) => {
      if (node.url.startsWith('glossary:')) {
        const id = node.url.slice('glossary:'.length);
        if (!glossary.has(id)) {
          problems.push({ file: shownPath, line: node.position?.start.line, field: 'glossary link', found: id, expected: 'a term id defined in content/glossary.yaml' });
          return;
        }
        node.url = withBase(options.base, `/glossary/#${id}`);
        const definition = options.definitions?.().get(id);
        node.data = { ...node.data, hProperties: { className: ['term-link'], 'data-term': id, ...(definition ? { 'data-definition': definition } : {}) } };
      } else {
        node.url = withBase(options.base, node.url);
      }
    });

    if (problems.length) throw new ContentValidationError(problems);

    if (state.order.length) {
      tree.children.push(referencesHeading(), referenceList(state, sources) as RootContent);
    }
    file.data.citations = state.order;
  };
}

function assignHeadingIds(tree: Root, file: string, problems: ContentProblem[]) {
  const slugger = createSlugger();
  const used = new Map<string, number | undefined>();
  visit(tree, 'heading', (heading: Heading) => {
    let id: string | undefined;
    const last = heading.children.at(-1) as unknown as MdxExpression | undefined;
    if (last?.type === 'mdxTextExpression') {
      const m = PINNED_ID.exec(last.value);
      if (m) {
        id = m[1]!;
        heading.children.pop();
        const prev = heading.children.at(-1);
        if (prev?.type === 'text') prev.value = prev.value.replace(/\s+$/, '');
        if (!ID_PATTERN.test(id)) {
          problems.push({ file, line: heading.position?.start.line, field: 'heading id', found: id, expected: 'an id of lowercase letters, digits and single hyphens' });
        }
      }
    }
    id ??= slugger.slug(toString(heading));
    if (used.has(id)) {
      problems.push({ file, line: heading.position?.start.line, field: 'heading id', found: id, expected: `an id not used by another heading (line ${used.get(id)})` });
    }
    used.set(id, heading.position?.start.line);
    const data = (heading.data ?? {}) as { hProperties?: Record<string, unknown> };
    heading.data = { ...data, hProperties: { ...(data.hProperties ?? {}), id } } as Heading['data'];
  });
}

function citationMarker(keys: string[], state: CitationState): PhrasingContent {
  const links: (ElementContent | string)[] = ['['];
  keys.forEach((key, i) => {
    if (!state.counts.has(key)) state.order.push(key);
    const occurrence = (state.counts.get(key) ?? 0) + 1;
    state.counts.set(key, occurrence);
    const n = state.order.indexOf(key) + 1;
    if (i) links.push(', ');
    links.push(h('a', { href: `#ref-${key}`, id: `cite-${key}-${occurrence}`, className: ['cite-link'], ariaLabel: `Source ${n}` }, [String(n)]));
  });
  links.push(']');
  return { type: 'citation', data: { hName: 'sup', hProperties: { className: ['cite'] }, hChildren: links.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)) } } as unknown as PhrasingContent;
}

function referencesHeading(): RootContent {
  // The reference list stays out of the search index: the sources page is where sources are found.
  return { type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }], data: { hProperties: { id: 'references', dataPagefindIgnore: '' } } as Heading['data'] };
}

function referenceList(state: CitationState, sources: ReadonlyMap<string, SourceEntry>) {
  const items: Element[] = state.order.map((key) => {
    const s = sources.get(key)!;
    const count = state.counts.get(key) ?? 1;
    const backlinks: (ElementContent | string)[] = [];
    for (let i = 1; i <= count; i++) {
      backlinks.push(' ', h('a', { href: `#cite-${key}-${i}`, className: ['ref-back'], ariaLabel: `Back to citation ${i} of this source` }, ['↩︎']));
    }
    return h('li', { id: `ref-${key}` }, [
      ...(s.author ? [`${s.author}, `] : []),
      h('cite', {}, [h('a', { href: s.url }, [s.title])]),
      `. ${s.publisher}, ${describeSourceDate(s.date)}.`,
      h('span', { className: ['ref-back-links'], dataPagefindIgnore: '' }, backlinks),
    ]);
  });
  return { type: 'referenceList', data: { hName: 'ol', hProperties: { className: ['references'], dataPagefindIgnore: '' }, hChildren: items } };
}
