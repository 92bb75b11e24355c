/** Serves each data file under /data/ exactly as it is in content/data/, byte for byte. */
import type { APIContext } from 'astro';
import { loadDatasets, readDataFileBytes } from '../../lib/content-store.ts';

export function getStaticPaths() {
  const d = loadDatasets();
  return [d.stockpile.file, d.events.file, d.hormuz.file, d.transits.file, d.map.file].map((file) => ({ params: { file } }));
}

export function GET({ params }: APIContext) {
  const bytes = readDataFileBytes(params.file!);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
