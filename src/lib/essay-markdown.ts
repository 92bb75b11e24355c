/**
 * An essay as plain Markdown, for readers and programs that want text: the MDX body with its
 * components turned into text (a fact as it reads on the page, a chart as a link to it), glossary
 * and site links made absolute, and each [@key] citation a numbered footnote with the source's
 * title, publisher and address. Served at /essays/<slug>.md and linked from the essay.
 */
import { CONTENT_LICENCE, creditLine } from './reuse.ts';

export interface MarkdownSource { title: string; publisher: string; url: string }

export interface EssayMarkdownInput {
  title: string;
  summary: string;
  /** Absolute address of the essay page. */
  url: string;
  /** The site's absolute root, ending in "/". */
  siteRoot: string;
  siteTitle: string;
  updated: string;
  body: string;
  source: (key: string) => MarkdownSource;
  /** A fact as its <Fact> renders in prose, and its source keys. */
  fact: (id: string) => { text: string; sources: readonly string[] };
}

export function essayMarkdown(i: EssayMarkdownInput): string {
  const order: string[] = [];
  const note = (key: string) => {
    if (!order.includes(key)) order.push(key);
    return `[^${order.indexOf(key) + 1}]`;
  };
  const abs = (p: string) => new URL(p.replace(/^\//, ''), i.siteRoot).href;
  let body = i.body.replace(/^---\n[\s\S]*?\n---\n/, '');
  body = body
    .replace(/<KeyPoints>\s*/g, '**Key points**\n\n')
    .replace(/\s*<\/KeyPoints>/g, '')
    // Facts and citations in one pass, so footnotes are numbered in reading order.
    .replace(/<Fact\s+id="([^"]+)"\s*\/>|\[@([^\]]+)\]/g, (_m, id: string | undefined, keys: string | undefined) => {
      if (id) {
        const f = i.fact(id);
        return `${f.text}${f.sources.map(note).join('')}`;
      }
      return keys!.split(';').map((k) => note(k.trim().replace(/^@/, ''))).join('');
    })
    .replace(/<[A-Z]\w*(?:Chart|Map)\b[^>]*\/>/g, `*(A chart is shown here on the page: ${i.url})*`)
    .replace(/\]\(glossary:([\w-]+)\)/g, (_m, id: string) => `](${abs(`glossary/#${id}`)})`)
    .replace(/\]\((\/[^)]*)\)/g, (_m, p: string) => `](${abs(p)})`)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const notes = order.map((k, n) => {
    const s = i.source(k);
    return `[^${n + 1}]: ${s.title}. ${s.publisher}. <${s.url}>`;
  });
  return [
    `# ${i.title}`,
    '',
    `*${i.summary}*`,
    '',
    `${i.siteTitle}, updated ${i.updated}. ${i.url}`,
    '',
    body,
    '',
    '---',
    '',
    `Licence: ${CONTENT_LICENCE.short} (${CONTENT_LICENCE.url}). Credit: ${creditLine({ siteTitle: i.siteTitle, workTitle: i.title, url: i.url })}.`,
    '',
    ...notes,
    '',
  ].join('\n');
}
