/**
 * Errors a maintainer sees when a content or data file is wrong. Every message names the file,
 * the line (or CSV row), the field, what was found and what was expected, so that a bad edit can
 * be fixed without reading any code.
 */
import type { z } from 'zod';

export interface ContentProblem {
  file: string;
  /** 1-based line in the file (for CSV: the physical line of the row). */
  line?: number | undefined;
  /** 1-based column on that line, where the mistake starts (filled in by the checker when a rule knows only the line). */
  column?: number | undefined;
  /** For CSV files: the 1-based data row (the header is row 0). */
  row?: number | undefined;
  field?: string | undefined;
  found?: unknown;
  expected: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  const row = p.row !== undefined ? ` row ${p.row}` : '';
  const field = p.field ? ` field "${p.field}"` : '';
  const found = 'found' in p ? `: found ${describeValue(p.found)}` : '';
  return `${where}${row}${field}${found}; expected ${p.expected}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || value === '') return 'an empty value';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** Thrown when content does not validate; carries every problem found, not just the first. */
export class ContentValidationError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const lines = problems.map(formatProblem);
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the site's content:\n` +
        lines.map((l) => `  - ${l}`).join('\n'),
    );
    this.name = 'ContentValidationError';
    this.problems = problems;
  }
}

/** Turns a zod issue into the words "expected …" for a maintainer. */
export function expectationOf(issue: z.core.$ZodIssue): string {
  // A message written in a schema says what is expected better than zod's generic wording.
  const custom = /^(Invalid|Too small|Too big|Unrecognized)/.test(issue.message) ? undefined : issue.message;
  if (custom && issue.code !== 'invalid_type') return custom;
  switch (issue.code) {
    case 'invalid_type': {
      const custom = issue.message.startsWith('Invalid input') ? undefined : issue.message;
      return issue.input === undefined ? `${custom ?? `a ${issue.expected}`} (this field is required)` : (custom ?? `a ${issue.expected}`);
    }
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `text of at least ${issue.minimum} character(s)`
        : issue.origin === 'array'
          ? `at least ${issue.minimum} item(s)`
          : `a number of at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `text of at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `at most ${issue.maximum} item(s)`
          : `a number of at most ${issue.maximum}`;
    case 'unrecognized_keys':
      return `only known fields (remove ${issue.keys.map((k) => `"${k}"`).join(', ')})`;
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

/** The field names of an object schema, for "only the known fields …". */
function knownKeys(schema: z.ZodType): string[] | undefined {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : undefined;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * Validates `data` against `schema`; on failure returns one problem per zod issue, each with the
 * line of the offending field when `lineOf` can tell it.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: {
    file: string;
    row?: number;
    lineOf?: (path: PropertyKey[]) => number | undefined;
    /** Line and column of the value at a path, when the caller knows them (YAML does). */
    positionOf?: (path: PropertyKey[]) => { line: number; column: number } | undefined;
  },
): { ok: true; value: z.output<S> } | { ok: false; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.flatMap((issue): ContentProblem[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = path.length === 0 ? knownKeys(schema) : undefined;
      return issue.keys.map((key) => {
        const position = where.positionOf?.([...path, key]);
        return {
          file: where.file,
          line: position?.line ?? where.lineOf?.([...path, key]),
          ...(position ? { column: position.column } : {}),
          ...(where.row !== undefined ? { row: where.row } : {}),
          field: [...path, key].map(String).join('.'),
          found: valueAt(data, [...path, key]),
          expected: known ? `only the known fields ${known.join(', ')} (remove "${key}" or fix its spelling)` : `no "${key}" here (remove it or fix its spelling)`,
        };
      });
    }
    const problem: ContentProblem = {
      file: where.file,
      field: path.length ? path.map(String).join('.') : undefined,
      expected: expectationOf(issue),
    };
    // A rule on a whole object (updated before published) reports the object as its input: show the
    // value of the field it names instead, never the whole frontmatter.
    if (issue.code === 'custom' && path.length) problem.found = valueAt(data, path);
    else problem.found = (issue as { input?: unknown }).input;
    const position = where.positionOf?.(path);
    const line = position?.line ?? where.lineOf?.(path);
    if (line !== undefined) problem.line = line;
    if (position) problem.column = position.column;
    if (where.row !== undefined) problem.row = where.row;
    return [problem];
  });
  return { ok: false, problems };
}
