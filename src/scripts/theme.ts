/**
 * The theme toggle: follows the system until the reader chooses, then remembers the choice.
 * The inline script in Base.astro applies a saved choice before first paint. The button keeps one
 * name, "Dark theme"; aria-pressed (and the switch the CSS draws from it) says whether it is on.
 */
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(): 'light' | 'dark' {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

function sync(button: HTMLButtonElement): void {
  button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
  sync(button);
  button.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    sync(button);
  });
  systemDark.addEventListener('change', () => sync(button));
}

export {};
