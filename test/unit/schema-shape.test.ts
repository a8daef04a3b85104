import { describe, expect, it } from 'vitest';
import { allowedKeysAt, closestKey } from '../../src/lib/schema-shape';
import { schema } from './helpers';

describe('allowedKeysAt', () => {
  it('lists the top-level fields, looking through the transform', () => {
    expect(allowedKeysAt(schema(), [])).toEqual([
      'title',
      'summary',
      'status',
      'visibility',
      'severity',
      'startedAt',
      'detectedAt',
      'mitigatedAt',
      'resolvedAt',
      'duration',
      'timezone',
      'services',
      'impact',
      'rootCause',
      'resolution',
      'timeline',
      'tasks',
      'authors',
      'tags',
      'related',
    ]);
  });

  it('lists the fields of a nested object', () => {
    expect(allowedKeysAt(schema(), ['rootCause'])).toEqual([
      'category',
      'summary',
      'trigger',
      'contributingFactors',
    ]);
  });

  it('lists the fields of an item in a list, through its default', () => {
    expect(allowedKeysAt(schema(), ['tasks', 0])).toEqual([
      'title',
      'type',
      'status',
      'owner',
      'due',
      'link',
    ]);
    expect(allowedKeysAt(schema(), ['timeline', 2])).toEqual(['at', 'kind', 'text']);
  });

  it('is undefined where there is no object', () => {
    expect(allowedKeysAt(schema(), ['title'])).toBeUndefined();
    expect(allowedKeysAt(schema(), ['nope'])).toBeUndefined();
  });
});

describe('closestKey', () => {
  const known = allowedKeysAt(schema(), []) ?? [];

  it('matches a key written in another case', () => {
    expect(closestKey('rootcause', known)).toBe('rootCause');
    expect(closestKey('StartedAt', known)).toBe('startedAt');
  });

  it('matches a key written with separators', () => {
    expect(closestKey('root_cause', known)).toBe('rootCause');
    expect(closestKey('resolved-at', known)).toBe('resolvedAt');
  });

  it('matches a key one letter off', () => {
    expect(closestKey('servces', known)).toBe('services');
    expect(closestKey('tag', known)).toBe('tags');
  });

  it('suggests nothing for a key unlike any known one', () => {
    expect(closestKey('owner', known)).toBeUndefined();
  });
});
