/**
 * tableFrames (HTML tree): every Markdown table goes into the site's scroll frame
 * (src/lib/table-frame.ts), named by its caption or its column headings.
 */
import type { Element } from 'hast';
import { tableFrameAttributes, tableLabel } from '../table-frame.ts';
import { h } from './hast.ts';
import type { HastStep } from './context.ts';

/** The descendants of `node` named `tagName`, in document order. */
function descendants(node: Readonly<Element>, tagName: string): Element[] {
  return node.children.flatMap((c) => (c.type !== 'element' ? [] : c.tagName === tagName ? [c] : descendants(c, tagName)));
}

export function tableFrames(): HastStep {
  return {
    name: 'explainer:table-frames',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        const caption = descendants(node, 'caption')[0];
        const headRow = descendants(node, 'thead').flatMap((thead) => descendants(thead, 'tr'))[0];
        const headings = headRow ? descendants(headRow, 'th').map((th) => ctx.textContent(th)) : [];
        const frame = tableFrameAttributes(tableLabel(caption && ctx.textContent(caption), headings));
        ctx.wrapNode(node, h('div', { className: String(frame.class).split(' '), role: frame.role, tabIndex: frame.tabindex, ariaLabel: frame['aria-label'] }));
      },
    },
  };
}
