/** Open Graph images: one PNG per essay (and one for the rest of the site), made at build time. */
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { shareCardPng } from '../../lib/og-image.ts';
import { publishedInOrder } from '../../lib/essays.ts';
import { TOPIC_LABELS } from '../../lib/topics.ts';
import { SITE } from '../../site.config.ts';

export async function getStaticPaths() {
  const essays = publishedInOrder(await getCollection('essays'));
  return [
    ...essays.map((e) => ({ params: { slug: e.id }, props: { title: e.data.title, kicker: e.data.topics.map((t) => TOPIC_LABELS[t]).join(' · ') } })),
    { params: { slug: 'site' }, props: { title: SITE.description.split(':')[0]!, kicker: 'Sourced explainers' } },
  ];
}

export async function GET({ props }: APIContext) {
  const png = await shareCardPng({ title: props.title as string, kicker: props.kicker as string, site: SITE.title });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
