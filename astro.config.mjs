// Pipeline Lab is a static site: every page is plain HTML at build time, and the only
// JavaScript is the small theme/progress scripts plus the exercise island (DESIGN §6).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // The deployment's address: hreflang alternates are absolute URLs (Google asks for them). A placeholder
  // until the course has a public host; change it here when it does.
  site: 'https://pipeline-lab.example',
  srcDir: './site',
  output: 'static',
  integrations: [mdx()],
  // Code blocks in lessons follow the page's theme. The high-contrast GitHub themes keep every token
  // (comments included) above WCAG AA on their background; plain github-dark's comments are 3:1.
  // `defaultColor: false` emits both as CSS variables; prose.css picks one by `data-theme`.
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    },
  },
  // English at `/`, Korean under `/ko/` (issue #23). Every page exists in both languages
  // (site/pages/ko/ mirrors site/pages/); components read the language from Astro.currentLocale.
  i18n: {
    locales: ['en', 'ko'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  vite: {
    // The simulator worker and Monaco's workers (`?worker` imports) are ES modules.
    worker: { format: 'es' },
    // dt-sql-parser's ESM build imports directories (`./parser`), which Node's resolver refuses when the
    // pages are prerendered: let Vite bundle it for the server build as it does for the browser.
    ssr: { noExternal: ['dt-sql-parser'] },
    optimizeDeps: {
      // `astro dev` only: the YAML language worker imports CommonJS/UMD packages
      // (vscode-languageserver-types among them) that must be pre-bundled to ESM, or the
      // worker dies with "module is not defined". Listing them up front also avoids a
      // mid-session "optimized dependencies changed, reloading" when an exercise first loads.
      include: [
        'monaco-yaml > vscode-languageserver-types',
        'monaco-yaml > vscode-languageserver-textdocument',
        'monaco-yaml > vscode-uri',
        'monaco-yaml > jsonc-parser',
        'monaco-yaml > path-browserify',
        'monaco-yaml > monaco-worker-manager/worker',
        'zod',
        'yaml',
        'comlink',
        // Imported lazily by the exercise and Lab charts: unlisted, a cold dev server discovers it at the
        // first sweep, re-optimises, and the page's dynamic import fails ("Failed to fetch dynamically
        // imported module …/chart__js.js").
        'chart.js',
      ],
    },
  },
});
