/**
 * The inputs of the machine-readable data (lib/datapackage.ts) read from content/: kept apart
 * from datapackage.ts so that stays a pure function the unit tests can feed small data.
 */
import { loadDatasets, loadFacts, loadSources, readDataFileBytes } from './content-store.ts';
import { dataPackage, factsJson, type PackageInput, type SourceRef } from './datapackage.ts';

/** The data sets in the order /data/ lists them, keyed by their section anchor. */
export const DATASET_KEYS = ['stockpile', 'events', 'hormuz', 'transits', 'map'] as const;

function sourceOf(key: string): SourceRef {
  const s = loadSources().get(key);
  if (!s) throw new Error(`data package: source key "${key}" is not in content/sources.yaml`);
  return { title: s.title, url: s.url };
}

export function packageInput(siteTitle: string, dataPageUrl: string): PackageInput {
  const d = loadDatasets();
  return {
    siteTitle,
    homepage: dataPageUrl,
    datasets: DATASET_KEYS.map((key) => ({ key, meta: d[key], csv: readDataFileBytes(d[key].file).toString('utf8') })),
    sourceOf,
  };
}

export function sitePackage(siteTitle: string, dataPageUrl: string) {
  return dataPackage(packageInput(siteTitle, dataPageUrl));
}

export function siteFacts(siteTitle: string, factsPageUrl: string) {
  return factsJson(loadFacts(), siteTitle, factsPageUrl, sourceOf);
}
