import { describe, expect, it } from 'vitest';
import {
  audienceLabel,
  dataForAudience,
  inAudience,
  internalTagInMarkdown,
  relatedWithin,
  withoutInternalFields,
} from '../../src/lib/audience';
import { DEFAULT_INTERNAL_FIELDS } from '../../src/schemas/visibility';
import { postmortemSchema } from '../../src/schemas/postmortem';
import { completePostmortem, parse, rootCauseIds, severityIds, validPostmortem } from './helpers';

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

  it('does not match other tags that start the same way', () => {
    expect(internalTagInMarkdown('<InternalLink>')).toBeUndefined();
    expect(internalTagInMarkdown('No tags at all.')).toBeUndefined();
  });
});
