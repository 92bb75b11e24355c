import { describe, expect, test } from 'vitest';
import { siteChanges } from '../../src/lib/changes.ts';
import { parseDay } from '../../src/lib/dates.ts';

describe('site changes', () => {
  test('lists publications and revisions of all essays, newest first', () => {
    const changes = siteChanges([
      { id: 'a', data: { title: 'A', published: parseDay('2026-01-01'), revisions: [{ date: parseDay('2026-03-01'), note: 'Corrected a date.' }] } },
      { id: 'b', data: { title: 'B', published: parseDay('2026-02-01') } },
    ]);
    expect(changes.map((c) => `${c.essayId}:${c.kind}`)).toEqual(['a:revised', 'b:published', 'a:published']);
  });
});
