// Pipeline Lab is a static site: every page is plain HTML at build time, and the only
// JavaScript is the small theme/progress scripts plus the exercise island (DESIGN §6).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  srcDir: './site',
  output: 'static',
  integrations: [mdx()],
  vite: {
    // The simulator worker is an ES module (it imports the simulator and comlink).
    worker: { format: 'es' },
  },
});
