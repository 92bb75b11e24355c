/** Small builders for HTML trees (hast), so plugins read like the markup they make. */
import type { Element, ElementContent, Properties, Text } from 'hast';

export function h(tagName: string, properties: Properties = {}, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((c) => (typeof c === 'string' ? text(c) : c)),
  };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** The text content of an element, as a screen reader would read it. */
export function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

export function hasClass(node: Element, className: string): boolean {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.includes(className) : c === className;
}
