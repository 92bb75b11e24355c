/**
 * Renders MDX to an HTML string through Sätteri with the site's Markdown steps, the way the build
 * compiles essays (smart punctuation on, HTML attribute names), for unit tests of the steps.
 * Components are plain functions of their props returning HTML; the References list is drawn as
 * the ReferenceList component draws it in the build.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluate } from 'satteri';
import { explainerMarkdown, type ExplainerMarkdownOptions } from '../../../src/lib/markdown/pipeline.ts';
import { referenceListHtml } from '../../../src/lib/markdown/references.ts';

/** Already-rendered HTML, so children are not escaped twice. */
class Html {
  constructor(readonly value: string) {}
}

const Fragment = Symbol('Fragment');
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function renderChildren(children: unknown): string {
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  if (Array.isArray(children)) return children.map(renderChildren).join('');
  if (children instanceof Html) return children.value;
  return escapeText(String(children));
}

function jsx(type: unknown, rawProps: unknown): Html {
  const props = (rawProps ?? {}) as Record<string, unknown>;
  const { children, ...attributes } = props;
  if (type === Fragment) return new Html(renderChildren(children));
  if (typeof type === 'function') return new Html(String((type as (p: unknown) => unknown)(props)));
  const tag = String(type);
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeAttribute(String(v))}"`))
    .join('');
  return new Html(VOID_ELEMENTS.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${renderChildren(children)}</${tag}>`);
}

export interface RenderOptions {
  /** The file the MDX comes from, as messages should name it. */
  file?: string;
  /** Frontmatter, as Astro passes it (heading aliases are read from it). */
  frontmatter?: Record<string, unknown>;
  components?: Record<string, (props: Record<string, unknown>) => string>;
}

export async function renderMdx(mdx: string, options: ExplainerMarkdownOptions, render: RenderOptions = {}): Promise<string> {
  const file = render.file ?? 'content/essays/test.mdx';
  const module = await evaluate(mdx, {
    ...explainerMarkdown({ displayPath: (f) => path.relative(process.cwd(), f), ...options }),
    Fragment,
    jsx,
    jsxs: jsx,
    elementAttributeNameCase: 'html',
    features: { smartPunctuation: true },
    fileURL: pathToFileURL(path.resolve(file)),
    // The data Astro seeds each compile with.
    data: { astro: { frontmatter: render.frontmatter ?? {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  const Content = module.default as (props: { components?: RenderOptions['components'] }) => Html;
  const ReferenceList = (props: Record<string, unknown>) => referenceListHtml(String(props.cited), options.sources(), options.siteOrigin);
  return Content({ components: { ReferenceList, ...render.components } }).value;
}
