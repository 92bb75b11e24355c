import { describe, expect, test } from 'vitest';
import { separateTableCells } from '../../src/lib/search-text.ts';

describe('separateTableCells', () => {
  test('puts a space between header cells, rows and cells, so their words do not run together', () => {
    const table = '<table><caption>Shares</caption><thead><tr><th scope="col">Country</th><th scope="col">Share</th></tr></thead><tbody><tr><th scope="row">China</th><td>90 %</td></tr></tbody></table>';
    const text = separateTableCells(table).replace(/<[^>]+>/g, '');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Shares Country Share China 90 %');
    expect(text).not.toMatch(/CountryShare|ShareChina|China90/);
  });

  test('leaves everything outside tables as it is', () => {
    const prose = '<p>One <em>two</em></p><ul><li>three</li><li>four</li></ul>';
    expect(separateTableCells(prose)).toBe(prose);
  });
});
