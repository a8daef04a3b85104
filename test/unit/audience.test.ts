import { describe, expect, it } from 'vitest';
import {
  audienceFilter,
  audienceLabel,
  dataForAudience,
  inAudience,
  internalTagInMarkdown,
  internalTagInMarkdownMessage,
  isWithheld,
  relatedWithin,
  withoutInternalFields,
} from '../../src/lib/audience';
import { DEFAULT_INTERNAL_FIELDS } from '../../src/schemas/visibility';
import { postmortemSchema, type Postmortem } from '../../src/schemas/postmortem';
import {
  completePostmortem,
  idsOf,
  incident,
  parse,
  rootCauseIds,
  severityIds,
  validPostmortem,
} from './helpers';

const RELATED = '2024-02-22-mail-server-storage-disk';
const complete = () => parse(completePostmortem(), [RELATED]);

describe('inAudience', () => {
  it('puts every postmortem in an internal build', () => {
    expect(inAudience('internal', 'internal', 'internal')).toBe(true);
    expect(inAudience('internal', 'public', 'internal')).toBe(true);
    expect(inAudience('internal', undefined, 'internal')).toBe(true);
  });

  it('puts only public postmortems in a public build', () => {
    expect(inAudience('public', 'public', 'internal')).toBe(true);
    expect(inAudience('public', 'internal', 'internal')).toBe(false);
    expect(inAudience('public', 'internal', 'public')).toBe(false);
  });

  it("reads a postmortem without a visibility as the site's default", () => {
    expect(inAudience('public', undefined, 'internal')).toBe(false);
    expect(inAudience('public', undefined, 'public')).toBe(true);
  });
});

describe('the visibility field', () => {
  it('defaults to internal, or to the default the site passes', () => {
    expect(parse(validPostmortem()).visibility).toBe('internal');
    const schema = postmortemSchema({ rootCauseIds, severityIds, defaultVisibility: 'public' });
    expect(schema.parse(validPostmortem()).visibility).toBe('public');
    expect(schema.parse(validPostmortem({ visibility: 'internal' })).visibility).toBe('internal');
  });
});

describe('withoutInternalFields', () => {
  it("removes the default fields: authors, tasks' owners and links", () => {
    const data = complete();
    const redacted = withoutInternalFields(data, DEFAULT_INTERNAL_FIELDS);
    expect(redacted).not.toHaveProperty('authors');
    expect(redacted.tasks).toEqual([
      {
        title: 'Add failover to the mail storage array',
        type: 'prevent',
        status: 'in-progress',
        due: '2024-08-31',
      },
    ]);
    expect(JSON.stringify(redacted)).not.toMatch(/Priya Raman|infrastructure|tracker\.example\.com/);
  });

  it('keeps every other field as it was', () => {
    const data = complete();
    const { authors: _authors, tasks: _tasks, ...rest } = data;
    const { tasks: _redactedTasks, ...redactedRest } = withoutInternalFields(data, DEFAULT_INTERNAL_FIELDS);
    expect(redactedRest).toEqual(rest);
  });

  it('leaves the original data untouched', () => {
    const data = complete();
    const before = structuredClone(data);
    withoutInternalFields(data, ['authors', 'tasks.owner', 'impact.usersAffectedPercent', 'timeline']);
    expect(data).toEqual(before);
  });

  it('removes nested fields of objects and every entry of lists', () => {
    const redacted = withoutInternalFields(complete(), [
      'impact.usersAffectedPercent',
      'rootCause.trigger',
      'rootCause.contributingFactors',
      'tasks.due',
    ]);
    expect(redacted.impact).toEqual({ summary: 'Every user lost email for the whole outage.' });
    expect(redacted.rootCause).toEqual({
      category: 'hardware',
      summary: 'A disk drive in the storage array failed.',
    });
    expect(redacted.tasks.map((task) => Object.keys(task))).toEqual([
      ['title', 'type', 'status', 'owner', 'link'],
    ]);
  });

  it('empties the task list rather than removing it, since every page reads it as a list', () => {
    const redacted = withoutInternalFields(complete(), [
      'tasks',
      'timeline',
      'resolution',
      'related',
      'tags',
    ]);
    expect(redacted.tasks).toEqual([]);
    for (const field of ['timeline', 'resolution', 'related', 'tags'])
      expect(redacted).not.toHaveProperty(field);
  });

  it('passes over fields the postmortem does not have', () => {
    const data = parse(validPostmortem());
    expect(withoutInternalFields(data, ['authors', 'tasks.owner', 'rootCause.trigger'])).toEqual(data);
  });
});

describe('isWithheld', () => {
  const visibility = { internalFields: [...DEFAULT_INTERNAL_FIELDS] };

  it('withholds the internal-only fields from a public build only', () => {
    expect(isWithheld({ audience: 'public', visibility }, 'tasks.owner')).toBe(true);
    expect(isWithheld({ audience: 'public', visibility }, 'tasks.due')).toBe(false);
    expect(isWithheld({ audience: 'internal', visibility }, 'tasks.owner')).toBe(false);
  });

  it('withholds a nested field whose parent is withheld', () => {
    const tasks = { internalFields: ['tasks' as const] };
    expect(isWithheld({ audience: 'public', visibility: tasks }, 'tasks.owner')).toBe(true);
    expect(isWithheld({ audience: 'public', visibility: tasks }, 'tasks')).toBe(true);
    expect(isWithheld({ audience: 'public', visibility: tasks }, 'authors')).toBe(false);
  });
});

describe('relatedWithin', () => {
  it('keeps only the ids in the build, in the order written', () => {
    expect(relatedWithin(['c', 'internal', 'a'], new Set(['a', 'b', 'c']))).toEqual(['c', 'a']);
    expect(relatedWithin(undefined, new Set(['a']))).toBeUndefined();
  });
});

describe('dataForAudience', () => {
  const config = { internalFields: [...DEFAULT_INTERNAL_FIELDS] };

  it('returns the same object for an internal build, so memoised computations see it unchanged', () => {
    const data = complete();
    expect(dataForAudience(data, 'internal', config, new Set())).toBe(data);
  });

  it('redacts internal-only fields and drops related ids outside the build for a public build', () => {
    const data = complete();
    const publicData = dataForAudience(data, 'public', config, new Set(['other']));
    expect(publicData).not.toHaveProperty('authors');
    expect(publicData).not.toHaveProperty('related');
    expect(publicData.tasks[0]).not.toHaveProperty('owner');
    expect(dataForAudience(data, 'public', config, new Set([RELATED])).related).toEqual([RELATED]);
  });
});

describe('audienceLabel', () => {
  it('names the audience and who may read the site', () => {
    expect(audienceLabel('internal', 'Acme')).toEqual({
      label: 'Internal',
      explanation: 'Internal site: do not share outside Acme.',
    });
    expect(audienceLabel('internal', undefined).explanation).toBe(
      'Internal site: do not share outside your organization.',
    );
    expect(audienceLabel('public', 'Acme').label).toBe('Public');
  });
});

describe('internalTagInMarkdown', () => {
  it('finds an <Internal> block in a .md body', () => {
    expect(internalTagInMarkdown('Intro.\n\n<Internal>\nSecret host db-7.\n</Internal>\n')).toEqual({
      line: 3,
      column: 1,
    });
    expect(internalTagInMarkdown('Text <Internal>inline</Internal>')).toEqual({ line: 1, column: 6 });
  });

  it('skips the tag where Markdown shows it as text', () => {
    expect(internalTagInMarkdown('Use `<Internal>` in .mdx files.')).toBeUndefined();
    expect(internalTagInMarkdown('```mdx\n<Internal>x</Internal>\n```\nAfter.')).toBeUndefined();
    expect(internalTagInMarkdown('````\n```\n<Internal>\n````\n')).toBeUndefined();
  });

  it('counts lines in the file, frontmatter included, and skips the frontmatter', () => {
    const source =
      '---\ntitle: About <Internal> tags\nseverity: SEV1\n---\n\nText.\n<Internal>x</Internal>\n';
    expect(internalTagInMarkdown(source)).toEqual({ line: 7, column: 1 });
    expect(internalTagInMarkdownMessage(source)).toBe(
      '<Internal> at line 7, column 1 works only in .mdx postmortems: a .md file shows it as plain HTML to every reader, public builds included. Rename the file to .mdx, or take the tag out.',
    );
    expect(internalTagInMarkdownMessage('---\ntitle: x\n---\nNo tag.')).toBeUndefined();
  });

  it('does not match other tags that start the same way', () => {
    expect(internalTagInMarkdown('<InternalLink>')).toBeUndefined();
    expect(internalTagInMarkdown('No tags at all.')).toBeUndefined();
  });
});

describe('audienceFilter', () => {
  const visibility = { default: 'internal' as const, internalFields: [...DEFAULT_INTERNAL_FIELDS] };
  const entries = () => [
    incident('2024-01-01-public-old', {
      visibility: 'public',
      startedAt: '2024-01-01T08:00:00Z',
      resolvedAt: '2024-01-01T09:00:00Z',
      authors: ['Priya Raman'],
      related: ['2024-02-01-internal', '2024-03-01-public-new'],
    }),
    incident('2024-02-01-internal', {
      visibility: 'internal',
      startedAt: '2024-02-01T08:00:00Z',
      resolvedAt: '2024-02-01T09:00:00Z',
    }),
    incident('2024-03-01-public-new', {
      visibility: 'public',
      startedAt: '2024-03-01T08:00:00Z',
      resolvedAt: '2024-03-01T09:00:00Z',
      related: ['2024-02-01-internal'],
    }),
    incident('2024-04-01-unset', { startedAt: '2024-04-01T08:00:00Z', resolvedAt: '2024-04-01T09:00:00Z' }),
    incident('2024-05-01-public-draft', {
      visibility: 'public',
      status: 'draft',
      startedAt: '2024-05-01T08:00:00Z',
    }),
  ];

  it('shows every published postmortem, newest first and unchanged, to an internal audience', () => {
    const all = entries();
    const shown = audienceFilter({ audience: 'internal', visibility, includeDrafts: false })(all);
    expect(idsOf(shown)).toEqual([
      '2024-04-01-unset',
      '2024-03-01-public-new',
      '2024-02-01-internal',
      '2024-01-01-public-old',
    ]);
    expect(shown[3]).toBe(all[0]);
  });

  it('shows only public, published postmortems to a public audience, redacted and linked within the build', () => {
    const shown = audienceFilter({ audience: 'public', visibility, includeDrafts: false })(entries());
    expect(idsOf(shown)).toEqual(['2024-03-01-public-new', '2024-01-01-public-old']);
    expect(shown[1]?.data.related).toEqual(['2024-03-01-public-new']);
    expect(shown[1]?.data).not.toHaveProperty('authors');
    expect(shown[0]?.data).not.toHaveProperty('related');
  });

  it("follows the site's default for postmortems that set no visibility", () => {
    const filter = audienceFilter({
      audience: 'public',
      visibility: { ...visibility, default: 'public' },
      includeDrafts: false,
    });
    // `incident()` parses with the schema's own default; a site default reaches the data through
    // the schema option, so here the field is left out to stand for data that has none.
    const { visibility: _unset, ...data } = incident('2024-04-01-unset').data;
    expect(idsOf(filter([{ id: 'no-visibility', data: data as Postmortem }]))).toEqual(['no-visibility']);
  });

  it('shows public drafts only when drafts are shown', () => {
    const options = { audience: 'public' as const, visibility };
    expect(idsOf(audienceFilter({ ...options, includeDrafts: false })(entries()))).not.toContain(
      '2024-05-01-public-draft',
    );
    expect(idsOf(audienceFilter({ ...options, includeDrafts: true })(entries()))).toContain(
      '2024-05-01-public-draft',
    );
  });

  it('hands out the same data objects when asked again, so per-build memos recognise the list', () => {
    const all = entries();
    const filter = audienceFilter({ audience: 'public', visibility, includeDrafts: false });
    const first = filter(all);
    const again = filter(all.map((entry) => ({ ...entry })));
    expect(again.map((entry) => entry.data)).toEqual(first.map((entry) => entry.data));
    again.forEach((entry, index) => expect(entry.data).toBe(first[index]?.data));
  });

  it('recomputes related links when the set of postmortems in the build changes', () => {
    const all = entries();
    const filter = audienceFilter({ audience: 'public', visibility, includeDrafts: false });
    expect(filter(all).find((entry) => entry.id === '2024-01-01-public-old')?.data.related).toEqual([
      '2024-03-01-public-new',
    ]);
    const withoutNew = all.filter((entry) => entry.id !== '2024-03-01-public-new');
    expect(filter(withoutNew)[0]?.data).not.toHaveProperty('related');
  });
});
