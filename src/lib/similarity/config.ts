/**
 * How "this has happened before" decides that two incidents are alike. One object, so a team
 * tunes matching in one place; the README explains each number.
 */
export interface SimilarityConfig {
  /**
   * How much a word counts by the field it is in. The root-cause summary says what broke; the
   * trigger and contributing factors add detail that matches more loosely.
   */
  fieldWeights: { summary: number; trigger: number; contributingFactors: number };
  /**
   * The least cosine similarity (0-1) of the root-cause text for two incidents to be compared
   * at all. Sharing a category or a service alone never makes a match.
   */
  minTextSimilarity: number;
  /** Added to the score when both incidents have the same root-cause category. */
  categoryBonus: number;
  /** Added to the score when the incidents have at least one affected service in common. */
  serviceBonus: number;
  /** The least score (text similarity plus bonuses) for a match to be shown. */
  threshold: number;
  /** At most this many similar incidents per incident page, best first. */
  limit: number;
  /** How many shared words a match gives as its reason, most telling first. */
  reasonWords: number;
  /** Groups of incidents that keep happening, for "Recurring causes" (see `recurring.ts`). */
  recurring: {
    /**
     * The least score for an incident to join a group around another (its centre). Higher
     * than `threshold`: "this keeps happening" is a stronger claim than "this is a bit alike".
     */
    threshold: number;
    /** The smallest group worth showing: two incidents are already a recurrence. */
    minSize: number;
  };
}

/** The defaults, tuned on the sample postmortems and the test fixtures. */
export const SIMILARITY: SimilarityConfig = {
  fieldWeights: { summary: 1, trigger: 0.7, contributingFactors: 0.5 },
  minTextSimilarity: 0.1,
  categoryBonus: 0.15,
  serviceBonus: 0.1,
  threshold: 0.3,
  limit: 5,
  reasonWords: 4,
  recurring: { threshold: 0.4, minSize: 2 },
};
