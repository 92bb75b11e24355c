/**
 * The data, machine-readable: a JSON version of each CSV, and a Frictionless Tabular Data Package
 * (datapackage.json, spec v1) describing them, both made at build time from datasets.yaml and the
 * CSVs themselves, so neither can drift from the files readers download. The facts registry is
 * published as JSON by factsJson().
 */
import { parseCsv } from './data/csv.ts';
import type { Fact, FactRegistry } from './facts.ts';
import { CONTENT_LICENCE } from './reuse.ts';

/** Frictionless field types this site's columns take. */
export type FieldType = 'integer' | 'number' | 'date' | 'string';

/**
 * A column's type, read from its values: a type is chosen only when every non-empty value has it
 * (a column of "2013-03" and "2013-03-01" stays a string, since neither date nor yearmonth fits all).
 */
export function inferFieldType(values: readonly string[]): FieldType {
  const filled = values.filter((v) => v !== '');
  if (!filled.length) return 'string';
  if (filled.every((v) => /^-?\d+$/.test(v))) return 'integer';
  if (filled.every((v) => /^-?\d+(\.\d+)?$/.test(v))) return 'number';
  if (filled.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)))) return 'date';
  return 'string';
}

export interface ColumnDescription { name: string; unit: string; description: string }
export interface DatasetDescription {
  file: string;
  title: string;
  description: string;
  updated: Date;
  sources: string[];
  columns: readonly ColumnDescription[];
}
/** What the package says about a source: its title and address. */
export interface SourceRef { title: string; url: string }

export interface PackageInput {
  siteTitle: string;
  /** Absolute address of the /data/ page. */
  homepage: string;
  /** Data sets by key (the /data/ section anchors), each with its CSV text. */
  datasets: readonly { key: string; meta: DatasetDescription; csv: string }[];
  sourceOf: (key: string) => SourceRef;
}

export interface TableField { name: string; type: FieldType; description: string; unit: string }

/** One CSV's rows as JSON objects: numbers as numbers, empty cells as null, everything else as text. */
export function csvToJson(csv: string, file: string, columns: readonly ColumnDescription[]): { fields: TableField[]; rows: Record<string, string | number | null>[] } {
  const header = columns.map((c) => c.name);
  const records = parseCsv(csv, file, header);
  const fields = columns.map((c) => ({ name: c.name, type: inferFieldType(records.map((r) => r.values[c.name] ?? '')), description: c.description, unit: c.unit }));
  const rows = records.map((r) =>
    Object.fromEntries(
      fields.map((f) => {
        const v = r.values[f.name] ?? '';
        return [f.name, v === '' ? null : f.type === 'integer' || f.type === 'number' ? Number(v) : v];
      }),
    ),
  );
  return { fields, rows };
}

/** The JSON file beside a CSV: same name, .json. */
export function jsonFileName(csvFile: string): string {
  return csvFile.replace(/\.csv$/, '.json');
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** datapackage.json for every data set: Frictionless Tabular Data Package, spec v1. */
export function dataPackage(input: PackageInput) {
  const licenses = [{ name: CONTENT_LICENCE.id, title: CONTENT_LICENCE.name, path: CONTENT_LICENCE.url }];
  const newest = input.datasets.reduce((d, s) => (s.meta.updated > d ? s.meta.updated : d), new Date(0));
  const resources = input.datasets.map(({ key, meta, csv }) => {
    const { fields } = csvToJson(csv, meta.file, meta.columns);
    return {
      profile: 'tabular-data-resource',
      name: key,
      path: meta.file,
      title: meta.title,
      description: meta.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      /** Not in the spec (custom properties are allowed): when the file last changed, YYYY-MM-DD. */
      lastUpdated: isoDay(meta.updated),
      /** Not in the spec either: the same rows as JSON, beside the CSV. */
      json: jsonFileName(meta.file),
      homepage: `${input.homepage}#${key}`,
      licenses,
      sources: meta.sources.map((k) => {
        const s = input.sourceOf(k);
        return { title: s.title, path: s.url };
      }),
      schema: { fields, missingValues: [''] },
    };
  });
  return {
    profile: 'tabular-data-package',
    name: 'us-iran-talks-data',
    title: `${input.siteTitle}: data`,
    description: 'The data behind the charts of the site: one file per data set, each row naming its sources (listed on the site’s sources page).',
    homepage: input.homepage,
    lastUpdated: isoDay(newest),
    licenses,
    contributors: [{ title: input.siteTitle, role: 'author', path: input.homepage }],
    keywords: ['Iran', 'United States', 'IAEA', 'enriched uranium', 'Strait of Hormuz'],
    resources,
  };
}

/** The facts registry as JSON for reuse: each fact, current and superseded, with its sources. */
export function factsJson(registry: FactRegistry, siteTitle: string, homepage: string, sourceOf: (key: string) => SourceRef) {
  const fact = (f: Fact) => ({
    id: f.id,
    label: f.label,
    statement: f.statement,
    value: f.value ?? null,
    unit: f.unit ?? null,
    asOf: f.asOf,
    status: f.status,
    current: !f.supersededBy,
    supersedes: f.supersedes ?? null,
    supersededBy: f.supersededBy ?? null,
    derivedFrom: f.derivedFrom ? f.derivedFrom.dataset : null,
    sources: f.sources.map((k) => ({ key: k, ...sourceOf(k) })),
  });
  return {
    title: `${siteTitle}: facts`,
    homepage,
    license: { name: CONTENT_LICENCE.id, title: CONTENT_LICENCE.name, path: CONTENT_LICENCE.url },
    facts: [...registry.facts.values()].map(fact),
  };
}
