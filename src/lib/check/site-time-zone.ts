import fs from 'node:fs';
import path from 'node:path';
import { parse, type Node } from 'acorn';
import { isTimeZone } from '../../schemas/time-zone';

/** The config files Astro looks for that plain JavaScript can be read from. */
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js'];

/**
 * The `timezone` option written in `hindsight({ … })`, read from the config file's source
 * without running it: importing `astro.config.mjs` would load Astro and every integration,
 * a second of start-up for a command that only wants one string. A zone that is computed
 * rather than written as a literal is not seen; the default applies then.
 */
export function timeZoneInConfigSource(source: string): string | undefined {
  let program: Node;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return undefined;
  }
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const current = node as Record<string, unknown> & { type?: string };
    if (current.type === 'CallExpression' && isCallTo(current['callee'], 'hindsight')) {
      const [options] = current['arguments'] as unknown[];
      found = stringProperty(options, 'timezone');
      if (found !== undefined) return;
    }
    for (const [key, value] of Object.entries(current)) if (key !== 'type') visit(value);
  };
  visit(program);
  return found;
}

const isCallTo = (callee: unknown, name: string) =>
  !!callee && typeof callee === 'object' && (callee as { type?: string; name?: string }).name === name;

function stringProperty(object: unknown, key: string): string | undefined {
  if (!object || typeof object !== 'object' || (object as { type?: string }).type !== 'ObjectExpression') {
    return undefined;
  }
  for (const property of (object as { properties: Record<string, unknown>[] }).properties) {
    const name = property['key'] as { name?: string; value?: unknown } | undefined;
    const value = property['value'] as { type?: string; value?: unknown } | undefined;
    if ((name?.name ?? name?.value) === key && value?.type === 'Literal' && typeof value.value === 'string') {
      return value.value;
    }
  }
  return undefined;
}

/**
 * The site's default time zone for postmortems that name none, as `hindsight()` in the
 * project's Astro config sets it; `UTC`, the option's default, when it is not set, not
 * readable, or not a zone this runtime knows.
 */
export function siteTimeZone(projectRoot: string): string {
  for (const name of CONFIG_FILES) {
    const file = path.join(projectRoot, name);
    if (!fs.existsSync(file)) continue;
    const zone = timeZoneInConfigSource(fs.readFileSync(file, 'utf8'));
    return zone && isTimeZone(zone) ? zone : 'UTC';
  }
  return 'UTC';
}
