/**
 * Heading ids and the tools beside each section heading.
 *
 * headingIds (Markdown tree): every heading gets an id: the one the author pins,
 * `## Who mediates? {/* #mediators *\/}`, or else the slug of its text (`#who-mediates`). A
 * malformed or repeated id is a problem naming the line.
 *
 * sectionHeadings (HTML tree): every h2/h3 gets one quiet "#" control after its text: a link to the
 * section, which scripts turn into a menu with "Copy link" and "Cite this section". Old
 * ids kept by `aliases:` in the frontmatter become empty anchors just before the heading they
 * now name; an alias to a heading that does not exist is a problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Element, ElementContent } from 'hast';
import type { Heading, PhrasingContent, Text } from 'mdast';
import { createSlugger, ID_PATTERN } from '../slug.ts';
import { h, hasClass } from './hast.ts';
import type { HastStep, MdastStep, StepContext } from './context.ts';

/** `{/* #my-id *\/}`, the MDX comment that pins a heading's id. */
const PINNED_ID = /^\s*\/\*\s*#([^\s*]+)\s*\*\/\s*$/;

/** The pinned id at the end of a heading, the comment holding it and the text just before it. */
function pinnedId(heading: Readonly<Heading>): { id: string; comment: PhrasingContent; before: Text | undefined } | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'mdxTextExpression') return undefined;
  const m = PINNED_ID.exec(last.value);
  if (!m) return undefined;
  const before = heading.children.at(-2);
  return { id: m[1]!, comment: last, before: before?.type === 'text' ? before : undefined };
}

export function headingIds({ doc }: StepContext): MdastStep {
  const slugger = createSlugger();
  const lineOfId = new Map<string, number | undefined>();
  return {
    name: 'explainer:heading-ids',
    options: { position: true },
    heading(node, ctx) {
      const line = node.position?.start.line;
      const pinned = pinnedId(node);
      let id: string;
      if (pinned) {
        id = pinned.id;
        ctx.removeNode(pinned.comment);
        if (pinned.before) ctx.setProperty(pinned.before, 'value', pinned.before.value.replace(/\s+$/, ''));
        if (!ID_PATTERN.test(id)) {
          doc.problems.push({ file: doc.file, line, field: 'heading id', found: id, expected: 'an id of lowercase letters, digits and single hyphens' });
        }
      } else {
        id = slugger.slug(ctx.textContent(node));
      }
      if (lineOfId.has(id)) {
        doc.problems.push({ file: doc.file, line, field: 'heading id', found: id, expected: `an id not used by another heading (line ${lineOfId.get(id)})` });
      }
      lineOfId.set(id, line);
      const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
      ctx.setProperty(node, 'data', { ...data, hProperties: { ...data.hProperties, id } });
    },
  };
}

/**
 * The one quiet control after a heading: a "#" link to the section. Without JavaScript it is just
 * that link; src/scripts/section-links.ts turns it into the button of a small menu (Copy link,
 * Cite this section). It carries no text of the heading, so the heading's own text, its name for
 * screen readers and search stay the heading's. It follows the heading with no space between
 * them, and both are set inline (global.css), so it never wraps onto a line of its own.
 */
export function sectionTools(id: string, headingText: string): Element {
  return h('span', { className: ['section-tools'], dataPagefindIgnore: '' }, [
    h('a', { className: ['section-link'], href: `#${id}`, dataSection: id, dataTitle: headingText, ariaLabel: `Section link: ${headingText}` }, [
      h('span', { ariaHidden: 'true' }, ['#']),
    ]),
  ]);
}

/** A section heading with its control, and before it an empty anchor for each old id of the section. */
export function sectionHeading(heading: Readonly<Element>, id: string, headingText: string, oldIds: readonly string[]): ElementContent[] {
  const anchors = oldIds.map((old) => h('span', { id: old, className: ['alias-anchor'], dataAliasFor: id }));
  const focusable: Element = { ...heading, properties: { ...heading.properties, tabIndex: -1 } };
  return [...anchors, h('div', { className: ['heading-wrap', `heading-wrap-${heading.tagName}`] }, [focusable, sectionTools(id, headingText)])];
}

/**
 * The line of a nested key in the YAML frontmatter at the top of `source` (`['aliases', 'old-id']`
 * finds `  old-id: …` under `aliases:`), or undefined when it is not written there plainly.
 */
export function frontmatterLine(source: string, keys: readonly string[]): number | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  let depth = 0;
  for (let i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
    const m = /^(\s*)["']?([^"':]+)["']?\s*:/.exec(lines[i]!);
    if (!m || m[2]!.trim() !== keys[depth]) continue;
    if (depth === keys.length - 1) return i + 1;
    depth++;
  }
  return undefined;
}

/** `aliases:` from the frontmatter: old id → the id of the heading it now lands on. */
function aliasesOf(frontmatter: Record<string, unknown>): [string, string][] {
  const aliases = frontmatter.aliases;
  if (!aliases || typeof aliases !== 'object') return [];
  return Object.entries(aliases as Record<string, unknown>).map(([from, to]) => [from, String(to)]);
}

export function sectionHeadings({ doc }: StepContext): HastStep {
  const aliases = aliasesOf(doc.frontmatter);
  const sectionIds = new Set<string>();
  return {
    name: 'explainer:section-headings',
    element: {
      filter: ['h2', 'h3'],
      visit(node, ctx) {
        const id = node.properties.id;
        if (typeof id !== 'string' || hasClass(node, 'sr-only')) return;
        sectionIds.add(id);
        const oldIds = aliases.filter(([, to]) => to === id).map(([from]) => from);
        ctx.replaceNode(node, sectionHeading(node, id, ctx.textContent(node), oldIds));
      },
    },
    after(_root, ctx) {
      for (const [from, to] of aliases) {
        if (sectionIds.has(to)) continue;
        // Astro blanks the frontmatter out of the source it compiles, so read the file for the line.
        const source = doc.path && existsSync(doc.path) ? readFileSync(doc.path, 'utf8') : ctx.source;
        const line = frontmatterLine(source, ['aliases', from]);
        doc.problems.push({ file: doc.file, line, field: `aliases.${from}`, found: to, expected: 'the id of a heading in this essay (the alias keeps an old link landing on it)' });
      }
    },
  };
}
