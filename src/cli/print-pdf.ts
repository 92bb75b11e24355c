/**
 * `npm run print -- [page ...]`: prints built pages to PDF in Chromium, as an educator printing a
 * handout would, into print/ (default: the essays with page budgets and the timeline). Build first.
 * Reports each file's page count, against its budget (src/lib/handouts.ts) where it has one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { printPage } from '../../tests/e2e/support/print.ts';
import { readPdfPages } from '../../tests/e2e/support/pdf-pages.ts';
import { HANDOUT_BUDGETS, MIN_PAGE_FILL, underfilledPages } from '../lib/handouts.ts';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : [...HANDOUT_BUDGETS.map((b) => b.page), 'timeline/'];
const out = path.resolve(process.env.PRINT_DIR ?? 'print');
mkdirSync(out, { recursive: true });
const site = await serveDist();
const browser = await launchChromium();
let overBudget = false;
for (const p of pages) {
  const { pdf, bottomMarginPt } = await printPage(browser, site.url(p));
  const file = path.join(out, `${p.replace(/\/$/, '').replace(/\//g, '_') || 'home'}.pdf`);
  writeFileSync(file, pdf);
  const printed = readPdfPages(pdf, bottomMarginPt);
  const budget = HANDOUT_BUDGETS.find((b) => b.page === p);
  const underfilled = underfilledPages(printed.map((pg) => pg.fill));
  const notes = [
    budget ? `budget ${budget.maxPages}${printed.length > budget.maxPages ? ' — OVER BUDGET' : ''}` : '',
    underfilled.length ? `filled less than ${MIN_PAGE_FILL * 100} % of the way down: page ${underfilled.join(', ')}` : '',
  ].filter(Boolean);
  if (budget && printed.length > budget.maxPages) overBudget = true;
  console.log(`${file}: ${printed.length} pages${notes.length ? ` (${notes.join('; ')})` : ''}`);
}
await browser.close();
await site.close();
if (overBudget) process.exitCode = 1;
