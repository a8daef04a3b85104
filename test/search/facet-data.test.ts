import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  checkPlaces,
  codeWidth,
  COMMON_SERVICES,
  facetFiles,
  indexOrder,
  needsAllServices,
  readDurations,
  readFacetData,
  withAllServices,
  type FacetRow,
} from '../../src/lib/search/facet-data';

const row = (n: number, overrides: Partial<FacetRow> = {}): FacetRow => ({
  rootCause: n % 2 ? 'network' : 'hardware',
  severity: `SEV${(n % 4) + 1}`,
  year: String(2020 + (n % 3)),
  followUp: n % 3 ? 'closed' : 'open',
  services: [`svc${n % 12}`, 'api'],
  started: new Date(Date.UTC(2020, 0, 1 + n)).toISOString(),
  duration: n * 7,
  url: `/incidents/i${n}/`,
  ...overrides,
});

const rows = indexOrder(Array.from({ length: 40 }, (_, n) => row(n)));
const ids = new Map(rows.map((entry) => [entry.url, `en_${entry.url.slice(11, -1)}`]));
const files = facetFiles(rows, ids);
const idList = rows.map((entry) => ids.get(entry.url) as string);

describe('facet data', () => {
  it('orders incidents newest first, then by URL', () => {
    const same = '2024-01-01T00:00:00.000Z';
    const ordered = indexOrder([
      row(1, { started: same, url: '/b/' }),
      row(2),
      row(3, { started: same, url: '/a/' }),
    ]);
    expect(ordered.map((entry) => entry.url)).toEqual(['/a/', '/b/', '/incidents/i2/']);
  });

  it('reads back every incident’s values and the site-wide totals', () => {
    const data = readFacetData(files.facets, idList);
    const full = withAllServices(data, files.facets, files.services);
    for (const [place, entry] of rows.entries()) {
      const values = full.membership.get(idList[place] as string);
      expect(values?.rootCause).toEqual([entry.rootCause]);
      expect(values?.severity).toEqual([entry.severity]);
      expect(values?.year).toEqual([entry.year]);
      expect(values?.followUp).toEqual([entry.followUp]);
      expect([...(values?.services ?? [])].sort()).toEqual([...entry.services].sort());
    }
    expect(data.totals.services['api']).toBe(40);
    expect(data.totals.rootCause).toEqual({ hardware: 20, network: 20 });
    expect(Object.keys(data.totals.services)).toHaveLength(13);
  });

  it('holds only the busiest services for everyone until services.json is read', () => {
    const data = readFacetData(files.facets, idList);
    expect(data.allServices).toBe(false);
    expect(data.commonServices).toHaveLength(COMMON_SERVICES);
    const known = new Set([...data.membership.values()].flatMap((values) => values.services ?? []));
    expect([...known].every((service) => data.commonServices.includes(service))).toBe(true);
    const rare = Object.keys(data.totals.services).find((service) => !data.commonServices.includes(service));
    expect(needsAllServices(data, [rare as string])).toBe(true);
    expect(needsAllServices(data, ['api'])).toBe(false);
    expect(needsAllServices(withAllServices(data, files.facets, files.services), [rare as string])).toBe(
      false,
    );
  });

  it('gives each incident its duration', () => {
    const durations = readDurations(readFacetData(files.facets, idList), files.durations);
    expect(rows.map((entry) => durations.get(ids.get(entry.url) as string))).toEqual(
      rows.map((entry) => entry.duration),
    );
  });

  it('refuses ids in another order than the build indexed, or from another build', () => {
    expect(() => readFacetData(files.facets, [...idList].reverse())).toThrow(/another order/);
    expect(() => readFacetData(files.facets, idList.slice(1))).toThrow(/Rebuild the site/);
    expect(() => readFacetData({ ...files.facets, version: 0 }, idList)).toThrow(/version 0/);
  });

  it('fails naming the page Pagefind wrote no fragment for', () => {
    expect(() => facetFiles(rows, new Map())).toThrow(/no fragment for \/incidents\/i39\//);
  });

  it('samples the first, the last and places between', () => {
    expect(checkPlaces(0)).toEqual([]);
    expect(checkPlaces(1)).toEqual([0]);
    expect(checkPlaces(100)).toEqual([0, 12, 24, 37, 49, 61, 74, 86, 99]);
  });

  it('widens codes past 62 values, so thousands of services still fit', () => {
    expect([codeWidth(1), codeWidth(62), codeWidth(63), codeWidth(3844), codeWidth(3845)]).toEqual([
      1, 1, 2, 2, 3,
    ]);
    const many = indexOrder(Array.from({ length: 70 }, (_, n) => row(n, { services: [`s${n}`] })));
    const manyIds = new Map(many.map((entry) => [entry.url, entry.url]));
    const written = facetFiles(many, manyIds);
    const data = withAllServices(
      readFacetData(
        written.facets,
        many.map((entry) => entry.url),
      ),
      written.facets,
      written.services,
    );
    expect(many.every((entry) => data.membership.get(entry.url)?.services?.[0] === entry.services[0])).toBe(
      true,
    );
  });

  it('stays small: a few bytes per incident, compressed', () => {
    const size = gzipSync(JSON.stringify(files.facets)).length;
    expect(size / rows.length).toBeLessThan(20);
  });
});
