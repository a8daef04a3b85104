/**
 * Remembers the last result of a computation over a list, so that the pages of one build that
 * each ask for it (every incident page, the insights page, each root-cause page) share one
 * computation instead of repeating it per page.
 *
 * The list is the same when it has the same length and each item has the same `key` (compared
 * with `===`): Astro hands out new entry objects on each `getCollection()` call, but the same
 * `data` object for an unchanged entry, and a new one when `astro dev` reloads an edited file.
 * Checking costs one comparison per item, far less than recomputing.
 */
export function memoizeByItems<T, R>(
  compute: (items: readonly T[]) => R,
  key: (item: T) => unknown,
): (items: readonly T[]) => R {
  let last: { keys: unknown[]; result: R } | undefined;
  return (items) => {
    if (last && last.keys.length === items.length && items.every((item, i) => key(item) === last?.keys[i])) {
      return last.result;
    }
    const result = compute(items);
    last = { keys: items.map(key), result };
    return result;
  };
}
