import { describe, expect, it } from 'vitest';
import {
  SIMILARITY,
  allPairsSimilarity,
  computeSimilarity,
  type Similarity,
  type SimilarityConfig,
  type SimilarityIncident,
} from '../../src/lib/similarity';
import { seededRandom as random } from '../helpers/seeded-random';

/**
 * The inverted index must be an optimisation only: on random collections it gives exactly what
 * comparing every pair gives, pair for pair and match for match.
 */

const VOCABULARY =
  `disk array raid spare drive storage mail queue backlog relay certificate expired renewal tls
  gateway dns resolver route anycast timeout retry backoff overflow migration lock table deploy
  rollback config push override limit rate pool connection database replica primary cache eviction
  memory leak kernel upgrade scheduler cron job sweeper shard bucket blob deleted alert threshold
  runbook escalation paging vendor provider outage payment`.split(/\s+/);

/** `count` incidents with random words (commoner words more likely), categories, services and links. */
function collection(seed: number, count: number): SimilarityIncident[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() ** 2 * list.length)] as T;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(VOCABULARY)).join(' ');
  const ids = Array.from({ length: count }, (_, index) => `incident-${String(index).padStart(3, '0')}`);
  return ids.map((id) => ({
    id,
    data: {
      startedAt: new Date(Date.UTC(2020, 0, 1 + Math.floor(next() * 1500), 8)),
      services: [...new Set([pick(['email', 'api', 'dns', 'calendar']), pick(['email', 'api', 'docs'])])],
      related: next() < 0.1 ? [pick(ids)].filter((other) => other !== id) : undefined,
      rootCause: {
        category: pick(['hardware', 'network', 'software-bug']),
        summary: sentence(3 + Math.floor(next() * 8)),
        trigger: next() < 0.6 ? sentence(2 + Math.floor(next() * 5)) : undefined,
        contributingFactors: Array.from({ length: Math.floor(next() * 3) }, () => sentence(4)),
      },
    },
  }));
}

/** Everything a similarity result says, as plain data to compare. */
const summary = (similarity: Similarity) => ({
  pairs: [...similarity.pairs],
  matches: similarity.incidents.map((incident) =>
    similarity.similarTo(incident.id).map((match) => ({ ...match, incident: match.incident.id })),
  ),
});

const CONFIGS: [string, SimilarityConfig][] = [
  ['the defaults', SIMILARITY],
  [
    'loose settings that keep many pairs',
    { ...SIMILARITY, threshold: 0.05, minTextSimilarity: 0.01, limit: 3 },
  ],
  [
    'no bonuses and a strict recurring threshold',
    { ...SIMILARITY, categoryBonus: 0, serviceBonus: 0, recurring: { threshold: 0.6, minSize: 2 } },
  ],
];

describe.each(CONFIGS)('the inverted index with %s', (_name, config) => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches all-pairs comparison on random collection %i', (seed) => {
    const incidents = collection(seed, 60);
    const indexed = computeSimilarity(incidents, config);
    const reference = allPairsSimilarity(incidents, config);
    // The comparison must have something to compare.
    expect(reference.pairs.length).toBeGreaterThan(0);
    expect(summary(indexed)).toEqual(summary(reference));
  });
});
