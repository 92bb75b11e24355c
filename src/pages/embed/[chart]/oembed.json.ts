/** /embed/<chart-id>/oembed.json: a static oEmbed "rich" response, linked from the chart's page. */
import type { APIContext } from 'astro';
import { EMBED_CHARTS, type EmbedChart } from '../../../lib/embed-charts.ts';
import { embedPath, oembedJson } from '../../../lib/embeds.ts';
import { joinBase } from '../../../lib/urls.ts';
import { SITE } from '../../../site.config.ts';

export function getStaticPaths() {
  return EMBED_CHARTS.map((c) => ({ params: { chart: c.id }, props: c }));
}

export function GET({ props, site }: APIContext) {
  const c = props as EmbedChart;
  const base = import.meta.env.BASE_URL;
  const body = oembedJson({ title: c.title, embedUrl: new URL(joinBase(base, embedPath(c.id)), site).href, siteTitle: SITE.title, siteUrl: new URL(base, site).href });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed' } });
}
