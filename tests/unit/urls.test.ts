import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { svgDataUri } from '../../src/lib/urls.ts';

describe('svgDataUri', () => {
  const icon = readFileSync('public/favicon.svg', 'utf8');

  test('the site icon as a data: address that decodes back to the same drawing', () => {
    const uri = svgDataUri(icon);
    expect(uri.startsWith('data:image/svg+xml,')).toBe(true);
    const payload = uri.slice('data:image/svg+xml,'.length);
    // Nothing a browser would read as the end of the address or of an HTML attribute.
    expect(payload).not.toMatch(/[#<>"%](?![0-9A-F]{2})/);
    expect(decodeURIComponent(payload)).toBe(icon.trim().replace(/\s+/g, ' ').replace(/"/g, "'"));
  });

  test('a % or # in the drawing is escaped, not taken for an escape or a fragment', () => {
    expect(svgDataUri('<svg><text>50% #1</text></svg>')).toBe('data:image/svg+xml,%3Csvg%3E%3Ctext%3E50%25 %231%3C/text%3E%3C/svg%3E');
  });
});
