/**
 * Spelling variants for search: "Araqchi" also finds "Araghchi". The list lives in
 * content/search-variants.yaml, checked here; the search dialog expands a query into one search
 * per spelling with search-query.ts (which ships to the browser without zod).
 */
import { z } from 'zod';
import { ContentValidationError, validateWith } from './content-errors.ts';
import { parseYamlWithLines } from './yaml-file.ts';

import { wholeWord, type SearchVariants, type VariantGroups } from './search-query.ts';
export { expandQuery, type SearchVariants, type VariantGroups } from './search-query.ts';

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
 * The variants file the search dialog loads: the groups, and which of their spellings the site's
 * text (each page's, as plain text) uses, so a search never tries a spelling that finds nothing.
 */
export function searchVariants(groups: VariantGroups, pageTexts: Iterable<string>): SearchVariants {
  const spellings = groups.flat().map((s) => ({ key: s.toLowerCase(), word: wholeWord(s) }));
  const onSite = new Set<string>();
  for (const text of pageTexts) {
    const lower = text.toLowerCase();
    // A spelling the page does not hold even as part of a word needs no whole-word test; most do not.
    for (const { key, word } of spellings) if (!onSite.has(key) && lower.includes(key) && word.test(lower)) onSite.add(key);
  }
  return { groups, onSite: spellings.map((s) => s.key).filter((s) => onSite.has(s)) };
}
