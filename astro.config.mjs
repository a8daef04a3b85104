// @ts-check
import { defineConfig } from 'astro/config';
import { hindsight } from './src/integrations/hindsight.ts';

export default defineConfig({
  // Tests build fixture sites side by side; each gets its own cache so they cannot see each other's content.
  ...(process.env.HINDSIGHT_CACHE_DIR ? { cacheDir: process.env.HINDSIGHT_CACHE_DIR } : {}),
  integrations: [
    // Every option is described in README.md ("Configuration"), with its default.
    hindsight({
      title: 'Hindsight',
      tagline: 'Incident postmortems: what broke, why, and what we changed.',
      organization: 'Fernhill',
      site: 'https://hindsight.example',
      notice:
        'These postmortems are samples about a fictional company, Fernhill. Replace them with your own: see "Start your own knowledge base" in README.md.',
    }),
  ],
});
