import type { z } from 'astro/zod';
import { editDistance } from './edit-distance';

interface Def {
  type: string;
  in?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Looks through wrappers (pipes, defaults, optionals) to the schema that does the work. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const next = def.type === 'pipe' ? def.in : (def.innerType ?? undefined);
    if (!next) return current;
    current = next;
  }
}

/**
 * The field names an object schema allows at `path`, so that an unknown key can be answered
 * with the list of known ones (and a likely typo fix) instead of a bare "unrecognized key".
 */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current = unwrap(schema);
  for (const part of path) {
    const def = defOf(current);
    if (def.type === 'array' && def.element) current = unwrap(def.element);
    else {
      const field = def.type === 'object' ? def.shape?.[String(part)] : undefined;
      if (!field) return undefined;
      current = unwrap(field);
    }
    if (def.type === 'array' && typeof part !== 'number') return undefined;
  }
  const def = defOf(current);
  if (def.type === 'array' && def.element) current = unwrap(def.element);
  const shape = defOf(current).shape;
  return shape ? Object.keys(shape) : undefined;
}

/** The known key an unknown one was most likely meant to be: same letters ignoring case and separators, or one edit away. */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  const normal = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');
  const exact = known.find((key) => normal(key) === normal(unknown));
  if (exact) return exact;
  return known.find(
    (key) => editDistance(normal(key), normal(unknown)) <= Math.max(1, Math.floor(key.length / 6)),
  );
}

/**
 * ` Did you mean "x"?` when `closestKey` finds a likely fix for `unknown`, else nothing: the
 * hint every "is not a known …" message carries.
 */
export function didYouMean(unknown: string, known: readonly string[]): string {
  const guess = closestKey(unknown, known);
  return guess ? ` Did you mean "${guess}"?` : '';
}

/**
 * Every field path an object schema accepts, with `[]` for list items: `title`,
 * `rootCause.category`, `tasks[].due`. Used to keep the README's reference complete.
 */
export function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  const current = unwrap(schema);
  const def = defOf(current);
  if (def.type === 'array' && def.element) return fieldPaths(def.element, `${prefix}[]`);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, field]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const nested = fieldPaths(field, path);
    const own = defOf(unwrap(field)).type;
    // An object or list of objects is documented through its fields, not as a row of its own.
    return nested.length > 0 && (own === 'object' || own === 'array') ? nested : [path, ...nested];
  });
}
