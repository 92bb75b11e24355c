/**
 * The dev server's latest content check, shared between the integration (which checks whenever a
 * content file changes) and the middleware (which shows the problems on every page), and the
 * error both Astro's terminal output and its browser overlay show for them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckReport } from '../lib/content-check.ts';
import { ContentValidationError, type ContentProblem } from '../lib/content-errors.ts';

// The integration and the middleware run in one process but may load this module twice.
const KEY = Symbol.for('explainer.devContentReport');
type Holder = { [KEY]?: Pick<CheckReport, 'problems'> };

export function setDevContentReport(report: Pick<CheckReport, 'problems'>): void {
  (globalThis as Holder)[KEY] = report;
}

export function devContentReport(): Pick<CheckReport, 'problems'> | undefined {
  return (globalThis as Holder)[KEY];
}

type AstroShapedError = ContentValidationError & { title?: string; hint?: string; loc?: { file: string; line?: number; column?: number }; fullCode?: string };

/**
 * The checker's problems as the error Astro shows: the message is the list `npm run check`
 * prints; the location is the first problem's file and line (not the checker's own code); there
 * is no stack trace into the checker, which would only distract from the line to fix.
 */
export function contentError(problems: ContentProblem[]): AstroShapedError {
  const error: AstroShapedError = new ContentValidationError(problems);
  error.title = problems.length === 1 ? 'A content file needs fixing' : `${problems.length} things in the content need fixing`;
  error.hint = 'Fix each line above in the file it names. `npm run check` prints the same list in a second.';
  const first = problems[0];
  const file = first ? path.resolve(first.file) : undefined;
  if (first?.line && file && existsSync(file)) {
    error.loc = { file, line: first.line, ...(first.column ? { column: first.column } : {}) };
    error.fullCode = readFileSync(file, 'utf8');
  }
  error.stack = error.message;
  return error;
}
