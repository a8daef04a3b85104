import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importFileName, slugify } from '../../src/lib/import/file-name';
import { frontmatterYaml, type Draft } from '../../src/lib/import/frontmatter';
import { findSeverity, names, serviceSlugs } from '../../src/lib/import/labelled-fields';
import { taxonomy } from './helpers';

const draft: Draft = {
  title: { value: 'Mail down after a disk failed' },
  summary: { placeholder: 'TODO: the issue summary in one to three sentences' },
  severity: { value: 'SEV2', note: 'guessed from a mention in the text', guessed: true },
  startedAt: { value: '2024-02-22T15:00:00-08:00' },
  resolvedAt: { placeholder: 'TODO: YYYY-02-22T17:00:00Z, the source gives no year' },
  timezone: { value: 'America/Los_Angeles', note: 'from "PST"' },
  services: { placeholder: 'TODO: the affected services' },
  impact: {
    summary: { value: 'One user in five could not send mail.' },
    usersAffectedPercent: { value: 20 },
  },
  rootCause: {
    category: { value: 'hardware', note: 'guessed from "disk"', guessed: true },
    summary: {
      value:
        'A storage disk failed and corrupted the mail store it held, which stopped delivery for a fifth of users.',
    },
  },
  timeline: [{ at: { placeholder: 'TODO: when' }, kind: { value: 'detection' }, text: 'Alerts fire.' }],
  tasks: [
    {
      title: 'Add redundant storage',
      type: { value: 'prevent', note: 'guessed from "redundant"', guessed: true },
      status: 'open',
      owner: 'infra',
    },
  ],
};

describe('frontmatterYaml', () => {
  const yaml = frontmatterYaml(draft);

  it('writes a draft with every value, placeholders included, in frontmatter order', () => {
    const data = parseYaml(yaml) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual([
      'title',
      'summary',
      'status',
      'severity',
      'startedAt',
      'resolvedAt',
      'timezone',
      'services',
      'impact',
      'rootCause',
      'timeline',
      'tasks',
    ]);
    expect(data).toMatchObject({
      status: 'draft',
      summary: 'TODO: the issue summary in one to three sentences',
      services: ['TODO: the affected services'],
      tasks: [{ title: 'Add redundant storage', type: 'prevent', status: 'open', owner: 'infra' }],
    });
  });

  it('marks guesses and sources with comments on their lines', () => {
    expect(yaml).toContain('severity: SEV2 # guessed from a mention in the text\n');
    expect(yaml).toContain('  category: hardware # guessed from "disk"\n');
    expect(yaml).toContain('timezone: America/Los_Angeles # from "PST"\n');
    expect(yaml).toContain('    type: prevent # guessed from "redundant"\n');
  });

  it('folds long prose into a block, as the sample postmortems write it', () => {
    expect(yaml).toMatch(/ {2}summary: >-\n {4}A storage disk failed/);
  });
});

describe('file names', () => {
  it('are the start date and the telling words of the title', () => {
    expect(importFileName('2024-02-22', 'One in five users could not send email after a disk failed')).toBe(
      '2024-02-22-one-five-users-could-not-send.mdx',
    );
    expect(
      slugify('On February 22, 2024 by the hour of 3:00 PM (PST), an outage occurred in our mail server'),
    ).toBe('outage-occurred-mail-server');
  });

  it('start with "undated" without a date, and fall back to "incident" without words', () => {
    expect(importFileName(undefined, 'Search went stale')).toBe('undated-search-went-stale.mdx');
    expect(importFileName(undefined, '')).toBe('undated-incident.mdx');
    expect(slugify('Ünïcode café ✓')).toBe('unicode-cafe');
  });
});

describe('labelled fields', () => {
  it('read names without e-mail addresses', () => {
    expect(names('Ana Ruiz, Bo Lindqvist and "Cy" <cy@example.com>')).toEqual([
      'Ana Ruiz',
      'Bo Lindqvist',
      'Cy',
    ]);
  });

  it('read a severity id however it is spelt, and only one the taxonomy has', () => {
    expect(findSeverity('Severity: Sev-2 (major)', taxonomy.severities)).toBe('SEV2');
    expect(findSeverity('this was a SEV 1', taxonomy.severities)).toBe('SEV1');
    expect(findSeverity('P1', taxonomy.severities)).toBeUndefined();
  });

  it('read services as unique slugs', () => {
    expect(serviceSlugs('Mail relay, IMAP and mail relay')).toEqual(['mail-relay', 'imap']);
  });
});
