import { launchChromium } from './browser.ts';
const base = process.argv[2]!;
const shots: [string, number, 'light' | 'dark', boolean][] = [
  ['/', 390, 'light', true], ['/', 1280, 'dark', true], ['/essays/strait-of-hormuz/', 390, 'dark', true],
  ['/essays/nuclear-file/', 1280, 'light', true], ['/glossary/', 390, 'light', false], ['/timeline/', 390, 'dark', true],
];
const browser = await launchChromium();
for (const [path, w, scheme, js] of shots) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: scheme, javaScriptEnabled: js, hasTouch: w < 500, isMobile: w < 500 });
  const page = await ctx.newPage();
  const errs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  const name = `/tmp/look-${path.replace(/\W+/g, '_')}-${w}-${scheme}-${js ? 'js' : 'nojs'}.png`;
  await page.screenshot({ path: name });
  console.log(name, errs.join(' | '));
  await ctx.close();
}
await browser.close();
