import { chromium } from 'playwright-core';
const [,, path, sel, width, theme, out] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
await page.goto('http://localhost:4406/' + path, { waitUntil: 'networkidle' });
const el = page.locator(sel).first();
await el.screenshot({ path: out });
await browser.close();
