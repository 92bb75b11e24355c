/**
 * Scrollspy for an essay's contents list: the link to the section being read carries
 * aria-current="location" (styled in global.css). Loaded by TableOfContents.astro, so only pages
 * with the list get it. Cheap: an IntersectionObserver wakes it when a heading enters or leaves
 * the screen, and `scrollend` catches jumps that skip past a heading; nothing runs per scroll frame.
 */
import { currentSectionIndex } from '../lib/scrollspy.ts';

const toc = document.querySelector<HTMLElement>('nav.toc');
const links = toc ? [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')] : [];
const targets = links
  .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
  .filter((t): t is { link: HTMLAnchorElement; heading: HTMLElement } => t.heading !== null);

let marked: HTMLAnchorElement | undefined;
let queued = false;

function update(): void {
  queued = false;
  const root = document.documentElement;
  const index = currentSectionIndex({
    headingTops: targets.map((t) => t.heading.getBoundingClientRect().top),
    // A heading counts as begun once it is in the top third of the screen.
    readingLine: window.innerHeight / 3,
    viewportHeight: window.innerHeight,
    atEnd: window.scrollY + window.innerHeight >= root.scrollHeight - 2,
  });
  const next = targets[index]?.link;
  if (next === marked) return;
  marked?.removeAttribute('aria-current');
  next?.setAttribute('aria-current', 'location');
  marked = next;
  if (next && toc) keepInView(toc, next);
}

/** A long list scrolls inside its sidebar: bring the marked link into it without moving the page. */
function keepInView(list: HTMLElement, link: HTMLElement): void {
  if (list.scrollHeight <= list.clientHeight) return;
  const l = link.getBoundingClientRect();
  const box = list.getBoundingClientRect();
  if (l.top < box.top || l.bottom > box.bottom) list.scrollTop += l.top - box.top - box.height / 3;
}

function schedule(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(update);
}

if (targets.length > 1) {
  const observer = new IntersectionObserver(schedule);
  for (const t of targets) observer.observe(t.heading);
  addEventListener('scrollend', schedule);
  addEventListener('resize', schedule);
  schedule();
}

export {};
