import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkPostmortemFile } from '../../src/lib/content-check';
import { isPlaceholder } from '../../src/lib/placeholder';
import { MAX_SLUG_LENGTH, scaffoldFileName, scaffoldPostmortem, slugify } from '../../src/lib/scaffold';
import { schema, taxonomy } from './helpers';

const FILE = '/site/content/postmortems/2024-05-09-mail-down.mdx';

const scaffold = (options: Partial<Parameters<typeof scaffoldPostmortem>[0]> = {}) =>
  scaffoldPostmortem({ title: 'Mail down for everyone', date: '2024-05-09', taxonomy, ...options });

const frontmatterOf = (text: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;

/** The check's problems for a scaffolded file, as field and the text of the line it points at. */
function problemsIn(text: string) {
  const lines = text.split('\n');
  return checkPostmortemFile(FILE, text, schema()).problems.map((problem) => ({
    field: problem.field,
    line: lines[(problem.line ?? 0) - 1]?.trim(),
    message: problem.message,
  }));
}

/** A scaffold with every placeholder replaced, as an author would. */
const filledIn = () =>
  scaffold({ severity: 'SEV2', category: 'network', services: ['email'] })
    .replace(/^summary: .*$/m, 'summary: Mail was down for an hour.')
    .replace(/^startedAt: .*$/m, 'startedAt: 2024-05-09T08:00:00Z')
    .replace(/^ {2}summary: "TODO: what users experienced"$/m, '  summary: Nobody could send mail.')
    .replace(/^ {2}summary: "TODO: the root cause.*$/m, '  summary: A switch dropped the storage network.');

describe('slugify', () => {
  it('makes lowercase ASCII words joined by hyphens', () => {
    expect(slugify('Checkout: errors after the flag rollout!')).toBe(
      'checkout-errors-after-the-flag-rollout',
    );
    expect(slugify('  Café DNS outage — 502s  ')).toBe('cafe-dns-outage-502s');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify(
      'Storage array lost a disk and the rebuild starved every mailbox server of IO for hours',
    );
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('storage-array-lost-a-disk-and-the-rebuild');
    expect(slugify('x'.repeat(80))).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('falls back to "incident" when no latin letters or digits are left', () => {
    expect(slugify('メールが届かない')).toBe('incident');
  });
});

describe('scaffoldFileName', () => {
  it('puts the day first', () => {
    expect(scaffoldFileName('2024-05-09', 'mail-down')).toBe('2024-05-09-mail-down.mdx');
  });
});

describe('scaffoldPostmortem', () => {
  it('writes every required field, as a draft, with placeholders for what is not known', () => {
    const data = frontmatterOf(scaffold());
    expect(Object.keys(data)).toEqual([
      'title',
      'summary',
      'status',
      'severity',
      'startedAt',
      'services',
      'impact',
      'rootCause',
    ]);
    expect(data['title']).toBe('Mail down for everyone');
    expect(data['status']).toBe('draft');
    for (const value of [
      data['summary'],
      data['severity'],
      data['startedAt'],
      (data['services'] as unknown[])[0],
    ]) {
      expect(isPlaceholder(value)).toBe(true);
    }
    expect(data['impact']).toEqual({ summary: expect.stringMatching(/^TODO: /) });
    expect(data['rootCause']).toEqual({
      category: expect.stringMatching(/^TODO: /),
      summary: expect.stringMatching(/^TODO: /),
    });
  });

  it('fails the check at each placeholder, on its own line, until filled in', () => {
    expect(problemsIn(scaffold())).toEqual([
      {
        field: 'summary',
        line: expect.stringMatching(/^summary: "TODO: /),
        message: expect.stringMatching(/^is still a placeholder/),
      },
      {
        field: 'severity',
        line: expect.stringMatching(/^severity: "TODO: /),
        message: expect.stringMatching(/^is still a placeholder .*; use one of: SEV1, SEV2, SEV3, SEV4/),
      },
      {
        field: 'startedAt',
        line: expect.stringMatching(/^startedAt: "TODO: /),
        message: expect.stringMatching(/^is still a placeholder .*; it must be an ISO 8601 date-time/),
      },
      {
        field: 'services.0',
        line: expect.stringMatching(/^- "TODO: /),
        message: expect.stringMatching(/^is still a placeholder .*; it must be a lowercase slug/),
      },
      {
        field: 'impact.summary',
        line: expect.stringMatching(/^summary: "TODO: /),
        message: expect.stringMatching(/^is still a placeholder/),
      },
      {
        field: 'rootCause.category',
        line: expect.stringMatching(/^category: "TODO: /),
        message: expect.stringMatching(/^is still a placeholder .*; use one of: hardware, /),
      },
      {
        field: 'rootCause.summary',
        line: expect.stringMatching(/^summary: "TODO: /),
        message: expect.stringMatching(/^is still a placeholder/),
      },
    ]);
  });

  it('uses the severity, category and services it is given', () => {
    const text = scaffold({ severity: 'SEV2', category: 'network', services: ['email', 'mail-relay'] });
    expect(frontmatterOf(text)).toMatchObject({
      severity: 'SEV2',
      services: ['email', 'mail-relay'],
      rootCause: { category: 'network' },
    });
    expect(problemsIn(text).map((problem) => problem.field)).toEqual([
      'summary',
      'startedAt',
      'impact.summary',
      'rootCause.summary',
    ]);
  });

  it('quotes a title YAML would otherwise misread', () => {
    for (const title of ['Checkout: down again', '2024', '#1 outage', "Dana's cache, again"]) {
      expect(frontmatterOf(scaffold({ title }))['title']).toBe(title);
    }
  });

  it('passes the check, body included, once the placeholders are replaced', () => {
    const filled = filledIn();
    expect(problemsIn(filled)).toEqual([]);
  });

  it('shows optional fields as commented examples that are valid once uncommented', () => {
    const filled = filledIn();
    const uncommented = filled.replace(/^(\s*)# ((?:\s*- |\s*[a-zA-Z]+: ?).*)$/gm, '$1$2');
    const data = frontmatterOf(uncommented);
    for (const key of [
      'detectedAt',
      'mitigatedAt',
      'resolvedAt',
      'timezone',
      'visibility',
      'resolution',
      'timeline',
      'tasks',
      'authors',
      'tags',
      'related',
    ]) {
      expect(data, key).toHaveProperty(key);
    }
    expect(data['rootCause']).toHaveProperty('contributingFactors');
    // (This schema is not told which postmortems exist, so the example `related` id passes.)
    expect(problemsIn(uncommented)).toEqual([]);
  });

  it('has the sections an SRE review expects, each with a prompt, and points to the writing guide', () => {
    const text = scaffold();
    const headings = text.split('\n').filter((line) => line.startsWith('#') && !line.startsWith('# '));
    expect(headings).toEqual([
      '## Summary',
      '## Impact',
      '## Timeline',
      '## Root cause',
      '## Resolution',
      '## Corrective and preventive actions',
      '## Lessons learned',
      '### What went well',
      '### What went wrong',
      '### Where we got lucky',
    ]);
    const body = text.slice(text.indexOf('\n---\n') + 5);
    expect(body.match(/\{\/\* .+ \*\/\}/g)?.length).toBe(10);
    expect(text).toContain('/guide/');
  });
});
