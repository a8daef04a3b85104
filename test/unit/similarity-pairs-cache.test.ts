import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSimilarity, type Similarity } from '../../src/lib/similarity';
import { pairsCacheFile } from '../../src/lib/similarity/pairs-cache';
import { ScoredPairs, type PairsCache } from '../../src/lib/similarity/similar';
import { testTempDir } from '../helpers/build-site';
import { cause } from './similarity-helpers';

const incidents = [
  cause('disk-a', 'A disk in the mail storage array failed and the array had no spare disk.', {
    day: '2024-01-10',
  }),
  cause('disk-b', 'The mail storage array lost a disk; with no spare disk the array went read-only.', {
    day: '2024-06-02',
  }),
  cause('disk-c', 'Another failed disk in the storage array, and again no spare.', { day: '2024-08-02' }),
  cause('cert-a', 'The TLS certificate of the API gateway expired because renewal was manual.', {
    category: 'security',
    services: ['api'],
  }),
  cause('cert-b', 'An expired TLS certificate on the status page: its manual renewal was forgotten.', {
    category: 'security',
    services: ['status-page'],
  }),
];

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** A file in a fresh folder, removed after the tests. */
function freshFile(): string {
  const folder = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-pairs-'));
  folders.push(folder);
  return path.join(folder, 'pairs.bin');
}

/** What a page can see of a similarity result. */
const shown = (similarity: Similarity) => ({
  pairs: [...similarity.pairs],
  similar: similarity.incidents.map((incident) =>
    similarity.similarTo(incident.id).map((match) => [match.incident.id, match.score, match.reasons]),
  ),
});

/** A cache in a fresh file, counting its writes. */
function countingCache(): PairsCache & { writes: number } {
  const inner = pairsCacheFile(freshFile());
  const cache = {
    writes: 0,
    read: (key: string) => inner.read(key),
    write: (key: string, pairs: Parameters<PairsCache['write']>[1]) => {
      cache.writes++;
      inner.write(key, pairs);
    },
  };
  return cache;
}

describe('computeSimilarity with a pairs cache', () => {
  it('computes and keeps the pairs once, then reads the same result back', () => {
    const cache = countingCache();
    const fresh = computeSimilarity(incidents);
    expect(fresh.pairs.length).toBeGreaterThan(0);
    expect(shown(computeSimilarity(incidents, undefined, cache))).toEqual(shown(fresh));
    expect(cache.writes).toBe(1);
    expect(shown(computeSimilarity(incidents, undefined, cache))).toEqual(shown(fresh));
    expect(cache.writes).toBe(1);
  });

  it('reads them back when only what pairs do not depend on changed (a title, the body)', () => {
    const cache = countingCache();
    computeSimilarity(incidents, undefined, cache);
    const retitled = incidents.map((incident) => ({
      ...incident,
      data: { ...incident.data, title: 'Renamed' },
    }));
    computeSimilarity(retitled, undefined, cache);
    expect(cache.writes).toBe(1);
  });

  it('computes them again when a root cause, a category, the services, the order or a setting changed', () => {
    const edits = [
      incidents.map((incident, n) =>
        n === 1
          ? cause('disk-b', 'The certificate of the mail gateway expired.', { day: '2024-06-02' })
          : incident,
      ),
      incidents.map((incident, n) =>
        n === 0
          ? {
              ...incident,
              data: { ...incident.data, rootCause: { ...incident.data.rootCause, category: 'security' } },
            }
          : incident,
      ),
      incidents.map((incident, n) =>
        n === 2 ? { ...incident, data: { ...incident.data, services: ['api'] } } : incident,
      ),
      [...incidents].reverse(),
    ];
    for (const edited of edits) {
      const cache = countingCache();
      computeSimilarity(incidents, undefined, cache);
      expect(shown(computeSimilarity(edited, undefined, cache))).toEqual(shown(computeSimilarity(edited)));
      expect(cache.writes).toBe(2);
    }
    const cache = countingCache();
    computeSimilarity(incidents, undefined, cache);
    const stricter = { ...computeSimilarity(incidents).config, threshold: 0.9 };
    expect(shown(computeSimilarity(incidents, stricter, cache))).toEqual(
      shown(computeSimilarity(incidents, stricter)),
    );
    expect(cache.writes).toBe(2);
  });
});

describe('pairsCacheFile', () => {
  it('reads nothing from a missing, cut short or foreign file', () => {
    const file = freshFile();
    const cache = pairsCacheFile(file);
    expect(cache.read('key')).toBeUndefined();
    const pairs = new ScoredPairs();
    computeSimilarity(incidents).pairs.forEach((pair) => pairs.push({ ...pair }));
    cache.write('key', pairs);
    expect([...(cache.read('key') ?? [])]).toEqual([...pairs]);
    expect(cache.read('other key')).toBeUndefined();
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, -3));
    expect(cache.read('key')).toBeUndefined();
    fs.writeFileSync(file, 'not a cache\n');
    expect(cache.read('key')).toBeUndefined();
  });
});
