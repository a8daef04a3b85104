import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Insights } from '../../src/lib/insights/build-insights';
import { buildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent, taxonomyFile } from '../helpers/fixtures';

/**
 * `/insights/` and `/api/insights.json` built from `test/fixtures/insights/content/`: ten
 * published postmortems with hand-picked times, in the fixture's own taxonomy (severities
 * critical, major, minor, near-miss; root causes hardware, bad-deploy, config-drift,
 * vendor-outage, capacity-limit), on the calendar of America/New_York, built "on" 20 September
 * 2024. A draft (near-miss, capacity-limit) must count nowhere.
 *
 * The incidents, as minutes after the start of impact (detect / mitigate / resolve; "-" where
 * the postmortem leaves the timestamp out), with M for a misleading path in the timeline and
 * "no tl" for no timeline:
 *
 *   2023-12-10-storage-disk         critical  hardware       10 /  60 / 120  M   Dec 2023, Q4 2023
 *   2024-01-25-release-rollback     major     bad-deploy      5 /  30 /  60      Jan 2024, Q1
 *   2024-03-14-stale-flag           minor     config-drift    - /  20 /  40  no tl  Mar, Q1
 *   2024-04-01-late-evening-disk    major     hardware       20 /  90 / 180  M   23:30 on 31 Mar in New York: Mar, Q1
 *   2024-04-20-payment-provider     critical  vendor-outage  15 /   - / 300      Apr, Q2
 *   2024-05-05-canary-skipped       minor     bad-deploy      5 /  10 /  30      May, Q2
 *   2024-05-30-raid-rebuild         major     hardware       40 / 240 / 600  M   May, Q2
 *   2024-07-01-quota-override       critical  config-drift   10 /  45 /  90      22:00 on 30 Jun in New York: Jun, Q2
 *   2024-07-12-dns-provider         major     vendor-outage   - /   - / 150  no tl  Jul, Q3
 *   2024-08-02-schema-migration     critical  bad-deploy      2 /  15 /  45  M   Aug, Q3
 *
 * Quantiles are R-7: for n sorted values, h = (n - 1)p and q = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
 */
const content = fixtureContent('insights');
const SOURCE_DATE_EPOCH = String(Date.UTC(2024, 8, 20, 12) / 1000);

let site: BuiltSite;
let json: Insights;
let page: HTMLElement;

beforeAll(async () => {
  site = await buildSite(content, { config: { timezone: 'America/New_York' }, env: { SOURCE_DATE_EPOCH } });
  json = JSON.parse(await site.read('api/insights.json')) as Insights;
  page = parse(await site.read('insights/index.html'));
});

const none = { count: 0, median: null, p90: null };
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const table = (id: string) => {
  const found = page.querySelector(`table[data-chart-table="${id}"]`);
  expect(found, `table ${id}`).not.toBeNull();
  return found as HTMLElement;
};
const row = (tableId: string, key: string) => {
  const found = table(tableId).querySelector(`tbody tr[data-key="${key}"]`);
  expect(found, `row ${key} of ${tableId}`).not.toBeNull();
  return found as HTMLElement;
};
const rowKeys = (tableId: string) =>
  table(tableId)
    .querySelectorAll('tbody tr')
    .map((tr) => tr.getAttribute('data-key'));

/** A summary as a table row shows it: the count, and the exact minutes of median and p90. */
function shownSummary(tr: HTMLElement, metric: string) {
  const cell = (stat: string) => tr.querySelector(`td[data-metric="${metric}"][data-stat="${stat}"]`);
  const minutes = (stat: string) => {
    const value = cell(stat)?.querySelector('data')?.getAttribute('value');
    return value === undefined ? null : Number(value);
  };
  return { count: Number(text(cell('count'))), median: minutes('median'), p90: minutes('p90') };
}

/** The median and p90 of a row in words. */
const shownWords = (tr: HTMLElement, metric: string) =>
  ['median', 'p90'].map((stat) => text(tr.querySelector(`td[data-metric="${metric}"][data-stat="${stat}"]`)));

describe('/api/insights.json', () => {
  it('says what it was computed from: the ten published incidents, not the draft', () => {
    expect(json.generatedFrom).toEqual({
      incidents: 10,
      drafts: 0,
      timeZone: 'America/New_York',
      asOf: '2024-09-20',
      firstStartedAt: '2023-12-10T10:00:00.000Z',
      lastStartedAt: '2024-08-02T11:00:00.000Z',
    });
  });

  it('keys severities and root causes by the fixture’s taxonomy ids, in its order', () => {
    const severityIds = taxonomyFile(content, 'severities.yaml').map((entry) => entry.id);
    const rootCauseIds = taxonomyFile(content, 'root-causes.yaml').map((entry) => entry.id);
    expect(json.severities.map((entry) => entry.id)).toEqual(severityIds);
    expect(json.rootCauses.map((entry) => entry.id)).toEqual(rootCauseIds);
    for (const metric of ['timeToDetect', 'timeToMitigate', 'timeToResolve'] as const) {
      expect(Object.keys(json[metric])).toEqual(['all', 'bySeverity', 'byRootCause']);
      expect(Object.keys(json[metric].bySeverity)).toEqual(severityIds);
      expect(Object.keys(json[metric].byRootCause)).toEqual(rootCauseIds);
    }
  });

  it('has time to resolve, in minutes', () => {
    expect(json.timeToResolve).toEqual({
      // 30 40 45 60 90 120 150 180 300 600. Median h = 4.5: 90 + 0.5 × 30 = 105.
      // p90 h = 8.1: 300 + 0.1 × 300 = 330.
      all: { count: 10, median: 105, p90: 330 },
      bySeverity: {
        // 45 90 120 300: median 90 + 0.5 × 30 = 105; p90 h = 2.7: 120 + 0.7 × 180 = 246.
        critical: { count: 4, median: 105, p90: 246 },
        // 60 150 180 600: median 165; p90 180 + 0.7 × 420 = 474.
        major: { count: 4, median: 165, p90: 474 },
        // 30 40: median 35; p90 h = 0.9: 30 + 0.9 × 10 = 39.
        minor: { count: 2, median: 35, p90: 39 },
        'near-miss': none,
      },
      byRootCause: {
        // 120 180 600: median 180; p90 h = 1.8: 180 + 0.8 × 420 = 516.
        hardware: { count: 3, median: 180, p90: 516 },
        // 30 45 60: median 45; p90 45 + 0.8 × 15 = 57.
        'bad-deploy': { count: 3, median: 45, p90: 57 },
        // 40 90: median 65; p90 40 + 0.9 × 50 = 85.
        'config-drift': { count: 2, median: 65, p90: 85 },
        // 150 300: median 225; p90 150 + 0.9 × 150 = 285.
        'vendor-outage': { count: 2, median: 225, p90: 285 },
        'capacity-limit': none,
      },
    });
  });

  it('has time to detect, without the two incidents that lack detectedAt', () => {
    expect(json.timeToDetect).toEqual({
      // 2 5 5 10 10 15 20 40. Median h = 3.5: 10. p90 h = 6.3: 20 + 0.3 × 20 = 26.
      all: { count: 8, median: 10, p90: 26 },
      bySeverity: {
        // 2 10 10 15: median 10; p90 10 + 0.7 × 5 = 13.5.
        critical: { count: 4, median: 10, p90: 13.5 },
        // 5 20 40: median 20; p90 20 + 0.8 × 20 = 36.
        major: { count: 3, median: 20, p90: 36 },
        minor: { count: 1, median: 5, p90: 5 },
        'near-miss': none,
      },
      byRootCause: {
        hardware: { count: 3, median: 20, p90: 36 },
        // 2 5 5: median 5; p90 5.
        'bad-deploy': { count: 3, median: 5, p90: 5 },
        'config-drift': { count: 1, median: 10, p90: 10 },
        'vendor-outage': { count: 1, median: 15, p90: 15 },
        'capacity-limit': none,
      },
    });
    expect(json.coverage.timeToDetect).toEqual({
      field: 'detectedAt',
      counted: 8,
      missing: ['2024-07-12-dns-provider', '2024-03-14-stale-flag'],
    });
  });

  it('has time to mitigate, without the two incidents that lack mitigatedAt', () => {
    expect(json.timeToMitigate).toEqual({
      // 10 15 20 30 45 60 90 240. Median (30 + 45) / 2 = 37.5. p90 h = 6.3: 90 + 0.3 × 150 = 135.
      all: { count: 8, median: 37.5, p90: 135 },
      bySeverity: {
        // 15 45 60: median 45; p90 45 + 0.8 × 15 = 57.
        critical: { count: 3, median: 45, p90: 57 },
        // 30 90 240: median 90; p90 90 + 0.8 × 150 = 210.
        major: { count: 3, median: 90, p90: 210 },
        // 10 20: median 15; p90 19.
        minor: { count: 2, median: 15, p90: 19 },
        'near-miss': none,
      },
      byRootCause: {
        hardware: { count: 3, median: 90, p90: 210 },
        // 10 15 30: median 15; p90 15 + 0.8 × 15 = 27.
        'bad-deploy': { count: 3, median: 15, p90: 27 },
        // 20 45: median 32.5; p90 20 + 0.9 × 25 = 42.5.
        'config-drift': { count: 2, median: 32.5, p90: 42.5 },
        'vendor-outage': none,
        'capacity-limit': none,
      },
    });
    expect(json.coverage.timeToMitigate.missing).toEqual([
      '2024-07-12-dns-provider',
      '2024-04-20-payment-provider',
    ]);
    expect(json.coverage.timeToResolve).toEqual({ field: 'resolvedAt', counted: 10, missing: [] });
  });

  it('counts incidents per month on the New York calendar, quiet months and the months up to the build as zero', () => {
    const month = (key: string, critical: number, major: number, minor: number) => ({
      month: key,
      total: critical + major + minor,
      bySeverity: { critical, major, minor, 'near-miss': 0 },
    });
    expect(json.incidentsPerMonth).toEqual([
      month('2023-12', 1, 0, 0),
      month('2024-01', 0, 1, 0),
      month('2024-02', 0, 0, 0),
      // The late-evening disk started on 1 April in UTC but 31 March in New York.
      month('2024-03', 0, 1, 1),
      month('2024-04', 1, 0, 0),
      month('2024-05', 0, 1, 1),
      // The quota override started on 1 July in UTC but 30 June in New York.
      month('2024-06', 1, 0, 0),
      month('2024-07', 0, 1, 0),
      month('2024-08', 1, 0, 0),
      month('2024-09', 0, 0, 0),
    ]);
  });

  it('has figures per quarter on the New York calendar, and this quarter against the last', () => {
    expect(
      json.quarters.map((quarter) => [quarter.quarter, quarter.incidents, quarter.timeToResolve]),
    ).toEqual([
      ['2023-Q4', 1, { count: 1, median: 120, p90: 120 }],
      // 40 60 180: median 60; p90 60 + 0.8 × 120 = 156.
      ['2024-Q1', 3, { count: 3, median: 60, p90: 156 }],
      // 30 90 300 600: median 195; p90 300 + 0.7 × 300 = 510.
      ['2024-Q2', 4, { count: 4, median: 195, p90: 510 }],
      // 45 150: median 97.5; p90 45 + 0.9 × 105 = 139.5.
      ['2024-Q3', 2, { count: 2, median: 97.5, p90: 139.5 }],
    ]);
    // Q2 detect: 5 10 15 40: median 12.5; p90 15 + 0.7 × 25 = 32.5.
    expect(json.quarters[2]?.timeToDetect).toEqual({ count: 4, median: 12.5, p90: 32.5 });
    expect(json.quarterOverQuarter.current?.quarter).toBe('2024-Q3');
    expect(json.quarterOverQuarter.previous?.quarter).toBe('2024-Q2');
  });

  it('adds up impact time per root cause', () => {
    expect(json.impactByRootCause).toEqual({
      hardware: { incidents: 3, counted: 3, totalMinutes: 900 }, // 120 + 180 + 600
      'bad-deploy': { incidents: 3, counted: 3, totalMinutes: 135 }, // 60 + 30 + 45
      'config-drift': { incidents: 2, counted: 2, totalMinutes: 130 }, // 40 + 90
      'vendor-outage': { incidents: 2, counted: 2, totalMinutes: 450 }, // 300 + 150
      'capacity-limit': { incidents: 0, counted: 0, totalMinutes: 0 },
    });
  });

  it('has the misleading-path share among incidents with a timeline, and the difference it made', () => {
    expect(json.misleadingPaths).toEqual({
      withTimeline: 8,
      withMisleadingPath: 4,
      share: 0.5,
      timeToResolve: {
        // 45 120 180 600: median 150; p90 180 + 0.7 × 420 = 474.
        withMisleadingPath: { count: 4, median: 150, p90: 474 },
        // 30 60 90 300: median 75; p90 90 + 0.7 × 210 = 237.
        withoutMisleadingPath: { count: 4, median: 75, p90: 237 },
        medianDifference: 75,
      },
    });
  });

  it('counts open follow-up tasks of published incidents only', () => {
    // One open, one in progress; the done and won't-do tasks and the draft's task do not count.
    expect(json.followUp).toEqual({ openTasks: 2 });
  });
});

describe('/insights/', () => {
  it('shows the same response times as the JSON, overall and per severity, root cause and quarter', () => {
    const metrics = ['timeToDetect', 'timeToMitigate', 'timeToResolve'] as const;
    for (const metric of metrics) {
      expect(shownSummary(row('overall', metric), metric), metric).toEqual(json[metric].all);
      expect(shownSummary(row('chart-by-severity', '*'), metric)).toEqual(json[metric].all);
      for (const { id } of json.severities)
        expect(shownSummary(row('chart-by-severity', id), metric), `${metric} ${id}`).toEqual(
          json[metric].bySeverity[id],
        );
      for (const { id } of json.rootCauses)
        expect(shownSummary(row('chart-by-root-cause', id), metric), `${metric} ${id}`).toEqual(
          json[metric].byRootCause[id],
        );
      for (const quarter of json.quarters)
        expect(shownSummary(row('chart-by-quarter', quarter.quarter), metric)).toEqual(quarter[metric]);
    }
    expect(rowKeys('chart-by-severity')).toEqual(['*', ...json.severities.map((entry) => entry.id)]);
    expect(rowKeys('chart-by-root-cause')).toEqual(json.rootCauses.map((entry) => entry.id));
    expect(rowKeys('chart-by-quarter')).toEqual(['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']);
  });

  it('says durations in words', () => {
    expect(shownWords(row('overall', 'timeToResolve'), 'timeToResolve')).toEqual([
      '1 hour 45 minutes',
      '5 hours 30 minutes',
    ]);
    expect(shownWords(row('overall', 'timeToMitigate'), 'timeToMitigate')).toEqual([
      '38 minutes', // 37.5, rounded to the minute
      '2 hours 15 minutes',
    ]);
    expect(shownWords(row('chart-by-root-cause', 'capacity-limit'), 'timeToResolve')).toEqual([
      // The dash is hidden from screen readers, which hear "no data".
      '—no data',
      '—no data',
    ]);
    expect(text(row('chart-by-quarter', '2024-Q2').querySelector('td[data-incidents]'))).toBe('4');
    expect(text(row('chart-by-quarter', '2024-Q2').querySelector('th'))).toBe('Q2 2024');
  });

  it('says how many incidents each metric counted and which lack the timestamp', () => {
    const note = (metric: string) => text(page.querySelector(`[data-coverage="${metric}"]`));
    expect(note('timeToDetect')).toMatch(
      /^Time to detect: Counted 8 of 10 incidents \(the rest lack detectedAt\)\./,
    );
    expect(note('timeToMitigate')).toMatch(/Counted 8 of 10 incidents \(the rest lack mitigatedAt\)\./);
    expect(note('timeToResolve')).toBe('Time to resolve: Counted all 10 incidents.');
    const missing = page
      .querySelectorAll('[data-coverage="timeToDetect"] details a')
      .map((a) => a.getAttribute('href'));
    expect(missing).toEqual(['/incidents/2024-07-12-dns-provider/', '/incidents/2024-03-14-stale-flag/']);
  });

  it('shows the monthly counts of the JSON in the table beside the chart', () => {
    expect(rowKeys('chart-per-month')).toEqual(json.incidentsPerMonth.map((month) => month.month));
    for (const month of json.incidentsPerMonth) {
      const tr = row('chart-per-month', month.month);
      for (const { id } of json.severities)
        expect(Number(text(tr.querySelector(`td[data-series="${id}"]`))), `${month.month} ${id}`).toBe(
          month.bySeverity[id],
        );
      expect(Number(text(tr.querySelector('td[data-total]')))).toBe(month.total);
    }
    expect(text(row('chart-per-month', '2024-03').querySelector('th'))).toBe('Mar 2024');
  });

  it('draws one bar per month, a segment per severity present, with a named image', () => {
    const figure = page.querySelector('#chart-per-month');
    const svg = figure?.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    const title = svg?.querySelector('title');
    expect(svg?.getAttribute('aria-labelledby')).toBe(title?.id);
    expect(text(title)).toContain('Dec 2023 to Sept 2024');
    expect(text(figure?.querySelector('figcaption'))).toBe('Incidents per month, by severity');
    // One segment per incident: no month has two incidents of the same severity.
    const segments = svg?.querySelectorAll('rect[class^="chart-sev-"]') ?? [];
    expect(segments).toHaveLength(10);
    expect(figure?.querySelectorAll('.legend li').map(text)).toEqual(
      json.severities.map((entry) => entry.label),
    );
  });

  it('shows impact time per root cause as in the JSON', () => {
    expect(rowKeys('chart-impact')).toEqual(json.rootCauses.map((entry) => entry.id));
    for (const { id } of json.rootCauses) {
      const tr = row('chart-impact', id);
      const impact = json.impactByRootCause[id];
      expect(Number(tr.querySelector('td[data-total-minutes] data')?.getAttribute('value'))).toBe(
        impact?.totalMinutes,
      );
      expect(Number(text(tr.querySelector('td[data-incidents]')))).toBe(impact?.incidents);
    }
    // 900 of 1615 minutes.
    expect(text(row('chart-impact', 'hardware').querySelector('td[data-share]'))).toBe('56%');
    expect(text(row('chart-impact', 'hardware').querySelector('td[data-total-minutes]'))).toBe('15 hours');
  });

  it('shows the misleading-path figures of the JSON', () => {
    expect(text(page.querySelector('[data-misleading-summary]'))).toBe(
      '50% of the 8 incidents with a timeline record a misleading path (4 of 8); the typical one took 1 hour 15 minutes longer to resolve than those without.',
    );
    expect(shownSummary(row('misleading', 'with'), 'timeToResolve')).toEqual(
      json.misleadingPaths.timeToResolve.withMisleadingPath,
    );
    expect(shownSummary(row('misleading', 'without'), 'timeToResolve')).toEqual(
      json.misleadingPaths.timeToResolve.withoutMisleadingPath,
    );
  });

  it('opens with this quarter against the last and the open follow-up work', () => {
    const headline = (id: string) => page.querySelector(`[data-headline="${id}"]`);
    expect(text(headline('this-quarter')?.querySelector('dd'))).toBe('2');
    expect(text(headline('this-quarter'))).toContain('Q3 2024 so far; 2 fewer than last quarter');
    expect(text(headline('last-quarter')?.querySelector('dd'))).toBe('4');
    // Q3: 97.5 minutes; Q2: 195 minutes.
    expect(text(headline('time-to-resolve')?.querySelector('dd'))).toBe('1 hour 38 minutes');
    expect(text(headline('time-to-resolve'))).toContain('Last quarter: 3 hours 15 minutes');
    expect(text(headline('misleading')?.querySelector('dd'))).toBe('50%');
    expect(text(headline('open-tasks')?.querySelector('dd'))).toBe('2');
  });

  it('links to the JSON and marks its section in the header', () => {
    expect(page.querySelectorAll('main a').some((a) => a.getAttribute('href') === '/api/insights.json')).toBe(
      true,
    );
    expect(page.querySelector('header nav a[aria-current="page"]')?.getAttribute('href')).toBe('/insights/');
    expect(text(page.querySelector('h1'))).toBe('Insights');
  });

  it('gives every table a caption and header scopes', () => {
    const tables = page.querySelectorAll('main table');
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const t of tables) {
      expect(text(t.querySelector('caption')).length).toBeGreaterThan(0);
      expect(t.querySelectorAll('th').every((th) => th.getAttribute('scope'))).toBe(true);
    }
  });
});

describe('/insights/ on a site with nothing published', () => {
  let empty: BuiltSite;

  beforeAll(async () => {
    empty = await buildSite(fixtureContent('empty'), { env: { SOURCE_DATE_EPOCH } });
  });

  it('says nothing is published yet instead of drawing empty charts', async () => {
    const doc = parse(await empty.read('insights/index.html'));
    expect(text(doc.querySelector('[data-empty-site] h2'))).toBe('No postmortems published yet');
    expect(doc.querySelectorAll('main svg[role="img"]')).toHaveLength(0);
    expect(doc.querySelectorAll('main table')).toHaveLength(0);
  });

  it('still serves the JSON, with zero counts and no quantiles', async () => {
    const data = JSON.parse(await empty.read('api/insights.json')) as Insights;
    expect(data.generatedFrom.incidents).toBe(0);
    expect(data.timeToResolve.all).toEqual(none);
    expect(data.incidentsPerMonth).toEqual([]);
    expect(Object.values(data.timeToDetect.bySeverity).every((summary) => summary.count === 0)).toBe(true);
  });
});
