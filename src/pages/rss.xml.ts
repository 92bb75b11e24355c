import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { SITE } from '../site.config.ts';
import { publishedInOrder } from '../lib/essays.ts';
import { joinBase } from '../lib/urls.ts';
import { feedRights, xmlText } from '../lib/reuse.ts';

export async function GET(context: APIContext) {
  const essays = publishedInOrder(await getCollection('essays'));
  return rss({
    title: `${SITE.title}: essays`,
    description: SITE.description,
    site: context.site!.href,
    items: essays
      .sort((a, b) => b.data.updated.getTime() - a.data.updated.getTime())
      .map((e) => ({
        title: e.data.title,
        description: e.data.summary,
        pubDate: e.data.published,
        link: joinBase(import.meta.env.BASE_URL, `essays/${e.id}/`),
        categories: e.data.topics,
      })),
    customData: `<language>en</language><copyright>${xmlText(feedRights(SITE.title))}</copyright>`,
  });
}
