import { plural, type PluralForms } from './labels';

/**
 * Long lists are split into pages of `PAGE_SIZE` rows, so no page grows without bound as
 * postmortems accumulate. Pages use Astro's `paginate()` in `getStaticPaths` with a rest
 * parameter (`[...page].astro`): page 1 at the list's own URL, page n at `<list>/page/<n>/`
 * (`underPagePrefix`). Links between pages always come from `routes`.
 */
export const PAGE_SIZE = 100;

/**
 * Moves the pages `paginate()` made for a `[...page].astro` route from `<list>/<n>/` to
 * `<list>/page/<n>/`, where `routes` links them. A list can share its folder with one page per
 * id: `/incidents/2/` would be the page of an incident whose file is `2.md`, and `/services/2/`
 * that of a service named `2`; `/years/2024/2/` would read as February. Page 1 stays at the
 * list's own URL.
 */
export function underPagePrefix<T extends { params: { page: string | undefined } }>(paths: T[]): T[] {
  return paths.map((path) =>
    path.params.page === undefined
      ? path
      : { ...path, params: { ...path.params, page: `page/${path.params.page}` } },
  );
}

/** One entry of a page-number list: a page to link to, or a gap standing for the pages left out. */
export type PageLink = { kind: 'page'; number: number } | { kind: 'gap' };

/**
 * The page numbers a pagination bar shows: always the first and last page, the current page
 * and `radius` pages either side, with a gap where pages are left out. A list of thousands of
 * postmortems then still gets a bar of at most `2 * radius + 5` entries, and a gap only ever
 * replaces two or more pages (a gap standing for one page would be no shorter than its number).
 */
export function pageLinks(current: number, last: number, radius = 2): PageLink[] {
  const shown = new Set<number>([1, last]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= last) shown.add(n);
  // Fill a gap of exactly one page with that page.
  for (const n of [...shown]) if (shown.has(n + 2) && !shown.has(n + 1)) shown.add(n + 1);
  const numbers = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  numbers.forEach((number, index) => {
    const previous = numbers[index - 1];
    if (previous !== undefined && number > previous + 1) links.push({ kind: 'gap' });
    links.push({ kind: 'page', number });
  });
  return links;
}

/** The part of a paginated list a page holds, as Astro's `Page` describes it. */
export interface PageSpan {
  /** Index of the first row on the page, from 0. */
  start: number;
  /** Index of the last row on the page, from 0. */
  end: number;
  /** Rows in the whole list. */
  total: number;
}

/**
 * The sentence that tells a reader which rows of how many they are looking at, and in which
 * order ("Showing 101–200 of 250, newest first."), so a caption states the order and the
 * reader knows there are more pages. A list that fits one page says only its order.
 */
export function pageSummary(span: PageSpan, order: string, noun: PluralForms): string {
  const count = plural(span.total, noun);
  if (span.total === 0) return `No ${noun.other}.`;
  if (span.start === 0 && span.end === span.total - 1) return `${count}, ${order}.`;
  return `Showing ${span.start + 1}–${span.end + 1} of ${count}, ${order}.`;
}

/** A page's title with its page number from page 2 on, so each page of a list has its own title. */
export function pagedTitle(title: string, page: number): string {
  return page > 1 ? `${title}, page ${page}` : title;
}
