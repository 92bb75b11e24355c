/** /data/facts.json: the facts registry (content/facts.yaml), every fact with its date and sources. */
import type { APIContext } from 'astro';
import { siteFacts } from '../../lib/data-exports.ts';
import { joinBase } from '../../lib/urls.ts';
import { SITE } from '../../site.config.ts';

export function GET({ site }: APIContext) {
  const facts = siteFacts(SITE.title, new URL(joinBase(import.meta.env.BASE_URL, 'facts/'), site).href);
  return new Response(`${JSON.stringify(facts, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
