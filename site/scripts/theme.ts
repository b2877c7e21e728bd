/**
 * Light and dark themes. The choice lives in localStorage under THEME_KEY; with no choice the
 * page follows `prefers-color-scheme`. An inline script in <head> (Base.astro) applies it before
 * the first paint, so there is no flash; this module is the toggle's side.
 *
 * The current theme is `document.documentElement.dataset.theme` ("light" | "dark"); islands that
 * paint themselves (Monaco, xterm, Chart.js) listen for THEME_EVENT on `document`.
 */
export const THEME_KEY = 'pipeline-lab:theme';
export const THEME_EVENT = 'pipeline-lab:theme';

export type Theme = 'light' | 'dark';

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  if (remember) {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage unavailable: the choice lasts for this page only.
    }
  }
  document.dispatchEvent(new CustomEvent(THEME_EVENT, { detail: { theme } }));
}
