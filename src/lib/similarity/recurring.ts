import { SIMILARITY, type SimilarityConfig } from './config';
import { computeSimilarity, type Similarity, type SimilarityIncident } from './similar';

/**
 * "Recurring causes": groups of incidents whose root causes read alike, so a review can see
 * that the mail storage disk failed three times, not three unrelated outages.
 *
 * A group is a connected set of incidents in which every incident is linked to at least one
 * other by a pair scoring at least `recurring.threshold` (text similarity plus the category and
 * service bonuses, as for similar incidents); groups with fewer than `recurring.minSize`
 * incidents are left out. The threshold is stricter than the one for showing a similar incident
 * because links chain: A like B and B like C puts A and C together.
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

const newestFirst = (a: SimilarityIncident, b: SimilarityIncident) =>
  b.data.startedAt.getTime() - a.data.startedAt.getTime() || a.id.localeCompare(b.id);

/** Finds each element's group by following parents, halving the path as it goes. */
function root(parent: Int32Array, x: number): number {
  let node = x;
  while (parent[node] !== node) {
    const grandparent = parent[parent[node] as number] as number;
    parent[node] = grandparent;
    node = grandparent;
  }
  return node;
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

  const parent = Int32Array.from(list, (_, index) => index);
  for (const pair of similarity.pairs) {
    if (pair.score < config.recurring.threshold) continue;
    const a = root(parent, pair.a);
    const b = root(parent, pair.b);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const members = new Map<number, number[]>();
  list.forEach((_, index) => {
    const group = root(parent, index);
    const indexes = members.get(group);
    if (indexes) indexes.push(index);
    else members.set(group, [index]);
  });

  const groups: RecurringCause<T>[] = [];
  for (const indexes of members.values()) {
    if (indexes.length < Math.max(2, config.recurring.minSize)) continue;
    const incidentsOfGroup = indexes.map((index) => list[index] as T).sort(newestFirst);
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
