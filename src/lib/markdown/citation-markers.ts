/**
 * Citation numbering and the markers a reader sees: `[@a; @b]` in an essay, or a `<Fact>` with two
 * sources, becomes `[1, 2]`, each number linking to its entry in the References list, which links
 * back. Sources are numbered in order of first citation across the whole document.
 *
 * The Fact component renders its markers with citationMarkerHtml(parseCitationRefs(refs)), so a
 * fact's citation looks and links exactly like one written `[@key]`.
 */
import type { Element, ElementContent } from 'hast';
import { h, toHtml } from './hast.ts';

/** One citation of one source: its number in the References list and which citation of it this is. */
export interface CitationRef {
  key: string;
  /** The source's number in the References list (1-based, by first citation). */
  n: number;
  /** 1 for the first citation of this source in the document, 2 for the second… */
  occurrence: number;
}

/** Sources in order of first citation, their numbers, and how often each has been cited. */
export interface CitationState {
  order: string[];
  numbers: Map<string, number>;
  counts: Map<string, number>;
}

export function newCitationState(): CitationState {
  return { order: [], numbers: new Map(), counts: new Map() };
}

/** Records one more citation of `key` and says how to mark it. */
export function cite(state: CitationState, key: string): CitationRef {
  let n = state.numbers.get(key);
  if (n === undefined) {
    state.order.push(key);
    n = state.order.length;
    state.numbers.set(key, n);
  }
  const occurrence = (state.counts.get(key) ?? 0) + 1;
  state.counts.set(key, occurrence);
  return { key, n, occurrence };
}

/** `<sup class="cite">[<a …>1</a>, <a …>2</a>]</sup>`: the marker placed right after a claim. */
export function citationMarker(refs: readonly CitationRef[]): Element {
  const children: (ElementContent | string)[] = ['['];
  refs.forEach((ref, i) => {
    if (i) children.push(', ');
    children.push(h('a', { href: `#ref-${ref.key}`, id: `cite-${ref.key}-${ref.occurrence}`, className: ['cite-link'], ariaLabel: `Source ${ref.n}` }, [String(ref.n)]));
  });
  children.push(']');
  return h('sup', { className: ['cite'] }, children);
}

export function citationMarkerHtml(refs: readonly CitationRef[]): string {
  return toHtml(citationMarker(refs));
}

/**
 * Reads the `refs` attribute the Markdown step puts on `<Fact>`: a JSON list of
 * `{"key": "…", "n": 3, "occurrence": 1}`. Throws, saying what was found, when it is not that.
 */
export function parseCitationRefs(json: string): CitationRef[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`citation refs: found ${JSON.stringify(json)}; expected a JSON list of {"key", "n", "occurrence"}`);
  }
  const isRef = (r: unknown): r is CitationRef => {
    const o = r as Partial<CitationRef> | null;
    return typeof o === 'object' && o !== null && typeof o.key === 'string' && Number.isInteger(o.n) && Number.isInteger(o.occurrence);
  };
  if (!Array.isArray(value) || !value.every(isRef)) {
    throw new Error(`citation refs: found ${json}; expected a JSON list of {"key", "n", "occurrence"}`);
  }
  return value.map(({ key, n, occurrence }) => ({ key, n, occurrence }));
}
