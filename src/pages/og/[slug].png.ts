/** Open Graph images: one PNG per essay (and one for the rest of the site), made at build time. */
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ogImageSvg } from '../../lib/og-image.ts';
import { publishedInOrder } from '../../lib/essays.ts';
import { TOPIC_LABELS } from '../../lib/topics.ts';
import { SITE } from '../../site.config.ts';

// The fonts come from an npm package, so every machine draws the same card.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(fontDir, f));

export async function getStaticPaths() {
  const essays = publishedInOrder(await getCollection('essays'));
  return [
    ...essays.map((e) => ({ params: { slug: e.id }, props: { title: e.data.title, kicker: e.data.topics.map((t) => TOPIC_LABELS[t]).join(' · ') } })),
    { params: { slug: 'site' }, props: { title: SITE.description.split(':')[0]!, kicker: 'Sourced explainers' } },
  ];
}

export function GET({ props }: APIContext) {
  const svg = ogImageSvg({ title: props.title as string, kicker: props.kicker as string, site: SITE.title });
  const png = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
