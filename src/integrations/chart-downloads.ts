/**
 * Chart images for download, made when the build has written the pages: every chart placed on
 * the site (each <figure class="chart"> by its id) becomes dist/charts/images/<id>.png (1200 px
 * wide), <id>@2x.png and <id>.svg (text as outlines, so it looks the same in any slide program).
 * Drawn by resvg with the share cards' fonts, and kept in the build cache like them.
 * The layout of each image is lib/chart-export.ts; the "Download image" menu is in ChartFigure.astro.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartImagePaths, chartImageSvg, compactSvg, EXPORT_WIDTH, extractCharts, type ExtractedChart } from '../lib/chart-export.ts';
import { cachedFile } from '../lib/build-cache.ts';
import { rendererFingerprint, SHARE_CARD_RENDER_OPTIONS } from '../lib/og-image.ts';
import { creditLine } from '../lib/reuse.ts';
import { svgToPng } from '../lib/svg-to-png.ts';
import { joinBase } from '../lib/urls.ts';
import { htmlFiles } from '../lib/built-pages.ts';

/**
 * A chart's home: its own chart page first, then the timeline page, then the essays; the first
 * page found that holds the chart gives the permanent address drawn into the image (never an
 * embed page, which is not meant to be visited).
 */
function homeRank(page: string): number {
  return page.startsWith('charts/') ? 0 : page.startsWith('timeline/') ? 1 : page.startsWith('embed/') ? 3 : 2;
}

/** The opening of a chart's tag, as extractCharts finds it. */
const CHART_TAG = Buffer.from('<figure class="chart" id="');

/** The ids of the charts on a page, read from its bytes. */
export function chartIdsIn(bytes: Buffer): string[] {
  const ids: string[] = [];
  for (let at = bytes.indexOf(CHART_TAG); at >= 0; at = bytes.indexOf(CHART_TAG, at + CHART_TAG.length)) {
    const start = at + CHART_TAG.length;
    ids.push(bytes.toString('utf8', start, bytes.indexOf('"', start)));
  }
  return ids;
}

export interface ChartHome { chart: ExtractedChart; page: string }

/** Every chart of the built site once, by id, with the page it is drawn from. */
export function chartsOfSite(dist: string): ChartHome[] {
  const pages = htmlFiles(dist)
    .map((f) => path.relative(dist, path.dirname(f)).split(path.sep).join('/'))
    .map((p) => (p ? `${p}/` : ''))
    .sort((a, b) => homeRank(a) - homeRank(b) || a.localeCompare(b));
  const seen = new Map<string, ChartHome>();
  for (const page of pages) {
    // Most pages only repeat charts found on a page ranked before them: their bytes are searched
    // for chart ids, and only a page with a new one is decoded and taken apart (decoding every
    // essay page was a cost per page).
    const bytes = readFileSync(path.join(dist, page, 'index.html'));
    if (chartIdsIn(bytes).every((id) => seen.has(id))) continue;
    for (const chart of extractCharts(bytes.toString('utf8'))) {
      if (!seen.has(chart.id) && chart.svgs.length) seen.set(chart.id, { chart, page });
    }
  }
  return [...seen.values()];
}

export function chartDownloads(options: { siteUrl: string; base: string; siteTitle: string; css: string }): AstroIntegration {
  return {
    name: 'explainer:chart-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const css = readFileSync(options.css, 'utf8');
        const fingerprint = rendererFingerprint();
        const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
        const homes = chartsOfSite(dist);
        mkdirSync(path.join(dist, 'charts', 'images'), { recursive: true });
        await Promise.all(
          homes.map(async ({ chart, page }) => {
            const url = new URL(`${joinBase(options.base, page)}#${chart.id}`, options.siteUrl).href;
            const { svg } = chartImageSvg({ chart, url, credit: creditLine({ siteTitle: options.siteTitle, workTitle: chart.title, url }), css });
            const inputs = [svg, ...fingerprint];
            const files = chartImagePaths(chart.id);
            const [flat, png, png2x] = await Promise.all([
              cachedFile('chart-images.svg', inputs, () => new TextEncoder().encode(compactSvg(new Resvg(svg, SHARE_CARD_RENDER_OPTIONS).toString()))),
              cachedFile('chart-images.png', [...inputs, EXPORT_WIDTH], () => svgToPng(svg, { ...SHARE_CARD_RENDER_OPTIONS, fitTo: { mode: 'width', value: EXPORT_WIDTH } })),
              cachedFile('chart-images-2x.png', [...inputs, EXPORT_WIDTH * 2], () => svgToPng(svg, { ...SHARE_CARD_RENDER_OPTIONS, fitTo: { mode: 'width', value: EXPORT_WIDTH * 2 } })),
            ]);
            writeFileSync(path.join(dist, files.svg), flat);
            writeFileSync(path.join(dist, files.png), png);
            writeFileSync(path.join(dist, files.png2x), png2x);
          }),
        );
        logger.info(`chart images: ${homes.length} charts, each as PNG (${EXPORT_WIDTH} px and 2×) and SVG`);
      },
    },
  };
}
