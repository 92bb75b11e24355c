/** /llms.txt: the site as a plain-text index (lib/llms-txt.ts). */
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { SITE } from '../site.config.ts';
import { publishedInOrder } from '../lib/essays.ts';
import { llmsTxt } from '../lib/llms-txt.ts';
import { loadDatasets } from '../lib/content-store.ts';
import { DATASET_KEYS } from '../lib/data-exports.ts';
import { jsonFileName } from '../lib/datapackage.ts';
import { EMBED_CHARTS } from '../lib/embed-charts.ts';
import { chartImagePaths } from '../lib/chart-export.ts';
import { joinBase } from '../lib/urls.ts';

export async function GET({ site }: APIContext) {
  const base = import.meta.env.BASE_URL;
  const abs = (p: string) => new URL(joinBase(base, p), site).href;
  const d = loadDatasets();
  const text = llmsTxt({
    siteTitle: SITE.title,
    description: SITE.description,
    siteUrl: abs(''),
    essays: publishedInOrder(await getCollection('essays')).map((e) => ({ title: e.data.title, summary: e.data.summary, url: abs(`essays/${e.id}/`) })),
    charts: EMBED_CHARTS.map((c) => ({ title: c.title, url: `${abs(c.page)}#${c.id}`, image: abs(chartImagePaths(c.id).png) })),
    data: DATASET_KEYS.map((k) => ({ title: d[k].title, csv: abs(`data/${d[k].file}`), json: abs(`data/${jsonFileName(d[k].file)}`) })),
    dataPackage: abs('data/datapackage.json'),
    facts: abs('data/facts.json'),
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
