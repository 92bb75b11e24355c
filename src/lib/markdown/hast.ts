/** Small builders for HTML trees (hast), so steps read like the markup they make. */
import type { Element, ElementContent, Properties, Text } from 'hast';
import type { Custom } from 'satteri';

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

export function hasClass(node: Element, className: string): boolean {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.includes(className) : c === className;
}

/**
 * The same markup as a node a Markdown-tree (mdast) step can insert: Sätteri turns a node with
 * `data.hName` into that element. Lets Markdown steps reuse the HTML builders above.
 */
export function asMdast(node: Element | Text): Custom {
  if (node.type === 'text') return { type: 'text', value: node.value };
  return {
    type: 'explainerElement',
    data: { hName: node.tagName, hProperties: node.properties },
    children: node.children.filter((c): c is Element | Text => c.type === 'element' || c.type === 'text').map(asMdast),
  };
}

/** hast property names that are not simply the lowercased attribute name. */
const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for', httpEquiv: 'http-equiv', acceptCharset: 'accept-charset' };
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function attributeName(property: string): string {
  if (ATTRIBUTE_NAMES[property]) return ATTRIBUTE_NAMES[property];
  // dataSectionId → data-section-id, ariaLabel → aria-label
  if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Serialises a small tree built with h() to HTML, for components that render lib-built markup. */
export function toHtml(node: Element | ElementContent): string {
  if (node.type === 'text') return escapeText(node.value);
  if (node.type !== 'element') return '';
  let attributes = '';
  for (const [property, value] of Object.entries(node.properties ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    const name = attributeName(property);
    // An empty value is written as a bare attribute, as Astro writes it: data-pagefind-ignore.
    attributes += value === true || value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  if (VOID_ELEMENTS.has(node.tagName)) return `<${node.tagName}${attributes}>`;
  return `<${node.tagName}${attributes}>${node.children.map(toHtml).join('')}</${node.tagName}>`;
}
