#!/usr/bin/env node
/**
 * The `hindsight` command (`npm run new`, `npm run check`, `npx hindsight …`): registers tsx so
 * Node runs the TypeScript sources directly, with no build step, then hands over to the CLI.
 */
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
