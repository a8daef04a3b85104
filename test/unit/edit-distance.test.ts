import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/lib/edit-distance';
import { closestKey, didYouMean } from '../../src/lib/schema-shape';

describe('editDistance', () => {
  it('is zero for the same word and the length of the other for an empty one', () => {
    expect(editDistance('certificate', 'certificate')).toBe(0);
    expect(editDistance('', 'dns')).toBe(3);
    expect(editDistance('dns', '')).toBe(3);
  });

  it('counts a missing, an extra and a wrong letter as one edit each', () => {
    expect(editDistance('certficate', 'certificate')).toBe(1);
    expect(editDistance('certifficate', 'certificate')).toBe(1);
    expect(editDistance('certifixate', 'certificate')).toBe(1);
    expect(editDistance('kubernets', 'kubernetes')).toBe(1);
  });

  it('counts a swap of neighbouring letters as one edit, not two', () => {
    expect(editDistance('dsn', 'dns')).toBe(1);
    expect(editDistance('rootCuase', 'rootCause')).toBe(1);
    expect(editDistance('teh', 'the')).toBe(1);
  });

  it('does not let one letter take part in two swaps (optimal string alignment)', () => {
    // Unrestricted Damerau-Levenshtein gives 2 here; the alignment used here gives 3.
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['latency', 'latnecy'],
      ['database', 'databse'],
      ['outage', 'outages'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });

  it('counts an accented letter as one letter', () => {
    expect(editDistance('café', 'cafe')).toBe(1);
    expect(editDistance('résumé', 'resume')).toBe(2);
  });

  it('stops early past a limit, answering with a number above it', () => {
    expect(editDistance('certificate', 'kubernetes', 2)).toBeGreaterThan(2);
    expect(editDistance('dns', 'dnssec', 2)).toBeGreaterThan(2);
    // Within the limit the answer is exact.
    expect(editDistance('certficate', 'certificate', 2)).toBe(1);
    expect(editDistance('crtficate', 'certificate', 2)).toBe(2);
  });
});

describe('the configuration hints use the same distance', () => {
  it('finds a key one swap away', () => {
    expect(closestKey('titel', ['title', 'summary'])).toBe('title');
    expect(didYouMean('sumary', ['title', 'summary'])).toBe(' Did you mean "summary"?');
  });
});
