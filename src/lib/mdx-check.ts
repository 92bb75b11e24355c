/**
 * Checks the body of an essay or page the way the build reads it: parsed by Sätteri (Astro 7's
 * Markdown and MDX processor), so a syntax error is found here with its line and column, and
 * then every component, prop, heading id, citation, glossary link, link and image is checked.
 * Links are only collected here: whether they resolve is decided once every file is read
 * (site-addresses.ts).
 */
import { mdxToMdast } from 'satteri';
import { toString } from 'mdast-util-to-string';
import type { ContentProblem } from './content-errors.ts';
import { validateWith } from './content-errors.ts';
import { LineIndex } from './line-index.ts';
import { scanCitations } from './citations.ts';
import { createSlugger, slugify, ID_PATTERN } from './slug.ts';
import { parseLiteral } from './js-literal.ts';
import { componentNamesFor, componentSpec, type MdxCollection, type MdxDataContext } from './mdx-components.ts';
import { closest } from './suggest.ts';

/** The parser features the site's Markdown pipeline uses (GFM tables and footnotes; no math). */
export const MDX_FEATURES = { gfm: true } as const;

/** `## Heading {/* #pinned-id *\/}`: an id set by hand. */
export const PINNED_ID = /^\s*\/\*\s*#([^\s*]+)\s*\*\/\s*$/;

/** A citation written without its @: `[iaea-gov-2025-25]` prints as text. */
const KEY_WITHOUT_AT = /(?<![\\!\]^])\[([a-z0-9]+(?:[-.][a-z0-9]+)+)\](?![([:])/g;

export interface Place {
  line: number;
  column: number;
}

export interface MdxHeading extends Place {
  id: string;
  text: string;
  depth: number;
  pinned: boolean;
}

export interface MdxLink extends Place {
  url: string;
  /** What kind of reference it is, for messages: "link", "image". */
  field: string;
}

export interface MdxFacts {
  problems: ContentProblem[];
  /** False when the file is not valid MDX (only the syntax error is reported). */
  parsed: boolean;
  headings: MdxHeading[];
  /** Every id the page will have from this file: headings, charts, the reference list, raw ids. */
  ids: Map<string, Place>;
  /** Ids written by hand on an HTML element: anchors, but not permalinks the registry lists. */
  rawIds: Set<string>;
  /** False when a component could not be read (unknown name, bad props): the page's ids are then not all known. */
  idsComplete: boolean;
  /** Site-internal links and images, resolved later against every page's addresses. */
  links: MdxLink[];
  /** Citation keys found anywhere in the body (also when it does not parse), for "cited nowhere". */
  cited: string[];
}

export interface MdxCheckInput {
  /** The path shown in messages. */
  file: string;
  /** The whole file, frontmatter included, so positions are the file's own. */
  text: string;
  collection: MdxCollection;
  /** Known source keys, or undefined when sources.yaml could not be read (citations then go unchecked). */
  sourceKeys: ReadonlySet<string> | undefined;
  /** Retired key → the key of the entry that replaced it (sources.yaml `replaces`). */
  replacedBy?: ReadonlyMap<string, string> | undefined;
  glossaryIds: ReadonlySet<string> | undefined;
  data: MdxDataContext;
}

interface Point {
  line: number;
  column: number;
  offset: number;
}
interface Node {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  depth?: number;
  children?: Node[];
  attributes?: { type: string; name?: string; value?: string | null | { type: string; value: string } }[];
  position?: { start: Point; end: Point };
}

/** Tags that would run code, load another site or post a form: never in content. */
const FORBIDDEN_TAGS: Record<string, string> = {
  script: 'no <script> in content: the site\'s Content-Security-Policy blocks inline scripts, and browser code lives in src/scripts/',
  style: 'no <style> in content: the look lives in src/styles/global.css',
  iframe: 'no embedded page from another site: link to it instead',
  object: 'no embedded object: link to the file instead',
  embed: 'no embedded object: link to the file instead',
  link: 'no <link> in content',
  meta: 'no <meta> in content',
  base: 'no <base> in content',
  form: 'no form in content',
  input: 'no form fields in content',
  button: 'no buttons in content (the site adds its own controls)',
  textarea: 'no form fields in content',
  select: 'no form fields in content',
};

export function checkMdx(input: MdxCheckInput): MdxFacts {
  const { file, text } = input;
  const index = new LineIndex(text);
  const facts: MdxFacts = { problems: [], parsed: false, headings: [], ids: new Map(), rawIds: new Set(), idsComplete: true, links: [], cited: [] };
  for (const m of scanCitations(text)) facts.cited.push(...m.keys);

  let tree: Node;
  try {
    tree = mdxToMdast(text, { features: MDX_FEATURES }) as unknown as Node;
  } catch (e) {
    facts.problems.push(describeMdxSyntaxError((e as Error).message, file, index));
    return facts;
  }
  facts.parsed = true;

  const problems = facts.problems;
  const at = (node: Node): Place => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const raw = (node: Node) => (node.position ? text.slice(node.position.start.offset, node.position.end.offset) : '');
  const placeOf = (offset: number): Place => index.position(offset);
  const addId = (id: string, place: Place, what: string) => {
    const first = facts.ids.get(id);
    if (first) problems.push({ file, ...place, field: 'id', found: id, expected: `an id not already used on this page (line ${first.line} has it): ${what}` });
    else facts.ids.set(id, place);
  };
  const components = componentNamesFor(input.collection);

  const slugger = createSlugger();
  const headingText = new Map<string, Place>();
  let citations = 0;

  const visit = (node: Node, parent: Node | undefined) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ file, ...at(node), field: 'import/export', found: raw(node).split('\n')[0], expected: 'no code in content: the site provides the components, so no import or export lines' });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = (node.value ?? '').replace(/\/\*[\s\S]*?\*\//g, '').trim();
        if (code) {
          problems.push({ file, ...at(node), field: 'expression', found: `{${shorten(node.value ?? '')}}`, expected: 'no code in content: only comments, {/* like this */}, go in braces (write \\{ for a brace in prose)' });
        }
        return;
      }
      case 'heading':
        heading(node);
        break;
      case 'text':
        textNode(node, parent);
        return;
      case 'link':
        link(node, node.url ?? '', 'link');
        break;
      case 'image':
        image(node, node.url ?? '');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (!jsxElement(node)) return;
        break;
    }
    for (const child of node.children ?? []) visit(child, node);
  };

  function heading(node: Node) {
    const children = [...(node.children ?? [])];
    const last = children.at(-1);
    let id: string | undefined;
    let pinned = false;
    if (last?.type === 'mdxTextExpression') {
      const m = PINNED_ID.exec(last.value ?? '');
      if (m) {
        id = m[1]!;
        pinned = true;
        children.pop();
        if (!ID_PATTERN.test(id)) {
          problems.push({ file, ...at(last), field: 'heading id', found: id, expected: 'an id of lowercase letters, digits and single hyphens, such as {/* #breakout-time */}' });
        }
      }
    }
    const textOfHeading = toString({ type: 'heading', children } as never).trim();
    if (node.depth === 1) {
      problems.push({ file, ...at(node), field: 'heading', found: `# ${textOfHeading}`, expected: 'a section heading written ## (or ### below it): the title is the page\'s only # heading' });
    }
    if (!pinned && slugify(textOfHeading) === 'references') {
      problems.push({ file, ...at(node), field: 'heading', found: textOfHeading, expected: 'a heading other than "References": the list of sources is added at the end automatically' });
      return;
    }
    if (!pinned) {
      const base = slugify(textOfHeading);
      const twin = headingText.get(base);
      if (twin) {
        problems.push({ file, ...at(node), field: 'heading', found: textOfHeading, expected: `a heading text not already used on this page (line ${twin.line}): its id would be "${slugger.slug(textOfHeading)}", which changes whenever a heading above moves; reword it or pin an id, {/* #a-lasting-id */}` });
        return;
      }
      headingText.set(base, at(node));
      id = slugger.slug(textOfHeading);
    }
    const place = at(node);
    const first = facts.ids.get(id!);
    if (first) {
      problems.push({ file, ...place, field: 'heading id', found: id, expected: `an id not used by another heading (line ${first.line})` });
      return;
    }
    facts.ids.set(id!, place);
    facts.headings.push({ id: id!, text: textOfHeading, depth: node.depth ?? 2, pinned, ...place });
  }

  function textNode(node: Node, parent: Node | undefined) {
    if (!node.position) return;
    const source = raw(node);
    const base = node.position.start.offset;
    if (parent?.type === 'link' || parent?.type === 'linkReference') return;
    for (const m of scanCitations(source)) {
      citations++;
      const place = placeOf(base + m.start);
      if (m.malformed !== undefined) {
        problems.push({ file, ...place, field: 'citation', found: m.raw, expected: 'citations written [@source-key] or [@key-one; @key-two]' });
        continue;
      }
      if (!input.sourceKeys) continue;
      for (const key of m.keys) {
        if (input.sourceKeys.has(key)) continue;
        const successor = input.replacedBy?.get(key);
        problems.push({
          file,
          ...placeOf(base + m.start + m.raw.indexOf(key)),
          field: 'citation',
          found: key,
          expected: successor ? `a current source key: "${key}" was merged into "${successor}", so cite [@${successor}]` : `a source key defined in content/sources.yaml${suggestion(key, input.sourceKeys)}`,
        });
      }
    }
    for (const m of source.matchAll(KEY_WITHOUT_AT)) {
      problems.push({ file, ...placeOf(base + m.index), field: 'citation', found: m[0], expected: `a citation written with @, [@${m[1]}] (without it the brackets print as text)` });
    }
  }

  function link(node: Node, url: string, field: string) {
    const place = at(node);
    if (url.startsWith('glossary:')) {
      const id = url.slice('glossary:'.length);
      if (node.type !== 'link') {
        problems.push({ file, ...place, field, found: url, expected: `a glossary link written in Markdown, [term](glossary:${id})` });
      } else if (input.glossaryIds && !input.glossaryIds.has(id)) {
        problems.push({ file, ...place, field: 'glossary link', found: id, expected: `a term id defined in content/glossary.yaml${suggestion(id, input.glossaryIds)}` });
      }
      return;
    }
    if (/^(https?:\/\/|mailto:)/.test(url)) return;
    if (url.startsWith('/') || url.startsWith('#')) {
      facts.links.push({ url, field, ...place });
      return;
    }
    problems.push({ file, ...place, field, found: url, expected: 'an address on this site starting with / (such as /essays/leverage/), or a full address starting with https://' });
  }

  function image(node: Node, url: string) {
    const place = at(node);
    if (/^(https?:)?\/\//.test(url)) {
      problems.push({ file, ...place, field: 'image', found: url, expected: 'an image served by this site (save it under public/images/ and write /images/name.png): the site\'s Content-Security-Policy blocks images from other hosts' });
    } else if (url.startsWith('/')) facts.links.push({ url, field: 'image', ...place });
    else problems.push({ file, ...place, field: 'image', found: url, expected: 'an image address starting with /, such as /images/name.png (a file under public/)' });
  }

  /** Returns false when its children should not be visited (a refused element). */
  function jsxElement(node: Node): boolean {
    const name = node.name ?? '';
    const place = at(node);
    if (!name) {
      problems.push({ file, ...place, field: 'tag', found: '<>', expected: 'a named component or HTML tag (fragments <>…</> are not needed in content)' });
      return true;
    }
    if (/^[a-z]/.test(name) && !name.includes('.')) return htmlElement(node, name, place);
    const spec = componentSpec(name);
    if (!spec || !components.includes(name as never)) {
      const elsewhere = spec ? ` (${name} is for ${spec.in.join(' and ')} only)` : '';
      const guess = closest(name, components);
      facts.idsComplete = false;
      problems.push({
        file,
        ...place,
        field: 'component',
        found: name,
        expected: `${guess ? `${guess} (the closest name)` : 'a component this page provides'}; the components available here are ${components.join(', ')}${elsewhere}`,
      });
      return false;
    }
    if (spec.placement === 'block' && node.type === 'mdxJsxTextElement') {
      problems.push({ file, ...place, field: 'component', found: `<${name}>`, expected: `<${name}> on a line of its own, with a blank line before and after it` });
    }
    const hasChildren = (node.children ?? []).some((c) => c.type !== 'text' || (c.value ?? '').trim());
    if (spec.children === 'required' && !hasChildren) {
      problems.push({ file, ...place, field: 'component', found: `<${name} />`, expected: `content inside: ${spec.usage}` });
    } else if (spec.children === 'none' && hasChildren) {
      problems.push({ file, ...place, field: 'component', found: `<${name}>…</${name}>`, expected: `<${name} /> with nothing inside it` });
    }
    const props: Record<string, unknown> = {};
    const elementSource = raw(node);
    const propPlace = (prop: string): Place => {
      const m = new RegExp(`\\s${prop.replace(/[$]/g, '\\$')}(?=[\\s=/>])`).exec(elementSource);
      return m && node.position ? placeOf(node.position.start.offset + m.index + 1) : place;
    };
    for (const attr of node.attributes ?? []) {
      if (attr.type === 'mdxJsxExpressionAttribute') {
        problems.push({ file, ...place, field: `${name} props`, found: `{${shorten(String(attr.value ?? ''))}}`, expected: 'each prop written name="value" or name={value}' });
        continue;
      }
      const prop = attr.name ?? '';
      const value = attr.value;
      if (value === null || value === undefined) props[prop] = true;
      else if (typeof value === 'string') props[prop] = value;
      else {
        const literal = parseLiteral(value.value);
        if (literal.ok) props[prop] = literal.value;
        else {
          problems.push({ file, ...propPlace(prop), field: `${name}.${prop}`, found: `{${shorten(value.value)}}`, expected: `a plain value, such as ${spec.usage.replace(/ \(.*\)$/, '')} (content holds no code)` });
          props[prop] = undefined;
        }
      }
    }
    const result = validateWith(spec.props, props, { file });
    if (!result.ok) {
      if (spec.anchor) facts.idsComplete = false;
      for (const p of result.problems) {
        const prop = p.field?.split('.')[0];
        if (p.expected.startsWith('only known fields')) {
          const known = Object.keys((spec.props as unknown as { shape: Record<string, unknown> }).shape);
          for (const [, unknown] of p.expected.matchAll(/"([^"]+)"/g)) {
            const guess = closest(unknown!, known);
            const list = known.length ? `the props of ${name} are ${known.join(', ')}` : `${name} takes no props`;
            problems.push({ file, ...propPlace(unknown!), field: `${name} props`, found: unknown, expected: `${guess ? `${guess} (the closest name); ` : ''}${list}` });
          }
        } else {
          problems.push({ file, ...(prop ? propPlace(prop) : place), field: `${name}.${prop ?? ''}`.replace(/\.$/, ''), found: p.found, expected: p.expected });
        }
      }
    } else {
      const dataProblems = spec.checkData?.(result.value, input.data) ?? [];
      for (const p of dataProblems) {
        problems.push({ file, ...propPlace(p.prop), field: `${name}.${p.prop}`, found: p.found, expected: p.expected });
      }
      // Props being fixed may change the chart's id: its address is checked once they are right.
      if (dataProblems.length && spec.anchor) facts.idsComplete = false;
      const anchor = spec.anchor?.(result.value);
      if (anchor) addId(anchor, place, `give one of the two an id="…" of its own`);
    }
    return true;
  }

  function htmlElement(node: Node, name: string, place: Place): boolean {
    const forbidden = FORBIDDEN_TAGS[name];
    if (forbidden) {
      problems.push({ file, ...place, field: 'tag', found: `<${name}>`, expected: forbidden });
      return false;
    }
    for (const attr of node.attributes ?? []) {
      if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
      const value = typeof attr.value === 'string' ? attr.value : undefined;
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) {
        problems.push({ file, ...place, field: `${name}.${attr.name}`, found: attr.name, expected: 'no event handlers in content: the Content-Security-Policy blocks them' });
      } else if (attrName === 'style') {
        problems.push({ file, ...place, field: `${name}.style`, found: value ?? 'a style', expected: 'no inline styles (the Content-Security-Policy blocks them): the look lives in src/styles/global.css' });
      } else if ((attrName === 'src' || attrName === 'srcset' || attrName === 'poster') && value !== undefined) {
        image(node, value.trim().split(/\s+/)[0] ?? '');
      } else if (attrName === 'href' && value !== undefined) {
        link(node, value, 'link');
      } else if (attrName === 'id' && value !== undefined) {
        addId(value, place, 'change one of them');
        facts.rawIds.add(value);
      }
    }
    return true;
  }

  for (const child of tree.children ?? []) visit(child, tree);
  if (citations > 0) {
    const clash = facts.ids.get('references');
    if (clash) problems.push({ file, ...clash, field: 'id', found: 'references', expected: 'an id other than "references": the list of sources takes it' });
    else facts.ids.set('references', { line: index.lineCount, column: 1 });
  }
  return facts;
}

function shorten(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function suggestion(value: string, known: ReadonlySet<string>): string {
  const guess = closest(value, [...known]);
  return guess ? ` (did you mean "${guess}"?)` : '';
}

/**
 * Sätteri's syntax errors ("Unexpected character after `<`, expected a valid JSX tag") in the
 * words a maintainer needs: what is on that line and what to write instead.
 */
export function describeMdxSyntaxError(message: string, file: string, index: LineIndex): ContentProblem {
  const m = /^(\d+):(\d+): ([\s\S]*?)(?: \((?:mdx|micromark)[^)]*\))?$/.exec(message.trim());
  const line = m ? Number(m[1]) : 1;
  const column = m ? Number(m[2]) : 1;
  const reason = m ? m[3]! : message;
  const lineText = index.lineText(line);
  const rest = lineText.slice(column - 1);
  const problem = (found: string, expected: string, where: Place = { line, column }): ContentProblem => ({ file, ...where, field: 'MDX', found, expected });

  let r: RegExpExecArray | null;
  if ((r = /^Expected a closing tag for `<([^>]*)>` \((\d+):(\d+)\)( before the end of `(\w+)`)?/.exec(reason))) {
    const tag = r[1]!;
    const name = tag.split(/\s/)[0]!;
    const opened = { line: Number(r[2]), column: Number(r[3]) };
    if (['br', 'hr', 'img', 'wbr'].includes(name)) return problem(`<${tag}>`, `<${name} /> (MDX needs the slash on tags that have no closing tag)`, opened);
    if (r[4]) return problem(`<${tag}>`, `a closing </${name}> in the same paragraph`, opened);
    return problem(`<${tag}>`, `a closing </${name}> on a line of its own after the content inside it (or <${name} /> when it has none)`, opened);
  }
  if ((r = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>` \((\d+):(\d+)\)/.exec(reason))) {
    return problem(`</${r[1]}>`, `</${r[2]!.split(/\s/)[0]}>, to close the <${r[2]}> opened on line ${r[3]}`);
  }
  if ((r = /^Unexpected closing tag `<\/([^>]*)>`, expected an open tag first/.exec(reason))) {
    return problem(`</${r[1]}>`, `an opening <${r[1]}> before it, or no closing tag`);
  }
  if (/^Unexpected character after `<`/.test(reason) || /^Unexpected character .* before name/.test(reason)) {
    const after = rest.slice(1);
    if (rest.startsWith('<!--')) return problem('<!--', 'an MDX comment, {/* like this */} (HTML comments do not work in MDX)');
    if (/^<(https?:|mailto:|[^\s>]+@)/.test(rest)) return problem(shorten(/^<[^>\s]*>?/.exec(rest)![0]), 'a Markdown link, [the text](https://…) (MDX reads <…> as a tag)');
    const tag = /^<([A-Za-z][\w.]*)/.exec(rest);
    if (tag) {
      const unquoted = /\s([\w-]+)=([^\s"'{>][^\s>]*)/.exec(rest);
      if (unquoted) {
        return problem(`${unquoted[1]}=${unquoted[2]}`, `the value in quotes or braces: ${unquoted[1]}="${unquoted[2]}" (or ${unquoted[1]}={${unquoted[2]}} for a number)`, {
          line,
          column: column + unquoted.index + 1,
        });
      }
      return problem(shorten(rest, 30), `a complete tag, <${tag[1]} … /> or <${tag[1]}>…</${tag[1]}>`);
    }
    return problem(shorten(`<${after}`, 12), 'words instead of a bare "<" ("less than 5 kg"), or \\< (MDX reads "<" as the start of a tag)');
  }
  if (/^Unexpected end of file in expression, expected a corresponding closing brace for `\{`/.test(reason)) {
    return problem(shorten(rest, 20), 'a brace only around a comment, {/* like this */}; for a brace in prose write \\{ (MDX reads "{" as the start of code)');
  }
  if (/^Could not parse expression/.test(reason)) {
    return problem(shorten(rest, 20), 'no code in braces: only comments, {/* like this */}; for a brace in prose write \\{');
  }
  return problem(shorten(rest || lineText, 30), `valid MDX (the parser says: ${reason.replace(/ \(note: .*\)$/, '')})`);
}
