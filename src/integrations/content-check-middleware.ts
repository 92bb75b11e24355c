/**
 * Dev server only (added by src/integrations/content-check.ts): while a file under content/ is
 * wrong, every page shows the checker's messages in Astro's error overlay, the same lines as
 * `npm run check`, instead of a page built from content that may be half edited.
 */
import { defineMiddleware } from 'astro:middleware';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError } from '../lib/content-errors.ts';
import { devContentReport } from './content-report.ts';

export const onRequest = defineMiddleware((_context, next) => {
  const problems = devContentReport()?.problems ?? [];
  if (!problems.length) return next();
  const error = new ContentValidationError(problems) as ContentValidationError & { title?: string; hint?: string; loc?: { file: string; line?: number; column?: number }; fullCode?: string };
  error.title = problems.length === 1 ? 'A content file needs fixing' : `${problems.length} things in the content need fixing`;
  error.hint = 'Fix each line above in the file it names and save: the page reloads by itself. `npm run check` prints the same list.';
  // The overlay shows the first file around the line to fix; the copy button copies every line.
  const first = problems[0]!;
  const file = path.resolve(first.file);
  if (first.line && existsSync(file)) {
    error.loc = { file, line: first.line, ...(first.column ? { column: first.column } : {}) };
    error.fullCode = readFileSync(file, 'utf8');
  }
  error.stack = error.message;
  throw error;
});
