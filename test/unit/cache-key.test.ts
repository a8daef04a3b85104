import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../src/lib/cache-key';

const entry = (id: string, summary: string, digest = '1') => ({
  id,
  collection: 'postmortems',
  digest,
  data: { title: id, summary, startedAt: new Date('2024-05-01T08:00:00Z'), services: new Set(['mail']) },
});

describe('cacheKeyOf', () => {
  it('is the same for the same inputs, built again from scratch', () => {
    expect(cacheKeyOf({ page: [entry('a', 'x'), entry('b', 'y')] }, 'UTC')).toBe(
      cacheKeyOf({ page: [entry('a', 'x'), entry('b', 'y')] }, 'UTC'),
    );
  });

  it("changes with an entry's data, down to a date or a set, but not with its body (digest)", () => {
    const base = cacheKeyOf([entry('a', 'x')]);
    expect(cacheKeyOf([entry('a', 'changed')])).not.toBe(base);
    // Only the entry's own page shows the body, and it puts the digest in its key itself.
    expect(cacheKeyOf([entry('a', 'x', '2')])).toBe(base);
    const later = entry('a', 'x');
    later.data.startedAt = new Date('2024-05-02T08:00:00Z');
    expect(cacheKeyOf([later])).not.toBe(base);
    const moved = entry('a', 'x');
    moved.data.services = new Set(['web']);
    expect(cacheKeyOf([moved])).not.toBe(base);
  });

  it('changes with the order of a list, and with the inputs beside the props', () => {
    const a = entry('a', 'x');
    const b = entry('b', 'y');
    expect(cacheKeyOf([a, b])).not.toBe(cacheKeyOf([b, a]));
    expect(cacheKeyOf([a], 'UTC')).not.toBe(cacheKeyOf([a], 'Europe/Berlin'));
    expect(cacheKeyOf(new Map([['k', 1]]))).not.toBe(cacheKeyOf(new Map([['k', 2]])));
  });

  it('hashes an entry once however many pages list it, without missing a change to another object', () => {
    const a = entry('a', 'x');
    const first = cacheKeyOf([a], { note: 1 });
    expect(cacheKeyOf([a], { note: 2 })).not.toBe(first);
    expect(cacheKeyOf([a], { note: 1 })).toBe(first);
  });
});
