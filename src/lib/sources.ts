/** The bibliography: content/sources.yaml, every cited source by key. */
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { sourceEntry, type SourceEntry } from './schemas.ts';
import { readYaml } from './yaml-file.ts';
import { formatDate, parseDay } from './dates.ts';

export const SOURCE_KEY = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** Every well-formed source, and a problem for each one that is not (so one bad entry does not hide the rest). */
export function readSources(text: string, file: string): { sources: Map<string, SourceEntry>; problems: ContentProblem[] } {
  // A key written twice is reported (naming the first) and the first entry kept, so one slip
  // does not turn every citation of every other source into an "unknown source".
  const { data, lineOf, duplicates } = readYaml(text, file);
  const problems: ContentProblem[] = [...duplicates];
  const sources = new Map<string, SourceEntry>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentValidationError([{ file, line: 1, found: data, expected: 'a mapping of source keys to sources' }]);
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!SOURCE_KEY.test(key)) {
      problems.push({ file, line: lineOf([key]), field: 'key', found: key, expected: 'a key of lowercase letters, digits and hyphens' });
      continue;
    }
    const result = validateWith(sourceEntry, value, { file, lineOf: (path) => lineOf([key, ...path]) });
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ ...p, field: `${key}.${p.field ?? ''}`.replace(/\.$/, '') })));
      continue;
    }
    sources.set(key, { ...result.value, key });
  }
  return { sources, problems };
}

export function parseSources(text: string, file: string): Map<string, SourceEntry> {
  const { sources, problems } = readSources(text, file);
  if (problems.length) throw new ContentValidationError(problems);
  return sources;
}

/** A source's date as the site writes dates: "28 February 2026", "February 2026" or "2026". */
export function describeSourceDate(date: string): string {
  if (/^\d{4}$/.test(date)) return date;
  return formatDate(parseDay(date), date.length === 7 ? 'month' : 'day');
}
