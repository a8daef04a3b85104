/**
 * How the search page asks Pagefind to rank results; the knobs to turn when results feel off.
 * The other half of ranking is in the incident page, `src/pages/incidents/[id].astro`: the
 * `data-pagefind-weight` on the root-cause category (5), summary (6), trigger (4) and
 * contributing factors (2), against 1 for body text and 7 to 5 for h1 to h3.
 */
export const RANKING = {
  /**
   * Boost for query words found in a metadata field, by field (see `record.ts`).
   * Pagefind's default is `{ title: 5 }`; `cause` lifts incidents whose root cause matches,
   * which matters most for one-word queries ("network") that many write-ups mention in passing.
   */
  metaWeights: { title: 5, cause: 4 },
} as const;

/** Words of excerpt around the best match; Pagefind's default is 30. */
export const EXCERPT_LENGTH = 36;

/** Results rendered at a time; "Show more" renders the next batch. */
export const PAGE_SIZE = 20;

/** Milliseconds to wait after a keystroke before searching. */
export const TYPING_DELAY_MS = 120;
