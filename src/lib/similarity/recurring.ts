import { byNewest } from '../incidents';
import { SIMILARITY, type SimilarityConfig } from './config';
import { computeSimilarity, type Similarity, type SimilarityIncident } from './similar';

/**
 * "Recurring causes": groups of incidents whose root causes read alike, so a review can see
 * that the mail storage disk failed three times, not three unrelated outages.
 *
 * Two incidents are linked when their pair scores at least `recurring.threshold` (text
 * similarity plus the category and service bonuses, as for similar incidents; stricter than the
 * threshold for showing one). A group is an incident, its centre, with every incident linked to
 * it that is not in a group yet; centres are taken most-linked first. So every incident in a
 * group is like its centre, and the groups stay apart: simply following links from incident to
 * incident would, in a large collection, chain nearly everything into one group (A like B, B
 * like C, … Z), which the benchmark showed at 10,000 postmortems. Groups smaller than
 * `recurring.minSize` are left out.
 */
export interface RecurringCause<T extends SimilarityIncident = SimilarityIncident> {
  /** The incidents of the group, newest first. */
  incidents: T[];
  /** The root-cause category most of them have; on a tie, the newest incident's. */
  category: string;
  /** Words shared by most of the group, as authors wrote them, most shared first. */
  words: string[];
  /** Services at least two incidents of the group list, most listed first. */
  services: string[];
  /** When the earliest and the latest incident of the group began. */
  first: Date;
  last: Date;
}

export interface RecurringOptions<T extends SimilarityIncident> {
  /** Only groups with at least one incident of this root-cause category (for a root-cause page). */
  category?: string | undefined;
  /** The computation to reuse, when the build has one already. */
  similarity?: Similarity<T> | undefined;
  /** Matching settings, when no `similarity` is given. */
  config?: SimilarityConfig | undefined;
}

/**
 * The recurring causes among `incidents`, largest group first (then the most recent). Computes
 * the similarity unless given one.
 */
export function recurringCauses<T extends SimilarityIncident>(
  incidents: readonly T[],
  options: RecurringOptions<T> = {},
): RecurringCause<T>[] {
  const similarity = options.similarity ?? computeSimilarity(incidents, options.config ?? SIMILARITY);
  const { config, corpus } = similarity;
  const list = similarity.incidents;

  // Each incident's links: the others whose pair with it reaches the recurring threshold.
  const links: number[][] = list.map(() => []);
  const strength = new Float64Array(list.length);
  similarity.pairs.forEach((pair) => {
    if (pair.score < config.recurring.threshold) return;
    (links[pair.a] as number[]).push(pair.b);
    (links[pair.b] as number[]).push(pair.a);
    strength[pair.a] = (strength[pair.a] as number) + pair.score;
    strength[pair.b] = (strength[pair.b] as number) + pair.score;
  });
  // Centres most-linked first; equal ones by total score, then list order.
  const centres = list
    .map((_, index) => index)
    .filter((index) => (links[index] as number[]).length > 0)
    .sort(
      (a, b) =>
        (links[b] as number[]).length - (links[a] as number[]).length ||
        (strength[b] as number) - (strength[a] as number) ||
        a - b,
    );
  const grouped = new Uint8Array(list.length);
  const members: number[][] = [];
  for (const centre of centres) {
    if (grouped[centre]) continue;
    const group = [centre, ...(links[centre] as number[]).filter((other) => !grouped[other])];
    for (const index of group) grouped[index] = 1;
    members.push(group);
  }

  const groups: RecurringCause<T>[] = [];
  for (const indexes of members) {
    if (indexes.length < Math.max(2, config.recurring.minSize)) continue;
    const incidentsOfGroup = indexes.map((index) => list[index] as T).sort(byNewest);
    if (
      options.category !== undefined &&
      !incidentsOfGroup.some((incident) => incident.data.rootCause.category === options.category)
    )
      continue;

    const groupTerms = new Map<number, { count: number; weight: number }>();
    for (const index of indexes) {
      const vector = corpus.vectors[index] as (typeof corpus.vectors)[number];
      vector.terms.forEach((term, k) => {
        const seen = groupTerms.get(term) ?? { count: 0, weight: 0 };
        groupTerms.set(term, { count: seen.count + 1, weight: seen.weight + (vector.weights[k] as number) });
      });
    }
    const words = [...groupTerms]
      .filter(([, { count }]) => count >= 2)
      .sort(([ta, a], [tb, b]) => b.count - a.count || b.weight - a.weight || ta - tb)
      .slice(0, config.reasonWords)
      .map(([term]) => corpus.words[term] as string);

    groups.push({
      incidents: incidentsOfGroup,
      category: mostCommon(incidentsOfGroup.map((incident) => incident.data.rootCause.category)),
      words,
      services: repeated(incidentsOfGroup.flatMap((incident) => incident.data.services)),
      first: (incidentsOfGroup[incidentsOfGroup.length - 1] as T).data.startedAt,
      last: (incidentsOfGroup[0] as T).data.startedAt,
    });
  }
  return groups.sort(
    (a, b) =>
      b.incidents.length - a.incidents.length ||
      b.last.getTime() - a.last.getTime() ||
      (a.incidents[0] as T).id.localeCompare((b.incidents[0] as T).id),
  );
}

/** The value that occurs most; on a tie, the one that occurs first. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Values that occur at least twice, most frequent first, then alphabetically. */
function repeated(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([value]) => value);
}
