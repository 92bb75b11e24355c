import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { SITE } from '../../site.config.ts';
import { publishedInOrder } from '../../lib/essays.ts';
import { siteChanges } from '../../lib/changes.ts';
import { joinBase } from '../../lib/urls.ts';
import { isoDay } from '../../lib/dates.ts';
import { feedRights, xmlText } from '../../lib/reuse.ts';

export async function GET(context: APIContext) {
  const changes = siteChanges(publishedInOrder(await getCollection('essays')));
  return rss({
    title: `${SITE.title}: updates and corrections`,
    description: 'Every update and correction to the essays, newest first.',
    site: context.site!.href,
    items: changes.map((c) => ({
      title: `${c.kind === 'published' ? 'Published' : 'Updated'}: ${c.essayTitle}`,
      description: c.note,
      pubDate: c.date,
      link: joinBase(import.meta.env.BASE_URL, `essays/${c.essayId}/${c.kind === 'revised' ? '#updates-and-corrections' : ''}`),
      customData: `<guid isPermaLink="false">${c.essayId}-${isoDay(c.date)}-${c.kind}</guid>`,
    })),
    customData: `<copyright>${xmlText(feedRights(SITE.title))}</copyright>`,
  });
}
