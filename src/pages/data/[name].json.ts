/** /data/<name>.json: each CSV's rows as a JSON array of objects (numbers typed, empty cells null). */
import type { APIContext } from 'astro';
import { loadDatasets, readDataFileBytes } from '../../lib/content-store.ts';
import { DATASET_KEYS } from '../../lib/data-exports.ts';
import { csvToJson, jsonFileName } from '../../lib/datapackage.ts';

export function getStaticPaths() {
  const d = loadDatasets();
  return DATASET_KEYS.map((key) => ({ params: { name: jsonFileName(d[key].file).replace(/\.json$/, '') }, props: { key } }));
}

export function GET({ props }: APIContext) {
  const meta = loadDatasets()[props.key as (typeof DATASET_KEYS)[number]];
  const { rows } = csvToJson(readDataFileBytes(meta.file).toString('utf8'), meta.file, meta.columns);
  return new Response(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
