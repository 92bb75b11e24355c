/** /data/datapackage.json: a Frictionless Tabular Data Package describing every CSV (lib/datapackage.ts). */
import type { APIContext } from 'astro';
import { sitePackage } from '../../lib/data-exports.ts';
import { joinBase } from '../../lib/urls.ts';
import { SITE } from '../../site.config.ts';

export function GET({ site }: APIContext) {
  const pkg = sitePackage(SITE.title, new URL(joinBase(import.meta.env.BASE_URL, 'data/'), site).href);
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
