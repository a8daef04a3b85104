/**
 * The importer on each fixture shape under test/fixtures/import/sources/ (the authors' own
 * documents, in the shapes free-form postmortems come in), read with the unit fixture's taxonomy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { isKnown, type Value } from '../../src/lib/import/frontmatter';
import { importPostmortem, type ImportOptions } from '../../src/lib/import/import-postmortem';
import { needsAPerson, reportRows } from '../../src/lib/import/report';
import { mdxBodyProblems } from '../../src/lib/mdx-body';
import { repoRoot, taxonomy } from './helpers';

const sources = path.join(repoRoot, 'test', 'fixtures', 'import', 'sources');
const options: ImportOptions = { rootCauses: taxonomy.rootCauses, severities: taxonomy.severities };
const load = (name: string, extra: Partial<ImportOptions> = {}) =>
  importPostmortem(fs.readFileSync(path.join(sources, name), 'utf8'), { ...options, ...extra });

const value = <T>(field: Value<T> | undefined) => (field && isKnown(field) ? field.value : undefined);
const placeholderOf = <T>(field: Value<T> | undefined) =>
  field && !isKnown(field) ? field.placeholder : undefined;
const frontmatterOf = (text: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>;

describe.each(fs.readdirSync(sources))('every fixture: %s', (name) => {
  const result = load(name);

  it('writes a draft whose frontmatter is YAML and whose body compiles as MDX', () => {
    expect(frontmatterOf(result.text)).toMatchObject({ status: 'draft' });
    const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(result.text)?.[0] ?? '';
    expect(mdxBodyProblems(path.join(sources, 'x.mdx'), result.text, frontmatter)).toEqual([]);
  });

  it('names the file after the start date and the title, or says it is undated', () => {
    expect(result.fileName).toMatch(/^(?:\d{4}-\d{2}-\d{2}|undated)-[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/);
    expect(result.fileName.startsWith('undated-')).toBe(result.date === undefined);
  });
});

describe('labelled plain text without a year (labelled-plain.txt)', () => {
  const { draft, fileName, body } = load('labelled-plain.txt');

  it('takes the title from the ##-line, skipping the file-name-like first line', () => {
    expect(value(draft.title)).toBe('Search results went stale after an index node lost its SSD');
    expect(body).not.toContain('incident-42-writeup');
  });

  it('keeps the year unknown: placeholders with the known date and time, and an undated file name', () => {
    expect(placeholderOf(draft.startedAt)).toBe(
      'TODO: YYYY-03-03T09:10:00 Europe/Berlin, the source gives no year',
    );
    expect(placeholderOf(draft.resolvedAt)).toBe(
      'TODO: YYYY-03-03T13:40:00 Europe/Berlin, the source gives no year',
    );
    expect(fileName).toBe('undated-search-results-went-stale-index-node.mdx');
    expect(value(draft.duration)).toBe('PT4H30M');
    expect(value(draft.timezone)).toBe('Europe/Berlin');
  });

  it('reads impact, root cause and a guessed category', () => {
    expect(draft.impact.usersAffectedPercent).toMatchObject({ value: 100, guessed: true });
    expect(value(draft.rootCause.summary)).toMatch(/^A failing SSD in one index node/);
    expect(draft.rootCause.category).toMatchObject({ value: 'hardware', guessed: true });
  });

  it('reads the labelled timeline with its kinds, and times where the entries give them', () => {
    expect(draft.timeline.map((entry) => entry.kind.value)).toEqual([
      'detection',
      'action',
      'misleading',
      'escalation',
      'resolution',
    ]);
    expect(placeholderOf(draft.timeline[0]?.at)).toContain('YYYY-03-03T09:40:00');
    expect(placeholderOf(draft.timeline[1]?.at)).toContain('between 09:40 and 13:40');
  });

  it('takes the tasks, one per line, and keeps the measures and the closing line in the body', () => {
    expect(draft.tasks.map((task) => [task.title, task.type.value])).toEqual([
      ['Add an index freshness alert to the search dashboard', 'detect'],
      ['Replace the SSDs of all index nodes older than four years', 'prevent'],
      ['Write a runbook entry for taking an index node out of rotation', 'process'],
    ]);
    expect(body).toContain(
      '## Corrective and Preventive Measures\n\n- Alert when an index node falls behind',
    );
    expect(body).toContain('## Closing remarks\n\nThis incident showed');
  });
});

describe('bold sections and a bulleted timeline (bold-sections.md)', () => {
  const { draft } = load('bold-sections.md');

  it('leaves a generic title to a person, and reads the window in Eastern standard time', () => {
    expect(placeholderOf(draft.title)).toMatch(/^TODO: /);
    expect(value(draft.startedAt)).toBe('2023-11-07T09:30:00-05:00');
    expect(value(draft.resolvedAt)).toBe('2023-11-07T11:15:00-05:00');
    expect(value(draft.timezone)).toBe('America/New_York');
    expect(value(draft.detectedAt)).toBe('2023-11-07T09:52:00-05:00');
  });

  it('reads the share of customers and guesses a configuration change', () => {
    expect(draft.impact.usersAffectedPercent).toMatchObject({ value: 12, guessed: false });
    expect(value(draft.impact.summary)).toBe(
      'Duplicate charges reached 12% of our customers; refunds were issued the same afternoon. Card declines rose for customers near their limits.',
    );
    expect(value(draft.rootCause.category)).toBe('config-change');
  });

  it('reads timed entries and labelled entries without a time', () => {
    expect(draft.timeline.map((entry) => [entry.kind.value, isKnown(entry.at)])).toEqual([
      ['action', true],
      ['detection', true],
      ['action', false],
      ['misleading', true],
      ['escalation', true],
      ['mitigation', true],
      ['resolution', true],
    ]);
  });

  it('reads owners written three ways, and a checked task as done', () => {
    expect(draft.tasks.map((task) => [task.owner, task.status])).toEqual([
      ['payments', 'open'],
      ['observability', 'open'],
      ['dana', 'open'],
      [undefined, 'done'],
    ]);
  });
});

describe('the Google SRE template (sre-template.md)', () => {
  const { draft, warnings, body } = load('sre-template.md');

  it('reads the labelled fields, severity, services and authors', () => {
    expect(value(draft.title)).toBe('Shopping cart checkout failed for a third of users');
    expect(value(draft.severity)).toBe('SEV2');
    expect(value(draft.services)).toEqual(['checkout', 'cart-api']);
    expect(value(draft.authors)).toEqual(['Ana Ruiz', 'Bo Lindqvist']);
    expect(value(draft.rootCause.trigger)).toBe(
      'The Black Friday sale doubled traffic within ten minutes of opening.',
    );
    expect(value(draft.rootCause.category)).toBe('capacity');
  });

  it('reads the timeline table under its date line, in UTC, and guesses the window from it', () => {
    expect(draft.timeline).toHaveLength(7);
    expect(value(draft.timeline[0]?.at)).toBe('2024-11-28T09:00:00Z');
    expect(draft.startedAt).toMatchObject({ value: '2024-11-28T09:00:00Z', guessed: true });
    expect(draft.resolvedAt).toMatchObject({ value: '2024-11-28T10:20:00Z', guessed: true });
  });

  it('says when the stated duration disagrees with the times, and leaves duration out', () => {
    expect(draft.duration).toBeUndefined();
    expect(warnings).toContainEqual(expect.stringContaining('"66 minutes"'));
    expect(warnings).toContainEqual(expect.stringContaining('the times span 1 hour 20 minutes'));
  });

  it('reads the action items table with types, owners and links', () => {
    expect(draft.tasks.map((task) => [task.type.value, task.type.guessed, task.owner, task.link])).toEqual([
      ['prevent', false, 'ana', 'https://tracker.example.com/SHOP-101'],
      ['detect', false, 'bo', 'https://tracker.example.com/SHOP-102'],
      ['mitigate', false, 'ana', undefined],
    ]);
  });

  it('keeps lessons learned and the detection note in the body', () => {
    expect(body).toContain('## Lessons Learned');
    expect(body).toContain('### What went wrong');
    expect(body).toContain('## Detection');
  });
});

describe('an e-mail write-up (email.txt)', () => {
  const { draft, body } = load('email.txt');

  it('takes the title from the subject and the author from the sender', () => {
    expect(value(draft.title)).toBe('Webhook deliveries delayed for all customers');
    expect(value(draft.authors)).toEqual(['Priya Natarajan']);
  });

  it('reads the window from the opening paragraph, not the send date, and no duration from "delayed by 80 minutes"', () => {
    expect(value(draft.startedAt)).toBe('2025-06-12T14:10:00Z');
    expect(value(draft.resolvedAt)).toBe('2025-06-12T15:40:00Z');
    expect(draft.duration).toBeUndefined();
    expect(draft.summary).toMatchObject({ guessed: true });
  });

  it('reads HH:MM timeline lines and tasks with owners', () => {
    expect(draft.timeline.map((entry) => value(entry.at))).toEqual([
      '2025-06-12T14:10:00Z',
      '2025-06-12T14:25:00Z',
      '2025-06-12T14:40:00Z',
      '2025-06-12T15:05:00Z',
      '2025-06-12T15:20:00Z',
      '2025-06-12T15:40:00Z',
    ]);
    expect(draft.timeline[2]?.kind.value).toBe('misleading');
    expect(draft.tasks.map((task) => task.owner)).toEqual(['priya', 'platform', 'support-tooling']);
    expect(value(draft.rootCause.category)).toBe('software-bug');
  });

  it('drops the greeting and the sign-off', () => {
    expect(body).not.toMatch(/Hi all|Thanks,/);
  });
});

describe('plain text with capital headings and a timeline past midnight (hhmm-plain.txt)', () => {
  const { draft, body } = load('hhmm-plain.txt');

  it('reads a window that ends the next day, in CET', () => {
    expect(value(draft.title)).toBe('Nightly export filled the reporting database disk');
    expect(value(draft.startedAt)).toBe('2025-01-14T23:40:00+01:00');
    expect(value(draft.resolvedAt)).toBe('2025-01-15T01:10:00+01:00');
    expect(value(draft.timezone)).toBe('Europe/Berlin');
  });

  it('puts entries after midnight on the next day', () => {
    expect(draft.timeline.map((entry) => value(entry.at))).toEqual([
      '2025-01-14T23:40:00+01:00',
      '2025-01-14T23:55:00+01:00',
      '2025-01-15T00:20:00+01:00',
      '2025-01-15T00:45:00+01:00',
      '2025-01-15T01:10:00+01:00',
    ]);
  });

  it('reads "half of our users", a capacity cause, and owners after a double dash', () => {
    expect(value(draft.impact.usersAffectedPercent)).toBe(50);
    expect(value(draft.rootCause.category)).toBe('capacity');
    expect(draft.tasks.map((task) => task.owner)).toEqual(['data-platform', 'sre', 'data-platform']);
  });

  it('fences the indented code, braces and all', () => {
    expect(body).toContain('```\ntmp_dir = "{data_dir}/export-tmp"');
  });
});

describe('options', () => {
  const source = 'Duration: from 9:00 to 10:15 on 2024-07-04.\n\nRoot cause: nobody knows yet.';

  it('--timezone gives times without a zone theirs, daylight saving included', () => {
    const { draft } = importPostmortem(source, { ...options, timezone: 'America/New_York' });
    expect(value(draft.startedAt)).toBe('2024-07-04T09:00:00-04:00');
    expect(draft.timezone).toEqual({ value: 'America/New_York', note: 'from --timezone' });
  });

  it('without a zone, the times are placeholders that ask for one', () => {
    const { draft } = importPostmortem(source, options);
    expect(placeholderOf(draft.startedAt)).toBe(
      'TODO: 2024-07-04T09:00 in which zone? the source names none',
    );
  });

  it('--category-hint sets the category when it is an id, and weighs words otherwise', () => {
    expect(
      importPostmortem(source, { ...options, categoryHint: 'network' }).draft.rootCause.category,
    ).toEqual({
      value: 'network',
      note: 'from --category-hint',
    });
    expect(
      value(
        importPostmortem(source, { ...options, categoryHint: 'certificate expired' }).draft.rootCause
          .category,
      ),
    ).toBe('security');
    expect(placeholderOf(importPostmortem(source, options).draft.rootCause.category)).toBe(
      `TODO: one of ${taxonomy.rootCauses.map((entry) => entry.id).join(', ')}`,
    );
  });
});

describe('the report', () => {
  const result = load('labelled-plain.txt');

  it('lists each field with its value or "needs a person"', () => {
    const rows = Object.fromEntries(reportRows(result.draft).map((row) => [row.field, row.shown]));
    expect(rows['title']).toBe('Search results went stale after an index node lost its SSD');
    expect(rows['startedAt']).toBe('needs a person');
    expect(rows['rootCause.category']).toMatch(/^hardware \(guessed from /);
    expect(rows['timeline']).toBe('5 entries, 5 without a time');
  });

  it('says what needs a person: placeholders, guesses to confirm and the undated file name', () => {
    const needs = needsAPerson(result);
    expect(needs).toContain('startedAt: YYYY-03-03T09:10:00 Europe/Berlin, the source gives no year');
    expect(needs).toContainEqual(expect.stringMatching(/^rootCause\.category: confirm hardware/));
    expect(needs).toContainEqual(expect.stringMatching(/^file name: starts with "undated"/));
  });
});

describe('a start and a stated duration without an end', () => {
  it('ends the stated time later in elapsed time, across a daylight-saving change', () => {
    // Berlin's clocks went forward at 02:00 on 31 March 2024: three hours after 00:30 is 04:30 local.
    const { draft } = importPostmortem(
      'Duration: from 00:30 CET on 31 March 2024, lasting 3 hours.',
      options,
    );
    expect(value(draft.startedAt)).toBe('2024-03-31T00:30:00+01:00');
    expect(draft.resolvedAt).toMatchObject({
      value: '2024-03-31T04:30:00+02:00',
      note: 'startedAt plus the stated duration, "3 hours"',
    });
    expect(value(draft.duration)).toBe('PT3H');
  });

  it('writes a stated duration of a day or more with days, as the site writes durations', () => {
    const { draft } = importPostmortem(
      'Duration: from 08:00 UTC on 9 May 2024, lasting 26 hours and 30 minutes.',
      options,
    );
    expect(value(draft.resolvedAt)).toBe('2024-05-10T10:30:00Z');
    expect(value(draft.duration)).toBe('P1DT2H30M');
  });

  it('adds the duration on the wall clock when the year is unknown', () => {
    const { draft } = importPostmortem('Duration: from 23:00 UTC on 9 May, for 2 hours.', options);
    expect(placeholderOf(draft.resolvedAt)).toBe('TODO: YYYY-05-10T01:00:00Z, the source gives no year');
  });
});

describe('odd input', () => {
  const shuffled = (text: string) => {
    const lines = text.split('\n');
    // A fixed reordering: every third line first, then the rest.
    return [...lines.filter((_, i) => i % 3 === 0), ...lines.filter((_, i) => i % 3 !== 0)].join('\n');
  };
  const variants = fs.readdirSync(sources).flatMap((name) => {
    const text = fs.readFileSync(path.join(sources, name), 'utf8');
    return [
      [`${name}, Windows line ends`, text.replace(/\n/g, '\r\n')],
      [`${name}, in capitals`, text.toUpperCase()],
      [`${name}, lines reordered`, shuffled(text)],
      [`${name}, cut in half`, text.slice(0, text.length / 2)],
    ];
  });

  it.each([['an empty file', ''], ['only blank lines', '\n \n\t\n'], ...variants])(
    'still gives a valid file name, YAML frontmatter and an MDX body that compiles: %s',
    (_, source) => {
      const result = importPostmortem(source, options);
      expect(result.fileName).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/);
      const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(result.text)?.[0] ?? '';
      expect(frontmatterOf(result.text)).toMatchObject({ status: 'draft' });
      expect(mdxBodyProblems(path.join(sources, 'x.mdx'), result.text, frontmatter)).toEqual([]);
    },
  );

  it('asks for everything when the file says nothing', () => {
    const { draft, fileName } = importPostmortem('', options);
    expect(fileName).toBe('undated-incident.mdx');
    expect(
      [draft.title, draft.summary, draft.startedAt, draft.resolvedAt, draft.impact.summary].every(
        (v) => !isKnown(v),
      ),
    ).toBe(true);
  });
});
