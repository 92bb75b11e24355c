/**
 * Glossary links in essays show their term's definition on hover or keyboard focus (and on tap,
 * via focus); Escape or moving away dismisses it. The link itself still goes to the glossary
 * entry, which is all a reader without JavaScript gets.
 */
const popover = document.createElement('div');
popover.className = 'term-popover';
popover.id = 'term-popover';
popover.setAttribute('role', 'tooltip');
popover.hidden = true;
document.body.append(popover);
let current: HTMLElement | undefined;

function show(link: HTMLElement): void {
  const definition = link.dataset.definition;
  if (!definition) return;
  current = link;
  popover.textContent = definition;
  popover.hidden = false;
  link.setAttribute('aria-describedby', popover.id);
  const box = link.getBoundingClientRect();
  const width = popover.offsetWidth;
  const left = Math.min(Math.max(8, box.left), document.documentElement.clientWidth - width - 8);
  const below = box.bottom + 6;
  const top = below + popover.offsetHeight > window.innerHeight && box.top > popover.offsetHeight + 12 ? box.top - popover.offsetHeight - 6 : below;
  popover.style.setProperty('left', `${left + window.scrollX}px`);
  popover.style.setProperty('top', `${top + window.scrollY}px`);
}

function hide(): void {
  popover.hidden = true;
  current?.removeAttribute('aria-describedby');
  current = undefined;
}

for (const link of document.querySelectorAll<HTMLElement>('a.term-link[data-definition]')) {
  link.addEventListener('mouseenter', () => show(link));
  link.addEventListener('mouseleave', hide);
  link.addEventListener('focus', () => show(link));
  link.addEventListener('blur', hide);
}
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && current) hide();
});

export {};
