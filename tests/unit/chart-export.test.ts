import { describe, expect, test } from 'vitest';
import { chartIdsIn } from '../../src/integrations/chart-downloads.ts';
import { chartImagePaths, chartImageSvg, compactSvg, extractCharts, resolveValue, standaloneChartCss, svgElements, textOf, xmlSafe } from '../../src/lib/chart-export.ts';

const figure = `<figure class="chart" id="chart-x"><figcaption class="chart-head"><span class="chart-title">Ships &amp; oil</span><span class="chart-takeaway">Fewer ships.</span></figcaption>
<div class="chart-body"><svg class="chart-svg chart-narrow" viewBox="0 0 360 200"><rect/></svg><svg class="chart-svg chart-wide" viewBox="0 0 720 300" role="group" data-width="720"><g class="bar" tabindex="0"><rect hidden width="5" height="5"></rect></g><svg class="inner"></svg></svg></div>
<div class="chart-foot"><p class="chart-source">Source: <a href="/data/">EIA</a>,
  by year.</p><p class="chart-credit">Chart: Site.</p></div></figure>`;

describe('reading charts from a built page', () => {
  test('the ids found in the page\'s bytes (to skip pages with no new chart) are the charts extractCharts reads', () => {
    const page = `<p>Café ✓</p>${figure}<p>between</p>${figure.replace('chart-x', 'chart-ünï')}<figure class="other" id="not-a-chart"></figure>`;
    expect(chartIdsIn(Buffer.from(page))).toEqual(extractCharts(page).map((c) => c.id));
    expect(chartIdsIn(Buffer.from(page))).toEqual(['chart-x', 'chart-ünï']);
    expect(chartIdsIn(Buffer.from('<p>No chart here</p>'))).toEqual([]);
  });
  test('title, finding, source and credit as text; only the wide drawing, nested <svg> included', () => {
    const [c] = extractCharts(figure);
    expect(c).toMatchObject({ id: 'chart-x', title: 'Ships & oil', takeaway: 'Fewer ships.', source: 'Source: EIA, by year.', credit: 'Chart: Site.' });
    expect(c!.svgs).toHaveLength(1);
    expect(c!.svgs[0]).toMatch(/^<svg class="chart-svg chart-wide"[\s\S]*<svg class="inner"><\/svg><\/svg>$/);
  });

  test('an <svg> that is never closed is an error, not a silent cut', () => {
    expect(() => svgElements('<svg class="chart-wide"><g>', 'chart-wide')).toThrow(/never closed/);
  });

  test('entities decoded, tags dropped', () => {
    // A no-break space is white space too, and collapses with the rest.
    expect(textOf('<b>A&nbsp;&#8211;&#x2014;</b>  B')).toBe('A –— B');
  });

  test('HTML boolean attributes and named entities made XML-safe', () => {
    expect(xmlSafe('<rect hidden width="5"></rect><text>a&nbsp;b &amp; c</text>')).toBe('<rect width="5"></rect><text>a&#160;b &amp; c</text>');
  });
});

describe('the site’s CSS for a standalone SVG', () => {
  const css = `:root { --text: light-dark(#111, #eee); --c: var(--text); }
.chart-svg text { fill: var(--c); font-size: 13px; width: 100%; }
.bar rect { fill: color-mix(in srgb, red 10%, blue); stroke: var(--missing, #abc); }
.legend .swatch { background: var(--text); fill: red; }
.bar:focus-visible rect { stroke: red; }
@media (min-width: 34rem) { .bar rect { fill: green; } }`;

  test('light values, SVG properties only, rules whose classes are all in the drawing', () => {
    expect(standaloneChartCss(css, '<svg class="chart-svg"><g class="bar"></g></svg>')).toBe('.chart-svg text { fill: #111; font-size: 13px }\n.bar rect { stroke: #abc }');
  });

  test('values that cannot be resolved are left out', () => {
    expect(resolveValue('var(--nope)', new Map())).toBeUndefined();
    expect(resolveValue('light-dark(#fff, #000)', new Map())).toBe('#fff');
  });
});

describe('the image', () => {
  test('title, finding, source, credit with the address, and the drawing scaled to 1,200 px', () => {
    const [chart] = extractCharts(figure);
    const { svg, width, height } = chartImageSvg({ chart: chart!, url: 'https://example.org/charts/x/#chart-x', credit: '“Ships & oil”, Site, https://example.org/charts/x/#chart-x, CC BY 4.0', css: '' });
    expect(width).toBe(1200);
    expect(height).toBeGreaterThan(300 * (1104 / 720));
    for (const text of ['Ships &amp; oil', 'Fewer ships.', 'Source: EIA, by year.', 'Credit: “Ships &amp; oil”, Site, https://example.org/charts/x/#chart-x, CC BY 4.0']) expect(svg).toContain(text);
    expect(svg).toMatch(/<svg x="48" y="[\d.]+" width="1104" height="460.0" overflow="visible" class="chart-svg" viewBox="0 0 720 300">/);
    expect(svg).not.toMatch(/tabindex|role=|data-width|hidden/);
  });

  test('image files are named by the chart’s id', () => {
    expect(chartImagePaths('chart-x')).toEqual({ png: 'charts/images/chart-x.png', png2x: 'charts/images/chart-x@2x.png', svg: 'charts/images/chart-x.svg' });
  });

  test('outlines keep two decimals; transforms keep theirs', () => {
    expect(compactSvg('<g transform="matrix(1.5333333 0 0 1.5333333 0 0)">\n    <path d="M 1.23456 7.891011 L 2 3"/>')).toBe('<g transform="matrix(1.5333333 0 0 1.5333333 0 0)">\n<path d="M 1.23 7.89 L 2 3"/>');
  });
});
