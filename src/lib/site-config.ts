import type { z } from 'astro/zod';
import { hindsightConfigSchema, type HindsightConfig } from '../schemas/config';
import { fieldPath } from './problems';
import { allowedKeysAt, didYouMean } from './schema-shape';

/** Environment variables that override options, so a deploy workflow needs no file edits. */
export const CONFIG_ENV = {
  site: 'HINDSIGHT_SITE',
  base: 'HINDSIGHT_BASE',
  audience: 'HINDSIGHT_AUDIENCE',
} as const;

/** The configuration is wrong; the message lists every problem, one a line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`Hindsight's configuration has ${count}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** One issue as the author would look for it: the option in `astro.config.mjs` or the variable. */
function describe(issue: z.core.$ZodIssue, fromEnv: ReadonlySet<string>): string {
  const top = String(issue.path[0] ?? '');
  if (fromEnv.has(top)) return `${CONFIG_ENV[top as keyof typeof CONFIG_ENV]}: ${issue.message}`;
  const where = issue.path.length ? `hindsight({ ${fieldPath(issue.path)} })` : 'hindsight()';
  if (issue.code !== 'unrecognized_keys') return `${where}: ${issue.message}`;
  const known = allowedKeysAt(hindsightConfigSchema, issue.path) ?? [];
  return issue.keys
    .map((key) => {
      return `${where}: unknown option "${key}".${didYouMean(key, known)} The options are ${known.join(', ')}`;
    })
    .join('\n  ');
}

/**
 * Validates the options of `hindsight()` and applies `HINDSIGHT_SITE` and `HINDSIGHT_BASE`
 * over them (an empty variable counts as unset). Throws a `ConfigError` naming each bad
 * option or variable and what is allowed.
 */
export function resolveConfig(options: unknown = {}, env: NodeJS.ProcessEnv = process.env): HindsightConfig {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError([`hindsight(): expects an object of options; got ${JSON.stringify(options)}`]);
  }
  const input: Record<string, unknown> = { ...options };
  const fromEnv = new Set<string>();
  for (const [key, variable] of Object.entries(CONFIG_ENV)) {
    const value = env[variable]?.trim();
    if (value) {
      input[key] = value;
      fromEnv.add(key);
    }
  }
  const result = hindsightConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describe(issue, fromEnv)));
}
