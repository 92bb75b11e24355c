/** The glossary: content/glossary.yaml, a list of terms each with a stable id. */
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { glossaryEntry, type GlossaryEntry } from './schemas.ts';
import { parseYamlWithLines } from './yaml-file.ts';

export function parseGlossary(text: string, file: string, knownSources?: ReadonlySet<string>): GlossaryEntry[] {
  const { data, lineOf } = parseYamlWithLines(text, file);
  if (!Array.isArray(data)) {
    throw new ContentValidationError([{ file, line: 1, found: data, expected: 'a list of terms, each starting with "- id:"' }]);
  }
  const problems: ContentProblem[] = [];
  const terms: GlossaryEntry[] = [];
  const firstLineOfId = new Map<string, number | undefined>();
  data.forEach((item, index) => {
    const result = validateWith(glossaryEntry, item, { file, lineOf: (path) => lineOf([index, ...path]) });
    if (!result.ok) return void problems.push(...result.problems);
    const term = result.value;
    if (firstLineOfId.has(term.id)) {
      problems.push({ file, line: lineOf([index, 'id']), field: 'id', found: term.id, expected: `an id not already used (line ${firstLineOfId.get(term.id)})` });
    } else firstLineOfId.set(term.id, lineOf([index, 'id']));
    term.sources?.forEach((key, i) => {
      if (knownSources && !knownSources.has(key)) {
        problems.push({ file, line: lineOf([index, 'sources', i]), field: 'sources', found: key, expected: 'a source key defined in content/sources.yaml' });
      }
    });
    terms.push(term);
  });
  const ids = new Set(terms.map((t) => t.id));
  terms.forEach((term, index) => {
    term.related?.forEach((rel, i) => {
      if (!ids.has(rel)) problems.push({ file, line: lineOf([data.indexOf(data[index]), 'related', i]), field: 'related', found: rel, expected: 'the id of another term in this file' });
    });
  });
  if (problems.length) throw new ContentValidationError(problems);
  return terms.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
