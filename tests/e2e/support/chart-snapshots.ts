/**
 * Which charts the snapshot test photographs: every chart figure on the pages that carry charts,
 * once per distinct id (the same chart placed in two essays has one id and one drawing). The list
 * is read from the built pages, so a chart added to an essay joins the snapshots by itself.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export const SNAPSHOT_WIDTHS = [390, 1280] as const;
export const SNAPSHOT_THEMES = ['light', 'dark'] as const;

export function chartSnapshotPlan(dist = 'dist'): { id: string; page: string }[] {
  const pages = ['charts/stockpile/', 'charts/hormuz/', 'timeline/'];
  const essays = path.join(dist, 'essays');
  if (existsSync(essays)) for (const slug of readdirSync(essays).sort()) if (existsSync(path.join(essays, slug, 'index.html'))) pages.push(`essays/${slug}/`);
  const seen = new Map<string, string>();
  for (const page of pages) {
    const html = readFileSync(path.join(dist, page, 'index.html'), 'utf8');
    for (const m of html.matchAll(/<figure class="chart"[^>]*\bid="([^"]+)"/g)) if (!seen.has(m[1]!)) seen.set(m[1]!, page);
  }
  return [...seen].map(([id, page]) => ({ id, page }));
}
