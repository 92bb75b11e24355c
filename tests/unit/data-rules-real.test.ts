/**
 * Every row rule runs on the real data files, not only on fixtures: a rule whose condition no real
 * row meets (as the old "total equals the sum of all three levels" rule, which no real row had)
 * would check nothing, and this test names it. Each rule's bad fixture is in data-schemas.test.ts
 * and tests/fixtures/bad-edits.ts.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEvents, parseHormuz, parseStockpile, type RuleCounter } from '../../src/lib/data/schemas.ts';
import { loadSources } from '../../src/lib/content-store.ts';

const known = new Set(loadSources().keys());

function rulesApplied(parse: (text: string, file: string, known: ReadonlySet<string>, applied: RuleCounter) => unknown, file: string): Map<string, number> {
  const counts = new Map<string, number>();
  parse(readFileSync(file, 'utf8'), file, known, (rule) => counts.set(rule, (counts.get(rule) ?? 0) + 1));
  return counts;
}

describe('each data rule applies to rows of the real files', () => {
  const stockpile = rulesApplied(parseStockpile, 'content/data/stockpile.csv');
  const events = rulesApplied(parseEvents, 'content/data/events.csv');
  const hormuz = rulesApplied(parseHormuz, 'content/data/hormuz-flows.csv');
  test.each([
    ['stockpile.csv', 'total not below the levels given', stockpile],
    ['stockpile.csv', 'report id used once', stockpile],
    ['stockpile.csv', 'reports oldest first', stockpile],
    ['stockpile.csv', 'no figures on a not-verified row', stockpile],
    ['stockpile.csv', 'figures on a verified or estimate row', stockpile],
    ['events.csv', 'event id used once, starting with its date', events],
    ['events.csv', 'day precision for YYYY-MM-DD', events],
    ['events.csv', 'month precision for YYYY-MM', events],
    ['events.csv', 'events oldest first', events],
    ['hormuz-flows.csv', 'years oldest first, once each', hormuz],
    ['hormuz-flows.csv', 'a note on a year with no figures', hormuz],
  ])('%s: "%s"', (_file, rule, counts) => {
    expect(counts.get(rule) ?? 0).toBeGreaterThan(0);
  });
  test('no rule is left out of the list above', () => {
    expect([...stockpile.keys(), ...events.keys(), ...hormuz.keys()].sort()).toEqual(
      [
        'total not below the levels given',
        'report id used once',
        'reports oldest first',
        'no figures on a not-verified row',
        'figures on a verified or estimate row',
        'event id used once, starting with its date',
        'day precision for YYYY-MM-DD',
        'month precision for YYYY-MM',
        'events oldest first',
        'years oldest first, once each',
        'a note on a year with no figures',
      ].sort(),
    );
  });
});
