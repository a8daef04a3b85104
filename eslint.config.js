// @ts-check
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const BROWSER_ONLY = 'This module runs in the browser; Node built-ins are not available there.';

export default defineConfig(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'test/fixtures/**/dist/', 'test/fixtures/**/.astro/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Code that ships to the browser: a Node import would build and type-check, then fail
    // only on the search page, so catch it here. The src/lib modules listed are the ones the
    // search modules import.
    files: [
      'src/lib/search/**',
      'src/scripts/**',
      'src/lib/labels.ts',
      'src/lib/time.ts',
      'src/lib/routes.ts',
      'src/lib/incidents.ts',
      'src/lib/edit-distance.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: BROWSER_ONLY })),
          patterns: [{ group: ['node:*'], message: BROWSER_ONLY }],
        },
      ],
    },
  },
);
