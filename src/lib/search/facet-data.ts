import { FILTER_KEYS, type FilterKey } from './record';
import type { FilterValues, Membership } from './facet-membership';

/**
 * The facet data the build writes beside the index, and the page reads instead of Pagefind's
 * filters and sorts. Pagefind keeps one file per filter and loads every one of them to list
 * the values (126 KiB at 10,000 incidents), and puts sort keys into the metadata every search
 * loads first (42 KiB). The same facts fit in a few kilobytes when written once per incident,
 * in the order the incidents were given to Pagefind: a value is one or two characters, the
 * page's place in the list says which incident it belongs to.
 *
 * - `facets.json` (loaded with the page): root cause, severity, year and follow-up state of
 *   every incident, every service with its count, and which of the `COMMON_SERVICES` busiest
 *   services each incident has.
 * - `services.json` (loaded when a reader asks for a rarer service): every incident's services.
 * - `durations.json` (loaded when a reader sorts by duration): every incident's duration.
 *
 * Incidents are given to Pagefind newest first, so "newest" is the order itself.
 */

/** Bump when the files change shape, so an old page never misreads a new file. */
const FACET_DATA_VERSION = 1;

export const FACET_FILES = {
  facets: 'facets.json',
  services: 'services.json',
  durations: 'durations.json',
} as const;

/** Facets with exactly one value per incident. */
const SINGLE_KEYS = ['rootCause', 'severity', 'year', 'followUp'] as const satisfies readonly FilterKey[];
type SingleKey = (typeof SINGLE_KEYS)[number];

/** Services in `facets.json` for every incident; the rest come with `services.json`. */
export const COMMON_SERVICES = 8;

/** One incident's facet values, as the incident page states them (`PagefindMeta.astro`). */
export interface FacetRow {
  rootCause: string;
  severity: string;
  year: string;
  followUp: string;
  services: string[];
  /** Start, UTC, ISO 8601: the order incidents are indexed in. */
  started: string;
  /** Whole minutes from start to resolution; 0 while unresolved. */
  duration: number;
  /** The page's path, to match it with the fragment Pagefind wrote for it. */
  url: string;
}

/** A column of one value per incident: each value's index in `values`, `width` characters each. */
interface Column {
  values: string[];
  codes: string;
}

export interface FacetFile {
  version: number;
  /** Incidents, in index order. */
  count: number;
  /**
   * A few incidents' Pagefind ids with their place in index order. The page takes each
   * incident's id from Pagefind's `search(null)`, which lists pages in the order they were
   * added; these let it notice if that ever stops being so, rather than mislabel results.
   */
  check: [number, string][];
  single: Record<SingleKey, Column>;
  services: {
    /** Every service, busiest first. */
    values: string[];
    /** Incidents per service, as `values`. */
    counts: number[];
    /** Per incident, two hexadecimal digits: which of the first `COMMON_SERVICES` it has. */
    common: string;
  };
}

export interface ServicesFile {
  version: number;
  /** Per incident, its services' indexes into `FacetFile.services.values`, `.` between incidents. */
  codes: string;
}

export interface DurationsFile {
  version: number;
  /** Per incident, whole minutes. */
  minutes: number[];
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Characters per code for `count` distinct values. */
export function codeWidth(count: number): number {
  let width = 1;
  while (DIGITS.length ** width < count) width++;
  return width;
}

function encode(index: number, width: number): string {
  let out = '';
  for (let place = 0; place < width; place++) {
    out = (DIGITS[index % DIGITS.length] ?? '0') + out;
    index = Math.floor(index / DIGITS.length);
  }
  return out;
}

function decode(code: string): number {
  let value = 0;
  for (const char of code) {
    const digit = DIGITS.indexOf(char);
    if (digit === -1) throw new Error(`Search facet data: "${char}" is not a code character`);
    value = value * DIGITS.length + digit;
  }
  return value;
}

function column(values: readonly string[]): Column {
  const distinct = [...new Set(values)].sort();
  const width = codeWidth(distinct.length);
  const index = new Map(distinct.map((value, position) => [value, position]));
  return { values: distinct, codes: values.map((value) => encode(index.get(value) ?? 0, width)).join('') };
}

/** Incidents in the order they are indexed: newest first, then by page path. */
export function indexOrder<R extends FacetRow>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) =>
    a.started !== b.started ? (a.started < b.started ? 1 : -1) : a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
  );
}

/** Places in index order whose ids `FacetFile.check` records. */
export function checkPlaces(count: number, samples = 8): number[] {
  if (count === 0) return [];
  const places = new Set<number>([0, count - 1]);
  for (let n = 1; n < samples; n++) places.add(Math.floor((n * (count - 1)) / samples));
  return [...places].sort((a, b) => a - b);
}

/**
 * The three files for incidents already in index order (see `indexOrder`).
 * @param ids Each incident's Pagefind id, by URL.
 */
export function facetFiles(rows: readonly FacetRow[], ids: ReadonlyMap<string, string>) {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const service of new Set(row.services)) counts.set(service, (counts.get(service) ?? 0) + 1);
  const services = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const serviceIndex = new Map(services.map(([service], index) => [service, index]));
  const width = codeWidth(services.length);
  const check = checkPlaces(rows.length).map((place): [number, string] => {
    const url = rows[place]?.url ?? '';
    const id = ids.get(url);
    if (!id) throw new Error(`Search facet data: Pagefind wrote no fragment for ${url}`);
    return [place, id];
  });
  const facets: FacetFile = {
    version: FACET_DATA_VERSION,
    count: rows.length,
    check,
    single: Object.fromEntries(
      SINGLE_KEYS.map((key) => [key, column(rows.map((row) => row[key]))]),
    ) as Record<SingleKey, Column>,
    services: {
      values: services.map(([service]) => service),
      counts: services.map(([, count]) => count),
      common: rows
        .map((row) => {
          let mask = 0;
          for (const service of row.services) {
            const index = serviceIndex.get(service) ?? COMMON_SERVICES;
            if (index < COMMON_SERVICES) mask |= 1 << index;
          }
          return mask.toString(16).padStart(2, '0');
        })
        .join(''),
    },
  };
  const all: ServicesFile = {
    version: FACET_DATA_VERSION,
    codes: rows
      .map((row) =>
        [...new Set(row.services)].map((service) => encode(serviceIndex.get(service) ?? 0, width)).join(''),
      )
      .join('.'),
  };
  const durations: DurationsFile = { version: FACET_DATA_VERSION, minutes: rows.map((row) => row.duration) };
  return { facets, services: all, durations };
}

/** The facet data as the page uses it, once it knows each incident's Pagefind id. */
export interface FacetData {
  /** Incidents' ids in index order: newest first. */
  ids: readonly string[];
  /** Each incident's values; services only among the busiest until `withAllServices`. */
  membership: Membership;
  /** Site-wide counts per value, every value of every facet. */
  totals: Record<FilterKey, Record<string, number>>;
  /** Whether `membership` holds every service of every incident. */
  allServices: boolean;
  /** The busiest services, which `membership` always holds. */
  commonServices: readonly string[];
}

function assertVersion(file: { version?: unknown } | null | undefined, name: string) {
  if (!file || file.version !== FACET_DATA_VERSION) {
    throw new Error(
      `Search facet data: ${name} is version ${String(file?.version)}, this page reads version ${FACET_DATA_VERSION}. Rebuild the site.`,
    );
  }
}

/**
 * Reads `facets.json` against the ids `search(null)` gave, in its order.
 * Throws when they do not belong together (a different build, or a Pagefind whose unfiltered
 * search no longer lists pages in the order they were added).
 */
export function readFacetData(file: FacetFile, ids: readonly string[]): FacetData {
  assertVersion(file, FACET_FILES.facets);
  const mismatch = file.count !== ids.length || file.check.some(([place, id]) => ids[place] !== id);
  if (mismatch) {
    throw new Error(
      `Search facet data: ${FACET_FILES.facets} describes ${file.count} incidents in another order than the index lists ${ids.length}. Rebuild the site.`,
    );
  }
  const totals = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, Object.create(null)]),
  ) as FacetData['totals'];
  const rows: Partial<Record<FilterKey, string[]>>[] = ids.map(() => ({}));
  for (const key of SINGLE_KEYS) {
    const { values, codes } = file.single[key];
    const width = codeWidth(values.length);
    rows.forEach((row, place) => {
      const value = values[decode(codes.slice(place * width, place * width + width))];
      // Every published incident has each of these; a test page may not.
      if (!value) return;
      row[key] = [value];
      totals[key][value] = (totals[key][value] ?? 0) + 1;
    });
  }
  const { values, counts, common } = file.services;
  values.forEach((service, index) => (totals.services[service] = counts[index] ?? 0));
  rows.forEach((row, place) => {
    const mask = parseInt(common.slice(place * 2, place * 2 + 2), 16) || 0;
    const services = values.slice(0, COMMON_SERVICES).filter((_, index) => mask & (1 << index));
    if (services.length) row.services = services;
  });
  return {
    ids,
    membership: toMembership(ids, rows),
    totals,
    allServices: values.length <= COMMON_SERVICES,
    commonServices: values.slice(0, COMMON_SERVICES),
  };
}

/** The data with every incident's services from `services.json`. */
export function withAllServices(data: FacetData, facets: FacetFile, file: ServicesFile): FacetData {
  assertVersion(file, FACET_FILES.services);
  const { values } = facets.services;
  const width = codeWidth(values.length);
  const lists = file.codes.split('.');
  if (lists.length !== data.ids.length) {
    throw new Error(
      `Search facet data: ${FACET_FILES.services} does not match ${FACET_FILES.facets}. Rebuild the site.`,
    );
  }
  const membership = new Map<string, FilterValues>();
  data.ids.forEach((id, place) => {
    const codes = lists[place] ?? '';
    const services: string[] = [];
    for (let at = 0; at < codes.length; at += width) {
      const service = values[decode(codes.slice(at, at + width))];
      if (service !== undefined) services.push(service);
    }
    const own = data.membership.get(id) ?? {};
    membership.set(id, services.length ? { ...own, services } : omitServices(own));
  });
  return { ...data, membership, allServices: true };
}

/** Each incident's duration in minutes, by id. */
export function readDurations(data: FacetData, file: DurationsFile): Map<string, number> {
  assertVersion(file, FACET_FILES.durations);
  if (file.minutes.length !== data.ids.length) {
    throw new Error(
      `Search facet data: ${FACET_FILES.durations} does not match ${FACET_FILES.facets}. Rebuild the site.`,
    );
  }
  return new Map(data.ids.map((id, place) => [id, file.minutes[place] ?? 0]));
}

function toMembership(
  ids: readonly string[],
  rows: readonly Partial<Record<FilterKey, string[]>>[],
): Membership {
  return new Map(ids.map((id, place) => [id, rows[place] ?? {}]));
}

function omitServices(values: FilterValues): FilterValues {
  const { services: _dropped, ...rest } = values;
  return rest;
}

/** Whether a selection needs services beyond the busiest ones `facets.json` holds for everyone. */
export function needsAllServices(data: FacetData, selected: readonly string[] | undefined): boolean {
  return !data.allServices && (selected ?? []).some((service) => !data.commonServices.includes(service));
}
