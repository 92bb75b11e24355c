import { describe, expect, test } from 'vitest';
import { parseYamlWithLines, readYaml, splitFrontmatter } from '../../src/lib/yaml-file.ts';
import { ContentValidationError, formatProblem } from '../../src/lib/content-errors.ts';

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
  const syntaxError = (text: string, offset = 0) => {
    try {
      parseYamlWithLines(text, 'f.yaml', offset);
    } catch (e) {
      expect(e).toBeInstanceOf(ContentValidationError);
      return (e as ContentValidationError).problems.map(formatProblem);
    }
    return expect.unreachable();
  };
  test('a syntax error is one message, at the line to fix, in plain words', () => {
    expect(syntaxError('a: 1\nb: [unclosed\n')).toEqual(['f.yaml:2:4 field "b": found "b: [unclosed"; expected a closing ] on the same line as the opening [']);
    expect(syntaxError('title: x\nsummary: y\n  topics: [a]\norder: 1\n', 1)).toEqual([
      'f.yaml:4:3 field "topics": found "topics: [a]"; expected "topics" at the same indentation as the line above (0 spaces): a field goes under another only when that one has no value of its own',
    ]);
    expect(syntaxError('- id: a\n  term: A\n - id: b\n')).toEqual(['f.yaml:3:2 field "id": found "- id: b"; expected the same indentation as the item it belongs with (line 2 starts at column 3)']);
    expect(syntaxError('a: "open\nb: 1\n')).toEqual(['f.yaml:1:4 field "a": found "a: \\"open"; expected a closing " at the end of the value']);
  });
  test('duplicate keys are an error naming the first, and readYaml keeps the first value', () => {
    expect(() => parseYamlWithLines('a: 1\na: 2\n', 'f.yaml')).toThrow('f.yaml:2:1 field "key": found "a"; expected a key written once here (it is first at line 1)');
    const read = readYaml('a: 1\nb: {c: 1, c: 2}\na: 3\n', 'f.yaml');
    expect(read.data).toEqual({ a: 1, b: { c: 1 } });
    expect(read.duplicates.map(formatProblem)).toEqual([
      'f.yaml:2:11 field "b": found "c"; expected a key written once here (it is first at line 2)',
      'f.yaml:3:1 field "key": found "a"; expected a key written once here (it is first at line 1)',
    ]);
  });
  test('positions name the line and column of a key', () => {
    expect(readYaml(text, 'f.yaml').positionOf(['b', 'c'])).toEqual({ line: 3, column: 3 });
  });
  test('splits frontmatter from the body', () => {
    expect(splitFrontmatter('---\ntitle: x\n---\nbody')).toEqual({ yaml: 'title: x', yamlStartLine: 2, body: 'body' });
    expect(splitFrontmatter('no frontmatter')).toBeUndefined();
  });
});
