/**
 * The dev server's latest content check, shared between the integration (which checks whenever a
 * content file changes) and the middleware (which shows the problems on every page). The two run
 * in the same process but may load this module twice, so the report lives on globalThis.
 */
import type { CheckReport } from '../lib/content-check.ts';

const KEY = Symbol.for('explainer.devContentReport');
type Holder = { [KEY]?: Pick<CheckReport, 'problems'> };

export function setDevContentReport(report: Pick<CheckReport, 'problems'>): void {
  (globalThis as Holder)[KEY] = report;
}

export function devContentReport(): Pick<CheckReport, 'problems'> | undefined {
  return (globalThis as Holder)[KEY];
}
