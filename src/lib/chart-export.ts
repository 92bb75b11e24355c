/**
 * Chart images for slides and documents: each chart as the site draws it (its wide drawing), with
 * its title, finding, source line, credit line and permanent address drawn in, in the light theme,
 * as one standalone SVG. The build (src/integrations/chart-downloads.ts) reads the charts from the
 * built pages, so every variant placed on the site gets an image, and resvg turns the SVG into the
 * PNGs and into the downloadable SVG with its text as outlines.
 *
 * Plain string work, no DOM: the figures come from HTML the site itself wrote.
 */
import { wrapLabel } from './charts/common.ts';

/** Where a chart's images are served, by its figure id (the id is also its #anchor on the page). */
export function chartImagePaths(id: string): { png: string; png2x: string; svg: string } {
  return { png: `charts/images/${id}.png`, png2x: `charts/images/${id}@2x.png`, svg: `charts/images/${id}.svg` };
}

/** The width of the PNG a slide gets; the 2× PNG is twice that. */
export const EXPORT_WIDTH = 1200;

export interface ExtractedChart {
  id: string;
  title: string;
  takeaway: string;
  source: string;
  /** The figure's credit line as shown (names third-party data such as the map's coastline). */
  credit: string;
  /** Each wide drawing of the figure (the map has two), as <svg> markup. */
  svgs: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

function innerOf(html: string, className: string): string {
  const m = new RegExp(`<(\\w+)[^>]*class="${className}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m ? m[2]! : '';
}

/** Every <svg> element (with its nested ones) whose class list has `className`, in order. */
export function svgElements(html: string, className: string): string[] {
  const out: string[] = [];
  const open = /<svg\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(html))) {
    const classes = /\bclass="([^"]*)"/.exec(m[0])?.[1]?.split(/\s+/) ?? [];
    if (!classes.includes(className)) continue;
    // Finds the matching </svg>, counting nested <svg> elements.
    let depth = 0;
    const tags = /<svg\b[^>]*>|<\/svg>/g;
    tags.lastIndex = m.index;
    let t: RegExpExecArray | null;
    while ((t = tags.exec(html))) {
      depth += t[0].startsWith('</') ? -1 : 1;
      if (depth === 0) break;
    }
    if (!t) throw new Error(`chart images: an <svg class="${className}"> is never closed`);
    out.push(html.slice(m.index, t.index + t[0].length));
    open.lastIndex = t.index + t[0].length;
  }
  return out;
}

/** The charts (<figure class="chart">) of a built page. */
export function extractCharts(html: string): ExtractedChart[] {
  const charts: ExtractedChart[] = [];
  for (const m of html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)) {
    const body = m[2]!;
    charts.push({
      id: m[1]!,
      title: textOf(innerOf(body, 'chart-title')),
      takeaway: textOf(innerOf(body, 'chart-takeaway')),
      source: textOf(innerOf(body, 'chart-source')),
      credit: textOf(innerOf(body, 'chart-credit')),
      svgs: svgElements(body, 'chart-wide'),
    });
  }
  return charts;
}

// -------------------------------------------------------------------------------------------------
// The site's chart styles, for an SVG that stands alone

/** SVG presentation properties: what the standalone SVG may take from the site's CSS. */
const SVG_PROPERTIES = new Set([
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap', 'stroke-opacity',
  'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'paint-order',
  'letter-spacing', 'display', 'visibility',
]);

interface CssRule { selectors: string[]; declarations: [string, string][] }

/** Top-level style rules of a stylesheet; at-rules (@media, @font-face…) are left out with their blocks. */
export function topLevelRules(css: string): CssRule[] {
  const src = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open < 0) break;
    const prelude = src.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    for (; j < src.length && depth; j++) depth += src[j] === '{' ? 1 : src[j] === '}' ? -1 : 0;
    const block = src.slice(open + 1, j - 1);
    i = j;
    if (prelude.startsWith('@')) continue;
    const declarations = block
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()] as [string, string])
      .filter(([p]) => p);
    rules.push({ selectors: prelude.split(',').map((s) => s.trim()), declarations });
  }
  return rules;
}

/** Custom properties of :root in the light theme: light-dark(a, b) is read as a. */
export function lightCustomProperties(rules: readonly CssRule[]): Map<string, string> {
  const vars = new Map<string, string>();
  for (const r of rules) if (r.selectors.includes(':root')) for (const [p, v] of r.declarations) if (p.startsWith('--')) vars.set(p, v);
  return vars;
}

/** A value with var() and light-dark() resolved; undefined when it cannot be (an unknown variable, color-mix). */
export function resolveValue(value: string, vars: ReadonlyMap<string, string>, depth = 0): string | undefined {
  if (depth > 10) return undefined;
  let v = value.replace(/\s*!important$/, '');
  v = v.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_m, name: string, fallback?: string) => vars.get(name) ?? fallback ?? '\u0000');
  v = v.replace(/light-dark\(\s*([^,()]+|[^,()]*\([^()]*\)[^,()]*)\s*,[^()]*(?:\([^()]*\)[^()]*)*\)/g, '$1');
  if (v.includes('\u0000') || /color-mix|calc\(|clamp\(/.test(v)) return undefined;
  return v.includes('var(') || v.includes('light-dark(') ? resolveValue(v, vars, depth + 1) : v.trim();
}

/** Every class used in some markup. */
export function classesIn(markup: string): Set<string> {
  const out = new Set<string>();
  for (const m of markup.matchAll(/\bclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
  return out;
}

/**
 * The site's CSS rules that can apply to `markup`, in the light theme and in plain values, as a
 * stylesheet for a standalone SVG: selectors made only of classes and element names, with every
 * class present in the markup (no :hover, no @media), and only SVG presentation properties.
 */
export function standaloneChartCss(css: string, markup: string): string {
  const rules = topLevelRules(css);
  const vars = lightCustomProperties(rules);
  const present = classesIn(markup);
  const out: string[] = [];
  for (const r of rules) {
    const selectors = r.selectors.filter((s) => /^[\w.\s>-]+$/.test(s) && [...s.matchAll(/\.([\w-]+)/g)].every((c) => present.has(c[1]!)) && /\./.test(s));
    if (!selectors.length) continue;
    const decls = r.declarations.flatMap(([p, v]) => {
      if (!SVG_PROPERTIES.has(p)) return [];
      const resolved = resolveValue(v, vars);
      return resolved === undefined ? [] : [`${p}: ${resolved}`];
    });
    if (decls.length) out.push(`${selectors.join(', ')} { ${decls.join('; ')} }`);
  }
  return out.join('\n');
}

// -------------------------------------------------------------------------------------------------
// The image

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * HTML-serialised SVG made safe for an XML parser: named HTML entities become numeric ones, and
 * attributes without a value (HTML's boolean attributes, such as `hidden`) are dropped.
 */
export function xmlSafe(svg: string): string {
  const tags = svg.replace(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g, (_m, name: string, attrs: string, selfClosing: string) => {
    const kept = [...attrs.matchAll(/\s+([^\s=/>]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].filter((a) => a[2] !== undefined).map((a) => ` ${a[1]}${a[2]!.trim()}`);
    return `<${name}${kept.join('')}${selfClosing ? '/' : ''}>`;
  });
  return tags.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)([a-z]+);/gi, (m, e: string) => {
    const ch = ENTITIES[e.toLowerCase()];
    return ch ? `&#${ch.codePointAt(0)};` : m;
  });
}

export interface ImageInput {
  chart: ExtractedChart;
  /** The chart's permanent address (page and #id). */
  url: string;
  /** The credit line built by lib/reuse.ts. */
  credit: string;
  /** The site's stylesheet. */
  css: string;
  /** Light-theme colours of the frame: page background, text, muted text, rule. */
  colours?: { bg: string; text: string; muted: string; rule: string };
}

const LIGHT = { bg: '#fbfaf7', text: '#1d1f21', muted: '#55585c', rule: '#dcd7cc' };

/**
 * The standalone SVG, EXPORT_WIDTH wide: title, finding, each drawing scaled to the width, the
 * source line, then the credit and the address. Text is set in DejaVu Sans, the font the renderer
 * is given, so the layout here is the layout drawn. DejaVu Sans averages about 0.55 em a character.
 */
export function chartImageSvg(input: ImageInput): { svg: string; width: number; height: number } {
  const { chart } = input;
  const c = input.colours ?? LIGHT;
  const W = EXPORT_WIDTH;
  const pad = 48;
  const inner = W - 2 * pad;
  const perLine = (size: number) => Math.floor(inner / (size * 0.56));
  const parts: string[] = [];
  let y = pad;
  const text = (s: string, size: number, fill: string, weight = 'normal') => {
    for (const line of wrapLabel(s, perLine(size))) {
      y += size * 1.1;
      parts.push(`<text x="${pad}" y="${y.toFixed(1)}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(line)}</text>`);
      y += size * 0.3;
    }
  };
  text(chart.title, 32, c.text, 'bold');
  y += 6;
  if (chart.takeaway) text(chart.takeaway, 21, c.muted);
  y += 18;
  for (const svg of chart.svgs) {
    const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1]?.split(/[\s,]+/).map(Number);
    if (!viewBox || viewBox.length !== 4) throw new Error(`chart images: ${chart.id} has an <svg> without a viewBox`);
    const height = (inner * viewBox[3]!) / viewBox[2]!;
    // The drawing keeps its classes (so the site's rules apply) but not the ones that hide one of
    // the two drawings by screen width.
    const placed = xmlSafe(svg)
      .replace(/^<svg\b[^>]*>/, (open) => open.replace(/\bclass="([^"]*)"/, (_m, cls: string) => `class="${cls.split(/\s+/).filter((k) => k !== 'chart-wide' && k !== 'chart-narrow').join(' ')}"`).replace(/\s(?:role|aria-[\w-]+|data-[\w-]+)="[^"]*"/g, '').replace(/^<svg/, `<svg x="${pad}" y="${y.toFixed(1)}" width="${inner}" height="${height.toFixed(1)}" overflow="visible"`))
      .replace(/\s(?:tabindex|aria-[\w-]+|role|data-[\w-]+)="[^"]*"/g, '');
    parts.push(placed);
    y += height + 24;
  }
  parts.push(`<line x1="${pad}" x2="${W - pad}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="${c.rule}" stroke-width="1.5"/>`);
  y += 8;
  if (chart.source) text(chart.source, 16, c.muted);
  if (chart.credit) text(chart.credit, 16, c.muted);
  y += 4;
  // The credit line ends with the chart's permanent address.
  text(`Credit: ${input.credit}`, 16, c.text, 'bold');
  const height = Math.ceil(y + pad - 8);
  const style = standaloneChartCss(input.css, chart.svgs.join('\n'));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">
<style>
.chart-svg { font-family: 'DejaVu Sans' }
${style}
</style>
<rect width="${W}" height="${height}" fill="${c.bg}"/>
${parts.join('\n')}
</svg>`;
  return { svg, width: W, height };
}

/**
 * resvg's outlined SVG, smaller: path coordinates to two decimals (a hundredth of a pixel at
 * 1,200 px; transforms keep their precision, since a scale rounded would move the drawing) and no
 * indentation. About two thirds of the size, and the same drawing.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/\sd="([^"]*)"/g, (_m, d: string) => ` d="${d.replace(/(\d+\.\d\d)\d+/g, '$1')}"`)
    .replace(/\n\s+/g, '\n');
}
