import { describe, expect, it } from 'vitest';
import { normalizeTerm, synonymsFor, synonymUnits, type SynonymGroups } from '../../src/lib/search/synonyms';

const groups: SynonymGroups = [
  ['outage', 'downtime', 'unavailable'],
  ['db', 'database', 'postgres', 'postgresql'],
  ['db', 'database', 'mysql'],
  ['oom', 'out of memory'],
  ['lb', 'load balancer'],
  ['cert', 'certificate'],
  ['deploy', 'release', 'rollout'],
  ['proxy', 'reverse proxy'],
  ['dns', 'name server'],
];

describe('synonymsFor', () => {
  it('gives the other members of the group, in the order the file lists them', () => {
    expect(synonymsFor('outage', groups)).toEqual(['downtime', 'unavailable']);
    expect(synonymsFor('unavailable', groups)).toEqual(['outage', 'downtime']);
  });

  it('ignores case and surrounding space', () => {
    expect(synonymsFor(' OOM ', groups)).toEqual(['out of memory']);
    expect(synonymsFor('Certificate', groups)).toEqual(['cert']);
  });

  it('gives the members of both groups for a term in two, each once', () => {
    expect(synonymsFor('db', groups)).toEqual(['database', 'postgres', 'postgresql', 'mysql']);
  });

  it('does not chain through a shared term: postgres does not reach mysql', () => {
    expect(synonymsFor('postgres', groups)).toEqual(['db', 'database', 'postgresql']);
    expect(synonymsFor('mysql', groups)).toEqual(['db', 'database']);
  });

  it('looks up a multi-word term as one', () => {
    expect(synonymsFor('out of memory', groups)).toEqual(['oom']);
    expect(synonymsFor('load   balancer', groups)).toEqual(['lb']);
  });

  it('finds the group of a plural or past form when the word itself is in none', () => {
    expect(synonymsFor('certs', groups)).toEqual(['certificate']);
    expect(synonymsFor('outages', groups)).toEqual(['downtime', 'unavailable']);
    expect(synonymsFor('proxies', groups)).toEqual(['reverse proxy']);
    expect(synonymsFor('deployed', groups)).toEqual(['release', 'rollout']);
    expect(synonymsFor('released', groups)).toEqual(['deploy', 'rollout']);
    expect(synonymsFor('releasing', groups)).toEqual(['deploy', 'rollout']);
    expect(synonymsFor('load balancers', groups)).toEqual(['lb']);
  });

  it('does not strip endings from short words or double s', () => {
    expect(synonymsFor('dbs', groups)).toEqual([]);
    expect(synonymsFor('dnss', groups)).toEqual([]);
  });

  it('is empty for a word in no group', () => {
    expect(synonymsFor('checkout', groups)).toEqual([]);
    expect(synonymsFor('', groups)).toEqual([]);
    expect(synonymsFor('outage', [])).toEqual([]);
  });
});

describe('synonymUnits', () => {
  it('joins the words of a multi-word term into one unit', () => {
    expect(synonymUnits(['pods', 'out', 'of', 'memory'], groups)).toEqual(['pods', 'out of memory']);
    expect(synonymUnits(['Load', 'Balancer', 'errors'], groups)).toEqual(['load balancer', 'errors']);
  });

  it('takes the longest term starting at a word', () => {
    const nested: SynonymGroups = [
      ['load balancer', 'lb'],
      ['load balancer health check', 'lb probe'],
    ];
    expect(synonymUnits(['load', 'balancer', 'health', 'check', 'failed'], nested)).toEqual([
      'load balancer health check',
      'failed',
    ]);
    expect(synonymUnits(['load', 'balancer', 'health'], nested)).toEqual(['load balancer', 'health']);
  });

  it('joins a plural multi-word term as typed, which synonymsFor then finds', () => {
    expect(synonymUnits(['load', 'balancers', 'down'], groups)).toEqual(['load balancers', 'down']);
  });

  it('leaves words that start no term as they are, in order', () => {
    expect(synonymUnits(['out', 'of', 'disk'], groups)).toEqual(['out', 'of', 'disk']);
    expect(synonymUnits(['Checkout', 'slow'], groups)).toEqual(['Checkout', 'slow']);
    expect(synonymUnits([], groups)).toEqual([]);
  });
});

describe('normalizeTerm', () => {
  it('lowercases, trims and keeps one space between words', () => {
    expect(normalizeTerm('  Out Of\tMemory ')).toBe('out of memory');
  });
});
