import { describe, expect, it } from 'vitest';
import { countFacets, filterIds, membershipOf, passesFilters } from '../../src/lib/search/facet-membership';

const membership = membershipOf([
  { key: 'rootCause', value: 'capacity', ids: ['a', 'b'] },
  { key: 'rootCause', value: 'network', ids: ['c'] },
  { key: 'services', value: 'api', ids: ['a', 'c'] },
  { key: 'services', value: 'db', ids: ['a', 'b'] },
  { key: 'year', value: '2024', ids: ['a', 'b', 'c'] },
]);

describe('membershipOf', () => {
  it('gives each incident its values, several for a multi-valued facet', () => {
    expect(membership.get('a')).toEqual({ rootCause: ['capacity'], services: ['api', 'db'], year: ['2024'] });
    expect(membership.get('c')).toEqual({ rootCause: ['network'], services: ['api'], year: ['2024'] });
  });
});

describe('filters', () => {
  it('takes any value of one facet and narrows by the others, keeping the order given', () => {
    expect(filterIds(['c', 'b', 'a'], membership, { rootCause: ['capacity', 'network'] })).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(filterIds(['c', 'b', 'a'], membership, { rootCause: ['capacity'], services: ['api'] })).toEqual([
      'a',
    ]);
    expect(filterIds(['a'], membership, { services: ['missing'] })).toEqual([]);
  });

  it('lets an incident it knows nothing about through only when nothing is selected', () => {
    expect(passesFilters(undefined, {})).toBe(true);
    expect(passesFilters(undefined, { year: ['2024'] })).toBe(false);
  });
});

describe('countFacets', () => {
  it('counts the results for facets without a selection', () => {
    const counts = countFacets(['a', 'b', 'c'], membership, { rootCause: ['capacity'] });
    expect(counts.services).toEqual({ api: 1, db: 2 });
    expect(counts.year).toEqual({ '2024': 2 });
  });

  it('counts a facet with a selection as if its own selection were not there', () => {
    const counts = countFacets(['a', 'b', 'c'], membership, { rootCause: ['capacity'], services: ['api'] });
    // Root cause: among incidents with service api (a, c).
    expect(counts.rootCause).toEqual({ capacity: 1, network: 1 });
    // Services: among capacity incidents (a, b).
    expect(counts.services).toEqual({ api: 1, db: 2 });
    expect(counts.severity).toEqual({});
  });

  it('promises what selecting a value gives', () => {
    const ids = ['a', 'b', 'c'];
    const filters = { services: ['db'] };
    const counts = countFacets(ids, membership, filters);
    for (const [value, count] of Object.entries(counts.rootCause)) {
      expect(filterIds(ids, membership, { ...filters, rootCause: [value] })).toHaveLength(count);
    }
  });
});

describe('values named like object properties', () => {
  it('counts a service called constructor or __proto__ from zero, like any other', () => {
    const odd = membershipOf([
      { key: 'services', value: 'constructor', ids: ['a', 'b'] },
      { key: 'services', value: '__proto__', ids: ['a'] },
      { key: 'services', value: 'toString', ids: ['b'] },
    ]);
    const counts = countFacets(['a', 'b'], odd, {});
    expect(counts.services['constructor']).toBe(2);
    expect(counts.services['toString']).toBe(1);
    expect(Object.hasOwn(counts.services, '__proto__') ? counts.services['__proto__'] : undefined).toBe(1);
  });
});
