/**
 * Tells the page that frames this embed how tall it is, whenever that changes (fonts loading, the
 * data table opened, a narrower frame), so the host's listener can size the frame: see the snippet
 * in lib/embeds.ts. Posted to any origin, since it says nothing private: only the height.
 */
import { EMBED_HEIGHT_MESSAGE } from '../lib/embeds.ts';

const id = document.body.dataset.embedId;
let last = 0;
function post(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, id, height }, '*');
}
new ResizeObserver(post).observe(document.documentElement);
post();
