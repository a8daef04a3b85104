import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { WARNING_RULES } from '../../src/lib/check';
import { fileNameDate } from '../../src/lib/check/file-name-date';
import { relatedReciprocal } from '../../src/lib/check/related-reciprocal';
import type { WarningRule } from '../../src/lib/check/rule';
import { taskOwner } from '../../src/lib/check/task-owner';
import { timelineOrder } from '../../src/lib/check/timeline-order';
import { checkPostmortemFile, type CheckedPostmortem } from '../../src/lib/content-check';
import { schema, validPostmortem, type Frontmatter } from './helpers';

/** The text of each file the tests make, to read what a warning points at. */
const texts = new Map<string, string>();

/** A postmortem as the check hands it to the rules: parsed by the real schema, with its source. */
function postmortem(id: string, overrides: Frontmatter = {}): CheckedPostmortem {
  const file = `/site/content/postmortems/${id}.md`;
  const text = `---\n${stringify(validPostmortem(overrides))}---\n`;
  texts.set(file, text);
  const checked = checkPostmortemFile(file, text, schema());
  if (!checked.data || !checked.source) expect.fail(JSON.stringify(checked.problems));
  return { id, file, data: checked.data, source: checked.source };
}

const lineAt = (file: string, line: number) => (texts.get(file) ?? '').split('\n')[line - 1] ?? '';

/** The rule's warnings, each with `at`: the text of its line from its column on. */
const run = (rule: WarningRule, postmortems: CheckedPostmortem[], siteTimeZone = 'UTC') =>
  rule.check({ postmortems, siteTimeZone }).map(({ file, line = 0, column = 0, ...rest }) => ({
    file: file.split('/').at(-1),
    at: lineAt(file, line).slice(column - 1),
    ...rest,
  }));

describe('the warning rules', () => {
  it('each have a unique kebab-case id and a description', () => {
    const ids = WARNING_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of WARNING_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)+$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });
});

describe('file-name-date', () => {
  // validPostmortem starts at 2024-05-09T08:00:00Z.
  it('accepts a file named for the day of startedAt', () => {
    expect(run(fileNameDate, [postmortem('2024-05-09-mail')])).toEqual([]);
  });

  it('warns at startedAt when the file name names another day, with the name to use', () => {
    expect(run(fileNameDate, [postmortem('2024-05-08-mail')])).toEqual([
      {
        file: '2024-05-08-mail.md',
        at: '2024-05-09T08:00:00Z',
        field: 'startedAt',
        message:
          'is on 2024-05-09 (UTC) but the file name says 2024-05-08; rename the file to 2024-05-09-mail.md or correct startedAt',
        severity: 'warning',
        rule: 'file-name-date',
      },
    ]);
  });

  it("accepts the day in the postmortem's own zone or the site's zone, not only in UTC", () => {
    const late = { startedAt: '2024-05-09T23:30:00Z', resolvedAt: '2024-05-10T01:00:00Z' };
    // 01:30 on 10 May in Berlin.
    expect(
      run(fileNameDate, [postmortem('2024-05-10-mail', { ...late, timezone: 'Europe/Berlin' })]),
    ).toEqual([]);
    expect(run(fileNameDate, [postmortem('2024-05-10-mail', late)], 'Europe/Berlin')).toEqual([]);
    expect(run(fileNameDate, [postmortem('2024-05-10-mail', late)], 'UTC')).toHaveLength(1);
  });

  it('says nothing about a file name without a date', () => {
    expect(run(fileNameDate, [postmortem('mail-outage')])).toEqual([]);
  });
});

describe('timeline-order', () => {
  const entry = (at: string, text: string) => ({ at, text });

  it('warns at each entry that is earlier than the one above it', () => {
    const pm = postmortem('2024-05-09-mail', {
      timeline: [
        entry('2024-05-09T08:10:00Z', 'Alert.'),
        entry('2024-05-09T08:05:00Z', 'Earlier, listed second.'),
        entry('2024-05-09T09:00:00Z', 'Fixed.'),
        entry('2024-05-09T08:59:00Z', 'Earlier again.'),
      ],
    });
    expect(run(timelineOrder, [pm]).map(({ field, message, at }) => ({ field, message, at }))).toEqual([
      {
        field: 'timeline.1.at',
        at: '2024-05-09T08:05:00Z',
        message:
          'is 2024-05-09 08:05 UTC, earlier than the entry above it (2024-05-09 08:10 UTC); list entries oldest first, and check the time for a typo',
      },
      {
        field: 'timeline.3.at',
        at: '2024-05-09T08:59:00Z',
        message: expect.stringMatching(
          /^is 2024-05-09 08:59 UTC, earlier than the entry above it \(2024-05-09 09:00 UTC\)/,
        ),
      },
    ]);
  });

  it('accepts entries in order, equal times included, and no timeline at all', () => {
    const same = [entry('2024-05-09T08:10:00Z', 'One.'), entry('2024-05-09T08:10:00Z', 'Two.')];
    expect(run(timelineOrder, [postmortem('a', { timeline: same }), postmortem('b')])).toEqual([]);
  });
});

describe('task-owner', () => {
  const tasks = [
    { title: 'No owner, no date', type: 'prevent' },
    { title: 'No date', type: 'detect', status: 'in-progress', owner: 'sre' },
    { title: 'No owner', type: 'process', due: '2024-06-30' },
    { title: 'Both', type: 'process', owner: 'sre', due: '2024-06-30' },
    { title: 'Done without either', type: 'mitigate', status: 'done' },
    { title: 'Not doing it', type: 'mitigate', status: 'wont-do' },
  ];

  it('warns at each open task of a published postmortem that lacks an owner or a due date', () => {
    const found = run(taskOwner, [postmortem('2024-05-09-mail', { status: 'published', tasks })]);
    expect(found.map(({ field, message }) => [field, message])).toEqual([
      [
        'tasks.0',
        'is open but has no owner and no due date; add both so the work gets done, or set status: wont-do if it will not be done',
      ],
      [
        'tasks.1',
        'is in-progress but has no due date; add one so the work gets done, or set status: wont-do if it will not be done',
      ],
      [
        'tasks.2',
        'is open but has no owner; add one so the work gets done, or set status: wont-do if it will not be done',
      ],
    ]);
    expect(found[0]).toMatchObject({
      at: 'title: No owner, no date',
      rule: 'task-owner',
      severity: 'warning',
    });
  });

  it('leaves drafts and postmortems in review alone, and published ones without the status written (the default)', () => {
    expect(
      run(taskOwner, [
        postmortem('a', { status: 'draft', tasks }),
        postmortem('b', { status: 'in-review', tasks }),
      ]),
    ).toEqual([]);
    expect(run(taskOwner, [postmortem('c', { tasks })])).toHaveLength(3);
  });
});

describe('related-reciprocal', () => {
  it('warns at a related id whose postmortem does not list this one back, naming the file to change', () => {
    const newer = postmortem('2024-05-09-mail', { related: ['2024-02-22-mail', '2023-01-01-dns'] });
    const older = postmortem('2024-02-22-mail');
    const both = postmortem('2023-01-01-dns', { related: ['2024-05-09-mail'] });
    expect(run(relatedReciprocal, [newer, older, both])).toEqual([
      {
        file: '2024-05-09-mail.md',
        at: '2024-02-22-mail',
        field: 'related.0',
        message:
          '"2024-02-22-mail" does not list this postmortem back; add 2024-05-09-mail to related in 2024-02-22-mail.md',
        severity: 'warning',
        rule: 'related-reciprocal',
      },
    ]);
  });

  it('says nothing about ids that name no postmortem: the schema reports those', () => {
    expect(run(relatedReciprocal, [postmortem('a', { related: ['missing'] })])).toEqual([]);
  });
});
