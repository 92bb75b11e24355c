/**
 * The card a shared link shows (Open Graph image): the essay's title and the site's name, drawn as
 * SVG here and turned into a PNG at build time by resvg. No third-party service.
 */
import { wrapLabel } from './charts/common.ts';

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
