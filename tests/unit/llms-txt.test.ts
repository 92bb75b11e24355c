import { describe, expect, test } from 'vitest';
import { llmsTxt } from '../../src/lib/llms-txt.ts';

describe('/llms.txt', () => {
  const text = llmsTxt({
    siteTitle: 'Site',
    description: 'Plain\nexplainers.',
    siteUrl: 'https://example.org/',
    essays: [{ title: 'Leverage', summary: 'What each\n side holds.', url: 'https://example.org/essays/leverage/' }],
    charts: [{ title: 'Stockpile', url: 'https://example.org/charts/stockpile/#chart-stockpile', image: 'https://example.org/charts/images/chart-stockpile.png' }],
    data: [{ title: 'Stockpile by report', csv: 'https://example.org/data/stockpile.csv', json: 'https://example.org/data/stockpile.json' }],
    dataPackage: 'https://example.org/data/datapackage.json',
    facts: 'https://example.org/data/facts.json',
  });

  test('a title, a one-line summary in a quote, the licence and credit, then one line per item', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Site');
    expect(lines[2]).toBe('> Plain explainers.');
    expect(lines[4]).toMatch(/^Text, charts and data are under Creative Commons Attribution 4\.0 International \(CC BY 4\.0, https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)\. Credit: Site, https:\/\/example\.org\/, CC BY 4\.0\./);
    expect(lines).toContain('- [Leverage](https://example.org/essays/leverage/): What each side holds.');
    expect(lines).toContain('- [Stockpile](https://example.org/charts/stockpile/#chart-stockpile): image at https://example.org/charts/images/chart-stockpile.png');
    expect(lines).toContain('- [Stockpile by report](https://example.org/data/stockpile.csv): CSV; the same rows as JSON at https://example.org/data/stockpile.json');
    expect(text).toMatch(/^## Essays$[\s\S]*^## Charts$[\s\S]*^## Data$/m);
  });
});
