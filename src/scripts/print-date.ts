/**
 * A printed handout says when it was taken from the site: "· Retrieved 2 December 2026" after the
 * page's address in its print footer (`[data-retrieved]`), filled in just before printing.
 */
import { formatDate } from '../lib/dates.ts';

window.addEventListener('beforeprint', () => {
  const today = new Date();
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  for (const slot of document.querySelectorAll<HTMLElement>('[data-retrieved]')) slot.textContent = ` · Retrieved ${formatDate(day)}`;
});

export {};
