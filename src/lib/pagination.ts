/**
 * Long lists are split into pages of `PAGE_SIZE` rows, so no page grows without bound as
 * postmortems accumulate. Pages use Astro's `paginate()` in `getStaticPaths` with a rest
 * parameter (`[...page].astro`): page 1 at the list's own URL, page n at `<list>/<n>/`.
 */
export const PAGE_SIZE = 100;
