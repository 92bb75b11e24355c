/** YAML parsing that remembers where each value came from, so errors can name the line and column. */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode, type YAMLError } from 'yaml';
import { ContentValidationError, type ContentProblem } from './content-errors.ts';

export interface ParsedYaml {
  data: unknown;
  /** The 1-based line of the value at `path` (or of the nearest ancestor that exists). */
  lineOf(path: PropertyKey[]): number | undefined;
  /** Line and column of the key (or list item) at `path`, or of the nearest ancestor that exists. */
  positionOf(path: PropertyKey[]): { line: number; column: number } | undefined;
}

export interface ReadYaml extends ParsedYaml {
  /** A key written twice in one mapping: one problem per repeat, naming the first. Parsing goes on (the first value wins). */
  duplicates: ContentProblem[];
}

type ParseCache = Map<string, { text: string; result: ReadYaml }>;
/**
 * The parses, kept on globalThis: a build loads this module twice in one process, as source (the
 * content check, the Markdown steps) and inside Astro's prerender bundle (the loaders the pages
 * call), and each copy parsed sources.yaml again (about 0.2 s a build).
 */
const PARSED = Symbol.for('explainer:yaml-file:parsed');
const parsed: ParseCache = ((globalThis as Record<symbol, ParseCache | undefined>)[PARSED] ??= new Map());

/**
 * Parses YAML without stopping at a repeated key, so a checker can report the repeat and still
 * check everything else. A syntax error throws one ContentValidationError with one problem: the
 * parser's first error, in plain words, at the line a maintainer has to fix.
 */
export function readYaml(text: string, file: string, lineOffset = 0): ReadYaml {
  // The checker and the loaders both read sources.yaml: parse each text once. Callers only read the result.
  // One entry per file (its latest text), so the essays' frontmatter never pushes sources.yaml out.
  const key = `${file}\n${lineOffset}`;
  const hit = parsed.get(key);
  if (hit && hit.text === text) return hit.result;
  const result = readYamlUncached(text, file, lineOffset);
  parsed.set(key, { text, result });
  return result;
}

function readYamlUncached(text: string, file: string, lineOffset: number): ReadYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length) throw new ContentValidationError([describeYamlError(doc.errors[0]!, text, file, lineOffset)]);
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const duplicates: ContentProblem[] = [];
  const firstWins = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      const seen = new Map<string, { line: number; column: number }>();
      node.items = node.items.filter((pair) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const at = (pair.key as YamlNode | null)?.range ? pos((pair.key as YamlNode).range![0]) : undefined;
        if (key === undefined || !at) return true;
        const first = seen.get(key);
        if (first) {
          duplicates.push({ file, ...at, field: path.length ? path.join('.') : 'key', found: key, expected: `a key written once here (it is first at line ${first.line})` });
          return false;
        }
        seen.set(key, at);
        firstWins(pair.value, [...path, key]);
        return true;
      });
    } else if (isSeq(node)) node.items.forEach((item, i) => firstWins(item, [...path, String(i)]));
  };
  firstWins(doc.contents, []);
  const positionOf = (path: PropertyKey[]) => {
    let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
    let at = node?.range ? pos(node.range[0]) : undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        const keyNode = pair.key as YamlNode;
        if (keyNode.range) at = pos(keyNode.range[0]);
        node = pair.value as YamlNode | null;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key] as YamlNode | null;
        if (node?.range) at = pos(node.range[0]);
      } else break;
    }
    return at;
  };
  return { data: doc.toJS(), duplicates, positionOf, lineOf: (path) => positionOf(path)?.line };
}

/** Like readYaml, but a repeated key is an error too: for loaders that must never guess. */
export function parseYamlWithLines(text: string, file: string, lineOffset = 0): ParsedYaml {
  const parsed = readYaml(text, file, lineOffset);
  if (parsed.duplicates.length) throw new ContentValidationError(parsed.duplicates);
  return parsed;
}

/**
 * One YAML syntax error as a maintainer can act on it. The parser often reports an indentation
 * mistake on the line above the one that is wrong, in its own terms ("compact mappings"); this
 * finds the line to fix and says what is expected there.
 */
export function describeYamlError(error: YAMLError, text: string, file: string, lineOffset = 0): ContentProblem {
  const lines = text.split('\n');
  let line = error.linePos?.[0]?.line ?? 1;
  let column = error.linePos?.[0]?.col ?? 1;
  const textOf = (n: number) => (lines[n - 1] ?? '').replace(/\r$/, '');
  const indentOf = (n: number) => /^ */.exec(textOf(n))![0].length;
  const keyOf = (n: number) => /^\s*(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)/.exec(textOf(n))?.[1];
  let expected: string;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const next = line + 1;
      if (/^\s*(?:-\s+)?[^\s:#][^:]*:\s+\S.*:\s/.test(textOf(line))) {
        expected = 'a value that contains ": " written in double quotes, such as title: "Iran: the talks"';
      } else if (next <= lines.length && indentOf(next) > indentOf(line) && keyOf(next)) {
        line = next;
        column = indentOf(next) + 1;
        expected = `"${keyOf(next)}" at the same indentation as the line above (${indentOf(line - 1)} spaces): a field goes under another only when that one has no value of its own`;
      } else expected = 'each field on a line of its own, written "name: value"';
      break;
    }
    case 'BAD_INDENT':
      if (/Flow (sequence|mapping)/.test(error.message)) {
        const open = /sequence/.test(error.message) ? '[' : '{';
        for (let n = line - 1; n >= 1; n--) if (textOf(n).includes(open)) { line = n; column = textOf(n).indexOf(open) + 1; break; }
        expected = `a closing ${open === '[' ? ']' : '}'} on the same line as the opening ${open}`;
      } else {
        const previous = [...Array(line - 1).keys()].map((i) => line - 1 - i).find((n) => textOf(n).trim() && !textOf(n).trim().startsWith('#'));
        column = indentOf(line) + 1;
        expected = previous
          ? `the same indentation as the item it belongs with (line ${previous + lineOffset} starts at column ${indentOf(previous) + 1})`
          : 'no indentation at the start of the file';
      }
      break;
    case 'TAB_AS_INDENT':
      expected = 'spaces for indentation (YAML does not allow tabs)';
      break;
    case 'MISSING_CHAR': {
      const quote = /closing "quote/.test(error.message) ? '"' : /closing 'quote/.test(error.message) ? "'" : undefined;
      if (quote) {
        for (let n = line; n >= 1; n--) if ((textOf(n).split(quote).length - 1) % 2 === 1) { line = n; column = textOf(n).indexOf(quote) + 1; break; }
        expected = `a closing ${quote} at the end of the value`;
      } else expected = `valid YAML (${plainYamlMessage(error)})`;
      break;
    }
    case 'DUPLICATE_KEY':
      expected = 'each key written once';
      break;
    default:
      expected = `valid YAML (${plainYamlMessage(error)})`;
  }
  const shown = textOf(line).trim();
  const key = keyOf(line);
  return {
    file,
    line: line + lineOffset,
    column,
    ...(key ? { field: key } : {}),
    found: shown.length > 60 ? `${shown.slice(0, 57)}...` : shown,
    expected,
  };
}

function plainYamlMessage(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

/** Splits a Markdown/MDX file into its YAML frontmatter (with the line it starts on) and body. */
export function splitFrontmatter(text: string): { yaml: string; yamlStartLine: number; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, yamlStartLine: 2, body: text.slice(m[0].length) };
}
