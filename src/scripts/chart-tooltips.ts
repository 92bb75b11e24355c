/**
 * Tooltips for chart marks that carry `data-tip`: shown on hover, on keyboard focus and on tap;
 * hidden on leave, blur or Escape. The same text is the mark's aria-label and sits in the data
 * table, so nothing depends on this script.
 */
const tip = document.createElement('div');
tip.className = 'chart-tooltip';
tip.hidden = true;
tip.setAttribute('aria-hidden', 'true');
document.body.append(tip);

function show(target: Element): void {
  const text = target.getAttribute('data-tip');
  if (!text) return;
  tip.textContent = text;
  tip.hidden = false;
  const box = target.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), document.documentElement.clientWidth - width - 8);
  const above = box.top - tip.offsetHeight - 8;
  tip.style.setProperty('left', `${left + window.scrollX}px`);
  tip.style.setProperty('top', `${(above > 8 ? above : box.bottom + 8) + window.scrollY}px`);
  document.querySelectorAll('.is-active').forEach((el) => el.classList.remove('is-active'));
  target.classList.add('is-active');
}

function hide(): void {
  tip.hidden = true;
  document.querySelectorAll('.is-active').forEach((el) => el.classList.remove('is-active'));
}

for (const mark of document.querySelectorAll('.chart [data-tip]')) {
  mark.addEventListener('mouseenter', () => show(mark));
  mark.addEventListener('mouseleave', hide);
  mark.addEventListener('focus', () => show(mark));
  mark.addEventListener('blur', hide);
  mark.addEventListener('click', () => show(mark));
}
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hide();
});

export {};
