import type { z } from 'astro/zod';

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
 * Edit distance where swapping two neighbouring letters (`titel`, `rootCuase`)
 * counts as one edit, as it is one slip of the fingers (optimal string alignment).
 */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
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
