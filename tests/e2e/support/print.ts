/**
 * Printing a built page to PDF as a reader's browser does, shared by `npm run print` and
 * tests/e2e/print.test.ts so the test measures exactly the handout the command makes.
 */
import type { Browser, Page } from 'playwright-core';

/**
 * Waits until the print stylesheet has loaded. The script loader adds it just after the first
 * paint (src/lib/after-paint.ts); on a busy machine the network can fall idle before that.
 */
export async function waitForPrintStyles(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.media.mediaText === 'print' && !!s.href && s.cssRules.length > 0));
}

export interface PrintedPage {
  pdf: Buffer;
  /** The @page rule's bottom margin in PDF points: where the running page number sits. */
  bottomMarginPt: number;
}

export async function printPage(browser: Browser, url: string): Promise<PrintedPage> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await waitForPrintStyles(page);
    await page.emulateMedia({ media: 'print' });
    // What a browser does before printing: the handout's footer fills in the retrieval date.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const bottomMarginPx = await page.evaluate(() => {
      for (const sheet of Array.from(document.styleSheets)) {
        for (const rule of Array.from(sheet.cssRules)) {
          if (rule instanceof CSSPageRule && rule.style.marginBottom) {
            const probe = document.createElement('div');
            probe.style.height = rule.style.marginBottom;
            document.body.append(probe);
            const px = probe.getBoundingClientRect().height;
            probe.remove();
            return px;
          }
        }
      }
      throw new Error('no @page rule with a bottom margin in the stylesheets');
    });
    // The stylesheet's @page rule sets the size, margins and page numbers, as when a reader prints from the browser.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    return { pdf, bottomMarginPt: (bottomMarginPx * 72) / 96 };
  } finally {
    await page.close();
  }
}
