/**
 * `npm run print -- [page ...]`: prints built pages to PDF in Chromium, as an educator printing a
 * handout would, into print/ (default: an essay with charts and the timeline). Build first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['essays/strait-of-hormuz/', 'timeline/'];
const out = path.resolve(process.env.PRINT_DIR ?? 'print');
mkdirSync(out, { recursive: true });
const site = await serveDist();
const browser = await launchChromium();
for (const p of pages) {
  const page = await browser.newPage();
  await page.goto(site.url(p), { waitUntil: 'networkidle' });
  await page.emulateMedia({ media: 'print' });
  // What a browser does before printing: the handout's footer fills in the retrieval date.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const file = path.join(out, `${p.replace(/\/$/, '').replace(/\//g, '_') || 'home'}.pdf`);
  // The stylesheet's @page rule sets the size, margins and page numbers, as when a reader prints from the browser.
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  console.log(file);
  await page.close();
}
await browser.close();
await site.close();
