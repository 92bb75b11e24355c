/**
 * Dev server only (added by src/integrations/content-check.ts): while a file under content/ is
 * wrong, every page shows the checker's messages in Astro's error overlay, the same lines as
 * `npm run check`, instead of a page built from content that may be half edited.
 */
import { defineMiddleware } from 'astro:middleware';
import { contentError, devContentReport } from './content-report.ts';

export const onRequest = defineMiddleware((_context, next) => {
  const problems = devContentReport()?.problems ?? [];
  if (problems.length) throw contentError(problems);
  return next();
});
