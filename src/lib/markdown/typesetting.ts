/**
 * typesetting (Markdown tree): the site's number style (src/lib/typesetting.ts) applied to every
 * text in prose, tables and headings ("20%" → "20 %", no-break spaces between numbers and units).
 * Code, link addresses and component attributes are not text and are left alone. It runs after
 * headingIds, so a heading's id is the slug of the text as written.
 */
import { typesetNumbers } from '../typesetting.ts';
import type { MdastStep } from './context.ts';

export function typesetting(): MdastStep {
  return {
    name: 'explainer:typesetting',
    text(node, ctx) {
      const value = typesetNumbers(node.value);
      if (value !== node.value) ctx.setProperty(node, 'value', value);
    },
  };
}
