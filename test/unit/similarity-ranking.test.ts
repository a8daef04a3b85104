import { describe, expect, it } from 'vitest';
import {
  SIMILARITY,
  computeSimilarity,
  cosine,
  reasonPhrases,
  reasonSentence,
  type SimilarityConfig,
} from '../../src/lib/similarity';
import { cause } from './similarity-helpers';

/** The defaults with some numbers changed. */
const tuned = (changes: Partial<SimilarityConfig>): SimilarityConfig => ({ ...SIMILARITY, ...changes });

const ids = (matches: { incident: { id: string } }[]) => matches.map((match) => match.incident.id);

const disks = [
  cause('disk-a', 'A disk in the mail storage array failed and the array had no spare disk.', {
    day: '2024-01-10',
  }),
  cause('disk-b', 'The mail storage array lost a disk; with no spare disk the array went read-only.', {
    day: '2024-06-02',
  }),
  cause('cert-a', 'The TLS certificate of the API gateway expired because renewal was manual.', {
    category: 'security',
    services: ['api'],
    day: '2023-03-01',
  }),
  cause('cert-b', 'An expired TLS certificate on the status page: its manual renewal was forgotten.', {
    category: 'security',
    services: ['status-page'],
    day: '2024-09-20',
  }),
  cause('dns-typo', 'A typo in a DNS zone file sent every lookup for the docs site to a retired host.', {
    category: 'config-change',
    services: ['dns'],
  }),
];

describe('computeSimilarity', () => {
  const similarity = computeSimilarity(disks);

  it('finds the incidents with the same root cause, and none for an unrelated one', () => {
    expect(ids(similarity.similarTo('disk-a'))).toEqual(['disk-b']);
    expect(ids(similarity.similarTo('disk-b'))).toEqual(['disk-a']);
    expect(ids(similarity.similarTo('cert-a'))).toEqual(['cert-b']);
    expect(similarity.similarTo('dns-typo')).toEqual([]);
    expect(similarity.similarTo('no-such-incident')).toEqual([]);
  });

  it('scores text similarity plus a bonus for the same category and one for a shared service', () => {
    const [disk] = similarity.similarTo('disk-a');
    const [diskA, diskB] = similarity.corpus.vectors;
    if (!diskA || !diskB) throw new Error('expected vectors');
    const text = cosine(diskA, diskB);
    expect(disk?.textSimilarity).toBe(text);
    // Same category (hardware) and the same service (email).
    expect(disk?.score).toBeCloseTo(text + SIMILARITY.categoryBonus + SIMILARITY.serviceBonus);
    const [cert] = similarity.similarTo('cert-a');
    // Same category, different services.
    expect(cert?.score).toBeCloseTo((cert?.textSimilarity ?? 0) + SIMILARITY.categoryBonus);
  });

  it('never matches on a shared category or service alone', () => {
    const alone = computeSimilarity(
      [
        cause('one', 'A disk failed.', { category: 'hardware', services: ['email'] }),
        cause('two', 'Power supply burnt out.', { category: 'hardware', services: ['email'] }),
      ],
      tuned({ threshold: 0 }),
    );
    expect(alone.similarTo('one')).toEqual([]);
    expect([...alone.pairs]).toEqual([]);
  });

  it('drops matches under the threshold and under the least text similarity', () => {
    const [match] = similarity.similarTo('disk-a');
    if (!match) throw new Error('expected a match');
    expect(ids(computeSimilarity(disks, tuned({ threshold: match.score })).similarTo('disk-a'))).toEqual([
      'disk-b',
    ]);
    expect(computeSimilarity(disks, tuned({ threshold: match.score + 1e-9 })).similarTo('disk-a')).toEqual(
      [],
    );
    expect(
      computeSimilarity(disks, tuned({ minTextSimilarity: match.textSimilarity + 1e-9 })).similarTo('disk-a'),
    ).toEqual([]);
  });

  it('shows at most `limit`, best first, equal scores by id', () => {
    const many = ['e', 'c', 'a', 'd', 'b'].map((letter) =>
      cause(`disk-${letter}`, 'A disk in the mail storage array failed.'),
    );
    const best = cause('disk-best', 'A disk in the mail storage array failed; the array had no spare disk.');
    const list = [
      ...many,
      best,
      cause('query', 'The mail storage array had no spare disk when a disk failed.'),
    ];
    const matches = computeSimilarity(list, tuned({ limit: 3 })).similarTo('query');
    expect(ids(matches)).toEqual(['disk-best', 'disk-a', 'disk-b']);
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(computeSimilarity(list, tuned({ limit: 10 })).similarTo('query')).toHaveLength(6);
  });

  it('ranks the incident sharing rarer and more words first', () => {
    const list = [
      cause('query', 'Replication lag on the primary database after a vacuum stalled the WAL sender.'),
      cause('close', 'A stalled WAL sender left replication lag on the database replicas.'),
      cause('loose', 'The database primary ran out of memory during a report query.'),
      cause('other-1', 'A database backup job filled the disk.'),
      cause('other-2', 'The search index rebuild took the database offline.'),
    ];
    const matches = computeSimilarity(list, tuned({ threshold: 0, minTextSimilarity: 0 })).similarTo('query');
    expect(ids(matches)[0]).toBe('close');
    // The words only these two share outweigh "database", which every incident has.
    const words = matches[0]?.reasons.words ?? [];
    expect(words).toHaveLength(SIMILARITY.reasonWords);
    for (const word of words) expect(['lag', 'replication', 'sender', 'stalled', 'wal']).toContain(word);
  });

  it('says whether each match began before or after the incident', () => {
    expect(similarity.similarTo('disk-a')[0]?.when).toBe('later');
    expect(similarity.similarTo('disk-b')[0]?.when).toBe('earlier');
    const sameStart = computeSimilarity([
      cause('b-second', 'A disk in the mail storage array failed.'),
      cause('a-first', 'A disk in the mail storage array failed.'),
    ]);
    expect(sameStart.similarTo('b-second')[0]?.when).toBe('earlier');
    expect(sameStart.similarTo('a-first')[0]?.when).toBe('later');
  });

  it('leaves out incidents the authors already listed as related, in either direction', () => {
    const linked = computeSimilarity([
      cause('old', 'A disk in the mail storage array failed.', { day: '2024-01-01' }),
      cause('new', 'A disk in the mail storage array failed again.', { day: '2024-03-01', related: ['old'] }),
      cause('newest', 'Another disk in the mail storage array failed.', { day: '2024-05-01' }),
    ]);
    expect(ids(linked.similarTo('new'))).toEqual(['newest']);
    expect(ids(linked.similarTo('old'))).toEqual(['newest']);
    expect(ids(linked.similarTo('newest')).sort()).toEqual(['new', 'old']);
    // Related pairs still count as recurring: only the page's list leaves them out.
    expect(linked.pairs).toHaveLength(3);
  });

  it('weights words by field: contributing factors count less, and not at all when weighted 0', () => {
    const list = [
      cause('one', 'The payment provider timed out.', { factors: ['No alert on the disk queue depth.'] }),
      cause('two', 'A kernel upgrade changed the scheduler.', {
        factors: ['No alert on the disk queue depth.'],
      }),
    ];
    const loose = tuned({ threshold: 0, minTextSimilarity: 0 });
    expect(ids(computeSimilarity(list, loose).similarTo('one'))).toEqual(['two']);
    const off = { ...loose, fieldWeights: { ...loose.fieldWeights, contributingFactors: 0 } };
    expect(computeSimilarity(list, off).similarTo('one')).toEqual([]);
  });
});

describe('match reasons', () => {
  const list = [
    cause('query', 'A disk in the mail storage array failed.', {
      services: ['email', 'mail-storage', 'imap'],
    }),
    cause('match', 'The mail storage array lost a disk.', { services: ['imap', 'email'] }),
  ];
  const [match] = computeSimilarity(list).similarTo('query');

  it('names the shared words as written, the category and the shared services in the incident’s order', () => {
    expect(match?.reasons.words.sort()).toEqual(['array', 'disk', 'mail', 'storage']);
    expect(match?.reasons.sameCategory).toBe(true);
    expect(match?.reasons.services).toEqual(['email', 'imap']);
  });

  it('keeps at most `reasonWords` words', () => {
    const [few] = computeSimilarity(list, tuned({ reasonWords: 2 })).similarTo('query');
    expect(few?.reasons.words).toHaveLength(2);
  });

  it('reads as a sentence with the category label and plurals', () => {
    expect(reasonPhrases({ words: ['disk'], sameCategory: false, services: [] }, 'Hardware')).toEqual([
      'the word “disk”',
    ]);
    expect(
      reasonSentence(
        { words: ['disk', 'raid', 'spare'], sameCategory: true, services: ['email', 'imap'] },
        'Hardware',
      ),
    ).toBe(
      'Shares the words “disk”, “raid” and “spare”; the same root cause, Hardware; the same services, email and imap.',
    );
    expect(reasonSentence({ words: [], sameCategory: false, services: ['email'] }, 'Hardware')).toBe(
      'Shares the same service, email.',
    );
    expect(reasonSentence({ words: [], sameCategory: false, services: [] }, 'Hardware')).toBe('');
  });
});
