/**
 * The card a shared link shows (Open Graph image): the essay's title and the site's name, drawn as
 * SVG here and turned into a PNG at build time by resvg. No third-party service.
 *
 * A card takes tens of milliseconds to draw (laying out the title's glyphs and compressing the
 * PNG; loading the fonts is a small part), so cards are kept in the build cache under a hash of
 * everything they are drawn from, and drawn on worker threads: prepareShareCards() starts them all
 * as soon as the list of cards is known, and they are drawn while the main thread renders pages.
 */
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { wrapLabel } from './charts/common.ts';
import { cacheKey, cachedFile } from './build-cache.ts';
import { svgToPng } from './svg-to-png.ts';
import { PNG_ENCODER_VERSION } from './png-encode.ts';

export const OG_SIZE = { width: 1200, height: 630 } as const;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function ogImageSvg(input: { title: string; kicker: string; site: string }): string {
  const { width, height } = OG_SIZE;
  // DejaVu Sans Bold averages about 0.62 em a character: 24 characters at 64 px fill the 1,020 px.
  const lines = wrapLabel(input.title, 24).slice(0, 4);
  const size = 64;
  const top = 215;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#f4f1ea"/>
  <rect width="24" height="${height}" fill="#1f4e5f"/>
  <text x="90" y="120" font-family="DejaVu Sans" font-weight="bold" font-size="30" letter-spacing="3" fill="#1f4e5f">${escapeXml(input.kicker.toUpperCase())}</text>
  ${lines.map((l, i) => `<text x="90" y="${top + i * size * 1.15}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#1d1f21">${escapeXml(l)}</text>`).join('\n  ')}
  <line x1="90" x2="${width - 90}" y1="${height - 120}" y2="${height - 120}" stroke="#c9c2b3" stroke-width="2"/>
  <text x="90" y="${height - 70}" font-family="DejaVu Sans" font-size="34" fill="#55585c">${escapeXml(input.site)}</text>
</svg>`;
}

// The fonts come from an npm package, so every machine draws the same card.
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(FONT_DIR, f));
export const SHARE_CARD_RENDER_OPTIONS: ResvgRenderOptions = { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } };

/**
 * What else decides the PNG besides the SVG: the renderer's version, the font files and the PNG
 * encoder (a new encoder writes other bytes, so cards cached under an older one are not reused).
 */
export function rendererFingerprint(): string[] {
  const resvg = (require('@resvg/resvg-js/package.json') as { version: string }).version;
  return [`resvg ${resvg}`, ...FONT_FILES.map((f) => `${path.basename(f)} ${statSync(f).size}`), PNG_ENCODER_VERSION];
}
let fingerprint: string[] | undefined;

export interface ShareCard {
  title: string;
  kicker: string;
  site: string;
}

/** Cards being drawn or read, by cache key, so a card is never drawn twice in one build. */
const inFlight = new Map<string, Promise<Uint8Array>>();

/** The share card as a PNG: from the build cache when an earlier build drew the same card. */
export function shareCardPng(card: ShareCard): Promise<Uint8Array> {
  const svg = ogImageSvg(card);
  fingerprint ??= rendererFingerprint();
  const inputs = [svg, ...fingerprint];
  const key = cacheKey(inputs);
  let png = inFlight.get(key);
  if (!png) {
    png = cachedFile('share-cards.png', inputs, () => svgToPng(svg, SHARE_CARD_RENDER_OPTIONS));
    inFlight.set(key, png);
    // Whoever asks for the card sees a failure; the early start alone must not crash the build.
    png.catch(() => undefined);
  }
  return png;
}

/** Starts drawing every card now (those not in the cache), so they are ready when their pages are built. */
export function prepareShareCards(cards: readonly ShareCard[]): void {
  for (const card of cards) void shareCardPng(card);
}
