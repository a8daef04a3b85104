import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessCategory, stems } from '../../src/lib/import/category-guess';
import { loadTaxonomy } from '../../src/lib/taxonomy';
import { repoRoot, taxonomy } from './helpers';

const guess = (text: string) => guessCategory(text, taxonomy.rootCauses);

describe('guessCategory with the default categories', () => {
  it('guesses from the words of the root cause, and says which words', () => {
    expect(guess('The outage resulted from a hardware failure within the storage array.')).toMatchObject({
      id: 'hardware',
      words: expect.arrayContaining(['hardware']),
    });
    expect(guess('A malfunctioning disk drive within the storage array caused the outage.')?.id).toBe(
      'hardware',
    );
    expect(guess('A retry setting in the payment client configuration was changed.')?.id).toBe(
      'config-change',
    );
    expect(guess('A software bug in the retry logic re-queued failed deliveries.')?.id).toBe('software-bug');
    expect(guess('The TLS certificate expired on the load balancer.')?.id).not.toBe('hardware');
    expect(guess('The cache cluster hit its memory limit under sale traffic.')?.id).toBe('capacity');
  });

  it('gives nothing when no category word occurs', () => {
    expect(guess('We do not know yet.')).toBeUndefined();
    expect(guess('')).toBeUndefined();
  });

  it('reports a tie with a margin of zero', () => {
    const tie = guessCategory('alpha', [
      { id: 'one', label: 'Alpha', description: 'x' },
      { id: 'two', label: 'Alpha', description: 'y' },
    ]);
    expect(tie?.margin).toBe(0);
  });
});

describe('guessCategory with a team’s own categories', () => {
  const custom = loadTaxonomy(path.join(repoRoot, 'test', 'fixtures', 'custom-taxonomy', 'content'));

  it('follows the ids, labels and descriptions of the taxonomy file', () => {
    expect(guessCategory('The data disk filled up overnight.', custom.rootCauses)?.id).toBe('disk');
    expect(guessCategory('Our payment provider had an outage.', custom.rootCauses)?.id).toBe('vendor-outage');
    expect(guessCategory('The signing certificate ran past its expiry date.', custom.rootCauses)?.id).toBe(
      'expired-cert',
    );
  });
});

describe('stems', () => {
  it('drops filler words and matches word forms', () => {
    expect(stems('The disks failed')).toEqual(['disk']);
    expect(stems('configured')).toEqual(stems('configuration'));
  });
});
