/** /essays/<slug>.md: the essay as plain Markdown with numbered footnotes (lib/essay-markdown.ts). */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { APIContext } from 'astro';
import { SITE } from '../../site.config.ts';
import { publishedInOrder } from '../../lib/essays.ts';
import { essayMarkdown } from '../../lib/essay-markdown.ts';
import { loadFacts, loadSources } from '../../lib/content-store.ts';
import { factProse } from '../../lib/facts.ts';
import { isoDay } from '../../lib/dates.ts';
import { joinBase } from '../../lib/urls.ts';

export async function getStaticPaths() {
  return publishedInOrder(await getCollection('essays')).map((essay) => ({ params: { slug: essay.id }, props: { essay } }));
}

export function GET({ props, site }: APIContext) {
  const { essay } = props as { essay: CollectionEntry<'essays'> };
  const base = import.meta.env.BASE_URL;
  const sources = loadSources();
  const facts = loadFacts().facts;
  const text = essayMarkdown({
    title: essay.data.title,
    summary: essay.data.summary,
    url: new URL(joinBase(base, `essays/${essay.id}/`), site).href,
    siteRoot: new URL(base, site).href,
    siteTitle: SITE.title,
    updated: isoDay(essay.data.updated),
    body: essay.body ?? '',
    source: (key) => {
      const s = sources.get(key);
      if (!s) throw new Error(`${essay.id}.md: source "${key}" is not in content/sources.yaml`);
      return { title: s.title, publisher: s.publisher, url: s.url };
    },
    fact: (id) => {
      const f = facts.get(id);
      if (!f) throw new Error(`${essay.id}.md: no fact "${id}" in content/facts.yaml`);
      const p = factProse(f);
      return { text: `${p.value ?? p.versions!.join('; ')}${p.asOf ? ` (${p.asOf})` : ''}`, sources: [...new Set([...f.sources, ...(f.versions ?? []).flatMap((v) => v.sources)])] };
    },
  });
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
