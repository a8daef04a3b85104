// @ts-check
import { defineConfig } from 'astro/config';
import { hindsight } from './src/integrations/hindsight.ts';

export default defineConfig({
  integrations: [
    // Every option is described in README.md ("Configuration"), with its default.
    hindsight({
      title: 'Hindsight',
      tagline: 'Incident postmortems: what broke, why, and what we changed.',
      // Sample settings: `npm run samples:remove` deletes them with the sample postmortems.
      organization: 'Fernhill',
      site: 'https://hindsight.example',
      notice:
        'These postmortems are samples about a fictional company, Fernhill. Replace them with your own: see "Start your own knowledge base" in README.md.',
      // End of sample settings.
    }),
  ],
});
