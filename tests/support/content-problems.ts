/** Test helpers for content checks: read a fixture, and list the problems a parse reports. */
import { readFileSync } from 'node:fs';
import { ContentValidationError } from '../../src/lib/content-errors.ts';

export const fixture = (name: string) => readFileSync(`tests/fixtures/data/${name}`, 'utf8');

/** The problem lines of the ContentValidationError `fn` throws ("file:line row N field …"), or none. */
export function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentValidationError) return e.message.split('\n').slice(1).map((l) => l.replace(/^\s+- /, ''));
    throw e;
  }
  return [];
}
