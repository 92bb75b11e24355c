import { describe, expect, test } from 'vitest';
import { parseYamlWithLines, splitFrontmatter } from '../../src/lib/yaml-file.ts';
import { ContentValidationError } from '../../src/lib/content-errors.ts';

describe('YAML with line numbers', () => {
  const text = 'a: 1\nb:\n  c: 2\nlist:\n  - x\n  - y\n';
  test('finds the line of nested keys and list items', () => {
    const { lineOf } = parseYamlWithLines(text, 'f.yaml');
    expect(lineOf(['a'])).toBe(1);
    expect(lineOf(['b', 'c'])).toBe(3);
    expect(lineOf(['list', 1])).toBe(6);
  });
  test('an offset shifts lines, for frontmatter inside a file', () => {
    expect(parseYamlWithLines(text, 'f.mdx', 1).lineOf(['b', 'c'])).toBe(4);
  });
  test('a syntax error names the file and line', () => {
    try {
      parseYamlWithLines('a: 1\nb: [unclosed\n', 'f.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentValidationError);
      expect((e as Error).message).toMatch(/f\.yaml:\d+; expected valid YAML/);
    }
  });
  test('duplicate keys are an error, not a silent overwrite', () => {
    expect(() => parseYamlWithLines('a: 1\na: 2\n', 'f.yaml')).toThrow(/f\.yaml:2/);
  });
  test('splits frontmatter from the body', () => {
    expect(splitFrontmatter('---\ntitle: x\n---\nbody')).toEqual({ yaml: 'title: x', yamlStartLine: 2, body: 'body' });
    expect(splitFrontmatter('no frontmatter')).toBeUndefined();
  });
});
