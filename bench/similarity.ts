/**
 * How long the once-per-build similarity computation takes for 1,000, 5,000 and 10,000
 * postmortems, made up in memory: the inverted index, the best matches with their reasons for
 * every incident page, and the recurring-cause groups. All-pairs comparison is timed beside it,
 * to show what the index saves.
 */
import { performance } from 'node:perf_hooks';
import {
  allPairsSimilarity,
  computeSimilarity,
  recurringCauses,
  type Similarity,
  type SimilarityIncident,
} from '../src/lib/similarity';
import { quantile } from '../src/lib/stats';
import { seededRandom as random } from '../test/helpers/seeded-random';

/** Words postmortems share a lot, so the index meets long lists for them as it would for real. */
const COMMON = `service request requests error errors failed failure timeout latency database
  deploy deployment config configuration alert alerts monitoring traffic users customers queue
  disk storage network cache memory cpu node cluster region zone replica primary certificate dns
  retry retries load balancer api gateway job cron backup migration rollback release version
  limit quota capacity pool connection connections lock table index schema upgrade kernel
  container pod restart crash leak spike backlog delay outage degraded missing expired manual
  script automation runbook escalation on-call page paging dashboard threshold metric log logs`.split(/\s+/);

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vex',
  'sul',
  'dra',
  'pim',
  'zo',
  'qua',
  'nef',
  'bri',
  'olt',
];

/**
 * `count` made-up postmortems. Causes come in families (about one per twenty incidents), each
 * with its own words, so that groups of similar incidents exist as in a real collection; the
 * rest of each text is drawn from common words (most often the commonest) and a long tail.
 */
function syntheticIncidents(count: number, seed = 1): SimilarityIncident[] {
  const next = random(seed);
  // A long tail of made-up words of two to four syllables: the rare words that tell causes apart.
  const rare = Array.from({ length: 4000 }, (_, i) => {
    let word = '';
    for (let n = i + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) {
      word += SYLLABLES[n % SYLLABLES.length];
    }
    return word;
  });
  const uniform = <T>(list: readonly T[]) => list[Math.floor(list.length * next())] as T;
  // Skewed towards the start of the list, as word use is: a few words are everywhere.
  const zipf = <T>(list: readonly T[]) => list[Math.floor(list.length * next() ** 2)] as T;
  const families = Array.from({ length: Math.max(1, Math.floor(count / 20)) }, () =>
    Array.from({ length: 8 }, () => uniform(rare)),
  );
  const categories = [
    'hardware',
    'software-bug',
    'config-change',
    'deployment',
    'capacity',
    'dependency',
    'network',
  ];
  const services = Array.from({ length: 60 }, (_, i) => `service-${i}`);
  const sentence = (family: readonly string[], length: number) =>
    Array.from({ length }, () => {
      const roll = next();
      return roll < 0.3 ? uniform(family) : roll < 0.8 ? zipf(COMMON) : uniform(rare);
    }).join(' ');
  return Array.from({ length: count }, (_, index) => {
    const family = families[Math.floor(next() * families.length)] as string[];
    return {
      id: `incident-${index}`,
      data: {
        startedAt: new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 10 * 365 * 86_400_000)),
        services: [...new Set([zipf(services), zipf(services)])],
        related: undefined,
        rootCause: {
          category: zipf(categories),
          summary: sentence(family, 15 + Math.floor(next() * 20)),
          trigger: next() < 0.7 ? sentence(family, 8 + Math.floor(next() * 10)) : undefined,
          contributingFactors: Array.from({ length: Math.floor(next() * 5) }, () =>
            sentence(family, 8 + Math.floor(next() * 10)),
          ),
        },
      },
    };
  });
}

/** What a build does with the result: every page's matches with reasons, and the groups. */
function useAll(similarity: Similarity): { matches: number; groups: number } {
  let matches = 0;
  for (const incident of similarity.incidents) matches += similarity.similarTo(incident.id).length;
  return { matches, groups: recurringCauses(similarity.incidents, { similarity }).length };
}

/**
 * Runs `fn` `runs` times, after one warm-up run unless it runs once; the median wall time in
 * milliseconds.
 */
function time<R>(runs: number, fn: () => R): { ms: number; result: R } {
  let result = runs > 1 ? fn() : undefined;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: quantile(times, 0.5) as number, result: result as R };
}

export interface SimilarityRow {
  postmortems: number;
  runs: number;
  indexedMs: number;
  allPairsMs: number;
  allPairsRuns: number;
  pairs: number;
  matches: number;
  groups: number;
}

/** The sizes measured and the runs per size; all-pairs, far slower, runs less often. */
const SIZES = [1_000, 5_000, 10_000];
const RUNS: Record<number, number> = { 1_000: 7, 5_000: 5, 10_000: 5 };
const ALL_PAIRS_RUNS: Record<number, number> = { 1_000: 3, 5_000: 3, 10_000: 1 };

/** Measures every size; prints progress to stderr so the table on stdout stays clean. */
export function benchSimilarity(sizes = SIZES): SimilarityRow[] {
  return sizes.map((postmortems) => {
    const incidents = syntheticIncidents(postmortems);
    const runs = RUNS[postmortems] ?? 3;
    process.stderr.write(`similarity: ${postmortems} postmortems, ${runs} runs…\n`);
    const indexed = time(runs, () => {
      const similarity = computeSimilarity(incidents);
      return { similarity, ...useAll(similarity) };
    });
    const allPairs = time(ALL_PAIRS_RUNS[postmortems] ?? 1, () => useAll(allPairsSimilarity(incidents)));
    // A faster wrong answer is no result: both must find the same matches and groups.
    if (
      allPairs.result.matches !== indexed.result.matches ||
      allPairs.result.groups !== indexed.result.groups
    ) {
      throw new Error(`the index and all-pairs comparison disagree at ${postmortems} postmortems`);
    }
    return {
      postmortems,
      runs,
      indexedMs: indexed.ms,
      allPairsMs: allPairs.ms,
      allPairsRuns: ALL_PAIRS_RUNS[postmortems] ?? 1,
      pairs: indexed.result.similarity.pairs.length,
      matches: indexed.result.matches,
      groups: indexed.result.groups,
    };
  });
}
