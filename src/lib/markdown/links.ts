/**
 * Links.
 *
 * siteLinks (Markdown tree): `[breakout time](glossary:breakout-time)` becomes a link to the term on
 * the glossary page, carrying its definition for the popover (an unknown id is a problem naming
 * the line); root-relative links (`/essays/…`) get the site's base path when it is served under a
 * sub-path.
 *
 * externalLinks (HTML tree): links to other sites open in a new tab with rel="noopener noreferrer"
 * and say so to screen readers.
 */
import type { Element } from 'hast';
import { h } from './hast.ts';
import { joinBase } from '../urls.ts';
import type { HastStep, MdastStep, StepContext } from './context.ts';

/** A root-relative link with the site's base path; other links, and links already based, unchanged. */
export function withBase(base: string, url: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith(base)) return url;
  return joinBase(base, url);
}

export function isExternalHref(href: string, siteOrigin: string): boolean {
  return /^https?:\/\//.test(href) && !href.startsWith(siteOrigin);
}

/** The link, opening in a new tab and saying so. */
export function externalLinkMarks(node: Readonly<Element>): Element {
  return {
    ...node,
    properties: {
      ...node.properties,
      target: '_blank',
      rel: ['noopener', 'noreferrer'],
      className: [...((node.properties.className as string[] | undefined) ?? []), 'external'],
    },
    children: [...node.children, h('span', { className: ['visually-hidden'], dataPagefindIgnore: '' }, [' (external site, opens in a new tab)'])],
  };
}

export function siteLinks({ doc, lookups, options }: StepContext): MdastStep {
  return {
    name: 'explainer:site-links',
    options: { position: true },
    link(node, ctx) {
      if (!node.url.startsWith('glossary:')) {
        const based = withBase(options.base, node.url);
        if (based !== node.url) ctx.setProperty(node, 'url', based);
        return;
      }
      const id = node.url.slice('glossary:'.length);
      if (!lookups.glossaryIds.has(id)) {
        doc.problems.push({ file: doc.file, line: node.position?.start.line, field: 'glossary link', found: id, expected: 'a term id defined in content/glossary.yaml' });
        return;
      }
      const definition = lookups.definitions.get(id);
      ctx.setProperty(node, 'url', withBase(options.base, `/glossary/#${id}`));
      ctx.setProperty(node, 'data', { ...node.data, hProperties: { className: ['term-link'], 'data-term': id, ...(definition ? { 'data-definition': definition } : {}) } });
    },
  };
}

export function externalLinks({ options }: StepContext): HastStep {
  return {
    name: 'explainer:external-links',
    element: {
      filter: ['a'],
      visit(node) {
        const href = node.properties.href;
        if (typeof href === 'string' && isExternalHref(href, options.siteOrigin)) return externalLinkMarks(node);
        return undefined;
      },
    },
  };
}
