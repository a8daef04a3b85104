// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';

export default defineConfig({
  site: process.env.HINDSIGHT_SITE ?? 'https://hindsight.example',
  // Tests build fixture sites side by side; each gets its own cache so they cannot see each other's content.
  ...(process.env.HINDSIGHT_CACHE_DIR ? { cacheDir: process.env.HINDSIGHT_CACHE_DIR } : {}),
  integrations: [contentCheck(), mdx()],
});
