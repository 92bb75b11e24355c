/**
 * /llms.txt (the llms.txt convention: a Markdown index for language models and other readers of
 * plain text): the essays, charts and data with one line each, and the licence with its credit line.
 */
import { CONTENT_LICENCE, creditLine } from './reuse.ts';

export interface LlmsInput {
  siteTitle: string;
  description: string;
  siteUrl: string;
  essays: readonly { title: string; summary: string; url: string }[];
  charts: readonly { title: string; url: string; image: string }[];
  data: readonly { title: string; csv: string; json: string }[];
  dataPackage: string;
  facts: string;
}

/** One line of a list: no line breaks inside, so each entry stays one line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function llmsTxt(i: LlmsInput): string {
  return [
    `# ${i.siteTitle}`,
    '',
    `> ${oneLine(i.description)}`,
    '',
    `Text, charts and data are under ${CONTENT_LICENCE.name} (${CONTENT_LICENCE.short}, ${CONTENT_LICENCE.url}). Credit: ${creditLine({ siteTitle: i.siteTitle, url: i.siteUrl })}. Every figure and date in the essays is cited; each government's position is attributed to it.`,
    '',
    '## Essays',
    '',
    ...i.essays.map((e) => `- [${oneLine(e.title)}](${e.url}): ${oneLine(e.summary)}`),
    '',
    '## Charts',
    '',
    ...i.charts.map((c) => `- [${oneLine(c.title)}](${c.url}): image at ${c.image}`),
    '',
    '## Data',
    '',
    ...i.data.map((d) => `- [${oneLine(d.title)}](${d.csv}): CSV; the same rows as JSON at ${d.json}`),
    `- [Data package](${i.dataPackage}): every file's columns, types, units, sources, licence and last update (Frictionless Data Package)`,
    `- [Facts](${i.facts}): each current figure or status the essays state, with its date and sources`,
    '',
  ].join('\n');
}
