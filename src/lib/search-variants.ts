/**
 * Spelling variants for search: "Araqchi" also finds "Araghchi". The list lives in
 * content/search-variants.yaml; the search dialog expands a query into one search per spelling.
 */
import { z } from 'zod';
import { ContentValidationError, validateWith } from './content-errors.ts';
import { parseYamlWithLines } from './yaml-file.ts';

export type VariantGroups = string[][];

const groups = z.array(z.array(z.string().min(2)).min(1));

export function parseVariants(text: string, file: string): VariantGroups {
  const { data, lineOf } = parseYamlWithLines(text, file);
  const result = validateWith(groups, data, { file, lineOf });
  if (!result.ok) throw new ContentValidationError(result.problems);
  const seen = new Map<string, number>();
  const problems = [];
  for (const [i, group] of result.value.entries()) {
    for (const [j, spelling] of group.entries()) {
      const key = spelling.toLowerCase();
      if (seen.has(key) && seen.get(key) !== i) problems.push({ file, line: lineOf([i, j]), field: 'spelling', found: spelling, expected: `a spelling in only one group (it is also in the group on line ${lineOf([seen.get(key)!])})` });
      seen.set(key, i);
    }
  }
  if (problems.length) throw new ContentValidationError(problems);
  return result.value;
}

/**
 * The queries to run for what the reader typed: the query itself, then the query with each
 * variant spelling substituted (whole words or phrases, case-insensitive). At most `limit`.
 */
export function expandQuery(query: string, variantGroups: VariantGroups, limit = 6): string[] {
  const out = [query.trim()];
  const lower = query.toLowerCase();
  for (const group of variantGroups) {
    for (const spelling of group) {
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(spelling.toLowerCase())}(?=$|[^\\p{L}\\p{N}])`, 'u');
      const m = pattern.exec(lower);
      if (!m) continue;
      const start = m.index + m[1]!.length;
      for (const other of group) {
        if (other.toLowerCase() === spelling.toLowerCase()) continue;
        const expanded = query.slice(0, start) + other + query.slice(start + spelling.length);
        if (!out.includes(expanded.trim())) out.push(expanded.trim());
      }
      break;
    }
  }
  return out.slice(0, limit);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
