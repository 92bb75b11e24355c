/**
 * The machine-readable data: JSON rows typed from the CSVs, and datapackage.json validated against
 * the Frictionless Data Package profiles by Frictionless Data's own JavaScript library (`datapackage`),
 * with its fields matching each CSV header.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Package } from 'datapackage';
import { csvToJson, dataPackage, factsJson, inferFieldType, jsonFileName } from '../../src/lib/datapackage.ts';
import { DATASET_KEYS, packageInput, siteFacts, sitePackage } from '../../src/lib/data-exports.ts';
import { contentDir, loadFacts } from '../../src/lib/content-store.ts';

const columns = [
  { name: 'day', unit: 'date, YYYY-MM-DD', description: 'The day.' },
  { name: 'kg', unit: 'kg', description: 'Mass.' },
  { name: 'ships', unit: 'count', description: 'Ships.' },
  { name: 'note', unit: 'text', description: 'A note.' },
];
const csv = 'day,kg,ships,note\n2025-06-13,440.9,12,"first, with a comma"\n2025-09-01,,7,\n';

describe('field types read from the values', () => {
  test.each([
    [['1', '-2', ''], 'integer'],
    [['1', '2.5'], 'number'],
    [['2025-06-13', '2021-02-28'], 'date'],
    [['2013-03', '2013-03-01'], 'string'],
    [['2025-02-30'], 'date'],
    [['', ''], 'string'],
    [['12 kg'], 'string'],
  ])('%j → %s', (values, type) => {
    // 2025-02-30 parses in JavaScript (it rolls over), so it counts as a date: the CSV schemas reject it first.
    expect(inferFieldType(values)).toBe(type);
  });
});

describe('a CSV as JSON', () => {
  test('numbers are numbers, empty cells null, text as written', () => {
    const { fields, rows } = csvToJson(csv, 'x.csv', columns);
    expect(fields.map((f) => f.type)).toEqual(['date', 'number', 'integer', 'string']);
    expect(rows).toEqual([
      { day: '2025-06-13', kg: 440.9, ships: 12, note: 'first, with a comma' },
      { day: '2025-09-01', kg: null, ships: 7, note: null },
    ]);
  });

  test('a header that differs from the description stops it', () => {
    expect(() => csvToJson(csv.replace('ships', 'boats'), 'x.csv', columns)).toThrow(/ships|header/i);
  });

  test('the JSON file sits beside the CSV', () => {
    expect(jsonFileName('hormuz-flows.csv')).toBe('hormuz-flows.json');
  });
});

describe('datapackage.json of the real data', () => {
  const pkg = sitePackage('US–Iran Talks Explained', 'https://example.org/data/');

  test('validates against the Tabular Data Package profile', async () => {
    const loaded = await Package.load(pkg, { basePath: path.join(contentDir(), 'data') });
    expect(loaded.errors.map(String)).toEqual([]);
    expect(loaded.valid).toBe(true);
  });

  test('the validator refuses a broken package (so the check above can fail)', async () => {
    const broken = structuredClone(pkg);
    broken.resources[0]!.schema.fields[0]!.type = 'calendar' as never;
    broken.name = 'Not A Name';
    const loaded = await Package.load(broken, { basePath: path.join(contentDir(), 'data') });
    expect(loaded.valid).toBe(false);
  });

  test('each resource’s fields are its CSV’s header, in order, with units and meanings', () => {
    expect(pkg.resources.map((r) => r.name)).toEqual([...DATASET_KEYS]);
    for (const r of pkg.resources) {
      const header = readFileSync(path.join(contentDir(), 'data', r.path), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
      expect(r.schema.fields.map((f) => f.name).join(','), r.path).toBe(header);
      for (const f of r.schema.fields) expect(f.unit.length * f.description.length, `${r.path} ${f.name}`).toBeGreaterThan(0);
    }
  });

  test('licence, sources and last update on the package and every resource', () => {
    expect(pkg.licenses).toEqual([{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' }]);
    for (const r of pkg.resources) {
      expect(r.licenses).toEqual(pkg.licenses);
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(s.path).toMatch(/^https?:\/\//);
      expect(r.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(pkg.lastUpdated).toBe([...pkg.resources.map((r) => r.lastUpdated)].sort().at(-1));
  });

  test('typed columns of the real files: the stockpile’s kilograms are numbers and its dates dates', () => {
    const stockpile = pkg.resources.find((r) => r.name === 'stockpile')!;
    const type = (name: string) => stockpile.schema.fields.find((f) => f.name === name)?.type;
    expect([type('report_date'), type('total_kg'), type('note')]).toEqual(['date', 'number', 'string']);
  });

  test('a source key missing from sources.yaml stops the package with its name', () => {
    const input = packageInput('Site', 'https://example.org/data/');
    expect(() => dataPackage({ ...input, sourceOf: (k) => { throw new Error(`unknown ${k}`); } })).toThrow(/unknown /);
  });
});

describe('facts.json', () => {
  test('every fact of the registry, with its sources’ titles and addresses', () => {
    const out = siteFacts('Site', 'https://example.org/facts/');
    expect(out.facts.length).toBe(loadFacts().facts.size);
    expect(out.license.name).toBe('CC-BY-4.0');
    for (const f of out.facts) {
      expect(f.asOf).toMatch(/^\d{4}-\d{2}/);
      for (const s of f.sources) expect(s.url).toMatch(/^https?:\/\//);
    }
    expect(out.facts.some((f) => f.current)).toBe(true);
  });

  test('a superseded fact says so and names its successor', () => {
    const registry = { facts: new Map([['a', { id: 'a', label: 'A', statement: 'A.', asOf: '2025-01', asOfPhrase: '', showDate: true, status: 'reported', sources: [], line: 1, supersededBy: 'b' }]]), record: { stops: '' }, whereThingsStand: [] };
    const out = factsJson(registry as never, 'Site', 'https://example.org/facts/', () => ({ title: '', url: '' }));
    expect(out.facts[0]).toMatchObject({ id: 'a', current: false, supersededBy: 'b' });
  });
});
