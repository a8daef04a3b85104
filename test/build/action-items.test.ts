import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, testTempDir, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';
import { taskName, writeManyTasks } from '../fixtures/action-items/many-tasks';

/**
 * The follow-up work pages built from `test/fixtures/action-items/content/`, whose figures are
 * counted by hand below, with "today" fixed by SOURCE_DATE_EPOCH and the site on New York time.
 *
 * SOURCE_DATE_EPOCH 1712023200 is 2024-04-02 02:00 UTC: still 1 April in New York. So a task
 * due on 1 April is not overdue yet there (it would be in UTC), and the login incident, which
 * started at 22:30 on 31 March in New York (02:30 on 1 April in UTC), counts in Q1 2024.
 *
 * The eleven tasks of the published postmortems (the draft's task must not count):
 *
 * | incident          | task                                   | type     | status      | owner      | due        |
 * | ----------------- | -------------------------------------- | -------- | ----------- | ---------- | ---------- |
 * | cache (Q3 2023)   | Add request coalescing…                | prevent  | done        | Platform   | 2023-09-15 |
 * | cache             | Alert on a cache hit ratio below 80%   | detect   | open        | SRE        | 2024-01-15 | overdue 77 days
 * | cache             | Write a runbook for warming the cache  | process  | wont-do     | SRE        |            |
 * | queue (Q1 2024)   | Re-enable autoscaling…                 | mitigate | done        | platform   | 2024-02-22 |
 * | queue             | Load-test consumers with bulk imports  | prevent  | in-progress | SRE        | 2024-03-29 | overdue 3 days
 * | queue             | Cap the batch size of bulk imports     | prevent  | open        |            | 2024-03-01 | overdue 31 days
 * | queue             | Page on queue depth                    | detect   | done        |            |            |
 * | login (Q1 2024)   | Roll back the identity provider client | mitigate | open        |            |            |
 * | login             | Pin the identity client version        | prevent  | done        | Dana Ortiz | 2024-04-01 |
 * | login             | Review the dependency upgrade policy   | process  | wont-do     | Dana Ortiz |            |
 * | login             | Add a synthetic login check            | detect   | open        | Dana Ortiz | 2024-04-01 | due today
 *
 * No incident started in Q4 2023, so that quarter has no tasks.
 */
const SOURCE_DATE_EPOCH = '1712023200';
const options = { config: { timezone: 'America/New_York' }, env: { SOURCE_DATE_EPOCH } };

const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The rows of a table body as the text of their cells, row header included. */
const rows = (table: HTMLElement | null) =>
  (table?.querySelectorAll('tbody tr') ?? []).map((tr) =>
    tr.querySelectorAll('th, td').map((cell) => text(cell)),
  );

/** The totals card as `{ label: value }`. */
const totals = (doc: HTMLElement) =>
  Object.fromEntries(
    doc
      .querySelectorAll('[data-totals] > div')
      .map((div) => [text(div.querySelector('dt')), text(div.querySelector('dd'))]),
  );

const taskTitles = (doc: HTMLElement) =>
  doc.querySelectorAll('table.action-items tbody tr').map((tr) => text(tr.querySelector('th')));

describe('the follow-up work page of a fixture with hand-counted figures', () => {
  let site: BuiltSite;
  let doc: HTMLElement;

  beforeAll(async () => {
    site = await buildSite(fixtureContent('action-items'), options);
    doc = parse(await site.read('action-items/index.html'));
  });

  it('is the current section and says which day "today" is, on which calendar', () => {
    expect(text(doc.querySelector('h1'))).toBe('Follow-up work');
    expect(text(doc.querySelector('title'))).toBe('Follow-up work · Hindsight');
    expect(doc.querySelector('header a[aria-current="page"]')?.getAttribute('href')).toBe('/action-items/');
    const lede = text(doc.querySelector('.lede'));
    expect(lede).toContain(
      'As of 1 Apr 2024, the day this site was built, on the calendar of America/New_York',
    );
    expect(doc.querySelector('.lede time')?.getAttribute('datetime')).toBe('2024-04-02T02:00:00.000Z');
  });

  it('totals open, overdue and unassigned work, completion and the oldest open task', () => {
    expect(totals(doc)).toEqual({
      'Open tasks': '5',
      Overdue: '3',
      'Open and unassigned': '2',
      // 4 done of 11 tasks less 2 won't do.
      Completion: '44%',
      // The cache incident started on 14 Aug 2023: 231 days before 1 Apr 2024.
      'Oldest open task': '231 days',
    });
    expect(text(doc.querySelector('[data-totals] + p'))).toContain(
      "11 tasks from 4 postmortems: 5 open (open or in progress), of which 3 overdue; 4 done; 2 closed as won't do.",
    );
  });

  it('counts per owner, unassigned work first, "Platform" and "platform" as one owner', () => {
    const table = doc.querySelector('table[data-counts="owners"]');
    expect(text(table?.querySelector('caption'))).toBe('Tasks per owner');
    expect(table?.querySelectorAll('thead th').map((th) => text(th))).toEqual([
      'Owner',
      'Open',
      'Overdue',
      'Done',
      "Won't do",
      'Total',
    ]);
    expect(rows(table)).toEqual([
      ['Unassigned', '2', '1', '1', '0', '3'],
      ['SRE', '2', '2', '0', '1', '3'],
      ['Dana Ortiz', '1', '0', '1', '1', '3'],
      ['Platform', '0', '0', '2', '0', '2'],
    ]);
    expect(table?.querySelectorAll('tbody th[scope="row"]')).toHaveLength(4);
  });

  it("counts per type, with completion; a type with only won't-do tasks has no rate", () => {
    const table = doc.querySelector('table[data-counts="types"]');
    expect(text(table?.querySelector('caption'))).toBe('Tasks per type');
    expect(rows(table)).toEqual([
      ['Mitigate', '1', '0', '1', '0', '2', '50%'],
      ['Prevent', '2', '2', '2', '0', '4', '50%'],
      ['Detect', '2', '1', '1', '0', '3', '33%'],
      ['Process', '0', '0', '0', '2', '2', '—'],
    ]);
  });

  it("gives completion per quarter of the incident's start on the site's calendar, newest first", () => {
    const table = doc.querySelector('table[data-counts="quarters"]');
    expect(text(table?.querySelector('caption'))).toBe("Completion per quarter of the incident's start");
    // The login incident is in Q1 in New York; there is no Q2 row.
    expect(rows(table)).toEqual([
      ['Q1 2024', '4', '2', '3', '1', '8', '43%'],
      // A quarter with no tasks is listed, with no rate.
      ['Q4 2023', '0', '0', '0', '0', '0', '—'],
      ['Q3 2023', '1', '1', '1', '1', '3', '50%'],
    ]);
    const section = doc.querySelector('section[aria-labelledby="by-quarter"]');
    expect(text(section)).toContain("Completion is the done tasks out of all tasks except the won't-do ones");
  });

  it('lists every task, overdue first, then open by due date, undated last, then closed by newest incident', () => {
    expect(taskTitles(doc)).toEqual([
      'Alert on a cache hit ratio below 80%',
      'Cap the batch size of bulk imports',
      'Load-test consumers with bulk imports',
      'Add a synthetic login check',
      'Roll back the identity provider client everywhere',
      'Pin the identity client version',
      'Review the dependency upgrade policy',
      'Re-enable autoscaling for webhook consumers',
      'Page on queue depth',
      'Add request coalescing to the cache client',
      'Write a runbook for warming the cache',
    ]);
    expect(text(doc.querySelector('[data-page-summary]'))).toBe(
      '11 tasks, overdue work first, longest overdue at the top; then the rest of the open work by due date, tasks without a due date last; then closed work, most recent incident first.',
    );
    expect(doc.querySelectorAll('table.action-items tbody tr[data-overdue]')).toHaveLength(3);
  });

  it('shows each task with its incident, owner, due date, lateness in words, type, status and ticket', () => {
    const table = doc.querySelector('table.action-items');
    expect(table?.querySelectorAll('thead th').map((th) => text(th))).toEqual([
      'Task',
      'Incident',
      'Owner',
      'Due',
      'Type',
      'Status',
      'Ticket',
    ]);
    const [alert, cap, loadTest, synthetic, rollBack, pin] = rows(table);
    expect(alert).toEqual([
      'Alert on a cache hit ratio below 80%',
      'Product pages slow after a cache stampede SEV2 14 Aug 2023',
      'SRE',
      '2024-01-15 Overdue by 77 days',
      'Detect',
      'Open 231 days since the incident',
      'OPS-102',
    ]);
    expect(cap).toEqual([
      'Cap the batch size of bulk imports',
      'Webhook deliveries delayed by a queue backlog SEV3 20 Feb 2024',
      'Unassigned',
      '2024-03-01 Overdue by 31 days',
      'Prevent',
      'Open 41 days since the incident',
      '—',
    ]);
    expect(loadTest?.[3]).toBe('2024-03-29 Overdue by 3 days');
    expect(loadTest?.[5]).toBe('In progress 41 days since the incident');
    // Due today in New York: not overdue.
    expect(synthetic?.slice(2, 6)).toEqual([
      'Dana Ortiz',
      '2024-04-01',
      'Detect',
      'Open 1 day since the incident',
    ]);
    expect(rollBack?.slice(1, 4)).toEqual([
      'Logins failing after an identity client upgrade SEV1 31 Mar 2024',
      'Unassigned',
      'No due date',
    ]);
    // Closed work has no age.
    expect(pin?.[5]).toBe('Done');
    const first = table?.querySelector('tbody tr');
    expect(first?.querySelector('td a')?.getAttribute('href')).toBe('/incidents/2023-08-14-cache-stampede/');
    expect(first?.querySelector('a[href^="https:"]')?.getAttribute('href')).toBe(
      'https://tracker.example/browse/OPS-102',
    );
  });

  it('leaves out the tasks of drafts', () => {
    expect(taskTitles(doc)).not.toContain('A task in a draft');
    expect(text(doc.querySelector('main'))).not.toContain('Nobody');
  });

  it('fits on one page: no page 2, no page bar, no rel=prev/next', async () => {
    expect(await site.exists('action-items/page/2/index.html')).toBe(false);
    expect(doc.querySelector('nav.pagination')).toBeNull();
    expect(doc.querySelector('link[rel="next"], link[rel="prev"]')).toBeNull();
  });

  it('marks overdue tasks on incident pages by the same "today", and links to all follow-up work', async () => {
    const login = parse(await site.read('incidents/2024-04-01-login-errors/index.html'));
    const dueCells = login
      .querySelectorAll('table.tasks tbody tr')
      .map((tr) => text(tr.querySelectorAll('td')[3]));
    // Due 1 April is due today in New York, not overdue, on this page as on the follow-up page.
    expect(dueCells).toEqual(['—', '2024-04-01', '—', '2024-04-01']);
    const link = login.querySelector('main a[href="/action-items/"]');
    expect(text(link)).toBe('All follow-up work across incidents');

    const cache = parse(await site.read('incidents/2023-08-14-cache-stampede/index.html'));
    expect(
      cache.querySelectorAll('table.tasks tbody tr').map((tr) => text(tr.querySelectorAll('td')[3])),
    ).toEqual(['2023-09-15', '2024-01-15 Overdue', '—']);
  });
});

describe('the follow-up work list over more than one page', () => {
  let site: BuiltSite;

  beforeAll(async () => {
    // 150 open tasks over three incidents, in task order.
    const content = await writeManyTasks(
      await fs.mkdtemp(path.join(testTempDir(), 'action-items-paged-')),
      50,
    );
    site = await buildSite(content, options);
  });

  const names = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, index) => taskName(from + index));

  it('shows the summary and the first 100 tasks on page 1, linking to page 2', async () => {
    const doc = parse(await site.read('action-items/index.html'));
    expect(taskTitles(doc)).toEqual(names(1, 100));
    expect(totals(doc)['Open tasks']).toBe('150');
    expect(doc.querySelector('table[data-counts="owners"]')).not.toBeNull();
    expect(text(doc.querySelector('[data-page-summary]'))).toMatch(
      /^Showing 1–100 of 150 tasks, overdue work first/,
    );
    expect(doc.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('/action-items/page/2/');
    expect(doc.querySelector('link[rel="prev"]')).toBeNull();
    expect(doc.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href')).toBe(
      '/action-items/page/2/',
    );
    expect(doc.querySelector('nav.pagination a[aria-current="page"]')?.getAttribute('href')).toBe(
      '/action-items/',
    );
  });

  it('shows the rest on page 2, with its own title, rel=prev and no summary', async () => {
    const doc = parse(await site.read('action-items/page/2/index.html'));
    expect(text(doc.querySelector('title'))).toBe('Follow-up work, page 2 · Hindsight');
    expect(taskTitles(doc)).toEqual(names(101, 150));
    expect(text(doc.querySelector('[data-page-summary]'))).toMatch(
      /^Showing 101–150 of 150 tasks, overdue work first/,
    );
    expect(doc.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('/action-items/');
    expect(doc.querySelector('link[rel="next"]')).toBeNull();
    expect(doc.querySelector('nav.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/action-items/');
    expect(doc.querySelector('nav.pagination a[aria-current="page"]')?.getAttribute('href')).toBe(
      '/action-items/page/2/',
    );
    expect(doc.querySelector('[data-counts]')).toBeNull();
    expect(doc.querySelector('[data-totals]')).toBeNull();
    expect(doc.querySelector('main a[href="/action-items/"]')).not.toBeNull();
    expect(await site.exists('action-items/3/index.html')).toBe(false);
  });
});

describe('the follow-up work page when no postmortem records a task', () => {
  let doc: HTMLElement;

  beforeAll(async () => {
    const content = await fs.mkdtemp(path.join(testTempDir(), 'action-items-none-'));
    await fs.cp(fixtureContent('action-items'), content, { recursive: true });
    // Keep the one postmortem without tasks, and the draft, whose task must not count.
    for (const file of await fs.readdir(path.join(content, 'postmortems'))) {
      if (!file.includes('dns-blip') && !file.includes('draft'))
        await fs.rm(path.join(content, 'postmortems', file));
    }
    const site = await buildSite(content, options);
    doc = parse(await site.read('action-items/index.html'));
  });

  it('says so, and how to record one, instead of empty tables', () => {
    expect(text(doc.querySelector('[data-no-tasks]'))).toBe(
      "No postmortem records a follow-up task yet. Tasks go under tasks: in a postmortem's frontmatter, each with a type and, ideally, an owner and a due date.",
    );
    expect(doc.querySelectorAll('table')).toHaveLength(0);
    expect(doc.querySelector('[data-totals]')).toBeNull();
  });
});
