/**
 * How search ranks results; the knobs to turn when results feel off. Both halves live here:
 * what the incident page weights at index time and what the search page boosts at query time.
 * The README's "How search works" states these numbers and a test holds it to them.
 */
export const RANKING = {
  /**
   * `data-pagefind-weight` on the incident page's root-cause fields (`src/pages/incidents/[id].astro`),
   * against Pagefind's 1 for body text and 7 to 5 for h1 to h3, so an incident whose root cause
   * matches the words outranks one whose write-up mentions them.
   */
  rootCauseWeights: { category: 5, summary: 6, trigger: 4, contributingFactors: 2 },
  /**
   * Boost for query words found in a metadata field, by field (see `record.ts`).
   * Pagefind's default is `{ title: 5 }`; `cause` lifts incidents whose root cause matches,
   * which matters most for one-word queries ("network") that many write-ups mention in passing.
   */
  metaWeights: { title: 5, cause: 4 },
} as const;

/**
 * The query-time half of `RANKING`, as Pagefind's `options({ ranking })` takes it; the page
 * weights are already in the index.
 */
export const PAGEFIND_RANKING = { metaWeights: RANKING.metaWeights };

/** Words of excerpt around the best match; Pagefind's default is 30. */
export const EXCERPT_LENGTH = 36;

/**
 * Results rendered at a time; "Show more" renders the next batch. Each result downloads its
 * fragment (about 1 KiB compressed), so at 10 the first view of a search stays well inside
 * the transfer budget of issue 9.
 */
export const PAGE_SIZE = 10;

/** Milliseconds to wait after a keystroke before searching. */
export const TYPING_DELAY_MS = 120;
