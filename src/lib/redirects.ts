/** content/redirects.yaml: old addresses of moved pages and where they now live. */
import { z } from 'zod';
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { parseYamlWithLines } from './yaml-file.ts';

const sitePath = z.string().regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, { message: 'a site path such as /essays/some-slug/ (optionally ending in #section-id)' });
const redirects = z.array(z.object({ from: sitePath, to: sitePath }).strict());
export type Redirect = z.output<typeof redirects>[number];

export function parseRedirects(text: string, file: string): Redirect[] {
  const { data, lineOf } = parseYamlWithLines(text, file);
  const result = validateWith(redirects, data ?? [], { file, lineOf });
  if (!result.ok) throw new ContentValidationError(result.problems);
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  result.value.forEach((r, i) => {
    if (r.from.includes('#')) problems.push({ file, line: lineOf([i, 'from']), field: 'from', found: r.from, expected: 'a page address without #anchor (sections are renamed with aliases in the essay)' });
    if (seen.has(r.from)) problems.push({ file, line: lineOf([i, 'from']), field: 'from', found: r.from, expected: 'an address redirected only once' });
    seen.add(r.from);
  });
  if (problems.length) throw new ContentValidationError(problems);
  return result.value;
}
