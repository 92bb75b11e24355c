import { describe, expect, test } from 'vitest';
import { currentSectionIndex } from '../../src/lib/scrollspy.ts';

const at = (headingTops: number[], atEnd = false) => currentSectionIndex({ headingTops, readingLine: 200, viewportHeight: 800, atEnd });

describe('currentSectionIndex', () => {
  test('no section before the first heading reaches the reading line', () => {
    expect(at([350, 900, 1500])).toBe(-1);
    expect(at([])).toBe(-1);
  });
  test('the last heading at or above the line is current, also once it has left the screen', () => {
    expect(at([200, 900])).toBe(0);
    expect(at([-600, 150, 700])).toBe(1);
    expect(at([-2000, -900, -10])).toBe(2);
  });
  test('at the end of the page the last heading on screen wins, even below the line', () => {
    expect(at([-900, 100, 500, 700], true)).toBe(3);
    expect(at([-900, 100, 500, 700], false)).toBe(1);
    // A heading still below the screen at the end is not marked.
    expect(at([-900, 100, 900], true)).toBe(1);
  });
});
