/**
 * Synthetic content for the benchmarks (`bench:scale`, `bench:peer`): essays of realistic length,
 * each with headings, citations, glossary links and a chart, and timeline events. Deterministic,
 * so every run measures the same site. Written into a scratch folder, never into content/.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGlossary, loadSources } from '../lib/content-store.ts';
import { TOPICS } from '../lib/topics.ts';

const WORDS = 'the talks strait enrichment sanctions oil tanker mediator ceasefire deadline inspectors stockpile uranium centrifuge blockade shipping minister channel proposal guarantees relief exports refinery discount escalation missile drone base port waters convoy negotiators round memorandum framework verification access agency board resolution report estimate market price insurance'.split(' ');

/** Deterministic pseudo-random numbers, so every run generates the same site. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Keys and ids the synthetic text cites and links to: real ones, so the build accepts them. */
export interface SyntheticVocabulary {
  sourceKeys: string[];
  termIds: string[];
}

export function siteVocabulary(): SyntheticVocabulary {
  return { sourceKeys: [...loadSources().keys()], termIds: loadGlossary().map((t) => t.id) };
}

function sentence(rand: () => number, vocabulary: SyntheticVocabulary, cite: boolean): string {
  const n = 12 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  const key = vocabulary.sourceKeys[Math.floor(rand() * vocabulary.sourceKeys.length)]!;
  return `${words.join(' ')}${cite ? ` [@${key}]` : ''}.`;
}

export function essayTitle(i: number): string {
  return `Synthetic essay ${i + 1}`;
}

export const ESSAY_SUMMARY = 'A generated essay used only to measure how the build grows with the site.';

/** The body of essay `i` (no frontmatter): about 1,300 words, eight headings, a chart. */
export function syntheticEssayBody(i: number, vocabulary: SyntheticVocabulary): string {
  const rand = rng(i + 1);
  const parts = ['<KeyPoints>', ...Array.from({ length: 4 }, () => `- ${sentence(rand, vocabulary, true)}`), '</KeyPoints>', ''];
  for (let h = 0; h < 8; h++) {
    parts.push(`${h % 3 === 2 ? '###' : '##'} Section ${h + 1} of essay ${i + 1}`, '');
    for (let p = 0; p < 3; p++) {
      const term = vocabulary.termIds[Math.floor(rand() * vocabulary.termIds.length)]!;
      parts.push(`${sentence(rand, vocabulary, true)} ${sentence(rand, vocabulary, false)} See [${term}](glossary:${term}). ${sentence(rand, vocabulary, true)} ${sentence(rand, vocabulary, false)}`, '');
    }
    if (h === 3) parts.push("<StockpileChart levels={['total']} />", '');
  }
  return parts.join('\n');
}

/** Essay `i` as this site's content/essays/<slug>.mdx. */
export function syntheticEssay(i: number, vocabulary: SyntheticVocabulary): string {
  return [
    '---',
    `title: "${essayTitle(i)}"`,
    `summary: "${ESSAY_SUMMARY}"`,
    'published: 2026-01-01',
    'updated: 2026-01-02',
    `topics: [${TOPICS[i % TOPICS.length]}]`,
    `order: ${i + 1}`,
    '---',
    '',
    syntheticEssayBody(i, vocabulary),
  ].join('\n');
}

export function syntheticEssaySlug(i: number): string {
  return `synthetic-${String(i + 1).padStart(4, '0')}`;
}

/** `n` timeline events spread from 2013 to 2026, as content/data/events.csv. */
export function syntheticEvents(n: number, vocabulary: SyntheticVocabulary): string {
  const rows = ['id,date,precision,category,title,summary,sources'];
  const start = Date.UTC(2013, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const rand = rng(7);
  for (let i = 0; i < n; i++) {
    const d = new Date(start + Math.floor((i / n) * span)).toISOString().slice(0, 10);
    rows.push(`${d}-synthetic-event-${i},${d},day,${TOPICS[i % TOPICS.length]},Synthetic event ${i},"${sentence(rand, vocabulary, false)} ${sentence(rand, vocabulary, false)}",${vocabulary.sourceKeys[i % vocabulary.sourceKeys.length]}`);
  }
  return `${rows.join('\n')}\n`;
}

/**
 * A copy of content/ in `dir` whose essays are `essays` synthetic ones; with `events`, the
 * timeline is that many synthetic events instead of the real ones.
 */
export function writeSyntheticContent(dir: string, essays: number, events?: number): void {
  const vocabulary = siteVocabulary();
  rmSync(dir, { recursive: true, force: true });
  cpSync('content', dir, { recursive: true });
  rmSync(path.join(dir, 'essays'), { recursive: true });
  mkdirSync(path.join(dir, 'essays'));
  for (let i = 0; i < essays; i++) writeFileSync(path.join(dir, 'essays', `${syntheticEssaySlug(i)}.mdx`), syntheticEssay(i, vocabulary));
  // A synthetic site has none of the real essays and no published history: no permalinks,
  // redirects or prose pages that point at them (the content check would refuse those).
  rmSync(path.join(dir, 'permalinks.txt'), { force: true });
  writeFileSync(path.join(dir, 'redirects.yaml'), '[]\n');
  rmSync(path.join(dir, 'pages'), { recursive: true, force: true });
  if (events !== undefined) {
    writeFileSync(path.join(dir, 'data', 'events.csv'), syntheticEvents(events, vocabulary));
    // Annotations point at real event ids; the synthetic timeline has none of them.
    writeFileSync(path.join(dir, 'data', 'datasets.yaml'), readFileSync(path.join(dir, 'data', 'datasets.yaml'), 'utf8').replace(/\n      event: .*/g, ''));
  }
}
