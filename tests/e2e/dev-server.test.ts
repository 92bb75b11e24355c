/**
 * The dev server, as a maintainer uses it: it starts even when content is wrong and shows the
 * checker's message in the browser's error overlay; fixing the file reloads the page; editing
 * sources.yaml, glossary.yaml or a data file reloads it with the new reference, definition and
 * figure, without touching the essay. Runs `astro dev` on a copy of content/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildEnv } from './support/build.ts';
import { launchChromium } from './support/browser.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';

const ESSAY = 'leverage';
let work: string;
let content: string;
/** The essay's own `updated:` line, put back when the test fixes its bad edit. */
let updatedLine: string;
let dev: ChildProcess;
let origin: string;
let browser: Browser;
let page: Page;
/** What the dev server printed, for the failure message of a test that waits on it. */
let log = '';

/** Waits for a condition in the page; on time-out, fails with what the dev server printed. */
async function waitInPage(fn: (arg: string | undefined) => boolean, arg: string | undefined, what: string): Promise<void> {
  try {
    await page.waitForFunction(fn, arg, { timeout: 120_000 });
  } catch {
    const shown = await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent ?? document.body.innerText.slice(0, 300)).catch(() => '(no page)');
    throw new Error(`${what} did not happen within 2 minutes; the page shows:\n${shown}\nThe dev server printed:\n${log.slice(-3000)}`);
  }
}

const essayFile = () => path.join(content, 'essays', `${ESSAY}.mdx`);
const edit = (rel: string, from: string, to: string) => {
  const file = path.join(content, rel);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'explainer-dev-'));
  content = path.join(work, 'content');
  cpSync('content', content, { recursive: true });
  // Start with a bad edit in place: dev must start anyway. (The essay's own date, read from it,
  // so an editor moving `updated` does not break the test.)
  updatedLine = /^updated: .*$/m.exec(readFileSync(path.join(content, 'essays', `${ESSAY}.mdx`), 'utf8'))![0];
  edit(`essays/${ESSAY}.mdx`, updatedLine, 'updated: 2026-12-32');
  const port = await freePort();
  origin = `http://localhost:${port}`;
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port)], {
    // Vitest sets NODE_ENV=test, and Astro turns off live reload under it: this is a maintainer's dev server.
    env: buildEnv({ SITE_CONTENT_DIR: content, SITE_CACHE_DIR: path.join(work, 'cache'), NODE_ENV: 'development' }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 180_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/watching for file changes/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', onData);
    dev.stderr!.on('data', onData);
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
  browser = await launchChromium();
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dev?.pid) {
    dev.removeAllListeners('exit');
    process.kill(-dev.pid, 'SIGTERM');
  }
  rmSync(work, { recursive: true, force: true });
});


describe('astro dev with content that has an error', () => {
  test('starts, and the page shows the one line npm run check prints, in the error overlay', async () => {
    const [line] = checkContent(content).problems.map(formatProblem);
    expect(line).toMatch(/essays\/leverage\.mdx:5:1 field "updated": found "2026-12-32"; expected a real calendar date/);
    await page.goto(`${origin}/essays/${ESSAY}/`, { timeout: 180_000 });
    // The whole check runs in the page, inside one wait: the dev server may reload the page after
    // the overlay first shows (Vite re-optimising dependencies), and a separate read afterwards
    // could land in the middle of that reload. waitForFunction starts again on the new page.
    await waitInPage(
      (expected) =>
        JSON.stringify(document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent?.split('\n').filter((l) => l.trim().startsWith('- '))) === JSON.stringify([`  - ${expected}`]),
      line,
      'an overlay listing exactly that one problem',
    );
  }, 240_000);

  test('fixing the file reloads the page by itself, with the essay', async () => {
    edit(`essays/${ESSAY}.mdx`, 'updated: 2026-12-32', updatedLine);
    await waitInPage(() => !document.querySelector('vite-error-overlay') && !!document.querySelector('article.essay h1')?.textContent?.includes('Leverage'), undefined, 'the reload after the fix, showing the essay');
  }, 150_000);

  test('editing a source title reloads the page with the new reference, without touching the essay', async () => {
    const text = readFileSync(essayFile(), 'utf8');
    const key = /\[@([a-z0-9-]+)[;\]]/.exec(text)![1]!;
    const sources = readFileSync(path.join(content, 'sources.yaml'), 'utf8');
    const title = new RegExp(`^${key}:\\n  title: (.*)$`, 'm').exec(sources)![1]!;
    edit('sources.yaml', `${key}:\n  title: ${title}`, `${key}:\n  title: "A title changed while the dev server runs"`);
    // The link also carries a hidden " (external site, opens in a new tab)".
    await waitInPage((k) => !!document.querySelector(`#ref-${k} cite`)?.textContent?.startsWith('A title changed while the dev server runs'), key, `the new reference title for ${key}`);
  }, 150_000);

  test('editing a glossary definition reloads the page with the new definition on its links', async () => {
    // A locator waits (and retries across a reload still settling from the last edit); $eval would not.
    const link = { id: (await page.locator('a.term-link').first().getAttribute('data-term'))! };
    const glossary = readFileSync(path.join(content, 'glossary.yaml'), 'utf8');
    const entry = new RegExp(`^- id: ${link.id}\\n(?:  .*\\n)*?  definition: (>-\\n(?:    .*\\n)+|.*\\n)`, 'm').exec(glossary)!;
    edit('glossary.yaml', entry[0], entry[0].replace(entry[1]!, 'A definition changed while the dev server runs, long enough to pass.\n'));
    await waitInPage((id) => document.querySelector(`a.term-link[data-term="${id}"]`)?.getAttribute('data-definition') === 'A definition changed while the dev server runs, long enough to pass.', link.id, 'the new definition');
  }, 150_000);

  test('a bad edit while the page is open replaces it with the overlay', async () => {
    edit(`essays/${ESSAY}.mdx`, '<StockpileChart levels={[\'total\']} />', '<StockpileChrt levels={[\'total\']} />');
    // The page may reload more than once while the save settles: wait for the overlay that says it.
    await waitInPage(
      (expected) => !!document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent?.includes(expected!),
      'field "component": found "StockpileChrt"; expected StockpileChart (the closest name)',
      'the overlay naming the misspelt component',
    );
  }, 150_000);
});
