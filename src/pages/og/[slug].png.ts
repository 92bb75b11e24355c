/** Open Graph images: one PNG per essay (and one for the rest of the site), made at build time. */
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { prepareShareCards, shareCardPng, type ShareCard } from '../../lib/og-image.ts';
import { publishedInOrder } from '../../lib/essays.ts';
import { TOPIC_LABELS } from '../../lib/topics.ts';
import { SITE } from '../../site.config.ts';

export async function getStaticPaths() {
  const essays = publishedInOrder(await getCollection('essays'));
  const paths: { params: { slug: string }; props: ShareCard }[] = [
    ...essays.map((e) => ({ params: { slug: e.id }, props: { title: e.data.title, kicker: e.data.topics.map((t) => TOPIC_LABELS[t]).join(' · '), site: SITE.title } })),
    { params: { slug: 'site' }, props: { title: SITE.description.split(':')[0]!, kicker: 'Sourced explainers', site: SITE.title } },
  ];
  // Astro asks every route for its paths before it builds any page: the cards are drawn on worker
  // threads meanwhile, instead of one by one when their turn comes.
  prepareShareCards(paths.map((p) => p.props));
  return paths;
}

export async function GET({ props }: APIContext) {
  const png = await shareCardPng(props as ShareCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
