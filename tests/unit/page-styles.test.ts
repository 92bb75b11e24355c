import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { htmlNames, parseStyles, scriptImports, selectorRequirement, stylesFor, withPageStyles } from '../../src/lib/page-styles.ts';

const CSS =
  ':root{--bg:#fff}body{margin:0}.toc a{color:red}.chart-wide{display:none}' +
  '@media (min-width:34rem){.chart-wide{display:block}.timeline-detail{padding:0}}' +
  '.cat-nuclear{--cat:red}.search-dialog{width:10rem}#source-kinds{margin:0}' +
  '.a:not(.b){color:blue}.x:has(> .y) .z{color:green}@keyframes fade{from{opacity:0}}' +
  '[data-theme=dark]{color-scheme:dark}.toc,.pager{font-size:1rem}';
const parsed = parseStyles(CSS);
const names = (classes: string[], ids: string[] = [], words: string[] = []) => ({ classes: new Set(classes), ids: new Set(ids), scriptWords: new Set(words) });

describe('stylesFor', () => {
  test('keeps, in order, only rules whose classes and ids the page has; element, attribute, :root and @keyframes rules always stay', () => {
    expect(stylesFor(parsed, names(['toc']))).toBe(
      ':root{--bg:#fff}body{margin:0}.toc a{color:red}@keyframes fade{from{opacity:0}}[data-theme=dark]{color-scheme:dark}.toc,.pager{font-size:1rem}',
    );
  });

  test('drops an @media block whose rules all go, and keeps only the rules of it that can match', () => {
    const out = stylesFor(parsed, names(['chart-wide']));
    expect(out).toContain('.chart-wide{display:none}@media (min-width:34rem){.chart-wide{display:block}}');
    expect(out).not.toContain('timeline-detail');
    expect(stylesFor(parsed, names([]))).not.toContain('@media');
  });

  test("a class named in the page's scripts stays (a dialog a script builds), and so does a class that starts with a script's word ending in '-'", () => {
    expect(stylesFor(parsed, names([], [], ['search-dialog']))).toContain('.search-dialog{');
    expect(stylesFor(parsed, names([], [], ['cat-']))).toContain('.cat-nuclear{');
    expect(stylesFor(parsed, names([], [], ['search']))).not.toContain('.search-dialog{');
  });

  test('ids count like classes; classes inside :not() and :has() are not required', () => {
    expect(stylesFor(parsed, names([], ['source-kinds']))).toContain('#source-kinds{');
    expect(stylesFor(parsed, names(['a']))).toContain('.a:not(.b){');
    expect(stylesFor(parsed, names(['x']))).not.toContain('.x:has');
    expect(stylesFor(parsed, names(['x', 'z']))).toContain('.x:has(> .y) .z{');
  });
});

describe('selectorRequirement', () => {
  test('reads classes and ids outside functional pseudo-classes, attribute selectors and strings', () => {
    expect(selectorRequirement(".a.b > #c:is(.d, .e) [data-x='.f']::before")).toEqual({ classes: ['a', 'b'], ids: ['c'] });
    expect(selectorRequirement('html.js .theme-toggle.js-only')).toEqual({ classes: ['js', 'theme-toggle', 'js-only'], ids: [] });
  });
});

describe('htmlNames and scriptImports', () => {
  test('class and id attributes, quoted or not, and the words of inline scripts', () => {
    const n = htmlNames(`<html class="js x"><p id=lede class='a  b'>.q</p><svg><rect class="hit"/></svg><script>document.documentElement.classList.add('is-ready')</script>`);
    expect([...n.classes].sort()).toEqual(['a', 'b', 'hit', 'js', 'x']);
    expect([...n.ids]).toEqual(['lede']);
    expect(n.scriptWords.has('is-ready')).toBe(true);
    expect(n.classes.has('q')).toBe(false);
  });

  test('static and dynamic imports of a bundled script', () => {
    expect(scriptImports('import{a as b}from"./chunk.A1.js";const c=()=>import("./search-dialog.B2.js");import"./side.C3.js"')).toEqual([
      './chunk.A1.js',
      './search-dialog.B2.js',
      './side.C3.js',
    ]);
  });
});

describe('withPageStyles', () => {
  const hash = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;
  const page = (css: string, policyHash = hash(css)) =>
    `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self' '${policyHash}' 'sha256-other='"><style>${css}</style>` +
    `<script type="text/x-after-paint" data-src="/_astro/page.js"></script></head><body><div class="toc"></div></body></html>`;
  const scripts: Record<string, string> = {
    '/_astro/page.js': 'import"./chunk.js";const d=()=>import("./dialog.js")',
    '/_astro/chunk.js': 'x.className="pager"',
    '/_astro/dialog.js': 'd.className="search-dialog"',
  };

  test("keeps what the page's scripts and the scripts they load name, and puts the trimmed stylesheet's hash in the policy in place of the old one", () => {
    const out = withPageStyles(page(CSS), (a) => scripts[a]);
    const kept = /<style>([\s\S]*)<\/style>/.exec(out)![1]!;
    expect(kept).toContain('.toc a{');
    expect(kept).toContain('.search-dialog{');
    expect(kept).not.toContain('.chart-wide');
    expect(out).toContain(`'${hash(kept)}'`);
    expect(out).not.toContain(`'${hash(CSS)}'`);
    expect(out).toContain("'sha256-other='");
  });

  test('a page whose policy does not list its stylesheet stops the build rather than publish a page with its styles blocked', () => {
    expect(() => withPageStyles(page(CSS, 'sha256-wrong='), (a) => scripts[a])).toThrow(/does not list its stylesheet's hash/);
  });
});

// Whether every rule a page needs is kept is checked in a browser: tests/e2e/page-styles.test.ts.
describe.skipIf(!existsSync('dist/index.html'))('the built pages', () => {
  test('pages carry less than the whole stylesheet: the home page under 20 KB of CSS, an essay under 30 KB', () => {
    const cssOf = (p: string) => [...readFileSync(p, 'utf8').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('').length;
    expect(cssOf('dist/index.html')).toBeLessThan(20_000);
    expect(cssOf('dist/essays/nuclear-file/index.html')).toBeLessThan(30_000);
  });
});
