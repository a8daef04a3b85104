// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';

export default defineConfig({
  site: process.env.HINDSIGHT_SITE ?? 'https://hindsight.example',
  integrations: [contentCheck(), mdx()],
});
