/** YAML parsing that remembers where each value came from, so errors can name the line. */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import { ContentValidationError } from './content-errors.ts';

export interface ParsedYaml {
  data: unknown;
  /** The 1-based line of the value at `path` (or of the nearest ancestor that exists). */
  lineOf(path: PropertyKey[]): number | undefined;
}

export function parseYamlWithLines(text: string, file: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    throw new ContentValidationError(
      doc.errors.map((e) => ({
        file,
        line: (e.linePos?.[0]?.line ?? 0) + lineOffset || undefined,
        expected: `valid YAML (${e.message.split('\n')[0]})`,
      })),
    );
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  return {
    data: doc.toJS(),
    lineOf(path) {
      let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
      let line = node?.range ? lineAt(node.range[0]) : undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
          if (!pair) break;
          const keyNode = pair.key as YamlNode;
          if (keyNode.range) line = lineAt(keyNode.range[0]);
          node = pair.value as YamlNode | null;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key] as YamlNode | null;
          if (node?.range) line = lineAt(node.range[0]);
        } else break;
      }
      return line;
    },
  };
}

/** Splits a Markdown/MDX file into its YAML frontmatter (with the line it starts on) and body. */
export function splitFrontmatter(text: string): { yaml: string; yamlStartLine: number; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, yamlStartLine: 2, body: text.slice(m[0].length) };
}
