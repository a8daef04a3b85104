// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.HINDSIGHT_SITE ?? 'https://hindsight.example',
  // Tests build fixture sites side by side; each gets its own cache so they cannot see each other's content.
  ...(process.env.HINDSIGHT_CACHE_DIR ? { cacheDir: process.env.HINDSIGHT_CACHE_DIR } : {}),
  integrations: [contentCheck(), mdx(), pagefindIntegration()],
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX entry triggers this warning under Astro 7's bundler (withastro/astro#18087);
        // it is harmless, and a wall of it would hide the warnings that matter.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
