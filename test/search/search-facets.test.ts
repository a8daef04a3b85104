import { describe, expect, it } from 'vitest';
import { buildFacets, facetLabel, searchLabels, type SearchLabels } from '../../src/lib/search/facets';
import { FILTER_KEYS } from '../../src/lib/search/record';
import { emptyState } from '../../src/lib/search/state';
import { taxonomy } from './incidents';

const labels: SearchLabels = { rootCauses: taxonomy.rootCauses, severities: taxonomy.severities };

const totals = {
  rootCause: { security: 1, hardware: 2, network: 1 },
  services: { dns: 1, email: 3, api: 3, auth: 1 },
  severity: { SEV3: 1, SEV1: 2, SEV2: 1 },
  year: { '2023': 1, '2025': 2, '2024': 1 },
  followUp: { closed: 1, open: 3 },
};
const noCounts = Object.fromEntries(FILTER_KEYS.map((key) => [key, {}])) as Parameters<typeof buildFacets>[1];

const values = (facets: ReturnType<typeof buildFacets>, key: string) =>
  facets.find((facet) => facet.key === key)?.options.map((option) => option.value);

describe('buildFacets', () => {
  const facets = buildFacets(totals, noCounts, emptyState(), labels);

  it('lists the facets in display order with their legends', () => {
    expect(facets.map((facet) => [facet.key, facet.legend])).toEqual([
      ['rootCause', 'Root cause'],
      ['services', 'Service'],
      ['severity', 'Severity'],
      ['year', 'Year'],
      ['followUp', 'Follow-up work'],
    ]);
  });

  it('orders root causes and severities as the taxonomy does', () => {
    expect(values(facets, 'rootCause')).toEqual(['hardware', 'network', 'security']);
    expect(values(facets, 'severity')).toEqual(['SEV1', 'SEV2', 'SEV3']);
  });

  it('puts the busiest services first, then by name; years newest first', () => {
    expect(values(facets, 'services')).toEqual(['api', 'email', 'auth', 'dns']);
    expect(values(facets, 'year')).toEqual(['2025', '2024', '2023']);
    expect(values(facets, 'followUp')).toEqual(['open', 'closed']);
  });

  it('labels values from the taxonomy', () => {
    const rootCause = facets[0]?.options.find((option) => option.value === 'hardware');
    expect(rootCause?.label).toBe('Hardware');
    expect(facetLabel('severity', 'SEV1', labels)).toBe('SEV1 · Critical');
    expect(facetLabel('followUp', 'open', labels)).toBe('Has open tasks');
    expect(facetLabel('rootCause', 'gremlins', labels)).toBe('gremlins');
  });

  it('takes counts for the current search and marks selections', () => {
    const state = { ...emptyState(), filters: { rootCause: ['hardware'] } };
    const counts = { ...noCounts, rootCause: { hardware: 2, network: 1, security: 0 } };
    const [rootCause] = buildFacets(totals, counts, state, labels);
    expect(rootCause?.options.map(({ value, count, selected }) => [value, count, selected])).toEqual([
      ['hardware', 2, true],
      ['network', 1, false],
      ['security', 0, false],
    ]);
  });

  it('keeps a selected value the index does not know, so it can be cleared', () => {
    const state = { ...emptyState(), filters: { services: ['gone'] } };
    const services = buildFacets(totals, noCounts, state, labels)[1];
    expect(services?.options.at(-1)).toEqual({ value: 'gone', label: 'gone', count: 0, selected: true });
  });
});

describe('searchLabels', () => {
  it('keeps ids and labels in the taxonomy’s order, and drops the descriptions', () => {
    const picked = searchLabels({
      rootCauses: [
        { id: 'b', label: 'Bee', description: 'Long text the page does not need.' },
        { id: 'a', label: 'Ay', description: 'More of it.' },
      ],
      severities: [{ id: 'S1', label: 'Worst', description: 'Bad.' }],
    });
    expect(picked).toEqual({
      rootCauses: [
        { id: 'b', label: 'Bee' },
        { id: 'a', label: 'Ay' },
      ],
      severities: [{ id: 'S1', label: 'Worst' }],
    });
  });
});

describe('buildFacets with values named like object properties', () => {
  it('shows 0, not an inherited function, for a value the search did not count', () => {
    const odd = { ...totals, services: { constructor: 2, toString: 1 } };
    const [, services] = buildFacets(odd, noCounts, emptyState(), labels);
    expect(services?.options.map((option) => [option.value, option.count])).toEqual([
      ['constructor', 0],
      ['toString', 0],
    ]);
  });
});
