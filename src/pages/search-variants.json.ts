/** The spelling variants for search, as JSON for the search dialog (fetched only when search opens). */
import { loadVariants } from '../lib/content-store.ts';

export function GET() {
  return new Response(JSON.stringify(loadVariants()), { headers: { 'Content-Type': 'application/json' } });
}
