/**
 * Each page keeps only the screen styles it can use. Astro inlines the whole site stylesheet
 * (src/styles/global.css, about 43 KB) into every page, and every essay imports every MDX
 * component, so splitting the file by component would still give an essay the timeline's and the
 * sources page's rules. After the build, each page's inlined stylesheet loses the rules whose
 * selectors name a class or id that neither the page's HTML nor any script the page can run
 * (its module scripts, what they import, what they load later, its inline scripts) ever mentions.
 *
 * Nothing is reordered, so the cascade is the one global.css wrote. A rule stays when in doubt:
 * classes and ids inside :not(), :is(), :where() and :has() are not required, element and
 * attribute selectors always may match, and a word in a script that ends in "-" ("cat-" in
 * `cat-${category}`) keeps every class that starts with it.
 *
 * On the site's pages this cuts the inlined CSS by half or more (1 of 3 round trips of a slow
 * phone connection on the essays; BENCHMARKS.md has the figures).
 */
import { createHash } from 'node:crypto';
import postcss, { type ChildNode, type Root } from 'postcss';

/** The class and id names a page can show: from its HTML's attributes and its scripts' words. */
export interface PageNames {
  classes: Set<string>;
  ids: Set<string>;
  /** Words in the page's scripts: a class or id named here may be added while the page runs. */
  scriptWords: Set<string>;
}

type Piece =
  | { kind: 'always'; text: string }
  | { kind: 'rule'; text: string; selectors: Requirement[] }
  | { kind: 'group'; open: string; close: string; children: Piece[] };

/** What one selector needs on the page to match anything: all of these classes and ids. */
interface Requirement {
  classes: string[];
  ids: string[];
}

const FUNCTIONAL_PSEUDO = /:(?:not|is|where|has|matches|-webkit-any|nth-child|nth-last-child)\(/g;

/** The selector with the insides of its functional pseudo-classes (and attribute selectors and strings) removed. */
function requiredPart(selector: string): string {
  let out = '';
  let i = 0;
  while (i < selector.length) {
    const ch = selector[i]!;
    if (ch === '"' || ch === "'") {
      const end = selector.indexOf(ch, i + 1);
      i = end < 0 ? selector.length : end + 1;
      continue;
    }
    if (ch === '[') {
      const end = selector.indexOf(']', i);
      i = end < 0 ? selector.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      out += selector.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === ':') {
      FUNCTIONAL_PSEUDO.lastIndex = i;
      const m = FUNCTIONAL_PSEUDO.exec(selector);
      if (m && m.index === i) {
        let depth = 1;
        let j = i + m[0].length;
        while (j < selector.length && depth) {
          if (selector[j] === '(') depth++;
          else if (selector[j] === ')') depth--;
          j++;
        }
        i = j;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

export function selectorRequirement(selector: string): Requirement {
  const part = requiredPart(selector);
  return {
    classes: [...part.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!),
    ids: [...part.matchAll(/#(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!),
  };
}

function pieceOf(node: ChildNode): Piece | undefined {
  if (node.type === 'comment') return undefined;
  if (node.type === 'rule') return { kind: 'rule', text: node.toString(), selectors: node.selectors.map(selectorRequirement) };
  if (node.type === 'atrule' && node.nodes && (node.name === 'media' || node.name === 'supports' || node.name === 'layer' || node.name === 'container')) {
    return {
      kind: 'group',
      open: `@${node.name}${node.raws.afterName ?? ' '}${node.params}${node.raws.between ?? ''}{`,
      close: '}',
      children: node.nodes.map(pieceOf).filter((p): p is Piece => !!p),
    };
  }
  // @keyframes, @font-face, @property and the like: kept whole.
  return { kind: 'always', text: node.toString() };
}

/** A stylesheet read once, ready to be cut down for each page. */
export interface ParsedStyles {
  pieces: Piece[];
}

export function parseStyles(css: string): ParsedStyles {
  const root: Root = postcss.parse(css);
  return { pieces: root.nodes.map(pieceOf).filter((p): p is Piece => !!p) };
}

function present(name: string, names: Set<string>, words: Set<string>, prefixes: string[]): boolean {
  return names.has(name) || words.has(name) || prefixes.some((p) => name.startsWith(p));
}

/** The stylesheet with only the rules that can match something on the page, in their order. */
const prefixesOf = new WeakMap<Set<string>, string[]>();

export function stylesFor(parsed: ParsedStyles, names: PageNames): string {
  let prefixes = prefixesOf.get(names.scriptWords);
  if (!prefixes) prefixesOf.set(names.scriptWords, (prefixes = [...names.scriptWords].filter((w) => w.endsWith('-') && w.length > 2)));
  const keep = (r: Requirement) =>
    r.classes.every((c) => present(c, names.classes, names.scriptWords, prefixes!)) &&
    r.ids.every((id) => present(id, names.ids, names.scriptWords, prefixes!));
  const emit = (pieces: Piece[]): string => {
    let out = '';
    for (const p of pieces) {
      if (p.kind === 'always') out += p.text;
      else if (p.kind === 'rule') {
        if (p.selectors.some(keep)) out += p.text;
      } else {
        const inner = emit(p.children);
        if (inner) out += p.open + inner + p.close;
      }
    }
    return out;
  };
  return emit(parsed.pieces);
}

/** Words a script may use as a class or id: every identifier-like word in its text. */
export function scriptWords(js: string): string[] {
  return js.match(/[_a-zA-Z][\w-]*/g) ?? [];
}

/** The class and id names written in a page's HTML attributes, and the words of its inline scripts. */
export function htmlNames(html: string): PageNames {
  const classes = new Set<string>();
  const ids = new Set<string>();
  const words = new Set<string>();
  for (const m of html.matchAll(/\s(class|id)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (m[1] === 'id') ids.add(value);
    else for (const c of value.split(/\s+/)) if (c) classes.add(c);
  }
  for (const script of scriptsOf(html)) if (!script.src) for (const w of scriptWords(script.text)) words.add(w);
  return { classes, ids, scriptWords: words };
}

/** The page's script elements: the address of each external one (src, or data-src for one the loader starts), the text of each inline one. */
export function scriptsOf(html: string): { src?: string; text: string }[] {
  const found: { src?: string; text: string }[] = [];
  for (let at = html.indexOf('<script'); at >= 0; at = html.indexOf('<script', at + 1)) {
    const tagEnd = html.indexOf('>', at);
    const close = html.indexOf('</script>', tagEnd);
    if (tagEnd < 0 || close < 0) break;
    const src = / (?:data-)?src="([^"]+)"/.exec(html.slice(at, tagEnd))?.[1];
    found.push(src ? { src, text: '' } : { text: html.slice(tagEnd + 1, close) });
    at = close;
  }
  return found;
}

/** The addresses a bundled script imports, statically or when it runs (`import("./x.js")`), as written. */
export function scriptImports(js: string): string[] {
  const found = new Set<string>();
  for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g)) found.add(m[1]!);
  return [...found];
}

const cspHash = (css: string) => `sha256-${createHash('sha256').update(css).digest('base64')}`;

/** Reads a script the page loads, by its address on the site ("/_astro/x.js"); undefined when there is none. */
export type ScriptReader = (address: string) => string | undefined;

/** What the build keeps between pages: stylesheets read, scripts' words, and the words of each set of scripts. */
export interface StylesCache {
  parsed: Map<string, ParsedStyles & { hash: string }>;
  scripts: Map<string, { words: string[]; imports: string[] } | null>;
  wordSets: Map<string, Set<string>>;
}

export function stylesCache(): StylesCache {
  return { parsed: new Map(), scripts: new Map(), wordSets: new Map() };
}

/** Every word of the scripts at these addresses and of all they import, at once or later. */
function wordsOfScripts(entries: string[], inlineWords: Set<string>, readScript: ScriptReader, cache: StylesCache): Set<string> {
  const key = `${entries.join(' ')}\n${[...inlineWords].join(' ')}`;
  let words = cache.wordSets.get(key);
  if (words) return words;
  words = new Set(inlineWords);
  const queue = [...entries];
  const seen = new Set<string>();
  while (queue.length) {
    const address = queue.pop()!;
    if (seen.has(address)) continue;
    seen.add(address);
    let script = cache.scripts.get(address);
    if (script === undefined) {
      const js = readScript(address);
      // A script that is not in the build yet (Pagefind's, written after it) adds no words of its own.
      script = js === undefined ? null : { words: [...new Set(scriptWords(js))], imports: scriptImports(js).map((i) => new URL(i, `https://site.invalid${address}`).pathname) };
      cache.scripts.set(address, script);
    }
    if (!script) continue;
    for (const w of script.words) words.add(w);
    queue.push(...script.imports);
  }
  cache.wordSets.set(key, words);
  return words;
}

/**
 * The page with each inlined stylesheet cut to what the page can use, and its Content Security
 * Policy given the new styles' hashes in place of the old ones.
 */
export function withPageStyles(html: string, readScript: ScriptReader, cache: StylesCache = stylesCache()): string {
  if (!html.includes('<style')) return html;
  const names = htmlNames(html);
  const entries = scriptsOf(html).flatMap((s) => (s.src?.endsWith('.js') ? [s.src] : []));
  names.scriptWords = wordsOfScripts(entries, names.scriptWords, readScript, cache);
  // Found with indexOf, and the page rebuilt once from its pieces: regular expressions over a
  // 500 KB page cost milliseconds a page.
  const edits: { start: number; end: number; text: string }[] = [];
  const replacedHashes = new Map<string, string>();
  for (let at = html.indexOf('<style'); at >= 0; at = html.indexOf('<style', at + 1)) {
    const open = html.indexOf('>', at) + 1;
    const close = html.indexOf('</style>', open);
    if (open <= 0 || close < 0) break;
    const css = html.slice(open, close);
    let styles = cache.parsed.get(css);
    if (!styles) cache.parsed.set(css, (styles = { ...parseStyles(css), hash: cspHash(css) }));
    const kept = stylesFor(styles, names);
    replacedHashes.set(styles.hash, cspHash(kept));
    edits.push({ start: open, end: close, text: kept });
    at = close;
  }
  const policyMark = 'http-equiv="content-security-policy" content="';
  const policyAt = html.indexOf(policyMark);
  if (policyAt >= 0) {
    const start = policyAt + policyMark.length;
    const end = html.indexOf('"', start);
    let policy = html.slice(start, end);
    for (const [before, after] of replacedHashes) {
      if (!policy.includes(`'${before}'`)) throw new Error(`page-styles: the page's Content-Security-Policy does not list its stylesheet's hash ${before}, so the trimmed stylesheet's hash cannot take its place`);
      policy = policy.replace(`'${before}'`, `'${after}'`);
    }
    edits.push({ start, end, text: policy });
  }
  edits.sort((x, y) => x.start - y.start);
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += html.slice(from, e.start) + e.text;
    from = e.end;
  }
  return out + html.slice(from);
}
