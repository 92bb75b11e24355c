/**
 * HTML-side conventions for essays and pages:
 * - every h2/h3 gets a visible "link to this section" anchor and a "copy link" button
 *   (the button shows only when scripts run: see .js-only in global.css);
 * - links to other sites open in a new tab with rel="noopener noreferrer" and say so.
 */
import type { Root, Element, ElementContent } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { h, hasClass, textOf } from './hast.ts';
import { ContentValidationError } from '../content-errors.ts';

export interface RehypeExplainerOptions {
  /** The site's own origin, e.g. https://example.org: links there are not external. */
  siteOrigin: string;
  displayPath?: (file: string) => string;
}

export function sectionTools(id: string, headingText: string): Element {
  return h('span', { className: ['section-tools'], dataPagefindIgnore: '' }, [
    h('a', { className: ['section-link'], href: `#${id}`, ariaLabel: `Link to section: ${headingText}` }, [
      h('span', { ariaHidden: 'true' }, ['#']),
    ]),
    h('button', { type: 'button', className: ['copy-link', 'js-only'], dataSection: id, ariaLabel: `Copy link to section: ${headingText}` }, [
      h('span', { className: ['copy-link-label'], ariaHidden: 'true' }, ['Copy link']),
    ]),
    h('button', { type: 'button', className: ['cite-button', 'js-only'], dataSection: id, dataTitle: headingText, ariaExpanded: 'false', ariaLabel: `Cite section: ${headingText}` }, [
      h('span', { ariaHidden: 'true' }, ['Cite']),
    ]),
  ]);
}

export function externalLinkMarks(node: Element): void {
  node.properties = {
    ...node.properties,
    target: '_blank',
    rel: ['noopener', 'noreferrer'],
    className: [...((node.properties?.className as string[] | undefined) ?? []), 'external'],
  };
  node.children.push(h('span', { className: ['visually-hidden'], dataPagefindIgnore: '' }, [' (external site, opens in a new tab)']));
}

export function isExternalHref(href: string, siteOrigin: string): boolean {
  return /^https?:\/\//.test(href) && !href.startsWith(siteOrigin);
}

export function rehypeExplainer(options: RehypeExplainerOptions) {
  return function transform(tree: Root, file: { path?: string; history: string[]; data: { astro?: { frontmatter?: Record<string, unknown> } } }) {
    const aliases = (file.data.astro?.frontmatter?.aliases ?? {}) as Record<string, string>;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'a' && typeof node.properties?.href === 'string' && isExternalHref(node.properties.href, options.siteOrigin)) {
        externalLinkMarks(node);
        return SKIP;
      }
      if ((node.tagName === 'h2' || node.tagName === 'h3') && parent && index !== undefined && !hasClass(node, 'sr-only')) {
        const id = node.properties?.id;
        if (typeof id !== 'string') return;
        node.properties = { ...node.properties, tabIndex: -1 };
        const wrapper = h('div', { className: ['heading-wrap', `heading-wrap-${node.tagName}`] }, [node, sectionTools(id, textOf(node))]);
        // Old ids of this section (renamed headings) land here too: an empty anchor just before it.
        const oldIds = Object.entries(aliases).filter(([, to]) => to === id).map(([from]) => from);
        const anchors = oldIds.map((old) => h('span', { id: old, className: ['alias-anchor'], dataAliasFor: id }));
        parent.children.splice(index, 1, ...anchors, wrapper as ElementContent);
        return [SKIP, index + 1 + anchors.length];
      }
      return undefined;
    });
    const ids = new Set<string>();
    visit(tree, 'element', (n: Element) => void (typeof n.properties?.id === 'string' && ids.add(n.properties.id)));
    const problems = Object.entries(aliases)
      .filter(([from, to]) => !ids.has(to) || !ids.has(from))
      .map(([from, to]) => ({
        file: options.displayPath ? options.displayPath(file.path ?? file.history[0] ?? '') : (file.path ?? ''),
        field: `aliases.${from}`,
        found: to,
        expected: 'the id of a heading in this essay (the alias keeps an old link landing on it)',
      }));
    if (problems.length) throw new ContentValidationError(problems);
  };
}
