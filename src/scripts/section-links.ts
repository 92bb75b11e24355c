/**
 * Section links for educators: shows the "Copy link" buttons beside each heading and copies the
 * section's full URL. The visible "#" anchor works without this script; so does the highlight of
 * the section landed on (CSS :target).
 */
import { announce } from './announce.ts';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-link[data-section]')) {
  const label = button.querySelector('.copy-link-label');
  button.addEventListener('click', async () => {
    // Never the query string (search adds ?highlight=…): the page's own address and the section.
    const url = new URL(`#${button.dataset.section}`, `${window.location.origin}${window.location.pathname}`).href;
    const ok = await copy(url);
    announce(ok ? `Link copied: ${url}` : `Copy failed. The link is ${url}`);
    if (label) {
      label.textContent = ok ? 'Copied' : 'Copy failed';
      window.setTimeout(() => (label.textContent = 'Copy link'), 2000);
    }
  });
}

export {};
