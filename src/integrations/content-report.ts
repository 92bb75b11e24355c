/**
 * The dev server's latest content check, shared between the integration (which checks whenever a
 * content file changes) and the middleware (which shows the problems on every page), and the
 * error both Astro's terminal output and its browser overlay show for them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheckReport } from '../lib/content-check.ts';
import { ContentValidationError, type ContentProblem } from '../lib/content-errors.ts';

// The integration and the middleware run in one process but may load this module twice.
const KEY = Symbol.for('explainer.devContentCheck');
interface DevCheck {
  root: string;
  run: () => Pick<CheckReport, 'problems'>;
  report?: Pick<CheckReport, 'problems'>;
  checkedAt: number;
}
type Holder = { [KEY]?: DevCheck };

/** Registers the dev server's check of the content folder, and runs it. */
export function startDevContentCheck(root: string, run: () => Pick<CheckReport, 'problems'>): void {
  const check: DevCheck = { root, run, checkedAt: 0 };
  (globalThis as Holder)[KEY] = check;
  rerun(check);
}

/** Checks again now (the watcher calls this when files change). */
export function recheckDevContent(): void {
  const check = (globalThis as Holder)[KEY];
  if (check) rerun(check);
}

/**
 * The latest report, checked again first if a content file changed since: a page requested
 * right after a save never shows the state before it, whatever order the reload messages arrive in.
 */
export function devContentReport(): Pick<CheckReport, 'problems'> | undefined {
  const check = (globalThis as Holder)[KEY];
  if (!check) return undefined;
  if (newestChange(check.root) > check.checkedAt) rerun(check);
  return check.report;
}

function rerun(check: DevCheck): void {
  check.checkedAt = Date.now();
  check.report = check.run();
}

/** The newest modification time of the files under a folder (a few dozen: a millisecond). */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
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
