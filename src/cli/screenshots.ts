/**
 * `npm run screenshots [out-dir] [page ...]`: photographs the built site as readers see it, on a
 * 390 px phone and a 1280 px desktop, light and dark, with and without JavaScript.
 * Build first (`npm run build`). Pages default to the home page and the first essay.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { builtPages } from '../../tests/e2e/support/site.ts';

const [outArg, ...pageArgs] = process.argv.slice(2);
const out = path.resolve(outArg ?? 'screenshots');
const essays = builtPages().filter((p) => /^essays\/[^/]+\/$/.test(p));
const pages = pageArgs.length ? pageArgs : ['', essays[0] ?? 'about/'];
mkdirSync(out, { recursive: true });

const site = await serveDist();
const browser = await launchChromium();
try {
  for (const pagePath of pages) {
    for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const js of [true, false]) {
          const context = await browser.newContext({ viewport, colorScheme: scheme, javaScriptEnabled: js, deviceScaleFactor: 1 });
          const page = await context.newPage();
          await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
          const name = `${(pagePath || 'home').replace(/[/#?]+/g, '_').replace(/_$/, '')}-${device}-${scheme}${js ? '' : '-nojs'}.png`;
          await page.screenshot({ path: path.join(out, name), fullPage: process.env.FULL_PAGE === '1' });
          await context.close();
          console.log(path.join(out, name));
        }
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}
