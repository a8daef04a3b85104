import { describe, expect, it } from 'vitest';
import { searchAttributes, searchRecord } from '../../src/lib/search/record';
import { incident } from './incidents';

describe('searchRecord', () => {
  const mail = incident('2024-05-09-mail-storage-array-disk', {
    title: 'Email down: a disk failed, and nobody noticed',
    startedAt: '2024-05-09T08:00:00Z',
    resolvedAt: '2024-05-09T11:30:00Z',
    services: ['email', 'mail-storage'],
    severity: 'SEV1',
    rootCause: {
      category: 'hardware',
      summary: 'A disk drive in the storage array failed.',
      trigger: 'The drive stopped answering reads.',
    },
    tasks: [
      { title: 'Add a spare', type: 'prevent', status: 'done' },
      { title: 'Alert on disk health', type: 'detect', status: 'in-progress' },
    ],
    tags: ['storage', 'disk'],
  });

  it('gives one value per facet, services multi-valued, with the start and duration to sort by', () => {
    expect(searchRecord(mail, 'Hardware').facets).toEqual({
      rootCause: 'hardware',
      services: ['email', 'mail-storage'],
      severity: 'SEV1',
      year: '2024',
      followUp: 'open',
      started: '2024-05-09T08:00:00.000Z',
      duration: 210,
    });
  });

  it('counts only open and in-progress tasks as open follow-up work', () => {
    const closed = incident('a', { tasks: [{ title: 'x', type: 'prevent', status: 'wont-do' }] });
    expect(searchRecord(closed, 'Hardware').facets.followUp).toEqual('closed');
    expect(searchRecord(incident('b'), 'Hardware').facets.followUp).toEqual('closed');
  });

  it('files an incident under the UTC year it started', () => {
    const newYear = incident('c', {
      startedAt: '2024-12-31T23:30:00-02:00',
      resolvedAt: '2025-01-01T03:00:00Z',
    });
    expect(searchRecord(newYear, 'Hardware').facets.year).toEqual('2025');
  });

  it('carries what a result shows, plus cause and tags for matching', () => {
    expect(searchRecord(mail, 'Hardware').meta).toEqual({
      title: 'Email down: a disk failed, and nobody noticed',
      date: '2024-05-09T08:00:00.000Z',
      severity: 'SEV1',
      summary: 'Email was down.',
      tags: 'storage, disk',
      cause: 'Hardware. A disk drive in the storage array failed. The drive stopped answering reads.',
      services: 'email, mail-storage',
    });
  });
});

describe('searchAttributes', () => {
  it('writes the facets as JSON and one key:value per metadata field, keeping commas and colons', () => {
    const record = searchRecord(
      incident('d', { title: 'Down: a, b and c', services: ['api', 'web'] }),
      'Hardware',
    );
    const attributes = searchAttributes(record);
    expect(JSON.parse(attributes.facets)).toEqual(record.facets);
    expect(attributes.meta).toContain('title:Down: a, b and c');
    expect(attributes.meta).toContain('services:api, web');
  });

  it('leaves out empty values', () => {
    const attributes = searchAttributes(searchRecord(incident('e'), 'Hardware'));
    expect(attributes.meta.some((pair) => pair.startsWith('tags:'))).toBe(false);
  });
});
